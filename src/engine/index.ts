/**
 * The MPS engine: pure planning functions, plain data in, plain data out.
 *
 * Steps, in the order a planner runs them: `consumeForecast` → `demandFor` → `planMps`
 * (`projectAvailable`) → `availableToPromise` / `promise`; `explodeForecast` for ATO
 * planning bills; `planItem` runs them all for one item. Every function returns a
 * `Result`: `{ ok: true, value }` or `{ ok: false, error }`, never throws on bad input.
 */
export {
  ACTION_TYPES,
  ATP_METHODS,
  CONSUMPTION_MODES,
  LOT_RULES,
  PRODUCTION_MODELS,
} from "./types";
export type {
  ActionMessage,
  ActionType,
  AtpMethod,
  ConsumptionMode,
  LotRule,
  Peg,
  PlanningError,
  ProductionModel,
  Result,
  Series,
} from "./types";
export { consumeForecast } from "./consume";
export type { ConsumeOptions, Consumption } from "./consume";
export { demandFor } from "./demand";
export type { DemandOptions } from "./demand";
export { explodeForecast } from "./explode";
export type { Explosion } from "./explode";
export { planMps, projectAvailable } from "./plan";
export type { Plan, PlanOptions } from "./plan";
export { availableToPromise, promise } from "./atp";
export { planItem } from "./planItem";
export type { ItemInput, MpsRecord } from "./planItem";
export { MAX_TABLE_ROWS, RECORD_ROWS, isPresent, presentRows, tableLabels } from "./record";
export type { RecordField, RecordRowSpec, RecordRows, RecordShape } from "./record";
