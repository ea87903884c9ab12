/**
 * Shared formulas: Excel saves a filled-down or filled-right formula once, on its first cell, and
 * the other cells refer to it. Each cell's own formula is the master's with its relative
 * references moved by the distance between the cells. References inside string literals and
 * quoted sheet names are text, not references, and stay as they are (ExcelJS's own translation
 * moves them too).
 */
import { columnIndex, columnName, MAX_COLUMNS, MAX_ROWS } from "./address";
import { rewriteCode } from "./formula";

/** A cell reference in code: `$A$1`, `B12`; not part of a name, a function call or a sheet name. */
const REFERENCE = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_.(!])/g;

/**
 * The master's formula as it reads `rows` rows down and `columns` columns right of it.
 * @example translateFormula('A1*2&" A1"', 1, 0) // → 'A2*2&" A1"'
 */
export function translateFormula(formula: string, rows: number, columns: number): string {
  return rewriteCode(formula, (code) =>
    code.replace(REFERENCE, (whole, colDollar: string, letters: string, rowDollar: string, digits: string) => {
      const col = columnIndex(letters) + 1;
      const row = Number(digits);
      if (col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return whole; // a name such as ABCD1 or LOG10
      const movedCol = colDollar ? col : col + columns;
      const movedRow = rowDollar ? row : row + rows;
      if (movedCol < 1 || movedRow < 1) return "#REF!";
      return `${colDollar}${columnName(movedCol - 1)}${rowDollar}${movedRow}`;
    }),
  );
}
