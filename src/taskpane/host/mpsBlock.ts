/**
 * Reading an MPS.TABLE block for a chart: which rows (or columns) hold Demand, MPS, PAB and
 * ATP — or Load and Capacity — and the A1 addresses of their values. Pure: the host loads the
 * block's address and values, these helpers decide what to chart.
 */

import { cellName, formatBlock, parseAddress } from "../../shared/a1";

export { cellName, formatBlock, parseAddress, type CellBlock } from "../../shared/a1";

/** The lines charted, in legend order. */
export const CHART_SERIES = ["Demand", "MPS", "PAB", "ATP"] as const;

/** The load-against-capacity chart: Load as columns, Capacity as a line, in legend order. */
export const CAPACITY_SERIES = ["Load", "Capacity"] as const;

/** The rows of a block that ask for the capacity chart when the selection is in one of them. */
export const CAPACITY_ROWS: readonly string[] = [...CAPACITY_SERIES, "Utilization %"];

/** Which chart: the plan (Demand, MPS, PAB, ATP) or load against capacity. */
export type ChartKind = "plan" | "capacity";

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
  return seriesChart(address, values, CHART_SERIES);
}

/** The chart of load against capacity, and where its overloads are marked. */
export interface CapacityChartPlan extends ChartPlan {
  /**
   * A conditional format for the Load cells: `address` (the Load values) turns red where
   * `formula` (written for its first cell, relative) is TRUE, i.e. where load exceeds capacity.
   */
  overload: { address: string; formula: string };
}

/**
 * Plans the load-against-capacity chart of an MPS.TABLE block with Load and Capacity rows
 * (columns): Load as the first series, Capacity as the second; undefined without those rows.
 * The overload rule is the engine's: load above capacity by more than one part in 10⁹.
 * @example capacityChart("Plan!B3:E5", [["MPS", 80, 0, 50], ["Load", 160, 0, 100], ["Capacity", 150, 150, 150]])
 *   // → series Load C4:E4, Capacity C5:E5; overload on C4:E4 where =C4-C5>1E-9*MAX(1,C4,C5)
 */
export function capacityChart(address: string, values: readonly (readonly unknown[])[]): CapacityChartPlan | undefined {
  const plan = seriesChart(address, values, CAPACITY_SERIES);
  if (!plan) return undefined;
  const [load, capacity] = plan.series.map((line) => parseAddress(line.address)!);
  const l = cellName(load.row, load.column);
  const c = cellName(capacity.row, capacity.column);
  return { ...plan, overload: { address: plan.series[0].address, formula: `=${l}-${c}>1E-9*MAX(1,${l},${c})` } };
}

/** The chart chosen for a block. */
export type ChosenChart = { kind: "plan"; plan: ChartPlan } | { kind: "capacity"; plan: CapacityChartPlan };

/**
 * Which chart a block gets: load against capacity when the selected cell lies in its Load,
 * Capacity or Utilization % row (column, for a block in columns), or when the block has those
 * rows but not the plan's; otherwise the plan chart. `selected` is the selected cell's address
 * (the top-left one of a selection); undefined when nothing in the block is selected.
 * @example chooseChart("Plan!B3:E14", block, "Plan!D12").kind // → "capacity" (row 12 is Load, after ATP in row 11)
 */
export function chooseChart(address: string, values: readonly (readonly unknown[])[], selected?: string): ChosenChart | undefined {
  const plan = planChart(address, values);
  const capacity = capacityChart(address, values);
  if (capacity && (!plan || inCapacityLine(address, values, capacity.orientation, selected))) {
    return { kind: "capacity", plan: capacity };
  }
  return plan && { kind: "plan", plan };
}

/** Whether `selected` lies in a Load, Capacity or Utilization % line of the block. */
function inCapacityLine(address: string, values: readonly (readonly unknown[])[], orientation: ChartPlan["orientation"], selected?: string): boolean {
  const block = parseAddress(address);
  const cell = selected === undefined ? undefined : parseAddress(selected);
  if (!block || !cell || (cell.sheet !== undefined && block.sheet !== undefined && cell.sheet !== block.sheet)) return false;
  const row = cell.row - block.row;
  const column = cell.column - block.column;
  if (row < 0 || row >= block.rows || column < 0 || column >= block.columns) return false;
  const label = orientation === "rows" ? values[row]?.[0] : values[0]?.[column];
  return typeof label === "string" && CAPACITY_ROWS.includes(label);
}

/** The chart of the lines `names` of a block in rows or in columns; undefined when one is missing. */
function seriesChart(address: string, values: readonly (readonly unknown[])[], names: readonly string[]): ChartPlan | undefined {
  const block = parseAddress(address);
  if (!block || values.length === 0) return undefined;
  const firstColumn = values.map((row) => row[0]);
  const firstRow = values[0];
  const inRows = indexesOf(firstColumn, names);
  const inColumns = inRows ? undefined : indexesOf(firstRow, names);
  if (inRows && block.columns > 1) {
    return {
      orientation: "rows",
      series: names.map((name, i) => ({
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
      series: names.map((name, i) => ({
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

function indexesOf(labels: readonly unknown[], names: readonly string[]): number[] | undefined {
  const found = names.map((name) => labels.findIndex((label) => label === name));
  return found.every((i) => i >= 0) ? found : undefined;
}
