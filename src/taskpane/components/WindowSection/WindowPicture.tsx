/**
 * The consumption window drawn around an example period t: one cell per period, numbered in
 * the order an order in t consumes them (1 = its own period). Screen readers get the same
 * picture as one sentence (the caption, which labels the image).
 */
import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { ConsumptionMode } from "../../../engine";
import { describeWindow, windowCells, type WindowCell } from "../../window/consumptionWindow";

export interface WindowPictureProps {
  /** Backward periods (a whole number ≥ 0). */
  backward: number;
  /** Forward periods (a whole number ≥ 0). */
  forward: number;
  mode: ConsumptionMode;
}

const useWindowPictureStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", gap: tokens.spacingHorizontalXXS, flexWrap: "nowrap", overflowX: "auto" },
  cell: {
    minWidth: "34px",
    flex: "1 1 0",
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    paddingBlock: tokens.spacingVerticalXXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  own: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
  },
  window: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  outside: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground3 },
  more: { border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`, color: tokens.colorNeutralForeground2 },
  step: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  caption: { color: tokens.colorNeutralForeground2 },
});

export function WindowPicture({ backward, forward, mode }: WindowPictureProps) {
  const styles = useWindowPictureStyles();
  const captionId = useId();
  const cells = windowCells(backward, forward, mode);
  const kindClass: Record<WindowCell["kind"], string> = {
    own: styles.own,
    window: styles.window,
    outside: styles.outside,
    more: styles.more,
  };
  return (
    <div className={styles.root}>
      <div className={styles.row} role="img" aria-labelledby={captionId} data-testid="window-picture">
        {cells.map((cell) => (
          <div key={cell.key} className={mergeClasses(styles.cell, kindClass[cell.kind])} data-kind={cell.kind}>
            <span>{cell.label}</span>
            <span className={styles.step}>{cell.step ?? cell.steps ?? "–"}</span>
          </div>
        ))}
      </div>
      <Caption1 id={captionId} className={styles.caption}>
        {describeWindow(backward, forward, mode)}
      </Caption1>
    </div>
  );
}
