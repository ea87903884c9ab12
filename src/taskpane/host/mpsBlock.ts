/**
 * Reading an MPS.TABLE block for a chart: which rows (or columns) hold Demand, MPS, PAB and
 * ATP, and the A1 addresses of their values. Pure: the host loads the block's address and
 * values, these helpers decide what to chart.
 */

import { cellName, formatBlock, parseAddress } from "../../shared/a1";

export { cellName, formatBlock, parseAddress, type CellBlock } from "../../shared/a1";

/** The lines charted, in legend order. */
export const CHART_SERIES = ["Demand", "MPS", "PAB", "ATP"] as const;

export interface ChartPlan {
  /** "rows": labels in the first column, one row per line (MPS.TABLE of row inputs). */
  orientation: "rows" | "columns";
  /** One entry per charted line: its label and the address of its values (labels excluded). */
  series: { name: string; address: string }[];
  /** Top-left and bottom-right cells of the chart, placed under (or beside) the block. */
  position: [string, string];
  /**
   * The cells lined up with the values just outside the block (the row above a block in rows,
   * the column left of one in columns), which may hold the period labels; undefined at the
   * sheet's edge. Whether they do is for `arePeriodLabels` to say once they are read.
   */
  categories?: string;
}

/**
 * Plans the chart of an MPS.TABLE block laid out in rows (labels in the first column) or in
 * columns (labels in the first row); undefined when the block is not an MPS.TABLE block.
 * @example planChart("'MPS sample'!A14:M23", [["Forecast", …], …, ["ATP", …]]).series[0]
 *   // → { name: "Demand", address: "B18:M18" }
 */
export function planChart(address: string, values: readonly (readonly unknown[])[]): ChartPlan | undefined {
  const block = parseAddress(address);
  if (!block || values.length === 0) return undefined;
  const firstColumn = values.map((row) => row[0]);
  const firstRow = values[0];
  const inRows = indexesOf(firstColumn);
  const inColumns = inRows ? undefined : indexesOf(firstRow);
  if (inRows && block.columns > 1) {
    return {
      orientation: "rows",
      series: CHART_SERIES.map((name, i) => ({
        name,
        address: formatBlock({ row: block.row + inRows[i], column: block.column + 1, rows: 1, columns: block.columns - 1 }),
      })),
      position: [cellName(block.row + block.rows + 1, block.column), cellName(block.row + block.rows + 16, block.column + 7)],
      categories:
        block.row > 0
          ? formatBlock({ row: block.row - 1, column: block.column + 1, rows: 1, columns: block.columns - 1 })
          : undefined,
    };
  }
  if (inColumns && block.rows > 1) {
    return {
      orientation: "columns",
      series: CHART_SERIES.map((name, i) => ({
        name,
        address: formatBlock({ row: block.row + 1, column: block.column + inColumns[i], rows: block.rows - 1, columns: 1 }),
      })),
      position: [cellName(block.row, block.column + block.columns + 1), cellName(block.row + 15, block.column + block.columns + 8)],
      categories:
        block.column > 0
          ? formatBlock({ row: block.row + 1, column: block.column - 1, rows: block.rows - 1, columns: 1 })
          : undefined,
    };
  }
  return undefined;
}

/** Excel's error values, as Office.js returns them in `values`. */
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|EXTERNAL!|PYTHON!|TIMEOUT!)$/i;

/**
 * Whether cells hold period labels a chart can put on its category axis: all text (no
 * blanks, no Excel errors), or all numbers rising left to right (period numbers, or dates,
 * which Excel gives as serial numbers). Anything else (blanks, quantities of another block)
 * is not, and the chart keeps Excel's default 1…n.
 * @example arePeriodLabels([[1, 2, 3]]) // → true;  arePeriodLabels([["", "", ""]]) // → false
 */
export function arePeriodLabels(values: readonly (readonly unknown[])[]): boolean {
  const cells = values.flat();
  if (cells.length === 0) return false;
  if (cells.every((cell) => typeof cell === "string" && cell.trim() !== "" && !EXCEL_ERROR.test(cell.trim()))) return true;
  return cells.every(
    (cell, i) => typeof cell === "number" && Number.isFinite(cell) && (i === 0 || cell > (cells[i - 1] as number)),
  );
}

/**
 * Whether a block (or the cell that should anchor one) is still being calculated: a cell
 * reads #BUSY! (a custom function at work), or the first cell holds an MPS.TABLE formula
 * whose value has not come yet. `formulas`, when read, lines up with `values`.
 * @example isStillCalculating([["#BUSY!"]]) // → true
 */
export function isStillCalculating(
  values: readonly (readonly unknown[])[],
  formulas?: readonly (readonly unknown[])[],
): boolean {
  if (values.some((row) => row.some((cell) => typeof cell === "string" && /^#(?:BUSY!|GETTING_DATA)$/i.test(cell.trim())))) {
    return true;
  }
  const formula = formulas?.[0]?.[0];
  const value = values[0]?.[0];
  return typeof formula === "string" && /^=\s*MPS\.TABLE\s*\(/i.test(formula) && (value === "" || value === null || value === undefined);
}

function indexesOf(labels: readonly unknown[]): number[] | undefined {
  const found = CHART_SERIES.map((name) => labels.findIndex((label) => label === name));
  return found.every((i) => i >= 0) ? found : undefined;
}
