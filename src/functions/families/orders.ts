/**
 * Order lines: the planner's list of orders (number, date, quantity) as the MPS reads it.
 *
 *   MPS.BUCKET(dates, quantities, period_starts, [horizon_end])
 *       → quantity per period, laid out like period_starts (rules: engine bucketOrders)
 *   MPS.PEGLINES(forecast, period_starts, order_ids, order_dates, quantities, [backward], [forward], [mode])
 *       → Order, Order period, Forecast period, Quantity: one line per (order, forecast period)
 *         consumed, periods from 1 (or "excess"), orders by date then by line (engine pegLines)
 *
 * Dates are Excel date serials, in the workbook's own date system (1900 or 1904): a period runs
 * from its start day up to the next start, so only their order matters.
 */
import { bucketOrders, orderLinePeriods, pegLines, type OrderId } from "../../engine";
import { functionError, isFunctionError, type FunctionError } from "../cells";
import { defineFunction, lineShape, periodsOf, type Cell } from "../define";
import { dateCells, fromLineEngine, idCells, periodStarts, periodStartsFor, quantityCells, type LineInput } from "../lines";
import { messages } from "../messages";
import { lines, number } from "../params";
import { asLine } from "../results";
import { FORECAST, WINDOW, consumptionWindow } from "./shared";

const PERIOD_STARTS = lines("period_starts", "Start date of each period, earliest first (one row or one column).");
const QUANTITIES = lines("quantities", "Quantity of each order line, one per date.");

/** Two columns of one order list must have as many lines. */
function sameLines(param: string, line: LineInput, other: string, otherLine: LineInput): FunctionError | undefined {
  const [length, expected] = [line.cells.length, otherLine.cells.length];
  return length === expected ? undefined : functionError("VALUE", messages.linesDiffer(param, length, other, expected));
}

/** Dates and quantities of order lines, read and checked line by line. */
function orderLines(
  datesParam: string,
  dates: LineInput,
  quantities: LineInput,
): { dates: Array<number | null>; quantities: Array<number | null> } | FunctionError {
  const lengthError = sameLines("quantities", quantities, datesParam, dates);
  if (lengthError) return lengthError;
  const dateValues = dateCells(datesParam, dates);
  if (isFunctionError(dateValues)) return dateValues;
  const quantityValues = quantityCells("quantities", quantities);
  if (isFunctionError(quantityValues)) return quantityValues;
  return { dates: dateValues, quantities: quantityValues };
}

export const BUCKET = defineFunction({
  id: "BUCKET",
  params: [
    lines("dates", "Order date of each line (one row or one column of dates)."),
    QUANTITIES,
    PERIOD_STARTS,
    number("horizon_end", "The day after the last period.", {
      optional: true,
      defaultText: "Default: the last start plus the length of the period before it.",
    }),
  ],
  run(args) {
    const order = orderLines("dates", args.dates, args.quantities);
    if (isFunctionError(order)) return order;
    const starts = periodStarts("period_starts", args.period_starts);
    if (isFunctionError(starts)) return starts;
    // An empty cell may arrive as 0 (desktop Excel); no horizon ends on day 0.
    const bucketed = bucketOrders(order.dates, order.quantities, starts, args.horizon_end || undefined);
    if (!bucketed.ok) return fromLineEngine(bucketed.error);
    return asLine(bucketed.value.orders, args.period_starts.orientation);
  },
  size: (call) => lineShape(call.shape("period_starts")),
});

/** Header of the MPS.PEGLINES table. */
export const PEGLINES_HEADER: readonly string[] = ["Order", "Order period", "Forecast period", "Quantity"];

/** An order number as a cell shows it. */
function orderCell(id: OrderId): Cell {
  if (id === null) return "";
  if (typeof id === "boolean") return id ? "TRUE" : "FALSE";
  return id;
}

export const PEGLINES = defineFunction({
  id: "PEGLINES",
  params: [
    FORECAST,
    PERIOD_STARTS,
    lines("order_ids", "Order number of each order line (one row or one column)."),
    lines("order_dates", "Order date of each line, one per order number."),
    lines("quantities", "Quantity of each order line, one per order number."),
    ...WINDOW,
  ],
  run(args) {
    const forecast = args.forecast.values;
    const starts = periodStartsFor("period_starts", args.period_starts, forecast.length, "forecast");
    if (isFunctionError(starts)) return starts;
    if (starts.length === 1) return functionError("VALUE", messages.onePeriodStart("period_starts"));
    const datesError = sameLines("order_dates", args.order_dates, "order_ids", args.order_ids);
    if (datesError) return datesError;
    const lengthError = sameLines("quantities", args.quantities, "order_ids", args.order_ids);
    if (lengthError) return lengthError;
    const ids = idCells("order_ids", args.order_ids);
    if (isFunctionError(ids)) return ids;
    const order = orderLines("order_dates", args.order_dates, args.quantities);
    if (isFunctionError(order)) return order;
    const names = { dates: "order_dates" };
    const periods = orderLinePeriods(order.dates, order.quantities, starts);
    if (!periods.ok) return fromLineEngine(periods.error, names);
    const pegging = pegLines(forecast, ids, periods.value, order.quantities, { ...consumptionWindow(args), dates: order.dates });
    if (!pegging.ok) return fromLineEngine(pegging.error, names);
    const rows: Cell[][] = [[...PEGLINES_HEADER]];
    for (const peg of pegging.value.pegs) {
      rows.push([orderCell(peg.orderId), peg.orderPeriod + 1, peg.forecastPeriod === null ? "excess" : peg.forecastPeriod + 1, peg.quantity]);
    }
    return rows;
  },
  // At most 2 pegs per period (consumption's own bound) plus one split per order line, and the header.
  size: (call) => ({
    rows: 1 + 2 * periodsOf(call.shape("forecast")) + periodsOf(call.shape("order_ids")),
    columns: PEGLINES_HEADER.length,
  }),
});
