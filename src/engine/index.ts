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
export { compareLoad, loadOf } from "./load";
export type { CapacityUse, Load } from "./load";
export { LEVEL_STRATEGIES, levelItems, levelMps } from "./level";
export type { LateLot, LevelItemsOptions, LevelledItem, LevelledMps, Levelling, LevelOptions, LevelStrategy } from "./level";
export { bucketOrders, orderLinePeriods } from "./bucket";
export type { BucketedOrders, LineCell, LineCells } from "./bucket";
export { plannedStarts } from "./release";
export type { PlannedStarts, ReleasePastDue } from "./release";
export { promiseLines, promiseLinesByLeadTime } from "./promiseLines";
export type { LeadTimeOptions, LeadTimePromises, LinePromises, PromiseLinesOptions, RequestedPeriods, UnpromisedReason } from "./promiseLines";
export { pegLines } from "./pegLines";
export type { LinePeg, LinePegging, OrderId, PegLinesOptions } from "./pegLines";
export { forecastAccuracy, safetyStock } from "./accuracy";
export type { ForecastAccuracy, SafetyStock } from "./accuracy";
export { EXCEPTION_TYPES, exceptionsOf, TRACKING_SIGNAL_LIMIT } from "./exceptions";
export type { ExceptionMessage, ExceptionType } from "./exceptions";
export { CAPACITY_STRATEGIES } from "./exceptionInput";
export type { CapacityRows, CapacityStrategy, ExceptionInput } from "./exceptionInput";
export { LARGEST_TABLE_ROWS, tableRows } from "./record";
/** A zero-filled row of periods carved from a shared buffer: what the functions read a series into. */
export { resultRow } from "./rows";
