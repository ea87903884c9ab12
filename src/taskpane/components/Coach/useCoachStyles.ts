import { makeStyles, tokens } from "@fluentui/react-components";
import { headingStyle } from "../TaskPane/sectionStyles";

export const useCoachStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  toolbar: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  heading: headingStyle,
  muted: { color: tokens.colorNeutralForeground3 },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  itemHeader: { display: "flex", alignItems: "baseline", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  lines: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // Badge and message side by side, the messages aligned; in a narrow pane (zoomed) the message wraps below its badge.
  line: {
    justifyContent: "flex-start",
    alignItems: "flex-start",
    flexWrap: "wrap",
    textAlign: "start",
    width: "100%",
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  },
  // Its width is set per item (renderItem): the longest type's name among the item's messages.
  type: { flexShrink: 0, justifyContent: "flex-start", marginTop: "1px" },
  message: { flex: "1 1 12em", minWidth: 0 },
  text: { margin: 0 },
  checks: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
