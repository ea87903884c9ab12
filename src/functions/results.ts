/**
 * What the engine returns, as an MPS.* function shows it: planning rows laid out the way the
 * planner laid out the input, engine refusals in the words of the spreadsheet.
 */
import type { PlanningError, Result } from "../engine";
import { cellRefusal, functionError, type FunctionError, type Orientation } from "./cells";
import type { Cell, CheckedRows } from "./define";
import { messages } from "./messages";

/** Engine field names that are not simply the parameter name in camelCase. */
const FIELD_TO_PARAM: Record<string, string> = { atpMethod: "method" };

/** The argument an engine field stands for: leadTime → lead_time, atpMethod → method. */
export function paramName(field: string): string {
  return FIELD_TO_PARAM[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The engine's message for two rows of different lengths (engine/messages.ts `lengthMismatch`). */
const LENGTH_MISMATCH = /^([A-Za-z]+) and ([A-Za-z]+) differ in length: (\d+) vs (\d+)$/;

/**
 * Two series of different lengths, in the words of the spreadsheet: which one to extend, and
 * to how many cells (to which range, once the host gives its address).
 */
function lengthRefusal(first: string, firstLength: number, second: string, secondLength: number): FunctionError {
  const [short, shortLength, long, longLength] =
    firstLength < secondLength ? [first, firstLength, second, secondLength] : [second, secondLength, first, firstLength];
  const say = (where?: string, resized?: string) => messages.shorterThan(short, shortLength, long, longLength, where, resized);
  return { kind: "error", code: "VALUE", message: say(), place: { param: short, length: longLength, say } };
}

/**
 * An engine refusal in the words of the spreadsheet: parameter names, cells counted from 1 (or
 * named by address, see `invoke`), #VALUE! for the engine's NUM (Excel hides messages on #NUM!).
 */
export function fromEngine(error: PlanningError): FunctionError {
  const param = paramName(error.field);
  const { period, value } = error;
  if (period !== undefined && typeof value === "number") {
    const element = `${error.field}[${period}] `;
    if (value < 0) return cellRefusal(param, period, (at) => messages.cellNegative(param, `cell ${at}`, value));
    if (!Number.isFinite(value) || !error.message.startsWith(element)) {
      return cellRefusal(param, period, (at) => messages.cellNotFinite(param, `cell ${at}`, value));
    }
    const detail = error.message.slice(element.length);
    return cellRefusal(param, period, (at) => messages.cellRefused(param, `cell ${at}`, detail));
  }
  const lengths = LENGTH_MISMATCH.exec(error.message);
  if (lengths) return lengthRefusal(paramName(lengths[1]), Number(lengths[3]), paramName(lengths[2]), Number(lengths[4]));
  const message = error.message.replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b/g, paramName);
  return functionError(error.code, message.includes(param) ? message : `${param}: ${message}`);
}

/** The engine's value, or its refusal as a function error. */
export function unwrapResult<T>(result: Result<T>): T | FunctionError {
  return result.ok ? result.value : fromEngine(result.error);
}

/**
 * A row of cells after `first`: a plain loop, as `Array.from` and spreading a typed array go
 * through the iterator protocol and cost more than planning the row.
 */
export function toCells(values: ArrayLike<number>, first?: Cell): Cell[] {
  const offset = first === undefined ? 0 : 1;
  const cells = new Array<Cell>(values.length + offset);
  if (first !== undefined) cells[0] = first;
  for (let i = 0; i < values.length; i++) cells[i + offset] = values[i];
  return cells;
}

/** A planning row laid out as the planner laid out the input: 1×N or N×1. */
export function asLine(values: ArrayLike<number>, orientation: Orientation): number[][] {
  const line = toCells(values) as number[];
  return orientation === "row" ? [line] : line.map((v) => [v]);
}

/** Rows of a record block, transposed when the inputs run down a column. */
export function asBlock(rows: Cell[][], orientation: Orientation): Cell[][] {
  if (orientation === "row") return rows;
  const width = rows[0].length;
  const out: Cell[][] = [];
  for (let c = 0; c < width; c++) out.push(rows.map((r) => r[c]));
  return out;
}

/** An empty row of the last length asked for, copied for each new row (see `emptyRow`). */
let blankRow: Cell[] = [];

/**
 * A row of `length` empty slots, ready to be filled. Copying one kept row is cheaper than
 * `new Array(length)`, and a portfolio asks for the same length again and again. Its first slot
 * already holds text, so the row holds any value from the start and never changes kind.
 */
function emptyRow(length: number): Cell[] {
  if (blankRow.length !== length) {
    blankRow = new Array<Cell>(length);
    blankRow[0] = "";
  }
  return blankRow.slice();
}

/**
 * Labelled rows of a result, each number checked finite as it is copied in, so that invoke's
 * guarantee (no NaN or infinity shown) costs one pass over the cells, not two.
 * @example
 * const rows = new CellRows();
 * rows.add("MPS", new Float64Array([0, 40]));
 * rows.checked("row") // → { kind: "checked rows", rows: [["MPS", 0, 40]], finite: true }
 */
export class CellRows {
  private readonly rows: Cell[][] = [];
  /** 0 while every number copied in is finite: x − x is NaN for NaN and ±Infinity, 0 otherwise. */
  private sum = 0;

  /** A row: its label, then one cell per value. */
  add(label: string, values: ArrayLike<number>): void {
    const n = values.length;
    const cells = emptyRow(n + 1);
    cells[0] = label;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const value = values[i];
      sum += value - value;
      cells[i + 1] = value;
    }
    this.sum += sum;
    this.rows.push(cells);
  }

  /** A row of cells made by the caller (text where a number cannot be shown): its numbers are checked here. */
  addCells(cells: Cell[]): void {
    for (const cell of cells) if (typeof cell === "number") this.sum += cell - cell;
    this.rows.push(cells);
  }

  /** The rows laid out as the planner laid out the input (see `asBlock`). */
  checked(orientation: Orientation): CheckedRows {
    return { kind: "checked rows", rows: asBlock(this.rows, orientation), finite: this.sum === 0 };
  }
}
