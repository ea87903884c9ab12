/**
 * Pegging by order line: which order line consumed which period's forecast, and which lines
 * (or parts of them) went beyond the forecast. The rule is forecast consumption's own
 * (`consumeForecast`); this step only tells the lines of one period apart.
 */
import { checkLineCell, checkLines, type LineCells } from "./bucket";
import { consumeCore, resolveConsumeOptions, type ConsumeOptions, type Consumption } from "./consume";
import { messages, orderMessages, showValue } from "./messages";
import { tolerance } from "./numeric";
import { resultRow } from "./rows";
import type { Result, Series } from "./types";
import { checkObject, checkSeries, fail, isAbsent, ok, type Check } from "./validate";

/** An order number as the planner's list holds it. */
export type OrderId = string | number | boolean | null;

export interface PegLinesOptions extends Omit<ConsumeOptions, "pegging"> {
  /**
   * The date of each line (Excel date serials): lines of one period are taken by date, then
   * by line. @default lines of one period are taken in line order
   */
  dates?: LineCells | null;
}

/** One allocation of an order line to a forecast period; `forecastPeriod: null` is excess. */
export interface LinePeg {
  /** 0-based index of the line in the inputs. */
  line: number;
  orderId: OrderId;
  orderPeriod: number;
  forecastPeriod: number | null;
  quantity: number;
}

export interface LinePegging {
  /** Allocations in processing order: by period, then date, then line, then the mode's search order. */
  pegs: LinePeg[];
  /** The lines summed per period: the orders row consumption ran on. */
  orders: Float64Array;
  /** Consumption of those orders (its `pegging` is the per-period list the line pegs add up to). */
  consumption: Consumption;
}

function lengthError(field: string, length: number, expected: number): Check {
  return { code: "VALUE", field, value: length, message: messages.lengthMismatch("orderIds", field, expected, length) };
}

/** A line's period: empty (not pegged), or a whole number inside the forecast's periods. */
function checkLinePeriod(value: unknown, line: number, n: number): Check {
  if (isAbsent(value)) return undefined;
  const field = "periods";
  if (typeof value !== "number") {
    return { code: "VALUE", field, period: line, value: typeof value === "string" ? value : showValue(value), message: orderMessages.lineNotWholePeriod(field, line, value) };
  }
  if (!Number.isInteger(value) || value < 0) return { code: "NUM", field, period: line, value, message: orderMessages.lineNotWholePeriod(field, line, value) };
  if (value >= n) return { code: "NUM", field, period: line, value, message: orderMessages.linePeriodOutOfRange(field, line, value, n) };
  return undefined;
}

/**
 * Peg forecast consumption to order lines.
 *
 * Lines are summed per period and consumed with `consumeForecast`'s rules (window, mode,
 * current period); the lines of a period then take that period's allocations in turn, in
 * date order (then line order), each line taking the allocations in the mode's search order
 * until it is covered, the rest of the period's excess going to its last lines. So a line's
 * pegs add up to its quantity, and the pegs of a period add up, per forecast period, to
 * `consumeForecast`'s pegging. A line with an empty period (blank, or outside the horizon) or
 * quantity is not pegged. At most 2 × periods + lines pegs. O(lines + periods) without dates;
 * with dates, plus sorting each period's lines by date.
 *
 * @param forecast forecast per period
 * @param orderIds the order number of each line
 * @param periods the 0-based period of each line (from `orderLinePeriods`), or empty
 * @param quantities the quantity of each line
 * @param options consumption window, mode, current period, and the dates of the lines
 * @returns one peg per (line, forecast period) consumed or excess, the orders row and the consumption
 * @example
 * // forecast 100, 100; lines A 60 and B 80 in period 1 (B dated first), C 30 in period 0; window 1/0
 * pegLines([100, 100], ["A", "B", "C"], [1, 1, 0], [60, 80, 30], { backward: 1, dates: [45300, 45299, 45292] });
 * // period 0: C takes 30 of period 0 (70 left); period 1 (orders 140): B takes 80 of period 1,
 * // A the last 20 of period 1, then 40 of period 0
 * // pegs C→0 30, B→1 80, A→1 20, A→0 40
 */
export function pegLines(
  forecast: Series,
  orderIds: ArrayLike<OrderId>,
  periods: ArrayLike<number | null | undefined>,
  quantities: LineCells,
  options?: PegLinesOptions | null,
): Result<LinePegging> {
  const rowError =
    checkSeries(forecast, "forecast") ??
    checkLines(orderIds, "orderIds") ??
    checkLines(periods, "periods") ??
    checkLines(quantities, "quantities") ??
    checkObject(options, "options", false);
  if (rowError) return fail(rowError);
  const lines = orderIds.length;
  const dates = options?.dates ?? null;
  const shapeError =
    (periods.length === lines ? undefined : lengthError("periods", periods.length, lines)) ??
    (quantities.length === lines ? undefined : lengthError("quantities", quantities.length, lines)) ??
    (dates === null ? undefined : (checkLines(dates, "dates") ?? (dates.length === lines ? undefined : lengthError("dates", dates.length, lines))));
  if (shapeError) return fail(shapeError);
  const settings = resolveConsumeOptions(options === null ? undefined : { ...options, pegging: undefined });
  if (!settings.ok) return settings;

  const n = forecast.length;
  // Check every line, and keep the ones to peg.
  const pegged: number[] = [];
  for (let line = 0; line < lines; line++) {
    const quantity: unknown = quantities[line];
    const error =
      checkLinePeriod(periods[line], line, n) ??
      checkLineCell(quantity, "quantities", line, false) ??
      (dates === null ? undefined : checkLineCell(dates[line], "dates", line, true));
    if (error) return fail(error);
    if (isAbsent(periods[line]) || isAbsent(quantity) || !((quantity as number) > 0)) continue;
    if (dates !== null && isAbsent(dates[line])) {
      return fail({ code: "VALUE", field: "dates", period: line, value: quantity as number, message: orderMessages.quantityWithoutDate(line, quantity as number) });
    }
    pegged.push(line);
  }
  const ordered = chronological(pegged, periods, dates, n);
  const orders = resultRow(n);
  for (let i = 0; i < ordered.length; i++) orders[periods[ordered[i]] as number] += quantities[ordered[i]] as number;
  const consumption = consumeCore(forecast, orders, { ...settings.value, pegging: true });
  return ok({ pegs: splitByLine(consumption, ordered, orderIds, periods, quantities, orders), orders, consumption });
}

/**
 * The lines to peg by period, then date, then line: a counting sort by period (stable, so
 * line order stays within a period), then each period's lines by date when dates are given.
 */
function chronological(pegged: number[], periods: ArrayLike<number | null | undefined>, dates: LineCells | null, n: number): Int32Array {
  const next = new Int32Array(n + 1); // first free slot of each period
  for (const line of pegged) next[(periods[line] as number) + 1]++;
  for (let p = 1; p <= n; p++) next[p] += next[p - 1];
  const ordered = new Int32Array(pegged.length);
  for (const line of pegged) ordered[next[periods[line] as number]++] = line;
  if (dates !== null) {
    const byDate = (a: number, b: number) => (dates[a] as number) - (dates[b] as number) || a - b;
    // after the fill, next[p] is where period p ends (and period p + 1 starts)
    for (let p = 0, start = 0; p < n; start = next[p], p++) if (next[p] - start > 1) ordered.subarray(start, next[p]).sort(byDate);
  }
  return ordered;
}

/**
 * Hand each period's allocations to its lines in turn. The last line of a period takes what
 * is left, so floating-point remainders never make a peg of 1e-15 or lose one.
 */
function splitByLine(
  consumption: Consumption,
  pegged: Int32Array,
  orderIds: ArrayLike<OrderId>,
  periods: ArrayLike<number | null | undefined>,
  quantities: LineCells,
  orders: Float64Array,
): LinePeg[] {
  const pegs: LinePeg[] = [];
  let next = 0; // index in `pegged` of the current line
  let left = 0; // what the current line still needs
  let period = -1;
  for (const peg of consumption.pegging) {
    if (peg.orderPeriod !== period) {
      // the previous period's lines are all covered: move to this period's first line
      period = peg.orderPeriod;
      while (next < pegged.length && (periods[pegged[next]] as number) < period) next++;
      left = quantities[pegged[next]] as number;
    }
    const noise = tolerance(orders[period]);
    let quantity = peg.quantity;
    while (quantity > 0) {
      const line = pegged[next];
      const last = next + 1 >= pegged.length || periods[pegged[next + 1]] !== period;
      let take = last ? quantity : Math.min(left, quantity);
      if (quantity - take <= noise) take = quantity; // a remainder that is only noise stays with this line
      pegs.push({ line, orderId: orderIds[line], orderPeriod: period, forecastPeriod: peg.forecastPeriod, quantity: take });
      quantity -= take;
      left -= take;
      if (!last && left <= noise) {
        next++;
        left = quantities[pegged[next]] as number;
      }
    }
  }
  return pegs;
}
