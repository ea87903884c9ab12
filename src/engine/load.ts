/**
 * Rough-cut capacity planning (RCCP): the load an MPS puts on each resource, period by
 * period, through a bill of resources with lead-time offsets.
 */
import { checkBlock, periodValues } from "./block";
import { tolerance } from "./numeric";
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

/** Use of one resource per period, in the unit of capacity (hours, or units). */
export interface CapacityUse {
  /** Capacity per period (one number given for all is spread over the periods). */
  capacity: Float64Array;
  /** Load per period (for a levelled plan: Σ items hoursPerUnit × MPS). */
  load: Float64Array;
  /** Capacity − load where positive, else 0. */
  spare: Float64Array;
  /** Load − capacity where positive, else 0. A levelled plan overloads only where a firm MPS alone does. */
  overload: Float64Array;
  /** 100 × load / capacity, a percentage number (85 means 85 %); 0 when both are 0, Infinity for load on no capacity. */
  utilization: Float64Array;
}

/**
 * Compare a load with capacity: the rough-cut check, period by period.
 *
 * Spare capacity and overload ignore floating-point noise of one part in 10⁹ of the larger of
 * the two, so a load that exactly fills capacity shows neither.
 *
 * @param load load per period (a row of `loadOf`, or several added up)
 * @param capacity capacity per period: a row as long as load, or one number for every period
 * @returns capacity, load (copies), spare capacity, overload and utilization per period
 * @example
 * compareLoad([200, 100, 100, 50], 150);
 * // spare [0, 50, 50, 100]; overload [50, 0, 0, 0]; utilization [133.33…, 66.67…, 66.67…, 33.33…]
 */
export function compareLoad(load: Series, capacity: Series | number): Result<CapacityUse> {
  const loadError = checkSeries(load, "load");
  if (loadError) return fail(loadError);
  const [capacityRow, loadRow, spare, overload, utilization] = resultRows(5, load.length);
  const capacityResult = periodValues(capacity, "capacity", load.length, "load", capacityRow);
  if (!capacityResult.ok) return capacityResult;
  loadRow.set(load);
  return ok(useCore(capacityRow, loadRow, { spare, overload, utilization }));
}

/**
 * `compareLoad` on checked rows, writing into the given zero-filled rows.
 * @param capacity capacity per period
 * @param load load per period
 * @param rows where to write spare, overload and utilization
 * @returns the use, made of the given rows
 */
export function useCore(
  capacity: Float64Array,
  load: Float64Array,
  rows: { spare: Float64Array; overload: Float64Array; utilization: Float64Array },
): CapacityUse {
  const { spare, overload, utilization } = rows;
  for (let t = 0; t < capacity.length; t++) {
    const noise = tolerance(Math.max(capacity[t], load[t]));
    const difference = capacity[t] - load[t];
    spare[t] = difference > noise ? difference : 0;
    overload[t] = -difference > noise ? -difference : 0;
    utilization[t] = capacity[t] > 0 ? (100 * load[t]) / capacity[t] : load[t] > 0 ? Infinity : 0;
  }
  return { capacity, load, spare, overload, utilization };
}
