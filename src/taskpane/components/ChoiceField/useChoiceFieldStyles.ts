import { makeStyles, tokens } from "@fluentui/react-components";

export const useChoiceFieldStyles = makeStyles({
  label: { display: "flex", flexDirection: "column" },
  explanation: { color: tokens.colorNeutralForeground3 },
  // Fluent's Dropdown has a 250px minimum width and its list 160px: at 200 % zoom a 350px
  // pane is 175 CSS pixels wide, so both must be allowed to shrink with the pane.
  dropdown: { minWidth: 0, width: "100%", maxWidth: "100%", boxSizing: "border-box" },
  listbox: { minWidth: 0, maxWidth: "calc(100vw - 16px)" },
});
