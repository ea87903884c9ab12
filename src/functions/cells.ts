/**
 * Reading what Excel (or the headless recalculation) hands a custom function: ranges as 2-D
 * arrays, scalars, empties and error values. Empties mean 0 in a series and "not given" for a
 * scalar: desktop Excel passes 0 or "", Excel on the web passes null, HyperFormula a Symbol.
 * No number is guessed from text.
 */
import { messages } from "./messages";

export type ErrorCode = "VALUE" | "NUM" | "NA";

/** A refusal, before it becomes `CustomFunctions.Error` (Excel) or `CellError` (HyperFormula). */
export interface FunctionError {
  readonly kind: "error";
  readonly code: ErrorCode;
  readonly message: string;
}

export function functionError(code: ErrorCode, message: string): FunctionError {
  return { kind: "error", code, message };
}

export function isFunctionError(value: unknown): value is FunctionError {
  return typeof value === "object" && value !== null && (value as FunctionError).kind === "error";
}

export type Orientation = "row" | "column";

/** A planning row read from a range, with the way the planner laid it out. */
export interface SeriesInput {
  /** A plain array: allocating it is cheaper than a typed array's separate backing store. */
  values: number[];
  orientation: Orientation;
}

export function isEmpty(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "" || typeof cell === "symbol";
}

/** "#DIV/0!" and friends, from whichever error object the host passed. */
export function errorName(cell: object): string {
  const host = cell as { value?: unknown; type?: unknown; code?: unknown };
  for (const candidate of [host.value, host.type, host.code]) {
    if (typeof candidate === "string") return candidate.startsWith("#") ? candidate : `#${candidate}`;
  }
  return "#VALUE!";
}

/** A cell of a series: a number, or why it is not one. Cell numbers are 1-based. */
function readCell(param: string, cell: unknown, index: number): number | FunctionError {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return functionError("NUM", messages.cellNotFinite(param, index + 1, cell));
    return cell;
  }
  if (isEmpty(cell)) return 0;
  if (typeof cell === "string") return functionError("VALUE", messages.cellText(param, index + 1, cell));
  if (typeof cell === "boolean") return functionError("VALUE", messages.cellBoolean(param, index + 1, cell));
  if (typeof cell === "object" && cell !== null) {
    return functionError("VALUE", messages.cellError(param, index + 1, errorName(cell)));
  }
  return functionError("VALUE", messages.cellOther(param, index + 1));
}

/**
 * One row or one column of quantities.
 * @example readSeries("orders", [[5], [null], [7]]) // → { values: [5, 0, 7], orientation: "column" }
 */
export function readSeries(param: string, range: unknown): SeriesInput | FunctionError {
  if (range === null || range === undefined) return functionError("VALUE", messages.missing(param));
  const grid: unknown[][] = Array.isArray(range) ? (range as unknown[][]) : [[range]];
  const rows = grid.length;
  const columns = rows > 0 && Array.isArray(grid[0]) ? grid[0].length : 0;
  if (rows === 0 || columns === 0) return functionError("VALUE", messages.emptyRange(param));
  if (rows > 1 && columns > 1) return functionError("VALUE", messages.notOneLine(param, rows, columns));
  const orientation: Orientation = rows === 1 ? "row" : "column";
  const length = Math.max(rows, columns);
  const values = new Array<number>(length);
  const line = orientation === "row" ? grid[0] : undefined;
  for (let i = 0; i < length; i++) {
    const cell = line !== undefined ? line[i] : grid[i]?.[0];
    // Fast path for the common cells: finite numbers and empties.
    if (typeof cell === "number" && cell - cell === 0) values[i] = cell;
    else if (cell === null || cell === "") values[i] = 0;
    else {
      const read = readCell(param, cell, i);
      if (typeof read !== "number") return read;
      values[i] = read;
    }
  }
  return { values, orientation };
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

/** An optional number; undefined when left empty. Range checks belong to the engine. */
export function readNumber(param: string, value: unknown): number | undefined | FunctionError {
  const cells = multiCell(value);
  if (cells) return functionError("VALUE", messages.notOneCell(param, cells));
  const v = unwrap(value);
  if (isEmpty(v)) return undefined;
  if (typeof v === "number") return v;
  if (typeof v === "string") return functionError("VALUE", messages.scalarText(param, v));
  if (typeof v === "object" && v !== null) return functionError("VALUE", messages.cellError(param, 1, errorName(v)));
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
  const v = unwrap(value);
  // Desktop Excel passes an empty referenced cell as 0; no option is a number, so 0 is "empty".
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
