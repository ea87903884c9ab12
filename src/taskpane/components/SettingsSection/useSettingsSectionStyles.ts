import { makeStyles, tokens } from "@fluentui/react-components";
import { headingStyle, sectionStyle } from "../TaskPane/sectionStyles";

export const useSettingsSectionStyles = makeStyles({
  section: sectionStyle,
  heading: headingStyle,
  // Period fields side by side where there is room, one per row in a narrow (or zoomed) pane;
  // a choice takes the whole row.
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(8.5rem, 1fr))",
    alignItems: "start",
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  wide: { gridColumn: "1 / -1", minWidth: 0 },
  narrow: { minWidth: 0 },
});
