/**
 * Formula text as Excel writes it, split where quoting changes its meaning: code, "string
 * literals" and 'quoted sheet names'. The one scanner of quoted text for the headless
 * recalculation and the task pane, so a comma or a parenthesis inside quotes never counts as
 * code anywhere.
 */

/** A piece of formula text: code, a "string literal" or a 'quoted sheet name' (quotes included). */
export interface Segment {
  kind: "code" | "string" | "sheet";
  text: string;
}

/** The end (exclusive) of a quoted run starting at `start`; a doubled quote is an escape. */
function quotedEnd(formula: string, start: number): number {
  const quote = formula[start];
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote) {
      if (formula[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return formula.length;
}

/**
 * Splits a formula into code, string literals and quoted sheet names.
 * @example segments(`'Plan "A"'!B2&"x"`) // → sheet `'Plan "A"'`, code `!B2&`, string `"x"`
 */
export function segments(formula: string): Segment[] {
  const parts: Segment[] = [];
  let code = 0;
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c !== '"' && c !== "'") {
      i++;
      continue;
    }
    if (i > code) parts.push({ kind: "code", text: formula.slice(code, i) });
    const end = quotedEnd(formula, i);
    parts.push({ kind: c === '"' ? "string" : "sheet", text: formula.slice(i, end) });
    i = code = end;
  }
  if (code < formula.length) parts.push({ kind: "code", text: formula.slice(code) });
  return parts;
}

/**
 * The formula with the inside of every string literal and quoted sheet name blanked (the
 * quotes kept, the length unchanged), so that searching the code finds positions in the formula.
 * @example codeOnly('=MPS.TABLE(B2:M2,"a,b")') // → '=MPS.TABLE(B2:M2,"   ")'
 */
export function codeOnly(formula: string): string {
  return segments(formula)
    .map(({ kind, text }) => (kind === "code" || text.length < 2 || text[text.length - 1] !== text[0] ? text : text[0] + " ".repeat(text.length - 2) + text[0]))
    .join("");
}

