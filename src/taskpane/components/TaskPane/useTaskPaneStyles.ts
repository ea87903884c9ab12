/** Layout of the task pane: a narrow column of sections, Fluent tokens only. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useTaskPaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} 0`,
    minHeight: "100vh",
    boxSizing: "border-box",
    // Nothing may be wider than the pane (350 px, 175 CSS px at 200 % zoom).
    minWidth: 0,
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // A view fills the rest of the pane with its sections spaced as the pane's were (the Apply bar at the bottom).
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, flexGrow: 1, minWidth: 0, "&[hidden]": { display: "none" } },
  muted: { color: tokens.colorNeutralForeground3 },
  // Pushes the Apply bar to the bottom when the content is shorter than the pane.
  spacer: { flexGrow: 1 },
  loading: { padding: tokens.spacingVerticalXXL },
});
