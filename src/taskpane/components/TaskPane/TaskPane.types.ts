import type { ComponentType } from "react";
import type { SettingsForm } from "../../hooks/useSettings";
import type { WorkbookActions } from "../../hooks/useWorkbookActions";
import type { WorkbookHost } from "../../host/WorkbookHost";

export interface TaskPaneProps {
  /** The workbook the pane works on (Office.js inside Excel, in-memory elsewhere). */
  host: WorkbookHost;
}

/** What every section of the pane is given: the pane's state, one place per concern. */
export interface SectionProps {
  /** True inside Excel, false on the in-memory host. */
  inExcel: boolean;
  form: SettingsForm;
  actions: WorkbookActions;
  /** True while Apply saves: fields are read-only then. */
  saving: boolean;
}

/** One section of the pane, in the order PANE_SECTIONS lists them. */
export interface PaneSection {
  /** Stable key (and the section's test id). */
  id: string;
  Component: ComponentType<SectionProps>;
}
