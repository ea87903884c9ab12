import { makeStyles } from "@fluentui/react-components";

/** The SpinButton fills its column and may shrink with it (narrow or zoomed panes). */
export const usePeriodFieldStyles = makeStyles({
  spin: { width: "100%", minWidth: 0 },
});
