import type { SectionProps } from "../TaskPane/TaskPane.types";

/** What the pane must say before anything else: where it runs, what the workbook stored, who changed it. */
export type NoticesProps = SectionProps;
