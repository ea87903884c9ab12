/**
 * Finding the MPS.TABLE blocks of a workbook from its formulas, for the coach: which cells call
 * MPS.TABLE, what each argument refers to, which cells must be read, and the block as the coach
 * sees it once they are. Pure: a host reads the formulas and the cells, these decide.
 *
 * Arguments are read as Excel passes them: a reference (A1, $B$2:M2, Plan!B2:M2, 'MPS sample'!B3)
 * by its cells, a literal (64, "FOQ", TRUE, 10%) as it is, an empty one as left out. Anything
 * else (a name, a table column, a spill reference B14#, a nested function) is an expression only
 * Excel can evaluate: the coach says it cannot check that block rather than guess.
 */
import { LARGEST_TABLE_ROWS } from "../../engine";
import { formatBlock, MAX_COLUMNS, MAX_ROWS, parseAddress } from "../../shared/a1";
import { codeOnly } from "../../shared/formulaText";

/** One argument of an MPS.TABLE call, as the formula text gives it. */
export type CallArgument =
  | { kind: "omitted" }
  | { kind: "literal"; value: number | string | boolean }
  | { kind: "reference"; range: SheetRange }
  | { kind: "expression"; text: string };

/** A rectangle of cells on a named sheet (0-based). */
export interface SheetRange {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** An MPS.TABLE call found in a cell's formula. */
export interface TableCall {
  sheet: string;
  /** The formula's cell, 0-based. */
  row: number;
  column: number;
  formula: string;
  args: CallArgument[];
}

/** "MPS.TABLE(" as Excel shows it, or "_xldudf_MPS_TABLE(" as a file saved without the add-in keeps it. */
const TABLE_CALL = /(?:^|[^A-Za-z0-9_.])(?:MPS\.TABLE|_xldudf_MPS_TABLE)\s*\(/gi;

/** Excel's largest sheet: references beyond it are not references. */

/**
 * The argument texts of every MPS.TABLE call in a formula, split at the call's own commas (not
 * those inside strings, quoted sheet names, parentheses or array constants).
 * @example tableCallTexts('=IFERROR(MPS.TABLE(B2:M2,B3:M3,"a,b"),"")') // → [["B2:M2", "B3:M3", '"a,b"']]
 */
export function tableCallTexts(formula: string): string[][] {
  if (!formula.startsWith("=")) return [];
  const calls: string[][] = [];
  const masked = codeOnly(formula);
  for (const match of masked.matchAll(TABLE_CALL)) {
    const open = (match.index ?? 0) + match[0].length; // just after "("
    const args: string[] = [];
    let depth = 0;
    let start = open;
    for (let i = open; i < formula.length; i++) {
      const c = masked[i];
      if (c === "(" || c === "{") depth++;
      else if ((c === ")" || c === "}") && depth > 0) depth--;
      else if (c === "," && depth === 0) {
        args.push(formula.slice(start, i).trim());
        start = i + 1;
      } else if (c === ")") {
        args.push(formula.slice(start, i).trim());
        break;
      }
    }
    calls.push(args.length === 1 && args[0] === "" ? [] : args);
  }
  return calls;
}

/**
 * One argument's text, read as Excel would pass it.
 * @param text the argument as written
 * @param sheet the formula's sheet, for references without one
 * @example parseArgument("$B$3", "Plan") // → { kind: "reference", range: { sheet: "Plan", row: 2, column: 1, rows: 1, columns: 1 } }
 * @example parseArgument('"FOQ"', "Plan") // → { kind: "literal", value: "FOQ" }
 */
export function parseArgument(text: string, sheet: string): CallArgument {
  const t = text.trim();
  if (t === "") return { kind: "omitted" };
  const number = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?(%?)$/i.exec(t);
  if (number) return { kind: "literal", value: Number(t.replace("%", "")) / (number[1] ? 100 : 1) };
  if (/^"(?:[^"]|"")*"$/.test(t)) return { kind: "literal", value: t.slice(1, -1).replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(t)) return { kind: "literal", value: t.toUpperCase() === "TRUE" };
  const block = /^(?:(?:'(?:[^']|'')+'|[^!'"(),]+)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i.test(t) ? parseAddress(t) : undefined;
  if (block && block.row + block.rows <= MAX_ROWS && block.column + block.columns <= MAX_COLUMNS) {
    return { kind: "reference", range: { ...block, sheet: block.sheet ?? sheet } };
  }
  return { kind: "expression", text: t };
}

/**
 * Every MPS.TABLE call in a block of formulas (a sheet's used range, read row by row).
 * @param sheet the sheet's name
 * @param origin the block's top-left cell, 0-based
 * @param formulas the block's formulas (Office.js `Range.formulas`: a constant cell gives its value)
 * @example findTableCalls("Plan", { row: 13, column: 0 }, [["=MPS.TABLE(B9:M9,B10:M10,B3)"]])[0].row // → 13
 */
export function findTableCalls(sheet: string, origin: { row: number; column: number }, formulas: readonly (readonly unknown[])[]): TableCall[] {
  const calls: TableCall[] = [];
  formulas.forEach((line, r) =>
    line.forEach((formula, c) => {
      if (typeof formula !== "string" || !formula.startsWith("=")) return;
      for (const texts of tableCallTexts(formula)) {
        calls.push({ sheet, row: origin.row + r, column: origin.column + c, formula, args: texts.map((text) => parseArgument(text, sheet)) });
      }
    }),
  );
  return calls;
}

/** Which way a block runs: labels down its first column (a row per line, row inputs) or along its first row. */
export type BlockOrientation = "rows" | "columns";

/** A block's orientation, from its forecast argument: a column of periods spills a column per line. */
export function orientationOf(call: TableCall): BlockOrientation {
  const forecast = call.args[0];
  return forecast?.kind === "reference" && forecast.range.columns === 1 && forecast.range.rows > 1 ? "columns" : "rows";
}

/**
 * The cells around and along a block that say what it is: the cell left of the formula and the
 * one above it (the item's label), and the line of the record's labels (the block's first column,
 * or first row), at most as long as the largest record. Clipped at the sheet's top and left edge.
 */
export function frameOf(call: TableCall): SheetRange {
  const top = Math.max(0, call.row - 1);
  const left = Math.max(0, call.column - 1);
  const along = LARGEST_TABLE_ROWS;
  const rows = orientationOf(call) === "rows" ? call.row + along - top : call.row + 1 - top;
  const columns = orientationOf(call) === "rows" ? call.column + 1 - left : call.column + along - left;
  return { sheet: call.sheet, row: top, column: left, rows, columns };
}

/** A range as a key and as the address a host reads: "Plan!B2:M2". */
export function rangeKey(range: SheetRange): string {
  return `${quoteSheet(range.sheet)}!${formatBlock(range)}`;
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain word. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The distinct ranges to read for these calls: every referenced range and every block's frame,
 * each once (blocks of one workbook share their inputs' rows often).
 */
export function rangesToRead(calls: readonly TableCall[]): SheetRange[] {
  const ranges = new Map<string, SheetRange>();
  for (const call of calls) {
    for (const arg of call.args) if (arg.kind === "reference") ranges.set(rangeKey(arg.range), arg.range);
    const frame = frameOf(call);
    ranges.set(rangeKey(frame), frame);
  }
  return [...ranges.values()];
}

/**
 * An argument with its cells read: a reference becomes the range's values (blank cells "") and
 * its address as Excel would give it to the function ("'MPS sample'!B9:M9").
 */
export type BlockArgument =
  | { kind: "omitted" }
  | { kind: "value"; value: number | string | boolean }
  | { kind: "range"; values: unknown[][]; address?: string }
  | { kind: "expression"; text: string };

/** An MPS.TABLE block as the coach reads it. */
export interface MpsBlock {
  sheet: string;
  /** The formula's cell, "A14". */
  cell: string;
  formula: string;
  /** The block's top-left cell (the formula's), 0-based: messages point at cells from here. */
  row: number;
  column: number;
  orientation: BlockOrientation;
  args: BlockArgument[];
  /** The item's name: the text left of the formula, else above it. */
  label?: string;
  /** The record's labels as the sheet shows them, along the block's first column (or row). */
  lines: string[];
}

/** What a host read: the values of a range asked for by `rangesToRead`. */
export type ReadValues = (range: SheetRange) => readonly (readonly unknown[])[] | undefined;

/** Text that names something: a number beside a block is more often a quantity than an item code, an error is not a name. */
function isLabel(cell: unknown): cell is string {
  return typeof cell === "string" && cell.trim() !== "" && !cell.trim().startsWith("#");
}

/**
 * The blocks of these calls from the ranges a host read for them.
 * @param calls the calls found (`findTableCalls`)
 * @param read the values of a range from `rangesToRead`, as Office.js gives them (blank cells "")
 */
export function assembleBlocks(calls: readonly TableCall[], read: ReadValues): MpsBlock[] {
  return calls.map((call) => {
    const args = call.args.map((arg): BlockArgument => {
      if (arg.kind === "reference") {
        const values = read(arg.range);
        const address = rangeKey(arg.range);
        return values ? { kind: "range", values: values.map((line) => [...line]), address } : { kind: "expression", text: address };
      }
      return arg.kind === "literal" ? { kind: "value", value: arg.value } : arg;
    });
    const frame = frameOf(call);
    const cells = read(frame) ?? [];
    const at = (row: number, column: number) => (row < 0 || column < 0 ? undefined : cells[row - frame.row]?.[column - frame.column]);
    const left = at(call.row, call.column - 1);
    const above = at(call.row - 1, call.column);
    const label = isLabel(left) ? left.trim() : isLabel(above) ? above.trim() : undefined;
    const orientation = orientationOf(call);
    const lines: string[] = [];
    for (let i = 0; i < LARGEST_TABLE_ROWS; i++) {
      const cell = orientation === "rows" ? at(call.row + i, call.column) : at(call.row, call.column + i);
      lines.push(typeof cell === "string" ? cell.trim() : "");
    }
    const cell = formatBlock({ row: call.row, column: call.column, rows: 1, columns: 1 });
    return { sheet: call.sheet, cell, formula: call.formula, row: call.row, column: call.column, orientation, args, label, lines };
  });
}

/**
 * An MPS.TABLE block from its arguments' values, as a host would read it at `sheet`, `row`,
 * `column` (0-based), running in rows: for the coach without a workbook (benchmarks, tests).
 * @param args MPS.TABLE's arguments in order: a value (one cell), rows of cells (a range), or undefined (left out)
 * @param label the item's name beside the block
 * @param lines the record's labels down the block's first column (unknown: messages point at its first line)
 * @example tableBlock({ sheet: "Plan", row: 4, column: 1 }, [[[10, 10]], [[15, 0]], 0], "Widget").cell // → "B5"
 */
export function tableBlock(
  at: { sheet: string; row: number; column: number },
  args: readonly (number | string | boolean | readonly (readonly unknown[])[] | undefined)[],
  label?: string,
  lines: readonly string[] = [],
): MpsBlock {
  const cell = formatBlock({ row: at.row, column: at.column, rows: 1, columns: 1 });
  return {
    ...at,
    cell,
    formula: "",
    orientation: "rows",
    args: args.map((arg): BlockArgument => {
      if (arg === undefined) return { kind: "omitted" };
      if (Array.isArray(arg)) return { kind: "range", values: arg.map((line: readonly unknown[]) => [...line]) };
      return { kind: "value", value: arg as number | string | boolean };
    }),
    label,
    lines: [...lines],
  };
}
