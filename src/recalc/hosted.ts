/**
 * The MPS functions as the headless recalculation hosts them, without HyperFormula: the catalog
 * read once (which argument is a series or an item master, the result's bound, the run through
 * `invoke`), the arguments as a formula writes them, and the size a call is given before it
 * runs. HyperFormula's plugin (plugin.ts) and the direct path (direct.ts) share it, so that a
 * workbook the direct path takes never loads HyperFormula.
 */
import { CATALOG } from "../functions/catalog";
import { NOT_LITERAL, oversize, type Output, type Shape } from "../functions/define";
import { isFunctionError, type ErrorCode } from "../functions/cells";
import { invoke, type CallSite } from "../functions/invoke";
import type { MpsSettings } from "../shared/settings";

/** A cell address as HyperFormula numbers it: sheet id, row and column from 0. */
export interface CellAddress {
  sheet: number;
  row: number;
  col: number;
}

/** What a cell of the workbook holds as typed (a constant, "'text", or a formula as "=…"), by sheet id, row and column. */
export type TypedCell = (sheet: number, row: number, col: number) => unknown;

// ─── The function catalog, read in this block only ─────────────────────────────────────────────
// Everything this file needs from src/functions/ (CATALOG, spec.params, spec.maxSize, oversize, invoke),
// as a HostedFunction; the rest of the file sees no catalog type. A change of the catalog's
// shape is adapted here.

/** An MPS function as the headless hosts need it (HyperFormula's plugin, and direct.ts). */
export interface HostedFunction {
  /** "TABLE" */
  id: string;
  /** How many arguments it takes, at most. */
  arity: number;
  /** Whether argument i is a series (one row or one column of quantities). */
  isSeries(i: number): boolean;
  /** Whether argument i may be an item master range, whose constants size the result (on_hand of TABLE and PLAN). */
  isItem(i: number): boolean;
  /** The largest result for arguments of these shapes and literal values (NOT_LITERAL where only evaluation can tell). */
  maxSize(shapes: (Shape | undefined)[], literals: unknown[], settings: MpsSettings): Shape;
  /** The refusal of a result of this shape, too large for a sheet or the cell budget; undefined when it fits. */
  tooLarge(shape: Shape): { code: ErrorCode; message: string } | undefined;
  /**
   * Runs the function as Excel does (the same adapter): its cells, or an error with a message.
   * `site`: where the arguments are, as Excel's parameter addresses would say.
   */
  run(args: unknown[], settings: MpsSettings, site: CallSite): { ok: true; output: Output } | { ok: false; code: ErrorCode; message: string };
}

export const HOSTED: readonly HostedFunction[] = Object.values(CATALOG).map((spec) => ({
  id: spec.id,
  arity: spec.params.length,
  // Order lines are one row or one column too.
  isSeries: (i: number) => spec.params[i]?.kind === "series" || spec.params[i]?.kind === "lines",
  isItem: (i: number) => spec.params[i]?.kind === "item",
  maxSize: (shapes, literals, settings) => spec.maxSize(shapes, { literals, settings }),
  tooLarge: (shape) => oversize(spec.id, shape),
  run: (args, settings, site) => {
    const output = invoke(spec.id, args, settings, site);
    return isFunctionError(output) ? { ok: false, code: output.code, message: output.message } : { ok: true, output };
  },
}));
// ─────────────────────────────────────────────────────────────────────────────────────────────────


/** The name an MPS function has in formulas. */
export const functionName = (fn: HostedFunction): string => `MPS.${fn.id}`;

const BY_NAME = new Map(HOSTED.map((fn) => [functionName(fn), fn]));

/** The MPS function a formula calls by this name (any case: "mps.table"), if there is one. */
export function hostedFunction(name: string): HostedFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** An argument as the formula writes it, resolved to cells: what a result is sized from. */
export type WrittenArgument =
  | { kind: "omitted" }
  | { kind: "literal"; value: number | string }
  | { kind: "cell"; at: CellAddress }
  | { kind: "range"; start: CellAddress; end: CellAddress }
  | { kind: "expression" };


/**
 * What an argument is before evaluation: a literal in the formula, or a constant in the one cell
 * it refers to; undefined when omitted or an empty cell; NOT_LITERAL when only evaluation can tell.
 * With `wholeRange` (an item master argument), a small range of constants is read too, as rows of
 * cells (empty cells null), so the rows it adds to a table are known before evaluation.
 */
export function literalValue(arg: WrittenArgument, typed: TypedCell | undefined, wholeRange = false): unknown {
  if (arg.kind === "omitted") return undefined;
  if (arg.kind === "literal") return arg.value;
  if (arg.kind === "cell" && typed) {
    const value = constantOf(typed(arg.at.sheet, arg.at.row, arg.at.col));
    return value === null ? undefined : value;
  }
  if (arg.kind === "range" && wholeRange && typed) return constantRange(arg.start, arg.end, typed);
  return NOT_LITERAL;
}

/**
 * The size a call's result is given before it runs, from its arguments' shapes (undefined when
 * left out) and literal values. A series spanning rows and columns is refused by invoke: its
 * error needs one cell, not a spill area.
 */
export function predictedShape(fn: HostedFunction, shapes: (Shape | undefined)[], literals: unknown[], settings: MpsSettings): Shape {
  const notALine = shapes.some((shape, i) => fn.isSeries(i) && (shape?.rows ?? 1) > 1 && (shape?.columns ?? 1) > 1);
  return notALine ? { rows: 1, columns: 1 } : fn.maxSize(shapes, literals, settings);
}

/** A sheet's name as Excel writes it in an address: quoted unless it is a plain word. */
export function quotedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A cell's constant as a host passes it (empty → null), or NOT_LITERAL for a formula. */
function constantOf(value: unknown): unknown {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "number") return value;
  // As HyperFormula holds cells: "=…" is a formula, a leading apostrophe marks text.
  if (typeof value === "string" && !value.startsWith("=")) return value.startsWith("'") ? value.slice(1) : value;
  return NOT_LITERAL;
}

/** An item master is a few dozen cells; a larger range is left to evaluation. */
const MAX_CONSTANT_RANGE = 256;

/** The constants of a range on one sheet as rows of cells, or NOT_LITERAL when one is a formula. */
function constantRange(start: CellAddress, end: CellAddress, typed: TypedCell): unknown {
  const rows = end.row - start.row + 1;
  const columns = end.col - start.col + 1;
  if (start.sheet !== end.sheet || rows < 1 || columns < 1 || rows * columns > MAX_CONSTANT_RANGE) return NOT_LITERAL;
  const grid: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < columns; c++) {
      const value = constantOf(typed(start.sheet, start.row + r, start.col + c));
      if (value === NOT_LITERAL) return NOT_LITERAL;
      line.push(value);
    }
    grid.push(line);
  }
  return grid;
}


/** Every MPS function name, e.g. "MPS.TABLE". */
export const MPS_FUNCTION_NAMES: readonly string[] = HOSTED.map(functionName);

/** Error codes as HyperFormula's ErrorType values and as Excel shows them (checked against HyperFormula in its contract test). */
export const ERRORS: Record<ErrorCode, { type: string; text: string }> = {
  VALUE: { type: "VALUE", text: "#VALUE!" },
  NA: { type: "NA", text: "#N/A" },
};

/**
 * The sheet ids HyperFormula's `buildFromSheets` gives: it walks the sheets object with
 * `for…in`, so names that read as array indexes ("2024") come first, in numeric order, then the
 * others in insertion order (checked in test/recalc/hfInternals.test.ts).
 * @returns sheet name → id
 */
export function sheetIdsOf(sheets: Record<string, unknown>): Map<string, number> {
  const ids = new Map<string, number>();
  for (const name in sheets) if (Object.prototype.hasOwnProperty.call(sheets, name)) ids.set(name, ids.size);
  return ids;
}

/** The ids HyperFormula gives sheets built in this order (a workbook's `sheetNames`). */
export function sheetIdsOfNames(sheetNames: readonly string[]): Map<string, number> {
  return sheetIdsOf(Object.fromEntries(sheetNames.map((name) => [name, true])));
}
