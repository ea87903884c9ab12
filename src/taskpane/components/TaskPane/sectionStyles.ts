/** The look every section of the pane shares (spread into each section's makeStyles). */
import { tokens, type GriffelStyle } from "@fluentui/react-components";

export const sectionStyle: GriffelStyle = {
  display: "flex",
  flexDirection: "column",
  gap: tokens.spacingVerticalM,
  paddingTop: tokens.spacingVerticalM,
  borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
};

export const headingStyle: GriffelStyle = { margin: 0 };
