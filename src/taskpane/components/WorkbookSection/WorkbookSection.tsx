/** Workbook actions: a sample sheet for the chosen model, a chart of an MPS.TABLE block. */
import type { WorkbookSectionProps } from "./WorkbookSection.types";
import { renderWorkbookSection } from "./renderWorkbookSection";
import { useWorkbookSectionStyles } from "./useWorkbookSectionStyles";

export function WorkbookSection(props: WorkbookSectionProps) {
  return renderWorkbookSection(props, useWorkbookSectionStyles());
}
