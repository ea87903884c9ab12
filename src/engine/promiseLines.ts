/**
 * Promising order lines first come, first served: each line is promised against what the
 * lines before it left, either by available to promise (make to stock, assemble to order) or
 * by lead time and spare capacity (make to order).
 */
import { atpCore, promiseCore } from "./atp";
import { checkLines } from "./bucket";
import { orderMessages } from "./messages";
import { reaches } from "./numeric";
import { resultRow } from "./rows";
import { ATP_METHODS, type AtpMethod, type Result, type Series } from "./types";
import {
  checkObject, checkOneOf, checkOptionalSeries, checkPeriods, checkPositive, checkQuantity, checkRequired,
  checkSameLength, checkSeries, fail, isAbsent, ok, type Check,
} from "./validate";

/** Requested periods per line: a whole number ≥ 0, or `null`/`undefined` for "as soon as possible". */
export type RequestedPeriods = ArrayLike<number | null | undefined>;

export interface PromiseLinesOptions {
  /** How ATP is computed (see `availableToPromise`). @default "discrete" */
  method?: AtpMethod | null;
  /** The period each line is wanted in; no earlier period is offered. @default 0 for every line */
  requestedPeriods?: RequestedPeriods | null;
}

export interface LinePromises {
  /** Per line, the 0-based period it is promised in, or null when no period in the horizon covers it. */
  periods: Array<number | null>;
  /** The orders row with every promised line booked in its period. */
  orders: Float64Array;
  /** ATP under the method after every promised line is booked. */
  atp: Float64Array;
}

/** Requested periods: absent, or one whole number ≥ 0 (or empty) per line. */
function checkRequestedPeriods(value: unknown, lines: number): Check {
  if (isAbsent(value)) return undefined;
  const field = "requestedPeriods";
  const error = checkLines(value, field) ?? checkSameLength({ length: lines }, "quantities", value as Series, field);
  if (error) return error;
  const requested = value as RequestedPeriods;
  for (let line = 0; line < lines; line++) {
    const period: unknown = requested[line];
    if (isAbsent(period) || (typeof period === "number" && Number.isInteger(period) && period >= 0)) continue;
    const code = typeof period === "number" ? "NUM" : "VALUE";
    const shown = typeof period === "number" || typeof period === "string" ? period : String(period);
    return { code, field, period: line, value: shown, message: orderMessages.lineNotWholePeriod(field, line, period) };
  }
  return undefined;
}

function requestedOf(requested: RequestedPeriods | null | undefined, line: number): number {
  return isAbsent(requested) ? 0 : (requested[line] ?? 0);
}

/**
 * Promise order lines in order, first come, first served, by available to promise.
 *
 * Each line gets the earliest period on or after its requested one whose ATP under `method`
 * covers it, exactly as `promise` would answer for that line alone given the orders booked so
 * far. A promised line is then booked as an order in its promised period and ATP is
 * recomputed before the next line; a line no period within the horizon covers gets null and
 * books nothing. A single line is `promise`. Each promised line costs one ATP pass:
 * O(lines × periods) at most.
 *
 * @param quantities the quantity of each line, in the order they are to be promised
 * @param onHand stock at the start of period 0
 * @param supply supply per period: MPS + scheduled receipts
 * @param orders orders already promised, per period (same length)
 * @param options ATP method and the requested period of each line
 * @returns the promised period of each line, the orders and ATP after booking them
 * @example
 * // on hand 80, supply 0,0,60,0,0,60,0,0, orders 30,25,30,10,0,35,0,0: discrete ATP 25,0,20,0,0,25,0,0
 * promiseLines([20, 20, 40], 80, [0, 0, 60, 0, 0, 60, 0, 0], [30, 25, 30, 10, 0, 35, 0, 0]);
 * // 20 → period 0 (25 ≥ 20), ATP 5,0,20,…; 20 → period 2 (5 + 20 ≥ 20), booked there: ATP 5,0,0,0,0,25,0,0;
 * // 40 → null (at most 5 + 25 = 30 is left)
 * // periods [0, 2, null], orders [50, 25, 50, 10, 0, 35, 0, 0]
 */
export function promiseLines(
  quantities: Series,
  onHand: number,
  supply: Series,
  orders: Series,
  options?: PromiseLinesOptions | null,
): Result<LinePromises> {
  const error =
    checkSeries(quantities, "quantities") ??
    checkRequired(onHand, "onHand") ??
    checkQuantity(onHand, "onHand") ??
    checkSeries(supply, "supply") ??
    checkSeries(orders, "orders") ??
    checkSameLength(supply, "supply", orders, "orders") ??
    checkObject(options, "options", false) ??
    checkOneOf(options?.method, "method", ATP_METHODS) ??
    checkRequestedPeriods(options?.requestedPeriods, quantities.length);
  if (error) return fail(error);
  const method = options?.method ?? ATP_METHODS[0];
  const requested = options?.requestedPeriods;
  const n = supply.length;
  const booked = resultRow(n);
  booked.set(orders);
  // One working row for every pass; atpCore expects it zero-filled.
  const atp = new Float64Array(n);
  atpCore(onHand, supply, booked, method, atp);
  const periods: Array<number | null> = [];
  for (let line = 0; line < quantities.length; line++) {
    const quantity = quantities[line];
    const period = promiseCore(quantity, atp, method, requestedOf(requested, line));
    periods.push(period);
    if (period === null || !(quantity > 0)) continue;
    booked[period] += quantity;
    atp.fill(0);
    atpCore(onHand, supply, booked, method, atp);
  }
  const finalAtp = resultRow(n);
  finalAtp.set(atp);
  return ok({ periods, orders: booked, atp: finalAtp });
}

/** Why a make-to-order line was not promised. */
export type UnpromisedReason = "horizon" | "capacity";

export interface LeadTimeOptions {
  /** Whole periods from start to completion: no line is promised before this period. @default 0 */
  leadTime?: number | null;
  /** The period each line is wanted in. @default 0 for every line */
  requestedPeriods?: RequestedPeriods | null;
  /** Capacity per period (hours, or units with hoursPerUnit 1). @default unlimited */
  capacity?: Series | null;
  /** Capacity each unit takes in the period it is promised. @default 1 */
  hoursPerUnit?: number | null;
  /** Capacity already taken per period (e.g. the record's load row). @default zeros */
  load?: Series | null;
}

export interface LeadTimePromises {
  /** Per line, the 0-based period it is promised in, or null. */
  periods: Array<number | null>;
  /**
   * Per line, null when promised; otherwise `horizon` (its earliest period, the later of the
   * requested period and the lead time, lies beyond the horizon) or `capacity` (no period from
   * there to the end of the horizon has enough spare capacity for the whole line).
   */
  reasons: Array<UnpromisedReason | null>;
  /** With capacity: the load per period after booking every promised line; otherwise null. */
  load: Float64Array | null;
}

/**
 * Promise make-to-order lines by lead time and capacity, first come, first served.
 *
 * Make-to-order supply is the orders themselves, so ATP is always 0 and cannot say when a new
 * order can be delivered; the lead time can. A line's earliest period is the later of its
 * requested period and `leadTime` (period 0 is now: what starts now is done `leadTime`
 * periods later). Without capacity that is its promise. With capacity, the line is promised
 * in the first period from there whose spare capacity (capacity − load) holds the whole line
 * (quantity × hoursPerUnit, loaded in the period it is due, as rough-cut load is), and that
 * load is booked before the next line. A line that fits no period in the horizon gets null
 * with its reason. O(lines × periods) at most.
 *
 * @param quantities the quantity of each line, in the order they are to be promised
 * @param periods the number of periods in the horizon
 * @param options lead time, requested periods, capacity, hours per unit, load already booked
 * @returns the promised period of each line, why a line was not promised, the load after booking
 * @example
 * // lead time 2, capacity 100 h per period for 5 periods, 60 h already loaded in period 2, 2 h per unit
 * promiseLinesByLeadTime([20, 30, 10, 5], 5, {
 *   leadTime: 2, capacity: [100, 100, 100, 100, 100], load: [0, 0, 60, 0, 0], hoursPerUnit: 2,
 *   requestedPeriods: [0, null, 3, 9],
 * });
 * // 20 (40 h): period 2 (spare 40) → load 100 there; 30 (60 h): period 2 is full → period 3;
 * // 10 (20 h) wanted in 3: spare 40 there → period 3; 5 wanted in period 9: beyond the horizon
 * // periods [2, 3, 3, null], reasons [null, null, null, "horizon"], load [0, 0, 100, 80, 0]
 */
export function promiseLinesByLeadTime(quantities: Series, periods: number, options?: LeadTimeOptions | null): Result<LeadTimePromises> {
  const objectError = checkObject(options, "options", false);
  if (objectError) return fail(objectError);
  const o: LeadTimeOptions = options ?? {};
  const horizon = { length: typeof periods === "number" ? periods : 0 };
  const error =
    checkSeries(quantities, "quantities") ??
    checkRequired(periods, "periods") ??
    checkPeriods(periods, "periods") ??
    checkPeriods(o.leadTime, "leadTime") ??
    checkRequestedPeriods(o.requestedPeriods, quantities.length) ??
    checkOptionalSeries(o.capacity, "capacity", horizon, "periods") ??
    checkPositive(o.hoursPerUnit, "hoursPerUnit") ??
    checkOptionalSeries(o.load, "load", horizon, "periods");
  if (error) return fail(error);
  const leadTime = o.leadTime ?? 0;
  const hoursPerUnit = o.hoursPerUnit ?? 1;
  const capacity = o.capacity ?? null;
  let load: Float64Array | null = null;
  if (capacity !== null) {
    load = resultRow(periods);
    if (!isAbsent(o.load)) load.set(o.load);
  }
  const promised: Array<number | null> = [];
  const reasons: Array<UnpromisedReason | null> = [];
  for (let line = 0; line < quantities.length; line++) {
    const earliest = Math.max(requestedOf(o.requestedPeriods, line), leadTime);
    let period: number | null = earliest < periods ? earliest : null;
    let reason: UnpromisedReason | null = period === null ? "horizon" : null;
    const hours = quantities[line] * hoursPerUnit;
    if (period !== null && capacity !== null && load !== null && hours > 0) {
      let t = earliest;
      while (t < periods && !reaches(capacity[t] - load[t], hours)) t++;
      if (t < periods) {
        load[t] += hours;
        period = t;
      } else {
        period = null;
        reason = "capacity";
      }
    }
    promised.push(period);
    reasons.push(reason);
  }
  return ok({ periods: promised, reasons, load });
}
