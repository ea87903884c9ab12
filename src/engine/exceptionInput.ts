/**
 * What the coach reads: the rows and parameters of one item's MPS record, and what
 * planning, capacity and lead time found. Checked once and given defaults here, so the
 * rules in `exceptions.ts` see typed values only.
 */
import { LEVEL_STRATEGIES, type LateLot, type LevelStrategy } from "./level";
import { coachMessages, messages, showValue } from "./messages";
import { ACTION_TYPES, type ActionMessage, type Result, type Series } from "./types";
import {
  type Check, checkNumber, checkObject, checkOneOf, checkOptionalSeries, checkPeriods, checkQuantity,
  checkRequired, checkSameLength, checkSeries, fail, isAbsent, ok,
} from "./validate";

/** How the record meets capacity: `check` only compares load with capacity; the others level the MPS. */
export type CapacityStrategy = "check" | LevelStrategy;
/** Every capacity strategy; the first is the default. */
export const CAPACITY_STRATEGIES: readonly CapacityStrategy[] = ["check", ...LEVEL_STRATEGIES];

/** Load against capacity per period, as `compareLoad`, `levelMps` and `levelItems` return it. */
export interface CapacityRows {
  load: Series;
  capacity: Series;
  /** Load − capacity where positive, else 0. */
  overload: Series;
}

/**
 * The record of one item (spread an `MpsRecord` into it) with its parameters, and what the
 * other steps found. A row left out means the messages that read only it are not looked for.
 */
export interface ExceptionInput {
  /** Demand per period: the length of every other row. */
  demand: Series;
  /** MPS per period (firm MPS included). */
  mps: Series;
  /** Projected available balance per period (may be negative). */
  projectedAvailable: Series;
  /** Scheduled receipts per period. @default zeros */
  receipts?: Series | null;
  /** Forecast not consumed by orders, per period: `forecast-unconsumed` inside the demand time fence. */
  remainingForecast?: Series | null;
  /** Orders no forecast absorbed, per period: `forecast-low`. */
  excessOrders?: Series | null;
  /** Available to promise per period (may be negative): `overpromised`. */
  atp?: Series | null;
  /** The safety stock the plan kept (0 for a make-to-order item). @default 0 */
  safetyStock?: number | null;
  /** Periods 0..dtf-1 plan orders only. @default 0 */
  demandTimeFence?: number | null;
  /** Periods 0..ptf-1 are frozen: their MPS is firm. @default 0 */
  planningTimeFence?: number | null;
  /** Stock at the start of period 0. @default PAB[0] − MPS[0] − receipts[0] + demand[0] */
  onHand?: number | null;
  /** Firm MPS per period; inside the planning time fence the MPS row is firm anyway. @default zeros */
  firmMps?: Series | null;
  /** Action messages of planning (`planMps`, `planItem`, `levelMps`): `expedite`, `split-lot`. */
  actions?: readonly ActionMessage[] | null;
  /** Load and capacity of the item's resource: `overload`. */
  capacityUse?: CapacityRows | null;
  /** Which capacity strategy made the MPS row; words the `overload` message. @default "check" */
  capacityStrategy?: CapacityStrategy | null;
  /** Quantities built after their due period (`levelMps`): `late`. */
  late?: readonly LateLot[] | null;
  /** Load that falls before period 0 (`loadOf`'s `pastDue`, summed): `past-due-load`. */
  pastDueLoad?: number | null;
  /** Per MPS due period, the quantity whose planned start falls before period 0: `release-past-due`. */
  releasePastDue?: Series | null;
  /** Tracking signal of the item's forecast (cumulative error / MAD): `forecast-bias` beyond ±4. */
  trackingSignal?: number | null;
  /** Name of a 0-based period as the planner sees it. @default period 2 → "Period 3" */
  periodName?: ((period: number) => string) | null;
}

/** The input checked, with defaults applied; absent rows are null. */
export interface ExceptionSettings {
  demand: Series;
  mps: Series;
  projectedAvailable: Series;
  receipts: Series | null;
  remainingForecast: Series | null;
  excessOrders: Series | null;
  atp: Series | null;
  safetyStock: number;
  demandTimeFence: number;
  planningTimeFence: number;
  onHand: number;
  firmMps: Series | null;
  actions: readonly ActionMessage[];
  capacityUse: CapacityRows | null;
  capacityStrategy: CapacityStrategy;
  late: readonly LateLot[];
  pastDueLoad: number;
  releasePastDue: Series | null;
  trackingSignal: number | null;
  periodName: (period: number) => string;
}

/** A row of finite numbers of any sign (PAB and ATP go negative). */
function checkSignedSeries(value: unknown, field: string): Check {
  if (value instanceof Float64Array) {
    // Every element is a number: one comparison per period finds the first one not finite, if any.
    let period = 0;
    while (period < value.length && Math.abs(value[period]) < Infinity) period++;
    if (period === value.length) return undefined;
  }
  const length = typeof value === "object" && value !== null ? (value as { length?: unknown }).length : undefined;
  if (typeof length !== "number" || !Number.isInteger(length) || length < 0) return { code: "VALUE", field, message: messages.notRow(field) };
  const row = value as ArrayLike<unknown>;
  for (let period = 0; period < length; period++) {
    const x = row[period];
    if (typeof x !== "number") {
      const shown = typeof x === "string" ? x : showValue(x);
      return { code: "VALUE", field, period, value: shown, message: messages.elementNotNumber(field, period, x) };
    }
    if (!Number.isFinite(x)) return { code: "NUM", field, period, value: x, message: messages.elementNotFinite(field, period, x) };
  }
  return undefined;
}

function checkSignedRow(value: unknown, field: string, reference: Series, required: boolean): Check {
  if (isAbsent(value)) return required ? checkRequired(value, field) : undefined;
  return checkSignedSeries(value, field) ?? checkSameLength(reference, "demand", value as Series, field);
}

function isWholePeriod(value: unknown, periods: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < periods;
}

function isQuantity(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/** A list whose every entry passes `valid`; the message says what an entry must be. */
function checkEntries(value: unknown, field: string, what: string, periods: number, valid: (entry: Record<string, unknown>) => boolean): Check {
  if (isAbsent(value)) return undefined;
  if (!Array.isArray(value)) return { code: "VALUE", field, message: coachMessages.notList(field) };
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (typeof entry !== "object" || entry === null || !valid(entry as Record<string, unknown>)) {
      return { code: "VALUE", field, period: i, message: coachMessages.badEntry(field, i, what, periods) };
    }
  }
  return undefined;
}

function validAction(periods: number) {
  return (a: Record<string, unknown>): boolean =>
    ACTION_TYPES.includes(a.type as ActionMessage["type"]) &&
    isWholePeriod(a.period, periods) &&
    isQuantity(a.quantity) &&
    (a.type !== "split-lot" || (typeof a.lots === "number" && Number.isInteger(a.lots) && a.lots >= 1));
}

function validLateLot(periods: number) {
  return (l: Record<string, unknown>): boolean =>
    isWholePeriod(l.duePeriod, periods) && isQuantity(l.quantity) && (l.builtPeriod === null || isWholePeriod(l.builtPeriod, periods));
}

function checkCapacityRows(value: unknown, reference: Series): Check {
  const field = "capacityUse";
  if (isAbsent(value)) return undefined;
  const objectError = checkObject(value, field, false);
  if (objectError) return objectError;
  const rows = value as Record<string, unknown>;
  for (const row of ["load", "capacity", "overload"]) {
    const error = checkRequired(rows[row], `${field}.${row}`) ?? checkOptionalSeries(rows[row], `${field}.${row}`, reference, "demand");
    if (error) return error;
  }
  return undefined;
}

function checkPeriodName(value: unknown): Check {
  if (isAbsent(value) || typeof value === "function") return undefined;
  return { code: "VALUE", field: "periodName", message: coachMessages.notFunction("periodName") };
}

/**
 * Check the coach's input and fill in defaults: rows first (in the order of `ExceptionInput`,
 * each as long as `demand`), then the parameters, then the lists.
 * @param input the record, its parameters and the findings of the other steps
 * @returns the settings, or the first invalid input
 */
export function resolveExceptionInput(input: ExceptionInput): Result<ExceptionSettings> {
  const objectError = checkObject(input, "input", true);
  if (objectError) return fail(objectError);
  const demand = input.demand;
  const demandError = checkSeries(demand, "demand");
  if (demandError) return fail(demandError);
  const n = demand.length;
  const error =
    checkRequired(input.mps, "mps") ??
    checkOptionalSeries(input.mps, "mps", demand, "demand") ??
    checkSignedRow(input.projectedAvailable, "projectedAvailable", demand, true) ??
    checkOptionalSeries(input.receipts, "receipts", demand, "demand") ??
    checkOptionalSeries(input.remainingForecast, "remainingForecast", demand, "demand") ??
    checkOptionalSeries(input.excessOrders, "excessOrders", demand, "demand") ??
    checkSignedRow(input.atp, "atp", demand, false) ??
    checkOptionalSeries(input.firmMps, "firmMps", demand, "demand") ??
    checkOptionalSeries(input.releasePastDue, "releasePastDue", demand, "demand") ??
    checkCapacityRows(input.capacityUse, demand) ??
    checkQuantity(input.safetyStock, "safetyStock") ??
    checkPeriods(input.demandTimeFence, "demandTimeFence") ??
    checkPeriods(input.planningTimeFence, "planningTimeFence") ??
    checkQuantity(input.onHand, "onHand") ??
    checkOneOf(input.capacityStrategy, "capacityStrategy", CAPACITY_STRATEGIES) ??
    checkQuantity(input.pastDueLoad, "pastDueLoad") ??
    checkNumber(input.trackingSignal, "trackingSignal") ??
    checkPeriodName(input.periodName) ??
    checkEntries(input.actions, "actions", "an action message { type, period, quantity }", n, validAction(n)) ??
    checkEntries(input.late, "late", "a late lot { duePeriod, quantity, builtPeriod }", n, validLateLot(n));
  if (error) return fail(error);

  const mps = input.mps;
  const pab = input.projectedAvailable;
  const receipts = input.receipts ?? null;
  // PAB[0] = on hand + MPS[0] + receipts[0] − demand[0], so the record itself says what on hand was.
  const derivedOnHand = n === 0 ? 0 : pab[0] - mps[0] - (receipts === null ? 0 : receipts[0]) + demand[0];
  return ok({
    demand,
    mps,
    projectedAvailable: pab,
    receipts,
    remainingForecast: input.remainingForecast ?? null,
    excessOrders: input.excessOrders ?? null,
    atp: input.atp ?? null,
    safetyStock: input.safetyStock ?? 0,
    demandTimeFence: input.demandTimeFence ?? 0,
    planningTimeFence: input.planningTimeFence ?? 0,
    onHand: input.onHand ?? derivedOnHand,
    firmMps: input.firmMps ?? null,
    actions: input.actions ?? [],
    capacityUse: input.capacityUse ?? null,
    capacityStrategy: input.capacityStrategy ?? CAPACITY_STRATEGIES[0],
    late: input.late ?? [],
    pastDueLoad: input.pastDueLoad ?? 0,
    releasePastDue: input.releasePastDue ?? null,
    trackingSignal: input.trackingSignal ?? null,
    periodName: input.periodName ?? coachMessages.period,
  });
}
