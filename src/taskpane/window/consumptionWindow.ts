/**
 * Which periods an order in an example period t may consume, in which order: the model
 * behind the window picture. Pure; follows the engine's rule (docs/engine.md §1): the own
 * period first, then nearest first on the side the mode names first, then the other side.
 */
import type { ConsumptionMode } from "../../engine";

/** Offsets from t (−2 = t-2) in the order an order in period t consumes them; t itself is first. */
export function consumptionOrder(backward: number, forward: number, mode: ConsumptionMode): number[] {
  const back = mode === "forward" ? [] : range(1, backward).map((k) => -k);
  const ahead = mode === "backward" ? [] : range(1, forward);
  return [0, ...(mode === "forward-backward" ? [...ahead, ...back] : [...back, ...ahead])];
}

/** One cell of the picture. `step` is the 1-based consumption step, absent outside the window. */
export interface WindowCell {
  key: string;
  /** "t", "t-2", "t+1", or "…" for a run of periods not drawn one by one. */
  label: string;
  kind: "own" | "window" | "outside" | "more";
  step?: number;
  /** For "more": the steps the hidden periods take, e.g. "5–9". */
  steps?: string;
}

/** Periods drawn one by one on each side; longer windows end in a "…" cell. */
export const CELLS_PER_SIDE = 3;

/**
 * The row of cells around t: the window's periods numbered by step, one period outside the
 * window on each side, long windows shortened with "…".
 * @example windowCells(1, 2, "backward-forward").map((c) => `${c.label}:${c.step ?? "-"}`)
 *   // → ["t-2:-", "t-1:2", "t:1", "t+1:3", "t+2:4", "t+3:-"]
 */
export function windowCells(backward: number, forward: number, mode: ConsumptionMode): WindowCell[] {
  const order = consumptionOrder(backward, forward, mode);
  const stepOf = new Map(order.map((offset, i) => [offset, i + 1]));
  const side = (sign: -1 | 1, width: number): WindowCell[] => {
    const cells: WindowCell[] = [];
    const drawn = Math.min(width, CELLS_PER_SIDE);
    for (let k = 1; k <= drawn; k++) cells.push(cell(sign * k, stepOf.get(sign * k)));
    if (width > CELLS_PER_SIDE) {
      const hidden = range(CELLS_PER_SIDE + 1, width).map((k) => stepOf.get(sign * k));
      const steps = hidden.filter((s): s is number => s !== undefined);
      cells.push({
        key: `more${sign}`,
        label: "…",
        kind: "more",
        steps: steps.length ? `${Math.min(...steps)}–${Math.max(...steps)}` : undefined,
      });
    } else {
      cells.push(cell(sign * (width + 1), undefined));
    }
    return cells;
  };
  return [...side(-1, backward).reverse(), cell(0, 1), ...side(1, forward)];
}

/**
 * The picture in words, for screen readers and as its caption.
 * @example describeWindow(2, 1, "backward-forward")
 *   // → "An order in period t consumes forecast from t first, then t-1 back to t-2, then t+1. What is left is excess."
 */
export function describeWindow(backward: number, forward: number, mode: ConsumptionMode): string {
  const backText = backward === 1 ? "t-1" : `t-1 back to t-${backward}`;
  const aheadText = forward === 1 ? "t+1" : `t+1 up to t+${forward}`;
  const back = mode !== "forward" && backward > 0 ? backText : undefined;
  const ahead = mode !== "backward" && forward > 0 ? aheadText : undefined;
  const parts = (mode === "forward-backward" ? [ahead, back] : [back, ahead]).filter(Boolean);
  const route = parts.length
    ? `An order in period t consumes forecast from t first, then ${parts.join(", then ")}.`
    : "An order in period t consumes forecast from t only.";
  const ignored =
    mode === "forward" && backward > 0
      ? " Backward periods are ignored in this mode."
      : mode === "backward" && forward > 0
        ? " Forward periods are ignored in this mode."
        : "";
  return `${route} What is left is excess.${ignored}`;
}

function cell(offset: number, step: number | undefined): WindowCell {
  const label = offset === 0 ? "t" : offset < 0 ? `t${offset}` : `t+${offset}`;
  const kind = offset === 0 ? "own" : step === undefined ? "outside" : "window";
  return { key: label, label, kind, step };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(k);
  return out;
}
