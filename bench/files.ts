/**
 * The benchmark's workbooks as real .xlsx files (issue 12): the MPS.TABLE workbook that
 * `mps-recalc` reads, and its native-formula twin that LibreOffice recalculates. Both come from
 * the grids of bench/workbook.ts, so the file and the in-memory workbooks hold the same cells.
 *
 * - MPS.TABLE is written as Excel saves an add-in's function: `_xldudf_MPS_TABLE(…)`.
 * - `writeSheets` writes any grids so (bench/orders.ts: the order-line workbooks).
 * - Every native formula carries a cached value of −1, a number no cell of the plan can take:
 *   a value read back after a recalculation proves the cell was computed, not copied.
 * - The settings both workbooks agree on (window 0/0, discrete ATP) go to a settings file,
 *   passed to `mps-recalc --settings`.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";
import { makePortfolio } from "./data";
import { columnName } from "../src/recalc/address";
import { countFormulas, nativeSheet, SHEET, TABLE_BLOCK, TABLE_OUT, tableSheet, WORKBOOK_SETTINGS } from "./workbook";

/** The cached value of every native formula: no plan row (demand, MPS, PAB, ATP…) is −1 here. */
export const STALE = -1;

export interface BenchFiles {
  items: number;
  periods: number;
  table: string;
  native?: string;
  /** The MPS.TABLE workbook with one other formula (an average): its calls run directly, HyperFormula evaluates that formula alone. */
  oneOther?: string;
  /** The MPS.TABLE workbook with a total (`=SUM`) right of every planning row: 9,000 totals. */
  totals?: string;
  settings: string;
  formulas: { table: number; native?: number };
}

/** One grid as a worksheet, streamed row by row (a 10,000-item sheet does not fit ExcelJS's in-memory model well). */
async function writeGrid(path: string, grid: RawCellContent[][], cached?: number): Promise<void> {
  await writeSheets(path, [[SHEET, grid]], cached);
}

/**
 * Grids as the worksheets of one workbook, in order, streamed row by row. Text starting with "'"
 * is written as that text; `MPS.X(` as Excel saves an add-in's function, `_xldudf_MPS_X(`.
 * @param cached the value every formula is saved with (none when left out)
 */
export async function writeSheets(path: string, sheets: ReadonlyArray<[name: string, grid: RawCellContent[][]]>, cached?: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  workbook.creator = "Chain Crafter MPS benchmark";
  for (const [name, grid] of sheets) {
    const sheet = workbook.addWorksheet(name);
    for (let r = 0; r < grid.length; r++) {
      const cells = grid[r];
      const row = sheet.getRow(r + 1);
      cells?.forEach((content, c) => {
        if (content === null || content === undefined) return;
        const cell = row.getCell(c + 1);
        if (typeof content === "string" && content.startsWith("=")) {
          const formula = content.slice(1).replace(/\bMPS\.([A-Z]+)\(/g, "_xldudf_MPS_$1(");
          cell.value = cached === undefined ? { formula } : { formula, result: cached };
        } else if (typeof content === "string") {
          cell.value = content.startsWith("'") ? content.slice(1) : content;
        } else {
          cell.value = content as ExcelJS.CellValue;
        }
      });
      row.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

/**
 * Writes the workbooks of `items` items × `periods` weeks into `dir`.
 * @param native also write the native-formula twin (for LibreOffice)
 * @param withOthers also write the MPS.TABLE workbook with other formulas: one average beside the
 *   first item (`mps-recalc` then evaluates it alone with HyperFormula), and a total right of
 *   every planning row (9,000 totals, which `mps-recalc` sums beside the calls)
 * @example await writeBenchFiles("/tmp/x", 100, 52, 7, true) // → { table: "/tmp/x/mps-table-100.xlsx", native: "/tmp/x/native-100.xlsx", … }
 */
export async function writeBenchFiles(dir: string, items: number, periods: number, seed: number, native: boolean, withOthers = false): Promise<BenchFiles> {
  const portfolio = makePortfolio(items, periods, seed);
  const tableGrid = tableSheet(portfolio);
  const files: BenchFiles = {
    items,
    periods,
    table: join(dir, `mps-table-${items}.xlsx`),
    settings: join(dir, "settings.json"),
    formulas: { table: countFormulas(tableGrid) },
  };
  writeFileSync(files.settings, JSON.stringify(WORKBOOK_SETTINGS));
  await writeGrid(files.table, tableGrid);
  if (withOthers) {
    files.oneOther = join(dir, `mps-table-average-${items}.xlsx`);
    // Right of every spill (periods + 1 columns), in the first header row: the first item's mean forecast.
    const first = tableGrid[0].slice();
    first[periods + 6] = `=ROUND(AVERAGE(B2:${columnName(periods)}2),1)`;
    await writeGrid(files.oneOther, [first, ...tableGrid.slice(1)]);
    files.totals = join(dir, `mps-table-totals-${items}.xlsx`);
    await writeGrid(files.totals, withTotals(tableGrid, items, periods));
  }
  if (native) {
    const nativeGrid = nativeSheet(portfolio);
    files.native = join(dir, `native-${items}.xlsx`);
    files.formulas.native = countFormulas(nativeGrid);
    await writeGrid(files.native, nativeGrid, STALE);
  }
  return files;
}

/** The rows MPS.TABLE spills with the bench's settings: Forecast, Orders, Demand … ATP. */
const TABLE_ROWS = 9;

/** The table sheet with a total right of every row a table plans (demand to ATP), one column past its spill. */
function withTotals(tableGrid: RawCellContent[][], items: number, periods: number): RawCellContent[][] {
  const grid = tableGrid.map((row) => (row ? row.slice() : []));
  const last = columnName(periods);
  for (let i = 0; i < items; i++) {
    for (let r = 0; r < TABLE_ROWS; r++) {
      const row = i * TABLE_BLOCK + TABLE_OUT + r;
      (grid[row] ??= [])[periods + 2] = `=SUM(B${row + 1}:${last}${row + 1})`;
    }
  }
  return grid;
}
