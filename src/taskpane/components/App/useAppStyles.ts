import { makeStyles, tokens } from "@fluentui/react-components";

export const useAppStyles = makeStyles({
  connecting: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    textAlign: "center",
  },
  muted: { color: tokens.colorNeutralForeground3 },
});
