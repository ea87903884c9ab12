/**
 * The task pane: two views, the Coach (what needs the planner in this workbook's MPS blocks) and
 * Settings (the planner's settings for this workbook, and workbook actions). Composes the state
 * hooks (useSettings, useWorkbookActions, usePaneView) with the styles and hands them, with the
 * list of sections, to the pure render function; all workbook access goes through the `host` prop.
 */
import { useSettings } from "../../hooks/useSettings";
import { useWorkbookActions } from "../../hooks/useWorkbookActions";
import type { TaskPaneProps } from "./TaskPane.types";
import { renderTaskPane } from "./renderTaskPane";
import { PANE_SECTIONS } from "./sections";
import { usePaneView } from "./usePaneView";
import { useTaskPaneStyles } from "./useTaskPaneStyles";

export function TaskPane({ host }: TaskPaneProps) {
  const form = useSettings(host);
  const actions = useWorkbookActions(host);
  const view = usePaneView(form);
  const styles = useTaskPaneStyles();
  const props = { inExcel: host.kind === "excel", form, actions, saving: form.status.kind === "saving" };
  return renderTaskPane(PANE_SECTIONS, props, styles, view, host);
}
