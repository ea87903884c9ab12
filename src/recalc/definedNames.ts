/**
 * The workbook's defined names, read from `xl/workbook.xml` itself: ExcelJS keeps only names
 * that are plain ranges and merges names of the same spelling scoped to different sheets
 * (`localSheetId`). Here every name is kept — a range, a constant (`LeadTime` = `3`) or a
 * formula — with its scope, and turned into a HyperFormula named expression.
 */
import { parseBox } from "./address";
import { toEngineFormula } from "./formula";
import { decodeXml } from "./xml";

/** A `<definedName>` as the file has it. */
export interface DefinedName {
  name: string;
  /** The name's formula, without "=": `Plan!$A$1`, `3`, `Plan!$B$1*2`. */
  formula: string;
  /** Index of the sheet the name belongs to (`localSheetId`); none for a workbook-wide name. */
  sheet?: number;
}

/** A defined name as given to HyperFormula. */
export interface NamedExpression {
  name: string;
  /** `=Plan!$A$1:$H$1`, `=3` */
  expression: string;
  /** HyperFormula sheet id of a sheet-scoped name. */
  scope?: number;
  /** Rows and columns, when the name is a single range (the MPS functions size results by it). */
  rows?: number;
  columns?: number;
}

/** The `<definedNames>…</definedNames>` block of a workbook part, if it has one. */
export function definedNamesBlock(workbookXml: string): string | undefined {
  return /<definedNames\b[^>]*\/>|<definedNames\b[^>]*>[\s\S]*?<\/definedNames>/.exec(workbookXml)?.[0];
}

/** Every `<definedName>` of a workbook part. */
export function parseDefinedNames(workbookXml: string): DefinedName[] {
  const names: DefinedName[] = [];
  for (const match of (definedNamesBlock(workbookXml) ?? "").matchAll(/<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g)) {
    const name = /\bname="([^"]*)"/.exec(match[1])?.[1];
    const local = /\blocalSheetId="(\d+)"/.exec(match[1])?.[1];
    if (name === undefined) continue;
    names.push({ name: decodeXml(name), formula: decodeXml(match[2] ?? "").trim(), sheet: local === undefined ? undefined : Number(local) });
  }
  return names;
}

/** "'My sheet'!$A$1:$B$2" → the box, when the formula is a single range of a sheet. */
function rangeShape(formula: string): { rows: number; columns: number } | undefined {
  const match = /^(?:'(?:[^']|'')+'|[^'!(),:&*+\-/<>=^" ]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(formula);
  const box = match ? parseBox(match[1].replace(/\$/g, "")) : undefined;
  return box ? { rows: box.bottom - box.top + 1, columns: box.right - box.left + 1 } : undefined;
}

/**
 * The names HyperFormula is given: built-in names (`_xlnm.Print_Area`…) and names without a
 * formula are left out; a sheet-scoped name gets that sheet's id.
 */
export function toNamedExpressions(names: readonly DefinedName[], sheetCount: number): NamedExpression[] {
  const result: NamedExpression[] = [];
  for (const { name, formula, sheet } of names) {
    if (name.startsWith("_xlnm.") || formula === "" || (sheet !== undefined && sheet >= sheetCount)) continue;
    result.push({ name, expression: toEngineFormula(formula), scope: sheet, ...rangeShape(formula) });
  }
  return result;
}

/**
 * The workbook part `written` with the defined names of `original` in place of its own: ExcelJS
 * writes only the names it could model. Nothing changes when the original has no names.
 */
export function withDefinedNamesOf(original: string, written: string): string {
  const block = definedNamesBlock(original);
  if (block === undefined) return written;
  const own = definedNamesBlock(written);
  if (own !== undefined) return written.replace(own, () => block);
  return written.replace("</sheets>", () => `</sheets>${block}`);
}
