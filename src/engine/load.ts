/**
 * Rough-cut capacity planning (RCCP): the load an MPS puts on each resource, period by
 * period, through a bill of resources with lead-time offsets.
 */
import { checkBlock } from "./block";
import { resultRow, resultRows } from "./rows";
import type { Result, Series } from "./types";
import { checkSeries, fail, ok } from "./validate";

/** The load of one MPS row: one row per resource of the bill. */
export interface Load {
  /**
   * Hours (or any capacity unit) per resource and period, laid out like the MPS. Period 0
   * includes the past-due load.
   */
  load: Float64Array[];
  /** Per resource: the load that would fall before period 0 (already included in load[r][0]). */
  pastDue: Float64Array;
  /**
   * Per resource and MPS period: how much of the load of the MPS quantity due in that period
   * would fall before period 0. Only the first (offsets − 1) periods can be non-zero.
   */
  pastDueFrom: Float64Array[];
}

/**
 * Load an MPS row on resources: the rough-cut capacity check.
 *
 * `bill` holds one row per resource; column k of a row is the capacity (hours) one unit of
 * the item needs **k periods before** its MPS quantity is due. So
 * Load[r][t] = Σ_k bill[r][k] × MPS[t + k]. Load that would fall before period 0 is not
 * lost: it is added to period 0 and reported as past due. The three textbook methods are
 * shapes of the bill: one resource with one offset (overall factor), several resources with
 * one offset each (bill of capacity), offsets (resource profile). Rows may have different
 * numbers of offsets. Time O(resources × periods × offsets), skipping periods without MPS.
 *
 * @param mps MPS quantity per period (due in that period)
 * @param bill per resource, capacity per unit at offsets 0, 1, … periods before the due period
 * @returns the load per resource, with the past-due load per resource and per MPS period
 * @example
 * loadOf([0, 100, 0, 50], [[1, 2]]);
 * // 1 h in the due period and 2 h one period before:
 * // period 0: 2 × 100 = 200; period 1: 1 × 100 = 100; period 2: 2 × 50 = 100; period 3: 1 × 50 = 50
 * // load [[200, 100, 100, 50]], pastDue [0]
 * loadOf([80, 0, 0, 0], [[1, 2]]);
 * // 80 × 1 in period 0, and 80 × 2 one period before period 0: past due, added to period 0
 * // load [[240, 0, 0, 0]], pastDue [160], pastDueFrom [[160, 0, 0, 0]]
 */
export function loadOf(mps: Series, bill: readonly Series[]): Result<Load> {
  const error =
    checkSeries(mps, "mps") ?? checkBlock(bill, "bill", { rowName: "resource", columnName: "offset", sameLength: false });
  if (error) return fail(error);
  return ok(loadCore(mps, bill));
}

/**
 * `loadOf` on inputs already checked.
 * @param mps MPS quantity per period
 * @param bill capacity per unit per resource and offset
 * @returns the load
 */
export function loadCore(mps: Series, bill: readonly Series[]): Load {
  const n = mps.length;
  const resources = bill.length;
  const rows = resultRows(2 * resources, n);
  const pastDue = resultRow(resources);
  const load: Float64Array[] = [];
  const pastDueFrom: Float64Array[] = [];
  for (let r = 0; r < resources; r++) {
    const row = load[r] = rows[2 * r];
    const early = pastDueFrom[r] = rows[2 * r + 1];
    const hours = bill[r];
    const offsets = hours.length;
    // Due period t, offset k: the load lands in t − k. For a fixed landing period the terms
    // arrive in order of k, as in the formula.
    for (let t = 0; t < n; t++) {
      const quantity = mps[t];
      if (quantity === 0) continue;
      const onTime = Math.min(offsets, t + 1);
      for (let k = 0; k < onTime; k++) row[t - k] += hours[k] * quantity;
      for (let k = onTime; k < offsets; k++) early[t] += hours[k] * quantity;
      if (early[t] !== 0) {
        row[0] += early[t];
        pastDue[r] += early[t];
      }
    }
  }
  return { load, pastDue, pastDueFrom };
}
