/**
 * What Excel left in the file besides formulas: the value it cached in each formula cell (a
 * refused formula keeps it, and the formulas that depend on it compute from it), the spill area
 * it recorded for a dynamic array (whose cells hold the spilled values), and hidden rows
 * (SUBTOTAL 101–111 leave them out).
 */
import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";
import { parseBox, type CellBox } from "./address";
import { excelSerial } from "./toSheets";

export interface WorkbookCache {
  /** The value Excel cached in a cell (a formula's result, or a plain cell's value), as HyperFormula raw content. */
  value(sheet: string, row: number, col: number): RawCellContent | undefined;
  /** The spill area Excel recorded on an array formula's anchor (`<f t="array" ref="B2:K11">`). */
  spill(sheet: string, row: number, col: number): CellBox | undefined;
  /** Whether a row (from 0) is hidden. */
  isHiddenRow(sheet: string, row: number): boolean;
}

/** A cell value as HyperFormula raw content: text marked with an apostrophe, dates as serials, errors as "#N/A". */
export function rawContent(value: ExcelJS.CellValue | undefined, date1904: boolean): RawCellContent | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  if (value instanceof Date) return excelSerial(value, date1904);
  if (typeof value === "object") {
    if ("error" in value) return value.error;
    if ("richText" in value) return `'${value.richText.map((run) => run.text).join("")}`;
    if ("text" in value && typeof value.text === "string") return `'${value.text}`;
  }
  return undefined;
}

type FormulaLike = { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue; shareType?: string; ref?: string };

function isFormula(value: ExcelJS.CellValue): value is ExcelJS.CellValue & FormulaLike {
  return typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
}

/**
 * Reads the cache from the opened workbook (ExcelJS keeps a formula's saved result beside it).
 * @example workbookCache(workbook).value("Plan", 1, 4) // → 5, what Excel showed in Plan!E2
 */
export function workbookCache(workbook: ExcelJS.Workbook): WorkbookCache {
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const hidden = new Map<string, Set<number>>();
  const cellAt = (sheet: string, row: number, col: number) => workbook.getWorksheet(sheet)?.findCell(row + 1, col + 1);
  return {
    value(sheet, row, col) {
      const cell = cellAt(sheet, row, col);
      if (!cell || cell.type === ExcelJS.ValueType.Merge) return undefined;
      // A formula's `value` drops a cached 0; `result` keeps it.
      return rawContent(cell.type === ExcelJS.ValueType.Formula ? (cell.result as ExcelJS.CellValue) : cell.value, date1904);
    },
    spill(sheet, row, col) {
      const value = cellAt(sheet, row, col)?.value;
      if (value === undefined || value === null || !isFormula(value)) return undefined;
      return value.shareType === "array" && value.ref ? parseBox(value.ref) : undefined;
    },
    isHiddenRow(sheet, row) {
      let rows = hidden.get(sheet);
      if (!rows) {
        rows = new Set();
        const found = rows;
        workbook.getWorksheet(sheet)?.eachRow({ includeEmpty: true }, (line, number) => {
          if (line.hidden) found.add(number - 1);
        });
        hidden.set(sheet, rows);
      }
      return rows.has(row);
    },
  };
}
