import { makeStyles, tokens } from "@fluentui/react-components";
import { headingStyle, sectionStyle } from "../TaskPane/sectionStyles";

export const useWorkbookSectionStyles = makeStyles({
  section: sectionStyle,
  heading: headingStyle,
  actions: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
});
