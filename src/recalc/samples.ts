/**
 * `npm start` on a machine without desktop Excel: recalculates the sample planning workbook
 * headless and prints each item's MPS record (every MPS.TABLE in it) as a table, weeks across.
 */
import path from "path";
import ExcelJS from "exceljs";
import { cellKey } from "./address";
import type { ComputedCell } from "./evaluate";
import { recalcWorkbook } from "./recalc";
import { formatValue, renderGrid } from "./report";

export const SAMPLE_WORKBOOK = path.join(__dirname, "..", "..", "assets", "sample-plan.xlsx");

const TABLE_CALL = /(^|[^A-Za-z0-9_.])(MPS\.|_xldudf_MPS_)TABLE\s*\(/i;

export interface SampleOptions {
  /** The workbook; the checked-in sample by default. */
  path?: string;
  /** Where the text goes; stdout by default. */
  write?: (text: string) => void;
  /** Terminal width; weeks that do not fit are counted, not printed. */
  width?: number;
}

/** The item's name: the title in the first rows of its sheet, else the sheet name. */
function itemTitle(sheet: ExcelJS.Worksheet): string {
  for (const address of ["B1", "A1"]) {
    const value = sheet.getCell(address).value;
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return sheet.name;
}

/** The period label above a record column: the nearest date (or text) above the table. */
function periodLabel(sheet: ExcelJS.Worksheet, row: number, col: number): string {
  for (let r = row - 1; r >= 1; r--) {
    const value = sheet.getCell(r, col + 1).value;
    if (value instanceof Date) return `${String(value.getUTCDate()).padStart(2, "0")}-${value.toLocaleString("en-US", { month: "short", timeZone: "UTC" })}`;
  }
  return "";
}

function recordTable(sheet: ExcelJS.Worksheet, anchor: ComputedCell, values: ReadonlyMap<string, ComputedCell["value"]>, width: number): string {
  const box = anchor.spill!;
  const at = (row: number, col: number) => values.get(cellKey(anchor.sheet, { row, col }));
  const rows: string[][] = [];
  rows.push(["Week", ...Array.from({ length: box.right - box.left }, (_, i) => String(i + 1))]);
  rows.push(["", ...Array.from({ length: box.right - box.left }, (_, i) => periodLabel(sheet, box.top, box.left + 1 + i))]);
  for (let row = box.top; row <= box.bottom; row++) {
    const line: string[] = [];
    for (let col = box.left; col <= box.right; col++) line.push(formatValue(at(row, col)));
    rows.push(line);
  }
  return renderGrid(rows, width).replace(/more columns?$/, (m) => m.replace("column", "week"));
}

/**
 * Recalculates the sample workbook and prints every MPS record in it.
 * @returns false (after saying why) when the workbook could not be recalculated
 */
export async function printSamplePlans(options: SampleOptions = {}): Promise<boolean> {
  const write = options.write ?? ((text: string) => process.stdout.write(`${text}\n`));
  const file = options.path ?? SAMPLE_WORKBOOK;
  const result = await recalcWorkbook(file);
  if (!result.ok) {
    for (const problem of result.problems) write(`mps-recalc: ${problem}`);
    return false;
  }
  const { cells } = result.value;
  // Titles and dated period labels come from the sample's own cells (ExcelJS knows its date formats).
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const values = new Map(cells.map((c) => [c.key, c.value]));
  const width = options.width ?? (process.stdout.columns || 120);
  write(`Chain Crafter MPS — ${path.relative(process.cwd(), file) || file}, recalculated without Excel:`);
  for (const anchor of cells) {
    if (!anchor.formula || !anchor.spill || !TABLE_CALL.test(anchor.formula.formula)) continue;
    const sheet = workbook.getWorksheet(anchor.sheet)!;
    write("");
    write(`${itemTitle(sheet)}  [${anchor.key}]`);
    write(recordTable(sheet, anchor, values, width));
  }
  return true;
}

if (require.main === module) {
  printSamplePlans().then(
    (ok) => {
      process.exitCode = ok ? 0 : 1;
    },
    (error: unknown) => {
      process.stderr.write(`mps-recalc: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
