/**
 * The task pane: the planner's settings for this workbook, and workbook actions. Composes
 * the state hooks (useSettings, useWorkbookActions) with the styles and hands both to the
 * pure render function; all workbook access goes through the `host` prop.
 */
import { useTaskPaneStyles } from "./useTaskPaneStyles";
import { renderTaskPane } from "./renderTaskPane";
import { useSettings } from "../hooks/useSettings";
import { useWorkbookActions } from "../hooks/useWorkbookActions";
import type { WorkbookHost } from "../host/WorkbookHost";

export interface TaskPaneProps {
  /** The workbook the pane works on (Office.js inside Excel, in-memory elsewhere). */
  host: WorkbookHost;
}

export function TaskPane({ host }: TaskPaneProps) {
  const form = useSettings(host);
  const actions = useWorkbookActions(host);
  const styles = useTaskPaneStyles();
  return renderTaskPane({ inExcel: host.kind === "excel", form, actions, styles });
}
