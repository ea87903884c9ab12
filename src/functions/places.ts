/**
 * Where the arguments of a call sit in the workbook, as the host tells it: Excel's
 * `invocation.parameterAddresses` ("Plan!B3:M3"), the headless host's argument ranges. Used to
 * name cells in messages ("orders: cell F3 is text") and to tell a referenced cell from an
 * argument left out; nothing is ever read from these addresses.
 */
import { cellName, columnIndex, MAX_COLUMNS, MAX_ROWS } from "../shared/a1";

/** What a host knows about one call; everything optional (a host may know nothing). */
export interface CallSite {
  /** Per argument, in order: the address of the range or cell it refers to; empty when it is no reference. */
  readonly addresses?: ReadonlyArray<string | null | undefined>;
  /** The formula's own cell ("Plan!A10"): its sheet name is left out of the addresses in messages. */
  readonly caller?: string;
}

/** A rectangle of a sheet, 0-based; `sheet` as the address spelled it (quotes included). */
export interface Place {
  readonly sheet?: string;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

const LAST_ROW = MAX_ROWS - 1;
const LAST_COLUMN = MAX_COLUMNS - 1;

/** "$B$3", "B", "3" → the row and column it gives (undefined where it gives none). */
function corner(text: string): { row?: number; col?: number } | undefined {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(text);
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  return {
    col: match[1] === "" ? undefined : columnIndex(match[1]),
    row: match[2] === "" ? undefined : Number(match[2]) - 1,
  };
}

/**
 * An address as a host gives it: a cell, a range, whole columns or rows, with or without a
 * sheet; undefined for anything else (a named range left unresolved, an array, no address).
 * @example parsePlace("Plan!$B$3:M3") // → { sheet: "Plan", top: 2, left: 1, rows: 1, columns: 12 }
 */
export function parsePlace(address: unknown): Place | undefined {
  if (typeof address !== "string" || address === "") return undefined;
  const bang = address.lastIndexOf("!");
  const sheet = bang > 0 ? address.slice(0, bang) : undefined;
  const [from, to, extra] = address.slice(bang + 1).split(":");
  if (extra !== undefined) return undefined;
  const start = corner(from);
  const end = to === undefined ? start : corner(to);
  // Whole columns ("A:A") and rows ("3:3") only as ranges: a lone "foo" is a name, not column FOO.
  if (!start || !end || (to === undefined && (start.row === undefined || start.col === undefined))) return undefined;
  if ((start.row === undefined) !== (end.row === undefined) || (start.col === undefined) !== (end.col === undefined)) return undefined;
  const top = Math.min(start.row ?? 0, end.row ?? 0);
  const bottom = Math.max(start.row ?? LAST_ROW, end.row ?? LAST_ROW);
  const left = Math.min(start.col ?? 0, end.col ?? 0);
  const right = Math.max(start.col ?? LAST_COLUMN, end.col ?? LAST_COLUMN);
  if (bottom > LAST_ROW || right > LAST_COLUMN) return undefined;
  return { sheet, top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

/** The sheet of an address ("Plan" of "Plan!A10"); undefined without one. */
export function sheetOf(address: unknown): string | undefined {
  return parsePlace(address)?.sheet;
}

function withSheet(place: Place, text: string, callerSheet: string | undefined): string {
  return place.sheet !== undefined && place.sheet !== callerSheet ? `${place.sheet}!${text}` : text;
}

/**
 * The address of the `index`-th cell (from 0) along a one-row or one-column place: along the
 * row when the place is one row, else down the column. The sheet is named when it is not the
 * formula's own.
 * @example cellAlong(parsePlace("Plan!B3:M3")!, 4, "Plan") // → "F3"
 */
export function cellAlong(place: Place, index: number, callerSheet?: string): string {
  const text = place.rows === 1 ? cellName(place.top, place.left + index) : cellName(place.top + index, place.left);
  return withSheet(place, text, callerSheet);
}

/**
 * The place as A1 text, resized along its line to `length` cells when given ("B3:J3" → "B3:K3").
 * @example rangeText(parsePlace("B3:J3")!, undefined, 10) // → "B3:K3"
 */
export function rangeText(place: Place, callerSheet?: string, length?: number): string {
  const alongRow = place.rows === 1;
  const rows = length === undefined || alongRow ? place.rows : length;
  const columns = length === undefined || !alongRow ? place.columns : length;
  const start = cellName(place.top, place.left);
  const text = rows === 1 && columns === 1 ? start : `${start}:${cellName(place.top + rows - 1, place.left + columns - 1)}`;
  return withSheet(place, text, callerSheet);
}

/**
 * The address of the cell at `row`, `column` (from 0) inside a place, for a cell of a block.
 * @example cellIn(parsePlace("Plan!B3:M5")!, 1, 2, "Plan") // → "D4"
 */
export function cellIn(place: Place, row: number, column: number, callerSheet?: string): string {
  return withSheet(place, cellName(place.top + row, place.left + column), callerSheet);
}
