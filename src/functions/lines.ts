/**
 * Reading ranges whose cells are not all quantities: order lines (dates, order numbers,
 * quantities where an empty cell is "no line" rather than 0), period start dates, and
 * arguments that take one cell or a range. A data-type cell is read as its basic value. A
 * refused cell is named by its address when the host gives the argument's ("cell C5"), else
 * as a line counted from 1 inside the range, as the rows of an order list ("line 3"); every
 * refusal is #VALUE! (the error whose message Excel shows).
 */
import type { OrderId, PlanningError } from "../engine";
import {
  errorName,
  functionError,
  isEmpty,
  isFunctionError,
  placedRefusal,
  plain,
  type DataTypeCell,
  type FunctionError,
  type Orientation,
} from "./cells";
import { excerpt, messages } from "./messages";
import { fromEngine } from "./results";

/** One cell or a range as the host passed it; every empty cell is null, a data type its basic value. */
export interface RangeInput {
  grid: unknown[][];
  rows: number;
  columns: number;
}

/** One row or one column of cells as the planner typed them; every empty cell is null. */
export interface LineInput {
  cells: unknown[];
  orientation: Orientation;
}

/**
 * One cell or a range, cells as they are (empties as null, data types as their basic value).
 * @example readRange("on_hand", 64) // → { grid: [[64]], rows: 1, columns: 1 }
 */
export function readRange(param: string, raw: unknown): RangeInput | FunctionError {
  if (raw === null || raw === undefined) return functionError("VALUE", messages.missing(param));
  const given: unknown[][] = Array.isArray(raw) ? (raw as unknown[]).map((row) => (Array.isArray(row) ? row : [row])) : [[raw]];
  const rows = given.length;
  const columns = rows > 0 ? given[0].length : 0;
  if (rows === 0 || columns === 0) return functionError("VALUE", messages.emptyRange(param));
  const grid = given.map((row) => {
    const cells = new Array<unknown>(columns);
    for (let c = 0; c < columns; c++) {
      const cell = typeof row[c] === "object" && row[c] !== null ? plain(row[c]) : row[c];
      cells[c] = isEmpty(cell) ? null : cell;
    }
    return cells;
  });
  return { grid, rows, columns };
}

/**
 * One row or one column of cells, as they are (empties as null).
 * @example readLine("dates", [[45292], [null], ["next week"]]) // → cells [45292, null, "next week"], column
 */
export function readLine(param: string, raw: unknown): LineInput | FunctionError {
  const range = readRange(param, raw);
  if (isFunctionError(range)) return range;
  return lineOf(param, range);
}

/** A range that must be one row or one column, as a line. */
function lineOf(param: string, range: RangeInput): LineInput | FunctionError {
  const { grid, rows, columns } = range;
  if (rows > 1 && columns > 1) return functionError("VALUE", messages.notOneLine(param, rows, columns));
  return rows === 1 ? { cells: grid[0], orientation: "row" } : { cells: grid.map((row) => row[0]), orientation: "column" };
}

/** The one cell of a 1×1 range; undefined for a larger range. */
export function singleCell(range: RangeInput): { cell: unknown } | undefined {
  return range.rows === 1 && range.columns === 1 ? { cell: range.grid[0][0] } : undefined;
}

/**
 * A range of several cells as order lines: one row or one column.
 * @returns the line, or #VALUE! for a block of rows and columns
 */
export function linesOf(param: string, range: RangeInput): LineInput | FunctionError {
  if (range.rows > 1 && range.columns > 1) return functionError("VALUE", messages.notCellOrLine(param, range.rows, range.columns));
  return lineOf(param, range);
}

/** How a cell reads in a message: "text 'x'", "TRUE", "the error #N/A", "-5", "a data type (Entity 'Contoso')". */
export function shownCell(cell: unknown): string {
  if (typeof cell === "string") return `text '${excerpt(cell)}'`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return String(cell);
  if (isDataType(cell)) return `a data type (${excerpt(cell.dataType)})`;
  if (typeof cell === "object" && cell !== null) return `the error ${errorName(cell)}`;
  return "not a number";
}

function isDataType(cell: unknown): cell is DataTypeCell {
  return typeof cell === "object" && cell !== null && "dataType" in cell;
}

/**
 * A refusal about the `index`-th cell (from 0) of a line: "line 3", or "cell C5" once the host
 * gives the argument's address (see invoke).
 * @example lineRefusal("dates", 2, (where) => `dates: ${where} is empty`).message // → "dates: line 3 is empty"
 */
export function lineRefusal(param: string, index: number, say: (where: string) => string): FunctionError {
  return placedRefusal(param, { index }, `line ${index + 1}`, say);
}

/** A cell of an order line holding an error value. */
function errorRefusal(param: string, cell: object, index: number): FunctionError {
  const name = errorName(cell);
  return lineRefusal(param, index, (where) => messages.cellError(param, where, name));
}

/** A cell that is not a finite number ≥ 0 (nor empty), refused in the words of its kind. */
function refuse(param: string, cell: unknown, index: number, asDate: boolean): FunctionError {
  if (typeof cell === "object" && cell !== null && !isDataType(cell)) return errorRefusal(param, cell, index);
  if (typeof cell === "number" && Number.isFinite(cell) && !asDate) return lineRefusal(param, index, (where) => messages.cellNegative(param, where, cell));
  const what = shownCell(cell);
  return lineRefusal(param, index, (where) => (asDate ? messages.lineNotDate(param, where, what) : messages.lineNotNumber(param, where, what)));
}

/**
 * Order dates: Excel date serials (days since the workbook's epoch, 1900 or 1904), null for
 * an empty cell. Desktop Excel may pass an empty cell as 0; no order is dated day 0, so 0 is
 * empty too. Text, TRUE/FALSE, error values and negative numbers are refused, naming the line.
 * @example dateCells("dates", { cells: [45292, null, 0], orientation: "column" }) // → [45292, null, null]
 */
export function dateCells(param: string, line: LineInput): Array<number | null> | FunctionError {
  const out = new Array<number | null>(line.cells.length);
  for (let i = 0; i < line.cells.length; i++) {
    const cell = line.cells[i];
    if (cell === null || cell === 0) out[i] = null;
    else if (typeof cell === "number" && cell > 0 && Number.isFinite(cell)) out[i] = cell;
    else return refuse(param, cell, i, true);
  }
  return out;
}

/**
 * Quantities of order lines: numbers ≥ 0, null for an empty cell (a line with neither date nor
 * quantity is blank; one with a date and no quantity counts 0, as SUMIFS counts it).
 * @example quantityCells("quantities", { cells: [40, null], orientation: "column" }) // → [40, null]
 */
export function quantityCells(param: string, line: LineInput): Array<number | null> | FunctionError {
  const out = new Array<number | null>(line.cells.length);
  for (let i = 0; i < line.cells.length; i++) {
    const cell = line.cells[i];
    if (cell === null) out[i] = null;
    else if (typeof cell === "number" && cell >= 0 && Number.isFinite(cell)) out[i] = cell;
    else return refuse(param, cell, i, false);
  }
  return out;
}

/**
 * Order numbers as typed (text, numbers); null for an empty cell. An error value is refused.
 * @example idCells("order_ids", { cells: ["SO-1", 1002, null], orientation: "column" }) // → ["SO-1", 1002, null]
 */
export function idCells(param: string, line: LineInput): OrderId[] | FunctionError {
  const out = new Array<OrderId>(line.cells.length);
  for (let i = 0; i < line.cells.length; i++) {
    const cell = line.cells[i];
    if (cell === null || typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean") out[i] = cell;
    else if (isDataType(cell)) {
      const what = shownCell(cell);
      return lineRefusal(param, i, (where) => messages.lineNotOrderId(param, where, what));
    } else return errorRefusal(param, cell as object, i);
  }
  return out;
}

/**
 * Period start dates: one date per period, strictly increasing days (two starts on one day
 * would make an empty period), the rule `bucketOrders` applies; the message names the cell.
 * @example periodStarts("period_starts", { cells: [45292, 45299], orientation: "row" }) // → [45292, 45299]
 */
export function periodStarts(param: string, line: LineInput): number[] | FunctionError {
  const dates = dateCells(param, line);
  if (isFunctionError(dates)) return dates;
  const starts = new Array<number>(dates.length);
  for (let i = 0; i < dates.length; i++) {
    const day = dates[i];
    if (day === null) return placedRefusal(param, { index: i }, `cell ${i + 1}`, (where) => messages.periodStartMissing(param, where));
    const previous = starts[i - 1];
    if (i > 0 && !(Math.floor(day) > Math.floor(previous))) {
      // By position both cells are named ("cell 3 … cell 2"); by address only this one is known.
      const say = (where: string, before: string) => messages.periodStartsNotIncreasing(param, where, day, before, previous);
      const refusal = placedRefusal(param, { index: i }, `cell ${i + 1}`, (where) => say(where, "the cell before it"));
      return { ...refusal, message: say(`cell ${i + 1}`, `cell ${i}`) };
    }
    starts[i] = day;
  }
  return starts;
}

/**
 * Period start dates for a horizon of `periods` periods (one start per period).
 * @param of the argument that fixes the number of periods, named in the message
 */
export function periodStartsFor(param: string, line: LineInput, periods: number, of: string): number[] | FunctionError {
  const starts = periodStarts(param, line);
  if (isFunctionError(starts)) return starts;
  return starts.length === periods ? starts : functionError("VALUE", messages.periodStartsLength(param, starts.length, periods, of));
}

/**
 * An engine refusal about order lines in the words of the spreadsheet: `dates[2]` (0-based)
 * becomes "dates line 3", engine names become parameter names (`names` for those that differ
 * from the snake_case spelling), and the code is #VALUE! so that Excel shows the message.
 * @example fromLineEngine({ code: "VALUE", field: "dates", period: 1, message: "dates[1] is empty but quantities[1] is 40: …" })
 * // → #VALUE! "dates line 2 is empty but quantities line 2 is 40: …"
 */
export function fromLineEngine(error: PlanningError, names: Readonly<Record<string, string>> = {}): FunctionError {
  const message = error.message.replace(/\b([A-Za-z]+)\[(\d+)\]/g, (_, field: string, index: string) => `${names[field] ?? field} line ${Number(index) + 1}`);
  const renamed = message.replace(/\b[A-Za-z]+\b/g, (word) => names[word] ?? word);
  const translated = fromEngine({ ...error, field: names[error.field] ?? error.field, period: undefined, message: renamed });
  return functionError("VALUE", translated.message);
}

