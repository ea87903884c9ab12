/**
 * Forecast explosion through an ATO planning bill: family forecast × attach rate per option,
 * with option overplanning (hedge) kept in its own rows.
 */
import { resultRows } from "./rows";
import type { Result, Series } from "./types";
import { checkQuantity, checkSeries, fail, ok } from "./validate";

/** One row per option, in the order of the attach rates. */
export interface Explosion {
  /** Family forecast × attach rate: the option's expected demand. */
  base: Float64Array[];
  /** Base × hedge: option overplanning, reported apart so nobody mistakes it for demand. */
  hedge: Float64Array[];
}

/**
 * Explode a family forecast into option forecasts through a planning bill.
 *
 * @param familyForecast forecast of the family (product line) per period
 * @param attachRates one attach rate per option (0.6 = 60 % of family units take the option);
 *   rates may sum to more than 1 when options are not mutually exclusive, or exceed 1 as a
 *   quantity per unit
 * @param hedge option overplanning as a fraction (0.1 = 10 %). @default 0
 * @returns base and hedge rows per option
 * @example
 * explodeForecast([100, 200], [0.6, 0.4], 0.1);
 * // base  [[60, 120], [40, 80]]   (100 × 0.6, 200 × 0.6; 100 × 0.4, 200 × 0.4)
 * // hedge [[6, 12], [4, 8]]       (base × 0.1)
 */
export function explodeForecast(familyForecast: Series, attachRates: Series, hedge?: number): Result<Explosion> {
  const error =
    checkSeries(familyForecast, "familyForecast") ?? checkSeries(attachRates, "attachRates") ?? checkQuantity(hedge, "hedge");
  if (error) return fail(error);
  return ok(explodeCore(familyForecast, attachRates, hedge ?? 0));
}

/**
 * `explodeForecast` on inputs already checked.
 * @param familyForecast family forecast per period
 * @param attachRates attach rate per option
 * @param hedge overplanning fraction
 * @returns base and hedge rows per option
 */
export function explodeCore(familyForecast: Series, attachRates: Series, hedge: number): Explosion {
  const n = familyForecast.length;
  const base: Float64Array[] = [];
  const hedgeRows: Float64Array[] = [];
  for (let option = 0; option < attachRates.length; option++) {
    const rate = attachRates[option];
    const [baseRow, hedgeRow] = resultRows(2, n);
    for (let t = 0; t < n; t++) {
      baseRow[t] = familyForecast[t] * rate;
      hedgeRow[t] = baseRow[t] * hedge;
    }
    base.push(baseRow);
    hedgeRows.push(hedgeRow);
  }
  return { base, hedge: hedgeRows };
}
