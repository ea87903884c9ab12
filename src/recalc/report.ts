/**
 * What the recalculation prints: `--json` (one object, `"Sheet!A1": value`) or, by default, a
 * table per formula that a planner can read in a terminal.
 */
import { cellKey, columnName, type CellBox } from "./address";
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

/**
 * Lays out rows of text as aligned columns (numbers right, text left), cut at `width` characters
 * with a note of how many columns did not fit.
 */
export function renderGrid(rows: readonly (readonly string[])[], width = 120): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => (r[c] ?? "").length)));
  let shown = 0;
  let used = 0;
  while (shown < columns && used + widths[shown] + 2 <= width) used += widths[shown++] + 2;
  shown = Math.max(shown, Math.min(columns, 1));
  const lines = rows.map((row) =>
    widths
      .slice(0, shown)
      .map((w, c) => {
        const text = row[c] ?? "";
        return c > 0 && isNumeric(text) ? text.padStart(w) : text.padEnd(w);
      })
      .join("  ")
      .trimEnd(),
  );
  if (shown < columns) lines.push(`… ${columns - shown} more column${columns - shown === 1 ? "" : "s"}`);
  return lines.join("\n");
}

/** The values of a spill as a grid with the sheet's row numbers and column letters. */
function spillGrid(anchor: ComputedCell, box: CellBox, values: ReadonlyMap<string, Shown>, width: number): string {
  const header = ["", ...Array.from({ length: box.right - box.left + 1 }, (_, i) => columnName(box.left + i))];
  const rows: string[][] = [header];
  for (let row = box.top; row <= box.bottom; row++) {
    const line = [String(row + 1)];
    for (let col = box.left; col <= box.right; col++) line.push(formatValue(values.get(cellKey(anchor.sheet, { row, col }))));
    rows.push(line);
  }
  return renderGrid(rows, width);
}

/** The default report: each formula with its value, spills as grids. */
export function formatReport(cells: readonly ComputedCell[], width = 120): string {
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
      scalars.push([cell.key, formatValue(cell.value), formula.length > 60 ? `${formula.slice(0, 59)}…` : formula, cell.error?.message ?? ""]);
      continue;
    }
    flush();
    const size = `${cell.spill.bottom - cell.spill.top + 1}×${cell.spill.right - cell.spill.left + 1}`;
    blocks.push(`${cell.key}  ${formula}  (${size})\n${spillGrid(cell, cell.spill, values, width)}`);
  }
  flush();
  return blocks.join("\n\n");
}
