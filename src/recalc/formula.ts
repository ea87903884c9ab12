/**
 * Formula text as Excel saves it → formula text HyperFormula parses. Excel writes an add-in's
 * custom function into the file as `_xldudf_MPS_TABLE(…)` and functions newer than Excel 2007
 * with a future-function prefix (`_xlfn.XLOOKUP(…)`, `_xlfn._xlws.SORT(…)`); HyperFormula knows
 * neither spelling. Text inside "string literals" and 'quoted sheet names' is left alone.
 */
import { segments } from "../shared/formulaText";

const ADDIN_PREFIX = /_xldudf_MPS_/gi;
const FUTURE_PREFIX = /_xlfn\.(?:_xlws\.)?/gi;

/** Rewrites the code of a formula, leaving string literals and quoted sheet names as they are. */
export function rewriteCode(formula: string, rewrite: (code: string) => string): string {
  return segments(formula)
    .map((part) => (part.kind === "code" ? rewrite(part.text) : part.text))
    .join("");
}

const CALL = /(?<![A-Za-z0-9_.$])([A-Za-z_\\][A-Za-z0-9_.]*)\s*\(/g;

/**
 * The names of the functions a formula calls, outside strings and sheet names, as written.
 * @example calledFunctions('IFERROR(FOO(A1),"BAR(")') // → ["IFERROR", "FOO"]
 */
export function calledFunctions(formula: string): string[] {
  const names: string[] = [];
  for (const part of segments(formula)) {
    if (part.kind === "code") for (const match of part.text.matchAll(CALL)) names.push(match[1]);
  }
  return names;
}

/**
 * The formula of a cell, as HyperFormula reads it: with "=", MPS functions spelled `MPS.X`.
 * @example toEngineFormula("_xldudf_MPS_CONSUME(B2:I2,B3:I3)") // → "=MPS.CONSUME(B2:I2,B3:I3)"
 * @example toEngineFormula("=SUM(_xlfn.ANCHORARRAY(B5))") // → "=SUM(ANCHORARRAY(B5))"
 */
export function toEngineFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return "=" + rewriteCode(body, (code) => code.replace(ADDIN_PREFIX, "MPS.").replace(FUTURE_PREFIX, ""));
}

/** A name in code: not a function call, a sheet name, a cell or column reference, or part of one. */
const NAME = /(?<![A-Za-z0-9_.$\\#])([A-Za-z_\\][A-Za-z0-9_.\\?]*)(?![A-Za-z0-9_.\\?$!(:[])/g;
const CELL_LIKE = /^(?:[A-Za-z]{1,3}\d+|TRUE|FALSE)$/i;

/** Calls `each` for every name in a code segment (not a call, sheet name, cell or column reference). */
function eachName(code: string, each: (name: string, index: number) => void): void {
  // Error literals (#N/A, #DIV/0!, #NAME?) are blanked out first, keeping every other index.
  const scanned = code.replace(/#(?:N\/A|[A-Z][A-Z0-9/_]*[!?])/gi, (literal) => " ".repeat(literal.length));
  for (const match of scanned.matchAll(NAME)) {
    const index = match.index ?? 0;
    if (!CELL_LIKE.test(match[1]) && scanned[index - 1] !== ":") each(match[1], index);
  }
}

/**
 * The defined names (or table names) a formula refers to, outside strings and sheet names.
 * @example namesIn('=LeadTime*2+SUM(A1:B2)+Plan!Fc&"Qty"') // → ["LeadTime", "Fc"]
 */
export function namesIn(formula: string): string[] {
  const names: string[] = [];
  for (const part of segments(formula)) if (part.kind === "code") eachName(part.text, (name) => names.push(name));
  return names;
}

/**
 * The formula with names spelled anew (by lower-case name), outside strings and sheet names.
 * @example renameNames("=Week1*2", new Map([["week1", "_MPS_NAME_1"]])) // → "=_MPS_NAME_1*2"
 */
export function renameNames(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  return rewriteCode(formula, (code) => {
    let out = "";
    let from = 0;
    eachName(code, (name, index) => {
      const alias = renames.get(name.toLowerCase());
      if (alias === undefined) return;
      out += code.slice(from, index) + alias;
      from = index + name.length;
    });
    return out + code.slice(from);
  });
}
