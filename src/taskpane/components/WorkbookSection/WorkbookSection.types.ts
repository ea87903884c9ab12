import type { SectionProps } from "../TaskPane/TaskPane.types";

/** The workbook actions: insert a sample sheet, insert a chart, and what came of them. */
export type WorkbookSectionProps = SectionProps;
