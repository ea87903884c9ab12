/**
 * An ExcelJS workbook as HyperFormula's input: one 2-D array of raw contents per sheet, every
 * formula rewritten for HyperFormula, and the workbook's named ranges. Text is marked with a
 * leading apostrophe so HyperFormula keeps it as text ("00123" stays text, "=x" is no formula).
 *
 * Dynamic-array results saved by Excel sit in their cells as plain values under an anchor whose
 * formula carries the spill range (`<f t="array" ref="B10:K19">`); those cells are emptied so the
 * formula can spill again, as it does when Excel recalculates.
 */
import ExcelJS from "exceljs";
import type { RawCellContent } from "hyperformula";
import { parseBox, type CellAt, type CellBox } from "./address";
import { toEngineFormula } from "./formula";

/** A formula cell as the workbook has it, and where it is. */
export interface FormulaCell extends CellAt {
  sheet: string;
  /** The formula as saved in the file (no "="). */
  formula: string;
  /** The formula given to HyperFormula ("=" and the MPS spelling). */
  engineFormula: string;
}

export interface NamedRange {
  name: string;
  /** `=Sheet!$A$1:$H$1` */
  expression: string;
  /** Rows and columns of the range. */
  rows: number;
  columns: number;
}

export interface EngineInput {
  /** Sheet names in workbook order. */
  sheetNames: string[];
  sheets: Record<string, RawCellContent[][]>;
  formulas: FormulaCell[];
  names: NamedRange[];
}

/** Excel's serial day number of a date (1900 date system, with its 29 Feb 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** A cell's constant value as HyperFormula raw content. */
function constant(value: ExcelJS.CellValue): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  if (value instanceof Date) return excelSerial(value);
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

function readNames(workbook: ExcelJS.Workbook, sheetNames: readonly string[]): NamedRange[] {
  const names: NamedRange[] = [];
  for (const { name, ranges } of workbook.definedNames.model) {
    if (name.startsWith("_xlnm.") || ranges.length !== 1) continue;
    const [sheetPart, boxPart] = splitSheet(ranges[0]);
    const box = boxPart === undefined ? undefined : parseBox(boxPart);
    if (!box || !sheetNames.includes(sheetPart)) continue;
    names.push({ name, expression: `=${ranges[0]}`, rows: box.bottom - box.top + 1, columns: box.right - box.left + 1 });
  }
  return names;
}

/** "'My sheet'!$A$1:$B$2" → ["My sheet", "$A$1:$B$2"]. */
function splitSheet(reference: string): [string, string | undefined] {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) return ["", undefined];
  const sheet = reference.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return [sheet, reference.slice(bang + 1)];
}

/**
 * Everything HyperFormula needs from the workbook.
 * @example toEngineInput(workbook).formulas[0] // → { sheet: "Plan", row: 9, col: 1, formula: "_xldudf_MPS_TABLE(…)", engineFormula: "=MPS.TABLE(…)" }
 */
export function toEngineInput(workbook: ExcelJS.Workbook): EngineInput {
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
          const formula = cell.formula;
          if (formula) {
            content = toEngineFormula(formula);
            formulas.push({ sheet: worksheet.name, ...at, formula, engineFormula: content });
            const box = arrayBox(cell);
            if (box) spills.push({ anchor: at, box });
          } else {
            content = constant(cell.result as ExcelJS.CellValue);
          }
        } else if (cell.type !== ExcelJS.ValueType.Merge) {
          content = constant(cell.value);
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
  return { sheetNames, sheets, formulas, names: readNames(workbook, sheetNames) };
}
