/**
 * What the recalculation prints: `--json` (one object, `"Sheet!A1": value`) or, by default, a
 * table per formula that a planner can read in a terminal.
 */
import { cellKey, columnName, type CellBox } from "./address";
import type { ComputedCell, Shown } from "./evaluate";

/**
 * The `--json` object: every formula cell and every spilled cell, numbers as numbers, errors as text.
 * @example toJson(cells) // → { "Plan!B10": "Forecast", "Plan!C10": 30, "Plan!B30": "#VALUE!" }
 */
export function toJson(cells: readonly ComputedCell[]): Record<string, Shown> {
  const out: Record<string, Shown> = {};
  for (const cell of cells) out[cell.key] = cell.value;
  return out;
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
