import { makeStyles } from "@fluentui/react-components";

/** The SpinButton fills its column and may shrink with it (narrow or zoomed panes). */
export const usePeriodFieldStyles = makeStyles({
  spin: { width: "100%", minWidth: 0, boxSizing: "border-box", gridTemplateColumns: "minmax(0, 1fr) 24px" },
  // The input's default size (20 characters) would keep the field wider than its column.
  input: { minWidth: 0, width: "100%" },
});
