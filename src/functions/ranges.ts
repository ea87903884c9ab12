/**
 * Range arguments of any shape — one cell, a row, a column or a block — read cell by cell as
 * quantities, for the functions whose arguments hold one row per item or per resource
 * (MPS.LOAD's bill, MPS.LEVEL's demand). Cells are read as in a series (empty → 0, no number
 * guessed from text, a data type as its basic value); every message names the argument and the
 * cell: by its address ("cell D4") when the host gives the argument's, else "cell 3" in a row or
 * a column, "row 2, cell 3" in a block, counted from 1 inside the range the planner selected.
 */
import type { PlanningError } from "../engine";
import { functionError, isEmpty, placedRefusal, readQuantity, type FunctionError } from "./cells";
import { messages } from "./messages";
import { fromEngine } from "./results";

/** A rectangular range of quantities, as the planner laid it out. */
export interface BlockInput {
  /** One array per sheet row, each `columns` long. */
  cells: number[][];
  rows: number;
  columns: number;
}

/**
 * Where a cell lies in a range of `rows` × `columns`, as messages say it (0-based in, 1-based out).
 * @example cellAt(1, 4, 0, 2) // → "cell 3";  cellAt(3, 4, 1, 2) // → "row 2, cell 3"
 */
export function cellAt(rows: number, columns: number, row: number, column: number): string {
  if (rows === 1) return `cell ${column + 1}`;
  if (columns === 1) return `cell ${row + 1}`;
  return `row ${row + 1}, cell ${column + 1}`;
}

/** A refusal about the cell at `row`, `column` (from 0) of a range argument of `rows` × `columns`. */
function rangeRefusal(param: string, range: { rows: number; columns: number }, row: number, column: number, say: (where: string) => string): FunctionError {
  return placedRefusal(param, { row, column }, cellAt(range.rows, range.columns, row, column), say);
}

/**
 * A range argument as the host passed it: a 2-D array, or a single value (a literal, or one
 * cell from a host that unwraps it). A single empty cell is "left out" (undefined), as for a
 * one-cell argument; in a larger range an empty cell is 0.
 * @example readBlock("bill", [[1, 2], [0.5, null]]) // → { cells: [[1, 2], [0.5, 0]], rows: 2, columns: 2 }
 */
export function readBlock(param: string, raw: unknown): BlockInput | undefined | FunctionError {
  const grid: unknown[][] = Array.isArray(raw) ? (raw as unknown[]).map((row) => (Array.isArray(row) ? row : [row])) : [[raw]];
  const rows = grid.length;
  const columns = rows > 0 ? grid[0].length : 0;
  if (rows === 0 || columns === 0) return functionError("VALUE", messages.emptyRange(param));
  if (grid.some((row) => row.length !== columns)) return functionError("VALUE", messages.notRectangular(param));
  if (rows === 1 && columns === 1) {
    // One value, typed or in one cell: said as for a one-cell argument.
    const only = grid[0][0];
    if (isEmpty(only)) return undefined;
    if (typeof only === "string") return functionError("VALUE", messages.scalarText(param, only));
  }
  const cells: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const line = new Array<number>(columns);
    for (let c = 0; c < columns; c++) {
      const cell = grid[r][c];
      if (typeof cell === "number" && cell - cell === 0) line[c] = cell;
      else {
        const read = readQuantity(param, cell);
        if (typeof read !== "number") return rangeRefusal(param, { rows, columns }, r, c, read);
        line[c] = read;
      }
    }
    cells.push(line);
  }
  return { cells, rows, columns };
}

/** Whether a range is one row or one column (a single cell is both). */
export function isLine(range: BlockInput): boolean {
  return range.rows === 1 || range.columns === 1;
}

/** The values of a one-row or one-column range, in order. */
export function lineValues(range: BlockInput): number[] {
  return range.rows === 1 ? range.cells[0] : range.cells.map((row) => row[0]);
}

/**
 * How an engine field maps back onto a range argument: its parameter name, the range, and
 * where the engine's (row, period) of an element lands in it.
 */
export interface RangeArgument {
  param: string;
  range: BlockInput;
  /** The sheet row and column of element (row, period) of the engine's input. */
  locate(row: number, period: number): [number, number];
}

/**
 * An engine refusal about an element of a range argument (a negative quantity, hours per unit
 * of 0), naming the cell the planner typed it in; any other refusal as `fromEngine` words it.
 * Every refusal is #VALUE!: Excel shows a message only with #VALUE! and #N/A.
 * @example
 * // demand laid out one column per item; the engine's item 1, period 2 is -4
 * inRange({ field: "demand", row: 1, period: 2, value: -4, code: "NUM", message: "…" }, [demandArgument])
 * // → #VALUE! "demand: row 3, cell 2 is -4; quantities must be 0 or more" ("demand: cell C4 is -4; …" at Plan!B2:D9)
 */
export function inRange(error: PlanningError, argumentsByField: Readonly<Record<string, RangeArgument | undefined>>): FunctionError {
  const argument = argumentsByField[error.field];
  if (argument === undefined || error.period === undefined || typeof error.value !== "number") return fromEngine(error);
  const { param, range } = argument;
  const [row, column] = argument.locate(error.row ?? 0, error.period);
  const value = error.value;
  return rangeRefusal(param, range, row, column, (where) =>
    value < 0 ? messages.cellNegative(param, where, value) : value === 0 ? messages.cellNotPositive(param, where) : messages.cellNotFinite(param, where, value),
  );
}
