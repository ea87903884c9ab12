/**
 * Order lines into periods: sum dated order lines into the planning periods given by their
 * start dates, the way a planner's SUMIFS over an order list would, with past-due lines kept.
 *
 * Dates are Excel date serials (plain numbers: days since the host's epoch, 1900 or 1904; the
 * engine only compares them). A time of day (a fractional serial) belongs to its day.
 */
import { messages, orderMessages, showValue } from "./messages";
import { resultRow } from "./rows";
import type { Result, Series } from "./types";
import { checkNumber, checkSeries, fail, isAbsent, ok, type Check } from "./validate";

/** One cell of an order list: a number, or `null`/`undefined` for an empty cell. */
export type LineCell = number | null | undefined;

/** A column (or row) of order-line cells. */
export type LineCells = ArrayLike<LineCell>;

export interface BucketedOrders {
  /** Quantity per period, laid out like `periodStarts`; past-due lines are in period 0. */
  orders: Float64Array;
  /** Quantity dated before the first period start (already counted in period 0). */
  pastDue: number;
  /** Quantity dated at or after the horizon end: left out of `orders`. */
  leftOut: number;
  /** Number of order lines left out (dated at or after the horizon end). */
  linesLeftOut: number;
  /** Number of blank lines skipped (no date and no quantity, or quantity 0). */
  blankLines: number;
  /** The end of the last period used (a day serial, exclusive). */
  horizonEnd: number;
}

/** Period starts (checked: strictly increasing days) and the horizon end as a whole day. */
interface Calendar {
  starts: Series;
  end: number;
}

function isLines(value: unknown): value is LineCells {
  if (typeof value !== "object" || value === null) return false;
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" && Number.isInteger(length) && length >= 0;
}

/**
 * A list of cells (an array or array-like); its elements are checked one by one elsewhere.
 * @param value the list
 * @param field its name
 * @returns the error, or undefined
 */
export function checkLines(value: unknown, field: string): Check {
  return isLines(value) ? undefined : { code: "VALUE", field, message: orderMessages.notLines(field) };
}

/**
 * Check one order-line cell: empty (`null`/`undefined`), or a finite number ≥ 0.
 * @param value the cell
 * @param field the column's name ("dates", "quantities", …)
 * @param line 0-based line index, reported as `period` in the error
 * @param isDate text in a date cell is "not a date" rather than "not a number"
 * @returns the error, or undefined when the cell is acceptable
 */
export function checkLineCell(value: unknown, field: string, line: number, isDate: boolean): Check {
  if (isAbsent(value)) return undefined;
  if (typeof value !== "number") {
    const shown = typeof value === "string" ? value : showValue(value);
    const message = isDate ? orderMessages.dateNotNumber(field, line, value) : messages.elementNotNumber(field, line, value);
    return { code: "VALUE", field, period: line, value: shown, message };
  }
  if (!Number.isFinite(value)) return { code: "NUM", field, period: line, value, message: messages.elementNotFinite(field, line, value) };
  if (value < 0) return { code: "NUM", field, period: line, value, message: messages.elementNegative(field, line, value) };
  return undefined;
}

function resolveCalendar(periodStarts: unknown, horizonEnd: unknown): Result<Calendar> {
  const error = checkSeries(periodStarts, "periodStarts") ?? checkNumber(horizonEnd, "horizonEnd");
  if (error) return fail(error);
  const given = periodStarts as Series;
  const n = given.length;
  if (n === 0) return fail({ code: "VALUE", field: "periodStarts", message: orderMessages.noPeriodStarts() });
  for (let p = 1; p < n; p++) {
    if (!(Math.floor(given[p]) > Math.floor(given[p - 1]))) {
      return fail({
        code: "VALUE",
        field: "periodStarts",
        period: p,
        value: given[p],
        message: orderMessages.periodStartsNotIncreasing(p, given[p], given[p - 1]),
      });
    }
  }
  const last = Math.floor(given[n - 1]);
  let end: number;
  if (!isAbsent(horizonEnd)) {
    end = Math.floor(horizonEnd as number);
    if (!(end > last)) {
      return fail({ code: "NUM", field: "horizonEnd", value: horizonEnd as number, message: orderMessages.horizonEndNotAfter(horizonEnd as number, given[n - 1]) });
    }
  } else if (n === 1) {
    return fail({ code: "VALUE", field: "horizonEnd", message: orderMessages.horizonEndRequired() });
  } else end = last + (last - Math.floor(given[n - 2]));
  return ok({ starts: given, end });
}

/** The period of a day inside [first start, end): the last start whose day is at or before it. */
function periodOf(starts: Series, day: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (Math.floor(starts[middle]) <= day) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Walk the lines once: check each, and hand every dated line to `place` with its period
 * (0 for past due, -1 when at or after the end). Returns the first bad line's error.
 */
function walkLines(
  dates: LineCells,
  quantities: LineCells,
  calendar: Calendar,
  place: (line: number, period: number, quantity: number, day: number) => void,
  blank: (line: number) => void,
): Check {
  const { starts, end } = calendar;
  const first = Math.floor(starts[0]);
  for (let line = 0; line < dates.length; line++) {
    const date: unknown = dates[line];
    const cell: unknown = quantities[line];
    const error = checkLineCell(date, "dates", line, true) ?? checkLineCell(cell, "quantities", line, false);
    if (error) return error;
    const quantity = isAbsent(cell) ? 0 : (cell as number);
    if (isAbsent(date)) {
      if (quantity > 0) {
        return { code: "VALUE", field: "dates", period: line, value: quantity, message: orderMessages.quantityWithoutDate(line, quantity) };
      }
      blank(line);
      continue;
    }
    const day = Math.floor(date as number);
    const period = day >= end ? -1 : day < first ? 0 : periodOf(starts, day);
    place(line, period, quantity, day);
  }
  return undefined;
}

function checkOrderLines(dates: unknown, quantities: unknown): Check {
  const error = checkLines(dates, "dates") ?? checkLines(quantities, "quantities");
  if (error) return error;
  const [d, q] = [dates as LineCells, quantities as LineCells];
  if (d.length === q.length) return undefined;
  return { code: "VALUE", field: "quantities", value: q.length, message: messages.lengthMismatch("dates", "quantities", d.length, q.length) };
}

/**
 * Sum order lines into periods.
 *
 * A period runs from its start day up to (not including) the next start; the last one up to
 * `horizonEnd`, by default as long as the period before it (with a single period start,
 * `horizonEnd` is required). Lines dated before the first start are past due and count in
 * period 0 (still owed); lines dated on or after the horizon end are left out and reported.
 * Empty cells are `null` (or `undefined`): a line with neither date nor quantity (or quantity
 * 0) is blank and skipped; a dated line without quantity counts 0, as SUMIFS would; a quantity
 * without a date, a date that is not a number, or a negative quantity is an error naming the
 * line. Period starts must be strictly increasing days. O(lines × log periods + periods).
 *
 * @param dates order dates, Excel date serials, one per line
 * @param quantities order quantities, one per line (same length)
 * @param periodStarts the first day of each period, strictly increasing
 * @param horizonEnd the day after the last period. @default last start + length of the period before it
 * @returns quantity per period, with the past-due and left-out quantities
 * @example
 * // weekly periods from Monday 45292 (2024-01-01): 45292, 45299, 45306 → horizon end 45313
 * bucketOrders([45290, 45292.5, 45300, 45306, 45313], [5, 10, 20, 30, 40], [45292, 45299, 45306]);
 * // orders [15, 20, 30]: 5 past due (before 45292) + 10 (noon on 45292) in period 0
 * // pastDue 5, leftOut 40 (45313 is the horizon end), linesLeftOut 1
 */
export function bucketOrders(dates: LineCells, quantities: LineCells, periodStarts: Series, horizonEnd?: number | null): Result<BucketedOrders> {
  const lineError = checkOrderLines(dates, quantities);
  if (lineError) return fail(lineError);
  const calendar = resolveCalendar(periodStarts, horizonEnd);
  if (!calendar.ok) return calendar;
  const orders = resultRow(calendar.value.starts.length);
  const first = Math.floor(calendar.value.starts[0]);
  let pastDue = 0;
  let leftOut = 0;
  let linesLeftOut = 0;
  let blankLines = 0;
  const error = walkLines(
    dates,
    quantities,
    calendar.value,
    (_line, period, quantity, day) => {
      if (period < 0) {
        leftOut += quantity;
        linesLeftOut++;
        return;
      }
      orders[period] += quantity;
      if (day < first) pastDue += quantity;
    },
    () => blankLines++,
  );
  if (error) return fail(error);
  return ok({ orders, pastDue, leftOut, linesLeftOut, blankLines, horizonEnd: calendar.value.end });
}

/**
 * The period of each order line, by the rule of `bucketOrders`: what `pegLines` takes.
 *
 * @param dates order dates, Excel date serials, one per line
 * @param quantities order quantities, one per line (same length)
 * @param periodStarts the first day of each period, strictly increasing
 * @param horizonEnd the day after the last period. @default as in `bucketOrders`
 * @returns per line its 0-based period, or null for a blank line or one at or after the horizon end
 * @example
 * orderLinePeriods([45290, 45292.5, 45300, null, 45313], [5, 10, 20, null, 40], [45292, 45299, 45306]);
 * // → [0, 0, 1, null, null]
 */
export function orderLinePeriods(dates: LineCells, quantities: LineCells, periodStarts: Series, horizonEnd?: number | null): Result<Array<number | null>> {
  const lineError = checkOrderLines(dates, quantities);
  if (lineError) return fail(lineError);
  const calendar = resolveCalendar(periodStarts, horizonEnd);
  if (!calendar.ok) return calendar;
  const periods = new Array<number | null>(dates.length).fill(null);
  const error = walkLines(
    dates,
    quantities,
    calendar.value,
    (line, period) => {
      periods[line] = period < 0 ? null : period;
    },
    () => undefined,
  );
  if (error) return fail(error);
  return ok(periods);
}
