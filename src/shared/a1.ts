/** Excel's grid: 1,048,576 rows and 16,384 columns (A to XFD) a sheet. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * A1 addresses, one pure module for the whole project (the task pane's chart helpers and the
 * headless recalculation). Rows and columns are 0-based internally: `{ row: 0, col: 0 }` is A1.
 * Cells are reported as `Sheet!A1`, the way a planner reads them. No Office, no DOM.
 */

export interface CellAt {
  row: number;
  col: number;
}

/**
 * Column letters of a 0-based column index.
 * @example columnName(27) // → "AB"
 */
export function columnName(col: number): string {
  // Reports name hundreds of thousands of cells: each column's letters are spelled once.
  const known = COLUMN_NAMES[col];
  if (known !== undefined) return known;
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  if (col >= 0 && col < MAX_COLUMNS && Number.isInteger(col)) COLUMN_NAMES[col] = name;
  return name;
}

/** Column letters spelled so far, by column index. */
const COLUMN_NAMES: string[] = [];

/**
 * 0-based column index of column letters (either case), the inverse of `columnName`.
 * @example columnIndex("AB") // → 27
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * A 0-based cell as A1 text.
 * @example a1({ row: 9, col: 1 }) // → "B10"
 */
export function a1(cell: CellAt): string {
  return `${columnName(cell.col)}${cell.row + 1}`;
}

/**
 * A1 text (with or without `$`) as a 0-based cell; undefined when it is not one.
 * @example parseA1("$B$10") // → { row: 9, col: 1 }
 */
export function parseA1(text: string): CellAt | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!match) return undefined;
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/** A rectangle of cells, corners included. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * "B10:K19" (or a single cell) as a box; undefined when it is not one.
 * @example parseBox("B10:C11") // → { top: 9, left: 1, bottom: 10, right: 2 }
 */
export function parseBox(text: string): CellBox | undefined {
  const [from, to = from] = text.split(":");
  const start = parseA1(from);
  const end = parseA1(to);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** The smallest box holding both (or `box` alone when there is no `into` yet). */
export function unionBox(into: CellBox | undefined, box: CellBox): CellBox {
  if (!into) return box;
  return { top: Math.min(into.top, box.top), left: Math.min(into.left, box.left), bottom: Math.max(into.bottom, box.bottom), right: Math.max(into.right, box.right) };
}

/** The cell at `row`, `col` lies in the box. */
export function boxHolds(box: CellBox, row: number, col: number): boolean {
  return row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

/** The two boxes share a cell. */
export function boxesMeet(a: CellBox, b: CellBox): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A box as "B10:K19", or "B10" for one cell. */
export function boxText(box: CellBox): string {
  const start = a1({ row: box.top, col: box.left });
  const end = a1({ row: box.bottom, col: box.right });
  return start === end ? start : `${start}:${end}`;
}

/**
 * The key of a cell in reports: the sheet name as it is, "!" and the A1 address.
 * @example cellKey("Plan", { row: 0, col: 0 }) // → "Plan!A1"
 */
export function cellKey(sheet: string, cell: CellAt): string {
  return `${sheet}!${a1(cell)}`;
}

/** A rectangle of cells, 0-based, on a named sheet (or the sheet at hand). */
export interface CellBlock {
  sheet?: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * Parses an A1 address such as "'MPS sample'!A14:M23", "Sheet1!C3" or "B2:D4".
 * @example parseAddress("Sheet1!B2:D4") // → { sheet: "Sheet1", row: 1, column: 1, rows: 3, columns: 3 }
 */
export function parseAddress(address: string): CellBlock | undefined {
  const match = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(address.trim());
  if (!match) return undefined;
  const [, quoted, plain, c1, r1, c2 = c1, r2 = r1] = match;
  const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : plain;
  const [top, bottom] = [Number(r1) - 1, Number(r2) - 1].sort((a, b) => a - b);
  const [left, right] = [columnIndex(c1), columnIndex(c2)].sort((a, b) => a - b);
  return { sheet, row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

/** "B2:D4" (no sheet) for a block; a single cell is just "B2". */
export function formatBlock(block: CellBlock): string {
  const start = cellName(block.row, block.column);
  if (block.rows === 1 && block.columns === 1) return start;
  return `${start}:${cellName(block.row + block.rows - 1, block.column + block.columns - 1)}`;
}

/** @example cellName(0, 27) // → "AB1" */
export function cellName(row: number, column: number): string {
  return a1({ row, col: column });
}
