/**
 * The direct path of the headless recalculation: when every formula of a workbook is one MPS call
 * whose arguments are literals or references to constant cells — one `MPS.TABLE` per item, as a
 * planning workbook is laid out — the calls are run as the HyperFormula plugin runs them (the
 * same sizing, the same `invoke`, the same arguments and cell addresses) but without building
 * HyperFormula's dependency graph and its array values, which cost ~100× the planning itself.
 *
 * It gives up, and `evaluate` uses HyperFormula, as soon as anything could make the answers
 * differ: any other formula or syntax (names, tables, nested calls, `-1`, `TRUE`), an argument
 * that touches a formula, an error value, a text HyperFormula would read as a number, or a cell
 * another call spills into, a spill that would not fit, meet a filled cell or another spill, and
 * results whose shape or error cells the plugin pads or places differently. Same numbers, same
 * messages: `test/recalc/direct.test.ts` compares both paths on every workbook of the tests and
 * on random ones.
 */
import type { RawCellContent } from "hyperformula";
import { isFunctionError } from "../functions/cells";
import type { Cell, Shape } from "../functions/define";
import type { MpsSettings } from "../shared/settings";
import { a1, cellKey, columnIndex, MAX_COLUMNS, MAX_ROWS, type CellBox } from "./address";
import { blockEvaluation, byPlace, spillBox, SpilledRow, type SpillBlock } from "./blocks";
import type { ComputedCell, Evaluation } from "./evaluate";
import { ERRORS, hostedFunction, literalValue, predictedShape, quotedSheet, sheetIdsOfNames, type CellAddress, type HostedFunction, type WrittenArgument } from "./hosted";
import type { EngineInput, FormulaCell } from "./toSheets";

/** A formula read as one MPS call. */
interface Call {
  formula: FormulaCell;
  sheet: number;
  fn: HostedFunction;
  args: WrittenArgument[];
}

/** Gave up: HyperFormula evaluates the workbook. */
const GIVE_UP = undefined;

const CALL = /^=\s*(MPS\.[A-Za-z]+)\s*\(/i;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const STRING = /^"((?:[^"]|"")*)"$/;
const REFERENCE = /^(?:([A-Za-z_][A-Za-z0-9_.]*|'(?:[^']|'')+')!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/;

/** The arguments' texts of `text` after its "(", split at top-level commas; undefined when not a plain list. */
function argumentTexts(text: string, from: number): string[] | undefined {
  const args: string[] = [];
  let start = from;
  let quote = "";
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote !== "") {
      if (ch === quote) quote = "";
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") return undefined;
    else if (ch === "," || ch === ")") {
      args.push(text.slice(start, i).trim());
      start = i + 1;
      if (ch === ")") return text.slice(i + 1).trim() === "" ? args : undefined;
    }
  }
  return undefined;
}

/** One argument's text as a WrittenArgument, or undefined when it is anything else. */
function writtenArgument(text: string, sheet: number, sheetIds: ReadonlyMap<string, number>): WrittenArgument | undefined {
  if (text === "") return { kind: "omitted" };
  if (NUMBER.test(text)) return { kind: "literal", value: Number(text) };
  const string = STRING.exec(text);
  if (string) return { kind: "literal", value: string[1].replace(/""/g, '"') };
  const ref = REFERENCE.exec(text);
  if (!ref) return undefined;
  let at = sheet;
  if (ref[1] !== undefined) {
    const name = ref[1].startsWith("'") ? ref[1].slice(1, -1).replace(/''/g, "'") : ref[1];
    const id = sheetIds.get(name.toLowerCase());
    if (id === undefined) return undefined;
    at = id;
  }
  const start = { sheet: at, row: Number(ref[3]) - 1, col: columnIndex(ref[2]) };
  if (ref[4] === undefined) return inGrid(start) ? { kind: "cell", at: start } : undefined;
  const end = { sheet: at, row: Number(ref[5]) - 1, col: columnIndex(ref[4]) };
  // A reversed range (B3:A1) is left to HyperFormula, which turns it round.
  if (!inGrid(start) || !inGrid(end) || end.row < start.row || end.col < start.col) return undefined;
  return { kind: "range", start, end };
}

const inGrid = (at: CellAddress): boolean => at.row >= 0 && at.row < MAX_ROWS && at.col >= 0 && at.col < MAX_COLUMNS;

function callOf(formula: FormulaCell, sheet: number, sheetIds: ReadonlyMap<string, number>): Call | undefined {
  const text = formula.engineFormula;
  const head = CALL.exec(text);
  const fn = head ? hostedFunction(head[1]) : undefined;
  if (!head || !fn) return undefined;
  const texts = argumentTexts(text, head[0].length);
  if (!texts || texts.length > fn.arity) return undefined;
  if (texts.length === 1 && texts[0] === "") texts.length = 0;
  const args: WrittenArgument[] = [];
  for (const argText of texts) {
    const arg = writtenArgument(argText, sheet, sheetIds);
    if (!arg) return undefined;
    args.push(arg);
  }
  return { formula, sheet, fn, args };
}

/** Spill areas by sheet and row, to find what meets them. */
class Areas {
  private readonly rows = new Map<number, CellBox[]>();

  private key(sheet: number, row: number): number {
    return sheet * MAX_ROWS + row;
  }

  /** Two areas share a row of a sheet (side by side). */
  shareRows = false;

  /** Adds `box`; false when it meets one already there. */
  add(sheet: number, box: CellBox): boolean {
    if (this.meets(sheet, box)) return false;
    for (let row = box.top; row <= box.bottom; row++) {
      const key = this.key(sheet, row);
      const line = this.rows.get(key);
      if (line) {
        line.push(box);
        this.shareRows = true;
      } else {
        this.rows.set(key, [box]);
      }
    }
    return true;
  }

  meets(sheet: number, box: CellBox): boolean {
    for (let row = box.top; row <= box.bottom; row++) {
      const line = this.rows.get(this.key(sheet, row));
      if (line) for (const other of line) if (other.left <= box.right && box.left <= other.right) return true;
    }
    return false;
  }
}

/**
 * A constant as HyperFormula hands it to a function: empty → null, "'text" → text, numbers and
 * logicals as they are. GIVE_UP for a formula, an error value or text HyperFormula would parse.
 */
function hostValue(content: RawCellContent | undefined): unknown {
  if (content === null || content === undefined) return null;
  if (typeof content === "number" || typeof content === "boolean") return content;
  if (typeof content === "string" && content.startsWith("'")) return content.slice(1);
  return GIVE_UP;
}

/** The size a call was given before running, and its refusal when that is too large. */
interface Sized {
  size: Shape;
  refusal: ReturnType<HostedFunction["tooLarge"]>;
}

/** The most cells the direct path reads for one argument. */
const MAX_READ = 4_000_000;

/** Signals a give-up from deep inside reading. */
class GiveUp extends Error {}

/**
 * Evaluates the workbook without HyperFormula when every formula is a plain MPS call. Sheets are
 * numbered as HyperFormula numbers them (`sheetIdsOfNames`), so that addresses and messages match.
 * @returns the evaluation `evaluate` would return, or undefined when HyperFormula must evaluate
 */
export function evaluateDirectly(input: EngineInput, settings: MpsSettings): Evaluation | undefined {
  if (input.formulas.length === 0) return GIVE_UP;
  const sheetIds = sheetIdsOfNames(input.sheetNames);
  const names: string[] = [];
  const grids: RawCellContent[][][] = [];
  const byLowerName = new Map<string, number>();
  for (const [name, id] of sheetIds) {
    names[id] = name;
    grids[id] = input.sheets[name] ?? [];
    byLowerName.set(name.toLowerCase(), id);
  }
  const typed = (sheet: number, row: number, col: number): unknown => grids[sheet]?.[row]?.[col];

  const calls: Call[] = [];
  for (const formula of input.formulas) {
    const sheet = sheetIds.get(formula.sheet);
    const call = sheet === undefined ? undefined : callOf(formula, sheet, byLowerName);
    if (!call) return GIVE_UP;
    calls.push(call);
  }

  // Sizes and spill areas first: an argument must not read a cell any call spills into.
  const areas = new Areas();
  const sizes: Sized[] = [];
  for (const { formula, sheet, fn, args } of calls) {
    const shapes = args.map(shapeOf);
    for (let i = args.length; i < fn.arity; i++) shapes.push(undefined);
    const literals = shapes.map((_, i) => literalValue(args[i] ?? { kind: "omitted" }, typed, fn.isItem(i)));
    const size = predictedShape(fn, shapes, literals, settings);
    // Too large for a sheet or the cell budget: refused in one cell, as the plugin sizes it.
    const refusal = fn.tooLarge(size);
    const area = refusal ? { rows: 1, columns: 1 } : size;
    const box = { top: formula.row, left: formula.col, bottom: formula.row + area.rows - 1, right: formula.col + area.columns - 1 };
    if (box.bottom >= MAX_ROWS || box.right >= MAX_COLUMNS || !areas.add(sheet, box) || !spillsIntoEmpty(grids[sheet], box)) return GIVE_UP;
    sizes.push({ size, refusal });
  }

  const blocks: SpillBlock[] = [];
  try {
    calls.forEach((call, i) => blocks.push(run(call, sizes[i], settings, names, grids, areas)));
  } catch (error) {
    if (error instanceof GiveUp) return GIVE_UP;
    throw error;
  }
  if (areas.shareRows || !inOrder(blocks.map((b) => b.anchor), input.sheetNames)) {
    // Results side by side (or formulas listed out of order): walking block by block would not
    // be walking the cells in order, so the cells are made and sorted now.
    const cells = blockEvaluation(blocks).cells.slice();
    cells.sort(byPlace(input.sheetNames));
    return { cells, refused: [] };
  }
  return blockEvaluation(blocks);
}

function shapeOf(arg: WrittenArgument): Shape | undefined {
  if (arg.kind === "omitted") return undefined;
  if (arg.kind === "range") return { rows: arg.end.row - arg.start.row + 1, columns: arg.end.col - arg.start.col + 1 };
  return { rows: 1, columns: 1 };
}

/** Every cell of `box` but its anchor is empty. */
function spillsIntoEmpty(grid: RawCellContent[][], box: CellBox): boolean {
  for (let row = box.top; row <= box.bottom; row++) {
    const line = grid[row];
    if (!line) continue;
    for (let col = box.left; col <= box.right; col++) {
      if ((row !== box.top || col !== box.left) && line[col] !== null && line[col] !== undefined) return false;
    }
  }
  return true;
}

/** An argument's value as HyperFormula's plugin hands it to `invoke`. */
function argumentValue(arg: WrittenArgument, grids: RawCellContent[][][], areas: Areas): unknown {
  if (arg.kind === "omitted") return undefined;
  if (arg.kind === "literal") return arg.value;
  if (arg.kind === "expression") throw new GiveUp();
  const start = arg.kind === "cell" ? arg.at : arg.start;
  const end = arg.kind === "cell" ? arg.at : arg.end;
  // A range of millions of cells (a whole sheet written out) is left to HyperFormula's reading.
  if ((end.row - start.row + 1) * (end.col - start.col + 1) > MAX_READ) throw new GiveUp();
  if (areas.meets(start.sheet, { top: start.row, left: start.col, bottom: end.row, right: end.col })) throw new GiveUp();
  const grid = grids[start.sheet];
  const rows: unknown[][] = [];
  for (let row = start.row; row <= end.row; row++) {
    const line = grid[row];
    const values: unknown[] = [];
    for (let col = start.col; col <= end.col; col++) {
      const value = hostValue(line?.[col]);
      if (value === GIVE_UP) throw new GiveUp();
      values.push(value);
    }
    rows.push(values);
  }
  return arg.kind === "cell" ? rows[0][0] : rows;
}

function addressOf(arg: WrittenArgument, names: readonly string[]): string | undefined {
  if (arg.kind === "cell") return `${quotedSheet(names[arg.at.sheet])}!${a1(arg.at)}`;
  if (arg.kind === "range") return `${quotedSheet(names[arg.start.sheet])}!${a1(arg.start)}:${a1(arg.end)}`;
  return undefined;
}

/** A result cell as shown: an error as its text, with its type and message. */
function shownCell(cell: Cell): Pick<ComputedCell, "value" | "error"> {
  if (!isFunctionError(cell)) return { value: cell, error: undefined };
  const { type, text } = ERRORS[cell.code];
  return { value: text, error: { type, message: cell.message } };
}

/** Runs one call: its formula cell and the values it spills. */
function run(call: Call, { size, refusal }: Sized, settings: MpsSettings, names: readonly string[], grids: RawCellContent[][][], areas: Areas): SpillBlock {
  const { formula, fn, args } = call;
  const anchor: ComputedCell = { sheet: formula.sheet, row: formula.row, col: formula.col, key: cellKey(formula.sheet, formula), value: 0, error: undefined, formula };
  const site = { addresses: args.map((arg) => addressOf(arg, names)), caller: `${quotedSheet(names[call.sheet])}!${a1(formula)}` };
  const result = refusal ? { ok: false as const, ...refusal } : fn.run(args.map((arg) => argumentValue(arg, grids, areas)), settings, site);
  if (!result.ok) {
    const { type, text } = ERRORS[result.code];
    Object.assign(anchor, { value: text, error: { type, message: result.message } });
    return { anchor };
  }
  const output = result.output;
  if (!Array.isArray(output)) {
    // A single value where a spill was sized is padded by the plugin: left to HyperFormula.
    if (size.rows !== 1 || size.columns !== 1) throw new GiveUp();
    Object.assign(anchor, shownCell(output));
    return { anchor };
  }
  const rows = output.length;
  const columns = rows > 0 ? output[0].length : 0;
  if (rows === 0 || columns === 0 || output[0][0] === undefined || rows > size.rows || columns > size.columns) throw new GiveUp();
  Object.assign(anchor, shownCell(output[0][0]));
  if (size.rows === 1 && size.columns === 1) return { anchor };
  if (anchor.error) throw new GiveUp();
  for (const line of output) {
    // Error cells inside a spill: HyperFormula places them its own way; left to it.
    for (const cell of line) if (cell !== undefined && typeof cell === "object") throw new GiveUp();
  }
  const values = (output as (number | string)[][]).map((line) => SpilledRow.of(line));
  anchor.spill = spillBox(anchor, values);
  return { anchor, values };
}

/** The formula cells are in workbook order: sheet by sheet, row by row. */
function inOrder(cells: readonly ComputedCell[], sheetNames: readonly string[]): boolean {
  const compare = byPlace(sheetNames);
  for (let i = 1; i < cells.length; i++) if (compare(cells[i - 1], cells[i]) >= 0) return false;
  return true;
}
