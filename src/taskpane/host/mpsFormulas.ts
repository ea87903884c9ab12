/**
 * Which cells hold an MPS.* formula: the cells whose results depend on the workbook's settings,
 * and so the ones Apply recalculates. Pure: the host reads the formulas, this decides.
 */
import { codeOnly } from "../../shared/formulaText";

/**
 * An MPS function call in a formula, as Excel shows it (`MPS.TABLE(`) or as a file saved
 * without the add-in keeps it (`_xldudf_MPS_TABLE(`); not inside a longer name (`XMPS.A(`).
 */
const MPS_CALL = /(?:^|[^A-Za-z0-9_.])(?:MPS\.|_xldudf_MPS_)[A-Za-z]+\s*\(/i;

/**
 * Whether a cell's formula calls an MPS.* function (text that merely mentions one does not).
 * @example isMpsFormula("=SUM(MPS.PLAN(B2:M2,40))") // → true
 * @example isMpsFormula('="see MPS.TABLE("') // → false
 */
export function isMpsFormula(formula: unknown): boolean {
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  // Leave quoted text out, so a label or a message that names a function does not count.
  return MPS_CALL.test(codeOnly(formula));
}

/**
 * The 0-based positions of the MPS.* formulas in a block of formulas (row by row).
 * @example mpsFormulaCells([["=MPS.TABLE(B9:M9,B10:M10,B3)", 5], ["x", "=A1"]]) // → [[0, 0]]
 */
export function mpsFormulaCells(formulas: readonly (readonly unknown[])[]): [row: number, column: number][] {
  const cells: [number, number][] = [];
  formulas.forEach((row, r) => row.forEach((formula, c) => isMpsFormula(formula) && cells.push([r, c])));
  return cells;
}
