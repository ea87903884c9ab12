/**
 * An ExcelJS workbook as HyperFormula's input: one 2-D array of raw contents per sheet, every
 * formula rewritten for HyperFormula, and the workbook's defined names. Text is marked with a
 * leading apostrophe so HyperFormula keeps it as text ("00123" stays text, "=x" is no formula).
 * Dates become serial numbers of the workbook's date system (1900, or 1904 when `date1904`).
 *
 * Dynamic-array results saved by Excel sit in their cells as plain values under an anchor whose
 * formula carries the spill range (`<f t="array" ref="B10:K19">`); those cells are emptied so the
 * formula can spill again, as it does when Excel recalculates.
 */
import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";
import { parseBox, type CellAt, type CellBox } from "./address";
import { toNamedExpressions, type DefinedName, type NamedExpression } from "./definedNames";
import { toEngineFormula } from "./formula";
import { translateFormula } from "./sharedFormula";

/** A formula cell as the workbook has it, and where it is. */
export interface FormulaCell extends CellAt {
  sheet: string;
  /** The formula as saved in the file (no "="). */
  formula: string;
  /** The formula given to HyperFormula ("=" and the MPS spelling). */
  engineFormula: string;
}

export interface EngineInput {
  /** Sheet names in workbook order. */
  sheetNames: string[];
  sheets: Record<string, RawCellContent[][]>;
  formulas: FormulaCell[];
  names: NamedExpression[];
  /** The workbook counts dates from 1904 (`<workbookPr date1904="1">`). */
  date1904: boolean;
}

/** Day 0 of Excel's 1900 date system (with its 29 Feb 1900) and of the 1904 date system. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_1904_EPOCH_MS = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

export function excelSerial(date: Date, date1904 = false): number {
  return (date.getTime() - (date1904 ? EXCEL_1904_EPOCH_MS : EXCEL_EPOCH_MS)) / DAY_MS;
}

/** A cell's constant value as HyperFormula raw content. */
function constant(value: ExcelJS.CellValue, date1904: boolean): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  if (value instanceof Date) return excelSerial(value, date1904);
  if (typeof value === "object") {
    if ("richText" in value) return `'${value.richText.map((run) => run.text).join("")}`;
    if ("error" in value) return value.error;
    if ("text" in value && typeof value.text === "string") return `'${value.text}`;
  }
  return null;
}

/** Where a formula's spill (or legacy array) lives, when the file records it. */
function arrayBox(cell: ExcelJS.Cell): CellBox | undefined {
  // ExcelJS keeps `shareType` and `ref` of a formula but does not declare them.
  const value = cell.value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
  return value.shareType === "array" && value.ref ? parseBox(value.ref) : undefined;
}

/**
 * A cell's formula. A shared formula's other cells are the master's formula moved to the cell,
 * translated here: ExcelJS's translation also moves "A1" inside string literals.
 */
function formulaOf(worksheet: ExcelJS.Worksheet, cell: ExcelJS.Cell): string | undefined {
  const master = (cell.value as { sharedFormula?: string }).sharedFormula;
  const source = master ? worksheet.getCell(master) : undefined;
  if (!source?.formula) return cell.formula;
  return translateFormula(source.formula, Number(cell.row) - Number(source.row), Number(cell.col) - Number(source.col));
}

/**
 * Everything HyperFormula needs from the workbook.
 * @example toEngineInput(workbook).formulas[0] // → { sheet: "Plan", row: 9, col: 1, formula: "_xldudf_MPS_TABLE(…)", engineFormula: "=MPS.TABLE(…)" }
 */
export function toEngineInput(workbook: ExcelJS.Workbook, definedNames: readonly DefinedName[] = []): EngineInput {
  const date1904 = Boolean((workbook.properties as { date1904?: boolean }).date1904);
  const sheetNames: string[] = [];
  const sheets: Record<string, RawCellContent[][]> = {};
  const formulas: FormulaCell[] = [];
  for (const worksheet of workbook.worksheets) {
    const grid: RawCellContent[][] = [];
    const spills: Array<{ anchor: CellAt; box: CellBox }> = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const at = { row: rowNumber - 1, col: colNumber - 1 };
        let content: RawCellContent = null;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const formula = formulaOf(worksheet, cell);
          if (formula) {
            content = toEngineFormula(formula);
            formulas.push({ sheet: worksheet.name, ...at, formula, engineFormula: content });
            const box = arrayBox(cell);
            if (box) spills.push({ anchor: at, box });
          } else {
            content = constant(cell.result as ExcelJS.CellValue, date1904);
          }
        } else if (cell.type !== ExcelJS.ValueType.Merge) {
          content = constant(cell.value, date1904);
        }
        (grid[at.row] ??= [])[at.col] = content;
      });
    });
    for (const { anchor, box } of spills) {
      for (let r = box.top; r <= box.bottom; r++) {
        for (let c = box.left; c <= box.right; c++) {
          const content = grid[r]?.[c];
          const isFormula = typeof content === "string" && content.startsWith("=");
          if ((r !== anchor.row || c !== anchor.col) && content !== undefined && !isFormula) grid[r][c] = null;
        }
      }
    }
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    sheetNames.push(worksheet.name);
    sheets[worksheet.name] = grid;
  }
  return { sheetNames, sheets, formulas, names: toNamedExpressions(definedNames, sheetNames.length), date1904 };
}
