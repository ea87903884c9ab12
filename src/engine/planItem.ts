/**
 * The whole MPS record of one item in one call: consumption, demand, MPS, PAB, ATP.
 */
import { atpCore } from "./atp";
import { consumeCore, resolveConsumeOptions } from "./consume";
import { demandCore, resolveDemandOptions } from "./demand";
import { makeToOrderSettings, planCore, resolvePlanOptions } from "./plan";
import {
  ATP_METHODS,
  type ActionMessage,
  type AtpMethod,
  type ConsumptionMode,
  type LotRule,
  type Peg,
  type ProductionModel,
  type Result,
  type Series,
} from "./types";
import { checkObject, checkOneOf, checkOptionalSeries, checkSameLength, checkSeries, fail, ok } from "./validate";

export interface ItemInput {
  forecast: Series;
  orders: Series;
  onHand: number;
  receipts?: Series;
  model?: ProductionModel;
  backward?: number;
  forward?: number;
  mode?: ConsumptionMode;
  currentPeriod?: number;
  demandTimeFence?: number;
  planningTimeFence?: number;
  firmMps?: Series;
  safetyStock?: number;
  lotRule?: LotRule;
  lotSize?: number;
  minLot?: number;
  maxLot?: number;
  multiple?: number;
  atpMethod?: AtpMethod;
  pegging?: boolean;
}

export interface MpsRecord {
  forecast: Float64Array;
  orders: Float64Array;
  remainingForecast: Float64Array;
  consumed: Float64Array;
  excessOrders: Float64Array;
  expiredForecast: Float64Array;
  demand: Float64Array;
  receipts: Float64Array;
  projectedAvailable: Float64Array;
  mps: Float64Array;
  atp: Float64Array;
  /** ATO only: the final-assembly schedule, which is the orders row. */
  finalAssembly: Float64Array | null;
  actions: ActionMessage[];
  pegging: Peg[];
}

/**
 * Plan one item: consume forecast, build demand, plan MPS and PAB, compute ATP.
 *
 * Inputs are checked once; the steps then run unchecked. MTO plans orders only, with no
 * safety stock and lot-for-lot; ATO plans like MTS and adds the final-assembly schedule
 * (= orders). ATP uses supply = MPS + receipts against the orders.
 *
 * @param input rows and options of the item (see `ItemInput`; defaults as in each step)
 * @returns the whole MPS record, or the first invalid input
 * @example
 * planItem({ forecast: [30, 30, 30, 30, 40, 40, 40, 40], orders: [33, 20, 10, 4, 2, 0, 0, 0],
 *            onHand: 64, lotRule: "FOQ", lotSize: 70 });
 * // demand             [33, 30, 30, 30, 40, 40, 40, 40]
 * // projectedAvailable [31, 1, 41, 11, 41, 1, 31, 61]
 * // mps                [0, 0, 70, 0, 70, 0, 70, 70]
 * // atp                [11, 0, 56, 0, 68, 0, 70, 70]
 */
export function planItem(input: ItemInput): Result<MpsRecord> {
  const inputError = checkObject(input, "input", true);
  if (inputError) return fail(inputError);
  const rowError =
    checkSeries(input.forecast, "forecast") ??
    checkSeries(input.orders, "orders") ??
    checkSameLength(input.forecast, "forecast", input.orders, "orders") ??
    checkOptionalSeries(input.receipts, "receipts", input.forecast, "forecast") ??
    checkOptionalSeries(input.firmMps, "firmMps", input.forecast, "forecast");
  if (rowError) return fail(rowError);
  const consumeSettings = resolveConsumeOptions(input);
  if (!consumeSettings.ok) return consumeSettings;
  const demandSettings = resolveDemandOptions(input);
  if (!demandSettings.ok) return demandSettings;
  const planSettings = resolvePlanOptions(input);
  if (!planSettings.ok) return planSettings;
  const methodError = checkOneOf(input.atpMethod, "atpMethod", ATP_METHODS);
  if (methodError) return fail(methodError);

  const n = input.forecast.length;
  const forecast = Float64Array.from(input.forecast);
  const orders = Float64Array.from(input.orders);
  const receipts = input.receipts == null ? new Float64Array(n) : Float64Array.from(input.receipts);
  const model = demandSettings.value.model;

  const consumption = consumeCore(forecast, orders, consumeSettings.value);
  const demand = demandCore(orders, consumption.remainingForecast, demandSettings.value);
  const settings = model === "MTO" ? makeToOrderSettings(planSettings.value) : planSettings.value;
  const plan = planCore(demand, settings, receipts, input.firmMps ?? null);
  const supply = new Float64Array(n);
  for (let t = 0; t < n; t++) supply[t] = plan.mps[t] + receipts[t];
  const atp = atpCore(settings.onHand, supply, orders, input.atpMethod ?? ATP_METHODS[0]);

  return ok({
    forecast,
    orders,
    remainingForecast: consumption.remainingForecast,
    consumed: consumption.consumed,
    excessOrders: consumption.excessOrders,
    expiredForecast: consumption.expiredForecast,
    demand,
    receipts,
    projectedAvailable: plan.projectedAvailable,
    mps: plan.mps,
    atp,
    finalAssembly: model === "ATO" ? Float64Array.from(orders) : null,
    actions: plan.actions,
    pegging: consumption.pegging,
  });
}
