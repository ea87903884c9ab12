/**
 * Parity with Excel: the values the recalculation computed against the values Excel cached in
 * the same file. Used by the real-workbook tests and to measure the figures in docs/recalc.md.
 */
import type { ComputedCell, Evaluation, Shown } from "./evaluate";
import { calledFunctions } from "./formula";
import type { WorkbookCache } from "./savedCells";

/** Functions whose value changes on every recalculation: never compared. */
const VOLATILE = new Set(["NOW", "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY"]);

export interface Difference {
  key: string;
  computed: Shown;
  cached: Shown;
}

export interface Parity {
  /** Cells whose computed value was compared with a cached one. */
  compared: number;
  /** Of those, equal (numbers to 1e-9 relative). */
  equal: number;
  differences: Difference[];
  /** Formula cells refused (they keep their cached value). */
  refused: number;
  /** Cells not compared: no cached value, or a volatile formula. */
  skipped: number;
}

/** A cached raw content as shown: text without its apostrophe. */
function asShown(content: unknown): Shown | undefined {
  if (typeof content === "string") return content.startsWith("'") ? content.slice(1) : content;
  if (typeof content === "number" || typeof content === "boolean") return content;
  return undefined;
}

/** Whether two values are the same to a planner: numbers to 1e-9 relative, everything else exactly. */
export function sameValue(computed: Shown, cached: Shown): boolean {
  if (typeof computed === "number" && typeof cached === "number") {
    return Math.abs(computed - cached) <= 1e-9 * Math.max(1, Math.abs(cached));
  }
  return computed === cached;
}

/**
 * Compares every computed cell with what Excel cached in it.
 * @example parity(evaluation, recalculation.saved) // → { compared: 276, equal: 276, differences: [], … }
 */
export function parity(evaluation: Evaluation, cache: WorkbookCache): Parity {
  const result: Parity = { compared: 0, equal: 0, differences: [], refused: evaluation.refused.length, skipped: 0 };
  const volatile = evaluation.cells.filter((c) => c.formula && calledFunctions(c.formula.engineFormula).some((n) => VOLATILE.has(n.toUpperCase())));
  const isVolatile = (cell: ComputedCell) =>
    volatile.some((v) => v === cell || (v.sheet === cell.sheet && v.spill && cell.row >= v.spill.top && cell.row <= v.spill.bottom && cell.col >= v.spill.left && cell.col <= v.spill.right));
  for (const cell of evaluation.cells) {
    const cached = asShown(cache.value(cell.sheet, cell.row, cell.col));
    if (cached === undefined || isVolatile(cell)) {
      result.skipped++;
      continue;
    }
    result.compared++;
    if (sameValue(cell.value, cached)) result.equal++;
    else result.differences.push({ key: cell.key, computed: cell.value, cached });
  }
  return result;
}
