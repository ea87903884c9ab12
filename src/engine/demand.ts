/**
 * Demand for the MPS by production model and demand time fence.
 */
import { resultRow } from "./rows";
import { PRODUCTION_MODELS, type ProductionModel, type Result, type Series } from "./types";
import { type Check, checkOneOf, checkPeriods, checkSeriesPair, fail, ok, resolveOptions } from "./validate";

export interface DemandOptions {
  /** Production model. @default "MTS" */
  model?: ProductionModel;
  /** Periods 0..dtf-1 plan orders only. @default 0 */
  demandTimeFence?: number;
}

/** Demand options with defaults applied. */
export interface DemandSettings {
  model: ProductionModel;
  demandTimeFence: number;
}

/**
 * Check demand options and fill in defaults.
 * @param options the caller's options
 * @returns the settings, or the first invalid option
 */
export function resolveDemandOptions(options: DemandOptions | undefined): Result<DemandSettings> {
  return resolveOptions(options, checkDemandFields, demandDefaults);
}

function checkDemandFields(o: DemandOptions): Check {
  return checkOneOf(o.model, "model", PRODUCTION_MODELS) ?? checkPeriods(o.demandTimeFence, "demandTimeFence");
}

function demandDefaults(o: DemandOptions): DemandSettings {
  return { model: o.model ?? PRODUCTION_MODELS[0], demandTimeFence: o.demandTimeFence ?? 0 };
}

/**
 * Demand the MPS plans against.
 *
 * MTS and ATO: orders + remaining forecast, but orders only inside the demand time fence
 * (periods 0..dtf-1), where forecast is no longer planned. MTO: orders only.
 *
 * @param orders customer orders per period
 * @param remainingForecast forecast left after consumption (same length)
 * @param options production model and demand time fence
 * @returns demand per period
 * @example
 * // forecast 10 × 6, orders 12,8,5,0,0,0 → remaining forecast 0,2,5,10,10,10
 * demandFor([12, 8, 5, 0, 0, 0], [0, 2, 5, 10, 10, 10], { demandTimeFence: 2 });
 * // → [12, 8, 10, 10, 10, 10]: periods 0-1 orders only, then 5 + 5, 0 + 10, ...
 */
export function demandFor(orders: Series, remainingForecast: Series, options?: DemandOptions): Result<Float64Array> {
  const error = checkSeriesPair(orders, "orders", remainingForecast, "remainingForecast");
  if (error) return fail(error);
  const settings = resolveDemandOptions(options);
  if (!settings.ok) return settings;
  return ok(demandCore(orders, remainingForecast, settings.value));
}

/**
 * `demandFor` on inputs already checked.
 * @param orders orders per period
 * @param remainingForecast remaining forecast per period, same length
 * @param settings resolved options
 * @param demand row to write into (a fresh result row when omitted)
 * @returns demand per period
 */
export function demandCore(
  orders: Series,
  remainingForecast: Series,
  settings: DemandSettings,
  demand: Float64Array = resultRow(orders.length),
): Float64Array {
  const n = orders.length;
  const forecastFrom = settings.model === "MTO" ? n : Math.min(settings.demandTimeFence, n);
  for (let t = 0; t < forecastFrom; t++) demand[t] = orders[t];
  for (let t = forecastFrom; t < n; t++) demand[t] = orders[t] + remainingForecast[t];
  return demand;
}
