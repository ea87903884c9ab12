/**
 * A1 addresses, 0-based internally: `{ row: 0, col: 0 }` is A1. The recalculation reports
 * cells as `Sheet!A1`, the way a planner reads them.
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
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

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
