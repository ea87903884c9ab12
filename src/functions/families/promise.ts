/**
 * Promising: what can still be promised to new customer orders, and when.
 *
 *   MPS.ATP(on_hand, supply, orders, [method])                    → ATP per period, like supply
 *   MPS.PROMISE(quantity, on_hand, [supply], [orders], [method], [requested_period], [period_starts],
 *               [model], [capacity], [hours_per_unit], [lead_time])
 *       → for one quantity, a period number (from 1) or #N/A; for a column (or row) of order-line
 *         quantities, one period per line, laid out like them, promised first come, first served,
 *         with #N/A in the cell of a line the horizon cannot hold. With period_starts, the
 *         period's start date instead of its number. on_hand may be a whole MPS.TABLE block, which
 *         then gives supply (MPS + Receipts), orders and on hand. model "MTO" promises by lead time
 *         and capacity instead of ATP (make-to-order supply is the orders themselves, ATP is 0).
 */
import { ATP_METHODS, PRODUCTION_MODELS, availableToPromise, promise, promiseLines, promiseLinesByLeadTime } from "../../engine";
import { functionError, isFunctionError, readNumber, type FunctionError, type Orientation } from "../cells";
import { defineFunction, lineShape, type ArgsOf, type Cell, type Shape } from "../define";
import {
  fromLineEngine,
  lineRefusal,
  linesOf,
  shownCell,
  periodStartsFor,
  quantityCells,
  singleCell,
  type LineInput,
  type RangeInput,
} from "../lines";
import { messages } from "../messages";
import { lines, number, option, range, series } from "../params";
import { readRecordBlock } from "../recordBlock";
import { asLine, unwrapResult } from "../results";
import { ON_HAND } from "./shared";

const SUPPLY = series("supply", "Supply per period: MPS plus receipts (MPS 0, 70 with receipts 50, 0 → 50, 70).");
const METHOD = option("method", '"discrete", "cumulative" or "lookahead".', ATP_METHODS, { setting: "atpMethod" });

export const ATP = defineFunction({
  id: "ATP",
  params: [ON_HAND, SUPPLY, series("orders", "Customer orders per period, as long as supply."), METHOD],
  run(args) {
    const atp = unwrapResult(availableToPromise(args.on_hand, args.supply.values, args.orders.values, args.method));
    return isFunctionError(atp) ? atp : asLine(atp, args.supply.orientation);
  },
  size: (call) => lineShape(call.shape("supply")),
});

const PROMISE_PARAMS = [
  range("quantity", "Quantity the customer asks for, or a column (or row) of order-line quantities, promised in order."),
  range("on_hand", "Stock on hand at the start of the first period, or a whole MPS.TABLE block (e.g. B14#) to promise from."),
  series("supply", "Supply per period: MPS plus receipts (MPS 0, 70 with receipts 50, 0 → 50, 70). Left out with a block.", {
    optional: true,
  }),
  series("orders", "Customer orders already promised, per period. Left out with a block.", { optional: true }),
  METHOD,
  range("requested_period", "The period the customer wants it in (from 1), or one per order line; no earlier period is offered.", {
    optional: true,
    defaultText: "Default 1.",
  }),
  lines("period_starts", "Start date of each period: the promise is then the period's start date, not its number.", { optional: true }),
  option("model", '"MTO" promises by lead time and capacity (ATP is 0 in MTO); "MTS" or "ATO" by ATP.', PRODUCTION_MODELS, {
    optional: true,
    defaultText: "Default: by ATP.",
  }),
  series("capacity", "MTO: capacity per period; a line goes to the first period from its earliest with room for all of it.", {
    optional: true,
  }),
  number("hours_per_unit", "MTO: capacity one unit takes in the period it is promised.", { optional: true, defaultText: "Default 1." }),
  number("lead_time", "MTO: whole periods from start to completion; no line before period 1 + lead_time.", {
    optional: true,
    defaultText: "Default 0.",
  }),
] as const;

type PromiseArgs = ArgsOf<typeof PROMISE_PARAMS>;

/** The item's position to promise against: typed in, or read from an MPS.TABLE block. */
interface Position {
  onHand: number;
  supply: ArrayLike<number>;
  orders: ArrayLike<number>;
  /** The MPS row when a block gave it: MTO capacity is taken by it; else the supply row. */
  production: ArrayLike<number>;
  /** The argument that fixes the number of periods (for messages). */
  periodsOf: string;
}

/** on_hand as one cell with supply and orders beside it, or as a block that gives all three. */
function positionOf(args: PromiseArgs): Position | FunctionError {
  const onHand = args.on_hand;
  const one = singleCell(onHand);
  if (one === undefined) {
    if (onHand.rows < 2 || onHand.columns < 2) return functionError("VALUE", messages.notCellOrBlock("on_hand", onHand.rows, onHand.columns));
    if (args.supply !== undefined) return functionError("VALUE", messages.notWithBlock("supply"));
    if (args.orders !== undefined) return functionError("VALUE", messages.notWithBlock("orders"));
    const block = readRecordBlock("on_hand", onHand);
    if (isFunctionError(block)) return block;
    return { ...block, production: block.mps, periodsOf: "on_hand" };
  }
  const value = readNumber("on_hand", one.cell);
  if (isFunctionError(value)) return value;
  if (value === undefined) return functionError("VALUE", messages.missing("on_hand"));
  if (args.supply === undefined) return functionError("VALUE", messages.requiredWithoutBlock("supply"));
  if (args.orders === undefined) return functionError("VALUE", messages.requiredWithoutBlock("orders"));
  return { onHand: value, supply: args.supply.values, orders: args.orders.values, production: args.supply.values, periodsOf: "supply" };
}

/** What the planner sees for a 0-based period: its number from 1, or its start date. */
type Show = (period: number) => number;

/** The order lines to promise: quantities (null for a blank line) and how they are laid out. */
interface OrderLines {
  quantities: Array<number | null>;
  orientation: Orientation;
}

/**
 * Requested periods of the lines, 0-based (undefined: as soon as possible). One cell applies
 * to every line; a range gives one per line.
 */
function requestedOf(requested: RangeInput | undefined, count: number): Array<number | undefined> | FunctionError {
  const param = "requested_period";
  if (requested === undefined) return new Array<number | undefined>(count).fill(undefined);
  const one = singleCell(requested);
  let cells: unknown[];
  if (one !== undefined) cells = new Array<unknown>(count).fill(one.cell);
  else {
    const line: LineInput | FunctionError = linesOf(param, requested);
    if (isFunctionError(line)) return line;
    if (line.cells.length !== count) return functionError("VALUE", messages.linesDiffer(param, line.cells.length, "quantity", count));
    cells = line.cells;
  }
  const periods = new Array<number | undefined>(count);
  for (let i = 0; i < count; i++) {
    const cell = cells[i];
    if (cell === null || cell === 0) continue; // empty (desktop Excel passes 0): as soon as possible
    if (typeof cell !== "number") {
      const read = one ? readNumber(param, cell) : undefined;
      if (isFunctionError(read)) return read;
      const what = shownCell(cell);
      return lineRefusal(param, i, (where) => messages.lineNotNumber(param, where, what));
    }
    if (!(Number.isInteger(cell) && cell >= 1)) {
      return one ? functionError("VALUE", messages.notPeriodNumber(param, cell)) : lineRefusal(param, i, (where) => messages.lineNotPeriod(param, where, cell));
    }
    periods[i] = cell - 1;
  }
  return periods;
}

/** The promise of each line in the planner's terms: a period (or date), "" for a blank line, #N/A beyond the horizon. */
function lineResults(quotes: OrderLines, periods: Array<number | null>, show: Show, unpromised: (line: number) => FunctionError): Cell[][] {
  const cells: Cell[] = quotes.quantities.map((quantity, i) => {
    if (quantity === null) return "";
    const period = periods[i];
    return period === null ? unpromised(i) : show(period);
  });
  return quotes.orientation === "row" ? [cells] : cells.map((cell) => [cell]);
}

const notWithinHorizon = (): FunctionError => functionError("NA", messages.notWithinHorizon());

/** Promise by ATP, first come, first served (make to stock, assemble to order). */
function byAtp(args: PromiseArgs, position: Position, quotes: OrderLines, requested: RangeInput | undefined, show: Show): Cell[][] | FunctionError {
  const wanted = requestedOf(requested, quotes.quantities.length);
  if (isFunctionError(wanted)) return wanted;
  const promised = promiseLines(
    quotes.quantities.map((q) => q ?? 0),
    position.onHand,
    position.supply,
    position.orders,
    { method: args.method, requestedPeriods: wanted },
  );
  if (!promised.ok) return fromLineEngine(promised.error, { quantities: "quantity", requestedPeriods: "requested_period" });
  return lineResults(quotes, promised.value.periods, show, notWithinHorizon);
}

/**
 * Promise make-to-order lines by lead time and, with capacity, spare capacity: MTO supply is
 * the orders themselves, so ATP is 0 and cannot say when. The capacity already taken is the
 * production planned per period (the block's MPS row, or the supply row) × hours per unit.
 */
function byLeadTime(args: PromiseArgs, position: Position, quotes: OrderLines, requested: RangeInput | undefined, show: Show): Cell[][] | FunctionError {
  const periods = position.supply.length;
  const wanted = requestedOf(requested, quotes.quantities.length);
  if (isFunctionError(wanted)) return wanted;
  const capacity = args.capacity?.values;
  if (capacity !== undefined && capacity.length !== periods) {
    return functionError("VALUE", messages.seriesLength("capacity", capacity.length, periods, position.periodsOf));
  }
  const hoursPerUnit = args.hours_per_unit ?? 1;
  const quantities = quotes.quantities.map((q) => q ?? 0);
  const promised = promiseLinesByLeadTime(quantities, periods, {
    leadTime: args.lead_time ?? 0,
    requestedPeriods: wanted,
    capacity,
    hoursPerUnit,
    load: capacity === undefined ? undefined : Array.from(position.production, (quantity) => quantity * hoursPerUnit),
  });
  if (!promised.ok) return fromLineEngine(promised.error, { quantities: "quantity", requestedPeriods: "requested_period" });
  const { periods: promisedPeriods, reasons } = promised.value;
  const earliest = (line: number) => Math.max(wanted[line] ?? 0, args.lead_time ?? 0) + 1;
  return lineResults(quotes, promisedPeriods, show, (line) =>
    reasons[line] === "capacity"
      ? functionError("NA", messages.noCapacityWithinHorizon(quantities[line] * hoursPerUnit, earliest(line)))
      : notWithinHorizon(),
  );
}

/**
 * One quantity, as MPS.PROMISE has always answered it: the earliest period (or date), the
 * whole call #N/A beyond the horizon, a requested period that is not a period number #VALUE!.
 * The result is a 1×1 array: the function spills for order lines, so Excel expects an array.
 */
function single(args: PromiseArgs, position: Position, quantityCell: unknown, show: Show): Cell[][] | FunctionError {
  const quantity = readNumber("quantity", quantityCell);
  if (isFunctionError(quantity)) return quantity;
  if (quantity === undefined) return functionError("VALUE", messages.missing("quantity"));
  let requested = 1;
  if (args.requested_period !== undefined) {
    const value = readNumber("requested_period", args.requested_period.grid);
    if (isFunctionError(value)) return value;
    requested = value ?? 1;
  }
  if (!(Number.isInteger(requested) && requested >= 1)) {
    return functionError("VALUE", messages.notPeriodNumber("requested_period", requested));
  }
  if (args.model === "MTO") {
    const result = byLeadTime(args, position, { quantities: [quantity], orientation: "row" }, args.requested_period, show);
    if (isFunctionError(result)) return result;
    const cell = result[0][0];
    return isFunctionError(cell) ? cell : result;
  }
  const period = unwrapResult(promise(quantity, position.onHand, position.supply, position.orders, args.method, requested - 1));
  if (isFunctionError(period)) return period;
  return period === null ? notWithinHorizon() : [[show(period)]];
}

/** Arguments that only make-to-order promising reads, refused elsewhere rather than ignored. */
function mtoOnlyArgument(args: PromiseArgs): FunctionError | undefined {
  if (args.model === "MTO") return undefined;
  const given = (["capacity", "hours_per_unit", "lead_time"] as const).find((name) => args[name] !== undefined);
  return given === undefined ? undefined : functionError("VALUE", messages.onlyForMto(given));
}

export const PROMISE = defineFunction({
  id: "PROMISE",
  params: PROMISE_PARAMS,
  run(args) {
    const mtoOnly = mtoOnlyArgument(args);
    if (mtoOnly) return mtoOnly;
    const position = positionOf(args);
    if (isFunctionError(position)) return position;
    let show: Show = (period) => period + 1;
    if (args.period_starts !== undefined) {
      const starts = periodStartsFor("period_starts", args.period_starts, position.supply.length, position.periodsOf);
      if (isFunctionError(starts)) return starts;
      show = (period) => starts[period];
    }
    const one = singleCell(args.quantity);
    if (one !== undefined) return single(args, position, one.cell, show);
    const line = linesOf("quantity", args.quantity);
    if (isFunctionError(line)) return line;
    const quantities = quantityCells("quantity", line);
    if (isFunctionError(quantities)) return quantities;
    const quotes: OrderLines = { quantities, orientation: line.orientation };
    return args.model === "MTO" ? byLeadTime(args, position, quotes, args.requested_period, show) : byAtp(args, position, quotes, args.requested_period, show);
  },
  // One cell for one quantity; one per line, laid out like the quantities, for order lines.
  size: (call) => {
    const quantity: Shape = call.shape("quantity") ?? { rows: 1, columns: 1 };
    return quantity.rows > 1 && quantity.columns > 1 ? { rows: 1, columns: 1 } : quantity;
  },
});

