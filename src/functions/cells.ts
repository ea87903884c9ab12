/**
 * Reading what Excel (or the headless recalculation) hands a custom function: ranges as 2-D
 * arrays, scalars, empties, error values and data types. No number is guessed from text.
 *
 * Empty cells: in a series an empty cell is 0. A single-cell argument that refers to an empty
 * cell is 0 as well, as in Excel's own functions; only an argument left out (or empty text "")
 * takes its default. Hosts pass an empty cell as null (Excel on the web, current desktop
 * builds), 0 (older desktop builds) or a Symbol (HyperFormula); a left-out argument as null or
 * undefined, so telling the two apart needs the host to say which arguments are references
 * (`referenced`, from Excel's parameter addresses). An option in an empty cell is not given.
 *
 * Data types (Excel passes them to `any` parameters from CustomFunctionsRuntime 1.4): a
 * number, text or boolean with a format (`{ type: "Double", basicValue: 2 }`,
 * `FormattedNumber`, `String`, `Boolean`, `Empty`) is read as its basic value; an `Error` one
 * as that error; an entity, image or array is refused, naming the cell.
 */
import { resultRow } from "../engine";
import { messages } from "./messages";

/** #VALUE! or #N/A: the only errors whose message Excel shows. */
export type ErrorCode = "VALUE" | "NA";

/**
 * Where a refusal lies inside an argument, so that a host that knows the argument's address
 * can name the cell ("F3") or the range ("B3:J3") in the message.
 */
export interface ErrorPlace {
  readonly param: string;
  /** The cell, counted from 0 along the argument's row or column; undefined: the whole argument. */
  readonly index?: number;
  /** For a cell of a block (several rows and columns): its row and column inside the range, from 0. */
  readonly cell?: { readonly row: number; readonly column: number };
  /** For a whole argument: the length it should have (its range is then also given resized to it). */
  readonly length?: number;
  /** The message with the place named: the cell ("F3") or the range ("B3:J3") and, resized, "B3:K3". */
  readonly say: (where: string, resized?: string) => string;
}

/** A refusal, before it becomes `CustomFunctions.Error` (Excel) or `CellError` (HyperFormula). */
export interface FunctionError {
  readonly kind: "error";
  readonly code: ErrorCode;
  readonly message: string;
  /** Set when the refusal is about one cell of an argument. */
  readonly place?: ErrorPlace;
}

/**
 * A refusal. The engine's "NUM" (a number out of range) is shown as #VALUE!, since Excel shows
 * no message on #NUM!: no MPS function ever returns #NUM!.
 */
export function functionError(code: ErrorCode | "NUM", message: string): FunctionError {
  return { kind: "error", code: code === "NA" ? "NA" : "VALUE", message };
}

/**
 * A #VALUE! refusal about the `index`-th cell (from 0) of a series; its message names the
 * cell by its position from 1 until a host gives the argument's address (see `invoke`).
 * @example cellRefusal("orders", 2, (cell) => `orders: cell ${cell} is text`).message // → "orders: cell 3 is text"
 */
export function cellRefusal(param: string, index: number, say: (cell: string) => string): FunctionError {
  return { kind: "error", code: "VALUE", message: say(String(index + 1)), place: { param, index, say } };
}

/**
 * A #VALUE! refusal about one cell of an argument whose position reads in its own words until
 * a host gives the argument's address: "line 3" of order lines, "row 2, cell 3" of a block.
 * With the address, `say` is given "cell F3" instead.
 * @example
 * placedRefusal("dates", { index: 2 }, "line 3", (where) => `dates: ${where} is text`).message // → "dates: line 3 is text"
 * // with the argument at Orders!C2:C9 (see invoke): "dates: cell C4 is text"
 */
export function placedRefusal(
  param: string,
  at: { readonly index: number } | { readonly row: number; readonly column: number },
  position: string,
  say: (where: string) => string,
): FunctionError {
  const place: ErrorPlace =
    "index" in at
      ? { param, index: at.index, say: (address) => say(`cell ${address}`) }
      : { param, cell: { row: at.row, column: at.column }, say: (address) => say(`cell ${address}`) };
  return { kind: "error", code: "VALUE", message: say(position), place };
}

export function isFunctionError(value: unknown): value is FunctionError {
  return typeof value === "object" && value !== null && (value as FunctionError).kind === "error";
}

export type Orientation = "row" | "column";

/** A planning row read from a range, with the way the planner laid it out. */
export interface SeriesInput {
  /**
   * A typed array, as the engine keeps its rows: `planItem` copies it into its record as a
   * block of memory, and the engine reads one kind of row whoever calls it. From a plain array
   * V8 copies element by element (the holey array `new Array(n)` makes: ~8× as long).
   */
  values: Float64Array;
  orientation: Orientation;
}

/** An empty cell, however the host passed it. */
export function isEmpty(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "" || typeof cell === "symbol";
}

/** A cell holding an error value, however the host passed it ("#DIV/0!"). */
export interface ErrorCell {
  readonly error: string;
}

/** A cell holding a data type that has no basic number, text or boolean (an entity, an image). */
export interface DataTypeCell {
  readonly dataType: string;
}

/** Data types whose basic value is what the cell shows: read as that value. */
const BASIC_TYPES = new Set(["Double", "FormattedNumber", "String", "Boolean", "Empty"]);
/** Data types that are no single value. */
const RICH_TYPES = new Set(["Entity", "LinkedEntity", "WebImage", "LocalImage", "Array", "Reference", "ExternalCodeServiceObject", "Function"]);

/** "#DIV/0!" and friends, from whichever error object the host passed. */
export function errorName(cell: object): string {
  const host = cell as { error?: unknown; value?: unknown; type?: unknown; code?: unknown };
  for (const candidate of [host.error, host.value, host.type, host.code]) {
    if (typeof candidate === "string") return candidate.startsWith("#") ? candidate : `#${candidate}`;
  }
  return "#VALUE!";
}

/**
 * A cell as the plain value it stands for: numbers, text, booleans and empties as they are, a
 * data type as its basic value, any other object as an error value (`ErrorCell`) or a rich
 * data type (`DataTypeCell`).
 * @example plain({ type: "FormattedNumber", basicValue: 0.6, numberFormat: "0%" }) // → 0.6
 */
export function plain(cell: unknown): unknown {
  if (typeof cell !== "object" || cell === null) return cell;
  const typed = cell as { type?: unknown; basicValue?: unknown; errorType?: unknown; text?: unknown };
  if (typeof typed.type === "string") {
    if (BASIC_TYPES.has(typed.type)) return typed.type === "Empty" ? null : typed.basicValue;
    if (typed.type === "Error") {
      const name = typeof typed.basicValue === "string" ? typed.basicValue : typeof typed.errorType === "string" ? typed.errorType : "#VALUE!";
      return { error: name.startsWith("#") ? name : `#${name}` } satisfies ErrorCell;
    }
    if (RICH_TYPES.has(typed.type)) {
      return { dataType: typeof typed.text === "string" ? `${typed.type} '${typed.text}'` : typed.type } satisfies DataTypeCell;
    }
  }
  return { error: errorName(cell) } satisfies ErrorCell;
}

/**
 * A cell of a range of quantities: its number (an empty cell is 0), or the refusal's message
 * once the cell's place is worded ("cell 3", "cell F3", "row 2, cell 3").
 * @example (readQuantity("orders", "ten") as (where: string) => string)("cell F3") // → "orders: cell F3 is text 'ten'; enter a number …"
 */
export function readQuantity(param: string, cell: unknown): number | ((where: string) => string) {
  const v = plain(cell);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return (where) => messages.cellNotFinite(param, where, v);
    return v;
  }
  if (isEmpty(v)) return 0;
  if (typeof v === "string") return (where) => messages.cellText(param, where, v);
  if (typeof v === "boolean") return (where) => messages.cellBoolean(param, where, v);
  if (typeof v === "object" && v !== null && "dataType" in v) {
    const what = (v as DataTypeCell).dataType;
    return (where) => messages.cellDataType(param, where, what);
  }
  if (typeof v === "object" && v !== null && "error" in v) {
    const name = (v as ErrorCell).error;
    return (where) => messages.cellError(param, where, name);
  }
  return (where) => messages.cellOther(param, where);
}

/** A cell of a series: a number, or why it is not one. */
function readCell(param: string, cell: unknown, index: number): number | FunctionError {
  const read = readQuantity(param, cell);
  return typeof read === "number" ? read : cellRefusal(param, index, (at) => read(`cell ${at}`));
}

/** The cells of a one-column range in a row reused from call to call (the loop below then reads one line either way). */
const column: unknown[] = [];

function columnCells(grid: readonly unknown[][]): unknown[] {
  column.length = grid.length;
  for (let i = 0; i < grid.length; i++) column[i] = grid[i]?.[0];
  return column;
}

/**
 * One row or one column of quantities.
 * @example readSeries("orders", [[5], [null], [7]]) // → { values: Float64Array [5, 0, 7], orientation: "column" }
 */
export function readSeries(param: string, range: unknown): SeriesInput | FunctionError {
  if (range === null || range === undefined) return functionError("VALUE", messages.missing(param));
  const grid: unknown[][] = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  const rows = grid.length;
  const columns = rows > 0 && Array.isArray(grid[0]) ? grid[0].length : 0;
  if (rows === 0 || columns === 0) return functionError("VALUE", messages.emptyRange(param));
  if (rows > 1 && columns > 1) return functionError("VALUE", messages.notOneLine(param, rows, columns));
  const orientation: Orientation = rows === 1 ? "row" : "column";
  const line = orientation === "row" ? grid[0] : columnCells(grid);
  // Bounded by the line's own length (the same number), so V8 drops the bounds checks.
  const length = line.length;
  // Carved from the engine's shared buffer: a Float64Array with a buffer of its own costs ~1 µs.
  const values = resultRow(length);
  // A tight loop over the common cells (finite numbers and empties) until the first other one.
  let i = 0;
  for (; i < length; i++) {
    const cell = line[i];
    if (typeof cell === "number" && cell - cell === 0) values[i] = cell;
    else if (cell === null || cell === "") values[i] = 0;
    else break;
  }
  const refused = i < length ? readRest(param, line, i, values) : undefined;
  return refused ?? { values, orientation };
}

/**
 * The cells of a line from `start` on, read in full (a data type, an error, text), into
 * `values`; the refusal of the first that is no quantity. Apart from readSeries' loop, which
 * then stays tight.
 */
function readRest(param: string, line: readonly unknown[], start: number, values: Float64Array): FunctionError | undefined {
  for (let i = start; i < line.length; i++) {
    const read = readCell(param, line[i], i);
    if (typeof read !== "number") return read;
    values[i] = read;
  }
  return undefined;
}

/** A single-cell argument: a 1×1 range arrives as [[x]] from some hosts. */
function unwrap(value: unknown): unknown {
  let v = value;
  while (Array.isArray(v) && v.length === 1) v = Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v[0];
  return v;
}

/** A range where one cell was expected, as "2×3"; undefined for a single value. */
function multiCell(value: unknown): string | undefined {
  if (!Array.isArray(value)) return undefined;
  const rows = value.length;
  const columns = Array.isArray(value[0]) ? value[0].length : 1;
  return rows * columns > 1 ? `${rows}×${columns}` : undefined;
}

/**
 * An optional number: undefined when left out (null or undefined, and not a reference) or
 * given as empty text; 0 from an empty cell it refers to (`referenced`: the host gave the
 * argument's address). Range checks belong to the engine.
 * @example readNumber("backward", null) // → undefined (left out: the default applies)
 * @example readNumber("backward", null, true) // → 0 (an empty cell)
 */
export function readNumber(param: string, value: unknown, referenced = false): number | undefined | FunctionError {
  const cells = multiCell(value);
  if (cells) return functionError("VALUE", messages.notOneCell(param, cells));
  const v = plain(unwrap(value));
  if (v === "") return undefined;
  if (isEmpty(v)) return referenced ? 0 : undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : functionError("VALUE", messages.scalarNotFinite(param, v));
  if (typeof v === "string") return functionError("VALUE", messages.scalarText(param, v));
  if (typeof v === "object" && v !== null && "dataType" in v) return functionError("VALUE", messages.scalarDataType(param, (v as DataTypeCell).dataType));
  if (typeof v === "object" && v !== null && "error" in v) {
    const name = (v as ErrorCell).error;
    return cellRefusal(param, 0, (at) => messages.cellError(param, `cell ${at}`, name));
  }
  return functionError("VALUE", messages.scalarOther(param));
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, "");
}

/**
 * An optional choice from a fixed list, case-insensitive ("Lookahead", "look-ahead" and
 * "LOOKAHEAD" all mean "lookahead"); undefined when left empty.
 */
export function readOption<T extends string>(param: string, value: unknown, choices: readonly T[]): T | undefined | FunctionError {
  const cells = multiCell(value);
  if (cells) return functionError("VALUE", messages.notOneCell(param, cells));
  const v = plain(unwrap(value));
  // Older desktop builds pass an empty referenced cell as 0; no option is a number, so 0 is "empty".
  if (isEmpty(v) || v === 0) return undefined;
  if (typeof v !== "string") return functionError("VALUE", messages.optionNotText(param, choices));
  // The usual case, a choice spelled exactly, skips the regular expressions below (choices
  // differ after squashing too, so this finds the same choice).
  const exact = choices.indexOf(v as T);
  if (exact >= 0) return choices[exact];
  const wanted = squash(v);
  const match = choices.find((choice) => squash(choice) === wanted);
  return match ?? functionError("VALUE", messages.notOption(param, v.trim(), choices));
}
