/**
 * What the recalculation prints: `--json` (one object, `"Sheet!A1": value`) or, by default, a
 * table per formula that a planner can read in a terminal.
 */
import { cellKey, columnName, type CellBox } from "./address";
import type { ValueWalk } from "./blocks";
import type { ComputedCell, RefusedCell, Shown } from "./evaluate";
import { messages } from "./messages";

/**
 * The `--json` object: every formula cell and every spilled cell, numbers as numbers, errors as text.
 * @example toJson(cells) // → { "Plan!B10": "Forecast", "Plan!C10": 30, "Plan!B30": "#VALUE!" }
 */
export function toJson(cells: readonly ComputedCell[]): Record<string, Shown> {
  const out: Record<string, Shown> = {};
  for (const cell of cells) out[cell.key] = cell.value;
  return out;
}

/**
 * The `--json` text: exactly `JSON.stringify(toJson(cells), null, 2)` (cells name distinct cells,
 * as an evaluation's do), written straight from the cells or from an evaluation's values
 * (`valuesOf`). A report has hundreds of thousands of cells; an object with that many keys first
 * cost more than the recalculation.
 * @example jsonText(cells) // → '{\n  "Plan!B10": "Forecast",\n  "Plan!C10": 30\n}'
 */
export function jsonText(source: Iterable<ComputedCell> | ValueWalk): string {
  const pieces: string[] = [];
  emitJson(source, (piece) => pieces.push(piece));
  return pieces.join("");
}

/**
 * The `--json` text in pieces of a few dozen kilobytes, handed to `emit` in order as they are
 * made: what `jsonText` joins. Printed piece by piece, a large report is never one string (10 MB
 * for a 1,000-item plan, copied again to be written).
 */
export function emitJson(source: Iterable<ComputedCell> | ValueWalk, emit: (piece: string) => void): void {
  const walk: ValueWalk = typeof source === "function" ? source : (visit) => {
    for (const cell of source) visit(cell.sheet, cell.row, cell.col, cell.value);
  };
  // Lines are joined in chunks, so each line's string dies young (a scavenge frees it for
  // nothing) instead of living until one join of them all.
  const lines: string[] = [];
  const columns: string[] = [];
  let current: string | undefined;
  let opening = "";
  let first = true;
  const flush = () => {
    emit(`${first ? "{\n" : ",\n"}${lines.join(",\n")}`);
    first = false;
    lines.length = 0;
  };
  walk((sheet, row, col, value) => {
    if (sheet !== current) {
      current = sheet;
      opening = `  ${JSON.stringify(`${sheet}!`).slice(0, -1)}`;
    }
    const text = typeof value === "string" ? JSON.stringify(value) : typeof value === "number" ? (Number.isFinite(value) ? String(value) : "null") : value ? "true" : "false";
    lines.push(`${opening}${(columns[col] ??= columnName(col))}${row + 1}": ${text}`);
    if (lines.length === JSON_CHUNK) flush();
  });
  if (lines.length > 0) flush();
  emit(first ? "{}" : "\n}");
}

const JSON_CHUNK = 2048;

/** `--json --details`: the values as `--json` gives them, each error's message, and the refused cells. */
export interface JsonDetails {
  values: Record<string, Shown>;
  errors: Record<string, { value: string; message: string }>;
  refused: Record<string, { reason: string; cached?: Shown; dependents: string[] }>;
}

/**
 * The `--json --details` object: `values` is exactly what `--json` prints; `errors` gives the
 * message of every error value (what Excel shows in the cell's tooltip); `refused` the formula
 * cells not recalculated, with the reason, the value they keep and the cells computed from it.
 * @example toJsonDetails(cells, refused).errors["Plan!B7"] // → { value: "#VALUE!", message: "orders: cell 2 is text …" }
 */
export function toJsonDetails(cells: readonly ComputedCell[], refused: readonly RefusedCell[]): JsonDetails {
  const errors: JsonDetails["errors"] = {};
  for (const cell of cells) if (cell.error) errors[cell.key] = { value: String(cell.value), message: cell.error.message };
  const refusedCells: JsonDetails["refused"] = {};
  for (const cell of refused) refusedCells[cell.key] = { reason: cell.reason, cached: cell.cached, dependents: cell.dependents };
  return { values: toJson(cells), errors, refused: refusedCells };
}

/** One line per refused cell (for stderr), then how many there are. */
export function refusalLines(refused: readonly RefusedCell[]): string[] {
  if (refused.length === 0) return [];
  const lines = refused.map((cell) => messages.refusedCell(cell.reason, cell.cached === undefined ? undefined : formatValue(cell.cached), cell.dependents.length));
  lines.push(messages.refusedCount(refused.length));
  return lines;
}

/** A value as a short text: at most two decimals. */
export function formatValue(value: Shown | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

const isNumeric = (text: string): boolean => /^-?\d/.test(text);

/** The cells' texts laid out, each column padded to its width (numbers right, text left). */
function layOut(rows: readonly (readonly string[])[], columns: readonly number[], widths: readonly number[]): string[] {
  return rows.map((row) =>
    columns
      .map((c) => {
        const text = row[c] ?? "";
        return c > 0 && isNumeric(text) ? text.padStart(widths[c]) : text.padEnd(widths[c]);
      })
      .join("  ")
      .trimEnd(),
  );
}

/**
 * Lays out rows of text as aligned columns (numbers right, text left) within `width` characters.
 * By default the columns that do not fit are cut, with a note of how many; with `wrap`, they
 * follow in further bands below, each repeating the first `keep` columns (the row labels, 1 by
 * default), so every value is shown.
 * @example renderGrid([["", "A", "B"], ["1", "10", "20"]], 8, { wrap: true }) // → "   A\n1  10\n\n   B\n1  20"
 */
export function renderGrid(rows: readonly (readonly string[])[], width = 120, options: { wrap?: boolean; keep?: number } = {}): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => (r[c] ?? "").length)));
  /** The columns from `first` on that fit beside the leading ones (at least one). */
  const band = (first: number, used: number): number[] => {
    const shown: number[] = [];
    for (let c = first; c < columns && (shown.length === 0 || used + widths[c] + 2 <= width); c++) {
      shown.push(c);
      used += widths[c] + 2;
    }
    return shown;
  };
  if (!options.wrap) {
    const shown = band(0, 0);
    const lines = layOut(rows, shown, widths);
    const hidden = columns - shown.length;
    if (hidden > 0) lines.push(`… ${hidden} more column${hidden === 1 ? "" : "s"}`);
    return lines.join("\n");
  }
  const keep = Array.from({ length: Math.min(options.keep ?? 1, columns) }, (_, c) => c);
  const kept = keep.reduce((used, c) => used + widths[c] + 2, 0);
  const bands: string[] = [];
  for (let next = keep.length; next < columns || bands.length === 0; ) {
    const rest = band(next, kept);
    bands.push(layOut(rows, [...keep, ...rest], widths).join("\n"));
    next += Math.max(rest.length, 1);
  }
  return bands.join("\n\n");
}

/** What the report knows besides the computed cells: the workbook's own cells, for labels, and its date system. */
export interface ReportContext {
  /** The cells as read, by sheet, row and column: text as "'text", formulas as "=…" (EngineInput.sheets). */
  sheets?: Readonly<Record<string, ReadonlyArray<ReadonlyArray<unknown> | undefined>>>;
  /** The workbook counts dates from 1904. */
  date1904?: boolean;
}

/**
 * Words that say a number is a date. A label with one of them — the text left of the value in
 * its row, the text right above it, or in a spill the heading of its column or row — makes a
 * whole-day serial between 1990 and 2099 show as an ISO date. The reader does not keep number
 * formats, so this is the rule: a date needs both the label and the look of a date; a quantity
 * labelled "week" would have to be a whole number in the tens of thousands to be taken for one.
 */
const DATE_LABEL = /\b(dates?|weeks?|promised|delivery)\b|period starts?|order period|forecast period/i;

/** Day 0 of each date system (1900: the 30 Dec 1899 that makes serial 61 1 March 1900). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * A serial as an ISO date, when it is a whole day between 1990 and 2099; else undefined.
 * @example isoDate(46391) // → "2027-01-04"; isoDate(44929, true) // → "2027-01-04"; isoDate(3) // → undefined
 */
export function isoDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isInteger(serial)) return undefined;
  const date = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + serial * 86_400_000);
  const year = date.getUTCFullYear();
  return year >= 1990 && year <= 2099 ? date.toISOString().slice(0, 10) : undefined;
}

/** The text of a cell as read ("'Week starting" → "Week starting"), or undefined for anything else. */
function textOf(raw: unknown): string | undefined {
  return typeof raw === "string" && raw.startsWith("'") ? raw.slice(1) : undefined;
}

/** Labels of a cell on its sheet: the nearest text to its `left`, and the nearest cell `above` it when that is text. */
function sheetLabels(context: ReportContext, sheet: string, row: number, col: number, { left = true, above = true } = {}): string[] {
  const grid = context.sheets?.[sheet];
  if (!grid) return [];
  const labels: string[] = [];
  const line = grid[row];
  for (let c = col - 1; left && c >= 0 && line; c--) {
    const text = textOf(line[c]);
    if (text !== undefined) {
      labels.push(text);
      break;
    }
  }
  for (let r = row - 1; above && r >= 0; r--) {
    const raw = grid[r]?.[col];
    if (raw === null || raw === undefined || raw === "") continue;
    const text = textOf(raw);
    if (text !== undefined) labels.push(text);
    break;
  }
  return labels;
}

const saysDate = (labels: readonly (string | undefined)[]): boolean => labels.some((label) => label !== undefined && DATE_LABEL.test(label));

/** A value as the report shows it: a date as an ISO date when its labels say so, else as formatValue does. */
function shown(value: Shown | undefined, isDate: () => boolean, context: ReportContext): string {
  if (typeof value === "number") {
    const date = isoDate(value, context.date1904);
    if (date !== undefined && isDate()) return date;
  }
  return formatValue(value);
}

/** The values of a spill as a grid with the sheet's row numbers and column letters, wrapped to `width`. */
function spillGrid(anchor: ComputedCell, box: CellBox, values: ReadonlyMap<string, Shown>, width: number, context: ReportContext): string {
  const header = ["", ...Array.from({ length: box.right - box.left + 1 }, (_, i) => columnName(box.left + i))];
  const rows: string[][] = [header];
  const at = (row: number, col: number) => values.get(cellKey(anchor.sheet, { row, col }));
  // A column's heading: its first cell when that is text, else the text right above the spill on the sheet.
  const headings = Array.from({ length: box.right - box.left + 1 }, (_, i) => {
    const first = at(box.top, box.left + i);
    return typeof first === "string" ? [first] : sheetLabels(context, anchor.sheet, box.top, box.left + i, { left: false });
  });
  for (let row = box.top; row <= box.bottom; row++) {
    const line = [String(row + 1)];
    const rowLabel = at(row, box.left);
    const rowLabels = [typeof rowLabel === "string" ? rowLabel : undefined, ...sheetLabels(context, anchor.sheet, row, box.left, { above: false })];
    for (let col = box.left; col <= box.right; col++) {
      line.push(shown(at(row, col), () => saysDate(rowLabels) || saysDate(headings[col - box.left]), context));
    }
    rows.push(line);
  }
  // A block whose first column is labels (an MPS record) repeats them in every band.
  const labelled = box.right > box.left && rows.slice(1).every((line) => line[1] === "" || !isNumeric(line[1]));
  return renderGrid(rows, width, { wrap: true, keep: labelled ? 2 : 1 });
}

/**
 * The default report: each formula with its value, spills as grids wrapped to `width`. With the
 * workbook's cells in `context`, dates show as dates (see DATE_LABEL).
 */
export function formatReport(cells: readonly ComputedCell[], width = 120, context: ReportContext = {}): string {
  const values = new Map(cells.map((c) => [c.key, c.value]));
  const blocks: string[] = [];
  const scalars: string[][] = [];
  const flush = () => {
    // One line per formula, never cut: the value comes first, an error's message last.
    if (scalars.length > 0) blocks.push(renderGrid(scalars.splice(0), Infinity));
  };
  for (const cell of cells) {
    if (!cell.formula) continue;
    const formula = `=${cell.formula.formula}`;
    if (!cell.spill) {
      const value = shown(cell.value, () => saysDate(sheetLabels(context, cell.sheet, cell.row, cell.col)), context);
      scalars.push([cell.key, value, formula.length > 60 ? `${formula.slice(0, 59)}…` : formula, cell.error?.message ?? ""]);
      continue;
    }
    flush();
    const size = `${cell.spill.bottom - cell.spill.top + 1}×${cell.spill.right - cell.spill.left + 1}`;
    blocks.push(`${cell.key}  ${formula}  (${size})\n${spillGrid(cell, cell.spill, values, width, context)}`);
  }
  flush();
  return blocks.join("\n\n");
}
