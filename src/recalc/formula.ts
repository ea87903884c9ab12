/**
 * Formula text as Excel saves it → formula text HyperFormula parses. Excel writes an add-in's
 * custom function into the file as `_xldudf_MPS_TABLE(…)` and functions newer than Excel 2007
 * with a future-function prefix (`_xlfn.XLOOKUP(…)`, `_xlfn._xlws.SORT(…)`); HyperFormula knows
 * neither spelling. Text inside string literals is left alone.
 */

const ADDIN_PREFIX = /_xldudf_MPS_/gi;
const FUTURE_PREFIX = /_xlfn\.(?:_xlws\.)?/gi;

/** Rewrites the parts of a formula outside "string literals". */
function outsideStrings(formula: string, rewrite: (code: string) => string): string {
  // Splitting on quotes puts literals at odd indexes; "" (an escaped quote) splits into an empty literal.
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? rewrite(part) : part))
    .join('"');
}

/**
 * The formula of a cell, as HyperFormula reads it: with "=", MPS functions spelled `MPS.X`.
 * @example toEngineFormula("_xldudf_MPS_CONSUME(B2:I2,B3:I3)") // → "=MPS.CONSUME(B2:I2,B3:I3)"
 * @example toEngineFormula("=SUM(_xlfn.ANCHORARRAY(B5))") // → "=SUM(ANCHORARRAY(B5))"
 */
export function toEngineFormula(formula: string): string {
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return "=" + outsideStrings(body, (code) => code.replace(ADDIN_PREFIX, "MPS.").replace(FUTURE_PREFIX, ""));
}
