/**
 * Available to promise: the part of on hand and supply not yet committed to customer orders.
 */
import { ABSOLUTE_TOLERANCE, mayBeNoise, reaches, settleZero } from "./numeric";
import { resultRow, SCRATCH, scratchInts } from "./rows";
import { ATP_METHODS, type AtpMethod, type Result, type Series } from "./types";
import { checkOneOf, checkPeriods, checkQuantity, checkRequired, checkSameLength, checkSeries, fail, ok, type Check } from "./validate";

function checkAtpInputs(onHand: unknown, supply: unknown, orders: unknown, method: unknown): Check {
  return (
    checkRequired(onHand, "onHand") ??
    checkQuantity(onHand, "onHand") ??
    checkSeries(supply, "supply") ??
    checkSeries(orders, "orders") ??
    checkSameLength(supply as Series, "supply", orders as Series, "orders") ??
    checkOneOf(method, "method", ATP_METHODS)
  );
}

/**
 * Available to promise per period.
 *
 * - `discrete` (default): in period 0 and every period with supply, supply (+ on hand in
 *   period 0) − orders from that period until the next supply period; 0 elsewhere. A negative
 *   ATP is netted against earlier positive ATP, nearest first; what nothing earlier covers
 *   stays negative in its own period.
 * - `cumulative`: running total of discrete ATP before netting, without look-ahead: a later
 *   shortage does not lower earlier periods.
 * - `lookahead`: ATP[t] = min over k ≥ t of (on hand + supply[0..k] − orders[0..k]).
 *
 * @param onHand stock at the start of period 0
 * @param supply supply per period: MPS + scheduled receipts
 * @param orders customer orders per period (same length)
 * @param method discrete, cumulative or lookahead. @default "discrete"
 * @returns ATP per period
 * @example
 * availableToPromise(80, [0, 0, 60, 0, 0, 60, 0, 0], [30, 25, 30, 10, 0, 35, 0, 0]);
 * // → [25, 0, 20, 0, 0, 25, 0, 0]   (80-30-25; 60-30-10-0; 60-35-0-0)
 * availableToPromise(80, [0, 0, 60, 0, 0, 60, 0, 0], [30, 25, 30, 10, 0, 35, 0, 0], "cumulative");
 * // → [25, 25, 45, 45, 45, 70, 70, 70]
 */
export function availableToPromise(onHand: number, supply: Series, orders: Series, method?: AtpMethod): Result<Float64Array> {
  const error = checkAtpInputs(onHand, supply, orders, method);
  if (error) return fail(error);
  return ok(atpCore(onHand, supply, orders, method ?? ATP_METHODS[0]));
}

/**
 * Earliest period whose ATP under `method` covers `quantity`.
 *
 * @param quantity quantity a customer asks for
 * @param onHand stock at the start of period 0
 * @param supply supply per period: MPS + scheduled receipts
 * @param orders customer orders already promised, per period
 * @param method discrete, cumulative or lookahead. @default "discrete"
 * @param requestedPeriod the period the customer wants it in; no earlier period is offered. @default 0
 * @returns the 0-based period, or null when no period within the horizon covers it
 * @example
 * // lookahead ATP [25, 25, 45, 45, 45, 70, 70, 70]: 40 is first covered in period 2
 * promise(40, 80, [0, 0, 60, 0, 0, 60, 0, 0], [30, 25, 30, 10, 0, 35, 0, 0], "lookahead"); // → 2
 * // asked for period 4: it is covered there too
 * promise(40, 80, [0, 0, 60, 0, 0, 60, 0, 0], [30, 25, 30, 10, 0, 35, 0, 0], "lookahead", 4); // → 4
 */
export function promise(
  quantity: number,
  onHand: number,
  supply: Series,
  orders: Series,
  method?: AtpMethod,
  requestedPeriod?: number,
): Result<number | null> {
  const error =
    checkRequired(quantity, "quantity") ??
    checkQuantity(quantity, "quantity") ??
    checkAtpInputs(onHand, supply, orders, method) ??
    checkPeriods(requestedPeriod, "requestedPeriod");
  if (error) return fail(error);
  const atpMethod = method ?? ATP_METHODS[0];
  return ok(promiseCore(quantity, atpCore(onHand, supply, orders, atpMethod), atpMethod, requestedPeriod ?? 0));
}

/**
 * First period by which `quantity` can be promised, given the ATP row of a method.
 *
 * Discrete ATP not promised in its own period stays in stock, so a discrete promise may use
 * the ATP of every period up to it: the earliest period whose running total of discrete ATP
 * (already netted against later shortages) reaches the quantity. Cumulative and look-ahead
 * rows are running totals already. A quantity of 0 is promisable at once. No period before
 * the requested one is offered.
 * @param quantity quantity asked for
 * @param atp ATP per period
 * @param method the method that made the row
 * @param requestedPeriod the earliest period the customer accepts
 * @returns the period, or null
 */
export function promiseCore(quantity: number, atp: Float64Array, method: AtpMethod, requestedPeriod = 0): number | null {
  let available = 0;
  for (let t = 0; t < atp.length; t++) {
    available = method === "discrete" ? available + atp[t] : atp[t];
    if (t >= requestedPeriod && (quantity === 0 || reaches(available, quantity))) return t;
  }
  return null;
}

/**
 * `availableToPromise` on inputs already checked.
 * @param onHand stock at the start of period 0
 * @param supply supply per period
 * @param orders orders per period, same length
 * @param method ATP method
 * @param atp zero-filled row to write into (a fresh result row when omitted)
 * @returns ATP per period
 */
export function atpCore(
  onHand: number,
  supply: Series,
  orders: Series,
  method: AtpMethod,
  atp: Float64Array = resultRow(supply.length),
): Float64Array {
  // The loops below run as plain arithmetic and only note whether some value came within
  // noise of 0; then, rarely, one pass makes those values 0 (numeric.ts).
  let near: boolean;
  if (method === "lookahead") near = lookaheadAtp(onHand, supply, orders, atp);
  else if (method === "cumulative") {
    discreteAtp(onHand, supply, orders, atp, false);
    near = runningTotal(atp);
  } else near = discreteAtp(onHand, supply, orders, atp, true);
  if (near) settleNearZero(atp, onHand, supply);
  return atp;
}

/**
 * Make every ATP value that is 0 up to noise exactly 0. Each value is on hand and supply
 * minus orders, so noise scales with on hand + all supply.
 */
function settleNearZero(atp: Float64Array, onHand: number, supply: Series): void {
  let magnitude = onHand;
  for (let t = 0; t < supply.length; t++) magnitude += supply[t];
  for (let t = 0; t < atp.length; t++) atp[t] = settleZero(atp[t], magnitude);
}

/**
 * Discrete ATP in one pass. A block opens in period 0 and in every period with supply, and
 * holds supply (+ on hand in period 0) − the orders until the next block opens. With `net`,
 * a negative block is netted against earlier blocks with ATP left, nearest first, as soon as
 * the block is complete: every earlier block is final by then, so this is the same arithmetic
 * in the same order as netting once all blocks are known, without a second pass.
 * @returns whether a netted value may be noise (always false without `net`)
 */
function discreteAtp(onHand: number, supply: Series, orders: Series, atp: Float64Array, net: boolean): boolean {
  const n = supply.length;
  if (n === 0) return false;
  const positive = scratchInts(SCRATCH.stack, n); // stack of earlier blocks with ATP left
  let top = 0;
  let near = false;
  let block = 0;
  let value = onHand + supply[0];
  // t === n closes the last block.
  for (let t = 0; t <= n; t++) {
    if (t === n || (t > 0 && supply[t] > 0)) {
      while (net && value < 0 && top > 0) {
        const earlier = positive[top - 1];
        if (atp[earlier] <= -value) {
          value += atp[earlier];
          atp[earlier] = 0;
          top--;
          if (mayBeNoise(value)) near = true;
        } else {
          atp[earlier] += value;
          if (mayBeNoise(atp[earlier])) near = true;
          value = 0;
        }
      }
      atp[block] = value;
      if (net && value > 0) {
        if (value <= ABSOLUTE_TOLERANCE) near = true; // perhaps a block of noise
        positive[top++] = block;
      } else if (net && value < 0 && value >= -ABSOLUTE_TOLERANCE) near = true;
      if (t === n) break;
      block = t;
      value = supply[t];
    }
    value -= orders[t];
  }
  return near;
}

/** Cumulative ATP from the discrete blocks. @returns whether a total may be noise */
function runningTotal(atp: Float64Array): boolean {
  let near = false;
  for (let t = 1; t < atp.length; t++) {
    atp[t] += atp[t - 1];
    if (mayBeNoise(atp[t])) near = true;
  }
  return near;
}

/** ATP[t] = min over k ≥ t of (on hand + supply[0..k] − orders[0..k]). @returns whether a balance may be noise */
function lookaheadAtp(onHand: number, supply: Series, orders: Series, atp: Float64Array): boolean {
  const n = supply.length;
  let cumulative = onHand;
  let near = false;
  for (let t = 0; t < n; t++) {
    cumulative += supply[t] - orders[t];
    if (mayBeNoise(cumulative)) near = true;
    atp[t] = cumulative;
  }
  for (let t = n - 2; t >= 0; t--) if (atp[t + 1] < atp[t]) atp[t] = atp[t + 1];
  return near;
}
