/**
 * The direct path of the headless recalculation: MPS calls whose arguments are literals,
 * references to constant cells or to other calls' results — one `MPS.TABLE` per item, a
 * promise read from a table, as a planning workbook is laid out — are run as the HyperFormula
 * plugin runs them (the same sizing, the same `invoke`, the same arguments and cell addresses)
 * but without building HyperFormula's dependency graph and its array values, which cost ~100×
 * the planning itself. A call that reads another's result runs after it.
 *
 * Other formulas (and calls written with them: names, nested calls, `-1`, `TRUE`) are listed for
 * beside.ts. The calls are given up, and `evaluate` uses HyperFormula, as soon as anything could
 * make the answers differ: an argument that reads an error value, a formula the caller did not
 * compute first, a text HyperFormula would read as a number, a result's error or a cell a result
 * leaves empty; calls that read each other in a circle; a spill that would not fit, meet a
 * filled cell or another spill, and results whose shape or error cells the plugin pads or places
 * differently. Same numbers, same messages: `test/recalc/direct.test.ts` compares both paths on
 * every workbook of the tests and on random ones.
 */
import type { RawCellContent } from "hyperformula";
import { isFunctionError } from "../functions/cells";
import type { Cell, Shape } from "../functions/define";
import type { MpsSettings } from "../shared/settings";
import { a1, boxesMeet, boxHolds, cellKey, columnIndex, MAX_COLUMNS, MAX_ROWS, type CellBox } from "./address";
import { blockEvaluation, byPlace, spillBox, SpilledRow, valueAt, type SpillBlock } from "./blocks";
import type { ComputedCell, Evaluation, RefusedCell } from "./evaluate";
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

/** The cells an argument read. */
interface Read {
  sheet: number;
  box: CellBox;
}

/** A call's spill area, and the call's index. */
interface Area {
  box: CellBox;
  owner: number;
}

/** Spill areas by sheet and row, to find what meets them. */
class Areas {
  private readonly rows = new Map<number, Area[]>();

  private key(sheet: number, row: number): number {
    return sheet * MAX_ROWS + row;
  }

  /** Adds the area of call `owner`; false when it meets one already there. */
  add(sheet: number, box: CellBox, owner: number): boolean {
    if (this.meets(sheet, box)) return false;
    for (let row = box.top; row <= box.bottom; row++) {
      const key = this.key(sheet, row);
      const line = this.rows.get(key);
      if (line) line.push({ box, owner });
      else this.rows.set(key, [{ box, owner }]);
    }
    return true;
  }

  meets(sheet: number, box: CellBox): boolean {
    return this.met(sheet, box).length > 0;
  }

  /** The areas `box` meets, each once. */
  met(sheet: number, box: CellBox): Area[] {
    const found: Area[] = [];
    const visit = (line: Area[] | undefined) => {
      if (line) for (const area of line) if (boxesMeet(area.box, box) && !found.includes(area)) found.push(area);
    };
    if (box.bottom - box.top < this.rows.size) {
      for (let row = box.top; row <= box.bottom; row++) visit(this.rows.get(this.key(sheet, row)));
    } else {
      // A box taller than the rows held (a whole column): the rows held are fewer to look through.
      const [first, last] = [this.key(sheet, box.top), this.key(sheet, box.bottom)];
      for (const [key, line] of this.rows) if (key >= first && key <= last) visit(line);
    }
    return found;
  }
}

/** Boxes that may overlap (the cells arguments read), to find those holding a cell. */
class BoxIndex {
  /** Boxes of a few rows, by sheet and row. */
  private readonly rows = new Map<number, CellBox[]>();
  /** Taller boxes (a whole column), looked through one by one. */
  private readonly tall: (CellBox & { sheet: number })[] = [];

  add(sheet: number, box: CellBox): void {
    if (box.bottom - box.top >= TALL_BOX) {
      this.tall.push({ ...box, sheet });
      return;
    }
    for (let row = box.top; row <= box.bottom; row++) {
      const key = sheet * MAX_ROWS + row;
      const line = this.rows.get(key);
      if (line) line.push(box);
      else this.rows.set(key, [box]);
    }
  }

  holds(sheet: number, row: number, col: number): boolean {
    const inside = (box: CellBox) => boxHolds(box, row, col);
    return (this.rows.get(sheet * MAX_ROWS + row) ?? []).some(inside) || this.tall.some((box) => box.sheet === sheet && inside(box));
  }
}

/** Rows from which an argument's box is kept whole rather than row by row. */
const TALL_BOX = 256;

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
 * The plain MPS calls of a workbook, sized and placed, ready to run without HyperFormula, and its
 * other formulas, left to HyperFormula (beside.ts evaluates those on the cells they read).
 */
export interface DirectCalls {
  /** The formulas that are no plain MPS call, in the order of the workbook's formulas. */
  others: FormulaCell[];
  /** The cells the calls' results fill, as sized before running. */
  resultCells: number;
  /** A box of a sheet (by name) meets what a call spills. */
  meetsResults(sheet: string, box: CellBox): boolean;
  /** A cell of a sheet (by name) is one a call's argument reads. */
  readsCell(sheet: string, row: number, col: number): boolean;
  /** A reference written in a formula on `sheet` ("B5:BA5", "'Plan 2'!$B$5:$BA$5") as a box of a sheet (by name); undefined for anything else. */
  referenceBox(sheet: string, text: string): (CellBox & { sheet: string }) | undefined;
  /**
   * Runs the calls. `computed`: cells other formulas fill (and what they fill them with, as a
   * cell typed so), which the calls read instead of the formulas.
   * @returns undefined when a call cannot be run so (see the module's comment)
   */
  run(computed?: readonly ComputedContent[]): RanCalls | undefined;
}

/** A cell another formula filled, as HyperFormula would hold it typed (text as "'text"). */
export interface ComputedContent {
  sheet: string;
  row: number;
  col: number;
  content: RawCellContent;
}

/** The calls, run. */
export interface RanCalls {
  /** One per call, in the order of the workbook's formulas. */
  blocks: SpillBlock[];
  /** A box of a sheet (by name) meets what a call spills or a cell a call's argument read. */
  meets(sheet: string, box: CellBox): boolean;
  /**
   * A box of a sheet (by name) meets a cell of a call's area that its result does not fill with
   * a value: HyperFormula fills a refused call's whole area with its error.
   */
  meetsUnfilled(sheet: string, box: CellBox): boolean;
}

/**
 * Reads the plain MPS calls of a workbook, sizes them and places their results. Sheets are
 * numbered as HyperFormula numbers them (`sheetIdsOfNames`), so that addresses and messages match.
 * @returns undefined when the calls cannot be run so (see the module's comment): HyperFormula
 *   must then evaluate the whole workbook
 */
export function directCalls(input: EngineInput, settings: MpsSettings): DirectCalls | undefined {
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
  const others: FormulaCell[] = [];
  for (const formula of input.formulas) {
    const sheet = sheetIds.get(formula.sheet);
    const call = sheet === undefined ? undefined : callOf(formula, sheet, byLowerName);
    if (call) calls.push(call);
    else others.push(formula);
  }

  // Sizes and spill areas first: they decide which call reads which.
  const areas = new Areas();
  const sizes: Sized[] = [];
  let resultCells = 0;
  for (const [index, { formula, sheet, fn, args }] of calls.entries()) {
    const shapes = args.map(shapeOf);
    for (let i = args.length; i < fn.arity; i++) shapes.push(undefined);
    const literals = shapes.map((_, i) => literalValue(args[i] ?? { kind: "omitted" }, typed, fn.isItem(i)));
    const size = predictedShape(fn, shapes, literals, settings);
    // Too large for a sheet or the cell budget: refused in one cell, as the plugin sizes it.
    const refusal = fn.tooLarge(size);
    const area = refusal ? { rows: 1, columns: 1 } : size;
    const box = { top: formula.row, left: formula.col, bottom: formula.row + area.rows - 1, right: formula.col + area.columns - 1 };
    if (box.bottom >= MAX_ROWS || box.right >= MAX_COLUMNS || !areas.add(sheet, box, index) || !spillsIntoEmpty(grids[sheet], box)) return GIVE_UP;
    sizes.push({ size, refusal });
    resultCells += area.rows * area.columns;
  }
  const order = runOrder(calls, areas);
  if (!order) return GIVE_UP;

  const meetsResults = (sheet: string, box: CellBox) => {
    const id = sheetIds.get(sheet);
    return id !== undefined && areas.meets(id, box);
  };
  const run = (computed: readonly ComputedContent[] = []): RanCalls | undefined => {
    const blocks: SpillBlock[] = [];
    const reads: Read[] = [];
    const sources = { grids: withComputed(grids, computed, sheetIds), areas, blocks, reads };
    try {
      for (const i of order) blocks[i] = runCall(calls[i], sizes[i], settings, names, sources);
    } catch (error) {
      if (error instanceof GiveUp) return GIVE_UP;
      throw error;
    }
    const meets = (sheet: string, box: CellBox) => {
      const id = sheetIds.get(sheet);
      return id !== undefined && (areas.meets(id, box) || reads.some((read) => read.sheet === id && boxesMeet(read.box, box)));
    };
    const meetsUnfilled = (sheet: string, box: CellBox) => {
      const id = sheetIds.get(sheet);
      return id !== undefined && areas.met(id, box).some((area) => !fills(blocks[area.owner], area.box, box));
    };
    return { blocks, meets, meetsUnfilled };
  };
  // Made when first asked (only beside.ts asks).
  let argumentBoxes: BoxIndex | undefined;
  const readsCell = (sheet: string, row: number, col: number) => {
    const id = sheetIds.get(sheet);
    if (id === undefined) return false;
    if (!argumentBoxes) {
      argumentBoxes = new BoxIndex();
      for (const call of calls) {
        for (const arg of call.args) {
          const box = boxOf(arg);
          if (box) argumentBoxes.add(box.sheet, box);
        }
      }
    }
    return argumentBoxes.holds(id, row, col);
  };
  const referenceBox = (sheet: string, text: string) => {
    const id = sheetIds.get(sheet);
    const arg = id === undefined ? undefined : writtenArgument(text, id, byLowerName);
    const box = arg && boxOf(arg);
    return box && { ...box, sheet: names[box.sheet] };
  };
  return { others, resultCells, meetsResults, readsCell, referenceBox, run };
}

/** The block's result holds a value in every cell of its area inside `box`. */
function fills({ anchor, values }: SpillBlock, area: CellBox, box: CellBox): boolean {
  if (anchor.error) return false;
  for (let row = Math.max(area.top, box.top); row <= Math.min(area.bottom, box.bottom); row++) {
    const line = values?.[row - anchor.row];
    for (let col = Math.max(area.left, box.left); col <= Math.min(area.right, box.right); col++) {
      if ((row !== anchor.row || col !== anchor.col) && line?.at(col - anchor.col) === undefined) return false;
    }
  }
  return true;
}

/** The grids with the computed cells in place (the rows they touch copied, the rest shared). */
function withComputed(grids: RawCellContent[][][], computed: readonly ComputedContent[], sheetIds: ReadonlyMap<string, number>): RawCellContent[][][] {
  if (computed.length === 0) return grids;
  const copied = grids.slice();
  const rowsCopied = new Set<RawCellContent[]>();
  for (const { sheet, row, col, content } of computed) {
    const id = sheetIds.get(sheet)!;
    if (copied[id] === grids[id]) copied[id] = grids[id].slice();
    let line = copied[id][row] ?? [];
    if (!rowsCopied.has(line)) {
      line = line.slice();
      rowsCopied.add(line);
      copied[id][row] = line;
    }
    line[col] = content;
  }
  return copied;
}

/**
 * The order to run the calls in: a call whose argument reads what another spills runs after it,
 * as HyperFormula evaluates them; undefined for calls that read their own result, in a circle.
 */
function runOrder(calls: readonly Call[], areas: Areas): number[] | undefined {
  const after = calls.map((call) => {
    const read = new Set<number>();
    for (const arg of call.args) {
      const box = boxOf(arg);
      if (box) for (const { owner } of areas.met(box.sheet, box)) read.add(owner);
    }
    return [...read];
  });
  const order: number[] = [];
  // 0: not yet visited, 1: being visited (on the path), 2: placed.
  const state = new Uint8Array(calls.length);
  for (let first = 0; first < calls.length; first++) {
    if (state[first] !== 0) continue;
    const path: { call: number; next: number }[] = [{ call: first, next: 0 }];
    state[first] = 1;
    while (path.length > 0) {
      const top = path[path.length - 1];
      if (top.next < after[top.call].length) {
        const read = after[top.call][top.next++];
        if (state[read] === 1) return undefined;
        if (state[read] === 0) {
          state[read] = 1;
          path.push({ call: read, next: 0 });
        }
        continue;
      }
      state[top.call] = 2;
      order.push(top.call);
      path.pop();
    }
  }
  return order;
}

/** The cells an argument reads, on its sheet; undefined for a literal or an omitted one. */
function boxOf(arg: WrittenArgument): (CellBox & { sheet: number }) | undefined {
  if (arg.kind === "cell") return { sheet: arg.at.sheet, top: arg.at.row, left: arg.at.col, bottom: arg.at.row, right: arg.at.col };
  if (arg.kind === "range") return { sheet: arg.start.sheet, top: arg.start.row, left: arg.start.col, bottom: arg.end.row, right: arg.end.col };
  return undefined;
}

/**
 * Evaluates the workbook without HyperFormula when every formula is a plain MPS call.
 * @returns the evaluation `evaluate` would return, or undefined when HyperFormula must evaluate
 */
export function evaluateDirectly(input: EngineInput, settings: MpsSettings): Evaluation | undefined {
  if (input.formulas.length === 0) return GIVE_UP;
  const direct = directCalls(input, settings);
  const ran = direct && direct.others.length === 0 ? direct.run() : GIVE_UP;
  return ran && inOrderEvaluation(ran.blocks, input.sheetNames);
}

/**
 * Blocks as an evaluation: kept as blocks when they are in workbook order (by their formula
 * cells); else (formulas listed out of order) their cells, sorted.
 */
export function inOrderEvaluation(blocks: readonly SpillBlock[], sheetNames: readonly string[], refused: RefusedCell[] = []): Evaluation {
  if (inOrder(blocks.map((b) => b.anchor), sheetNames)) return blockEvaluation(blocks, refused);
  const cells = blockEvaluation(blocks).cells.slice();
  cells.sort(byPlace(sheetNames));
  return { cells, refused };
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

/** What the calls read from: the sheets' constants and the results of the calls run before. */
interface Sources {
  grids: RawCellContent[][][];
  areas: Areas;
  /** By call index; a call's block is there once it has run. */
  blocks: SpillBlock[];
  /** Every cell an argument read, to tell HyperFormula's part (beside.ts) what must not change. */
  reads: Read[];
}

/** An argument's value as HyperFormula's plugin hands it to `invoke`. */
function argumentValue(arg: WrittenArgument, { grids, areas, blocks, reads }: Sources): unknown {
  if (arg.kind === "omitted") return undefined;
  if (arg.kind === "literal") return arg.value;
  if (arg.kind === "expression") throw new GiveUp();
  const box = boxOf(arg)!;
  // A range of millions of cells (a whole sheet written out) is left to HyperFormula's reading.
  if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > MAX_READ) throw new GiveUp();
  reads.push({ sheet: box.sheet, box });
  const results = areas.met(box.sheet, box);
  const grid = grids[box.sheet];
  const rows: unknown[][] = [];
  for (let row = box.top; row <= box.bottom; row++) {
    const line = grid[row];
    const values: unknown[] = [];
    for (let col = box.left; col <= box.right; col++) {
      const area = results.length === 0 ? undefined : results.find((a) => boxHolds(a.box, row, col));
      const value = area ? resultValue(blocks[area.owner], row, col) : hostValue(line?.[col]);
      if (value === GIVE_UP) throw new GiveUp();
      values.push(value);
    }
    rows.push(values);
  }
  return arg.kind === "cell" ? rows[0][0] : rows;
}

/**
 * A cell of another call's result as HyperFormula hands it on: its value. GIVE_UP for an error
 * (HyperFormula passes it on with its own message) and for a cell of the area the result left
 * empty.
 */
function resultValue(block: SpillBlock, row: number, col: number): unknown {
  if (row === block.anchor.row && col === block.anchor.col && block.anchor.error) return GIVE_UP;
  const value = valueAt(block, row, col);
  return value === undefined ? GIVE_UP : value;
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
function runCall(call: Call, { size, refusal }: Sized, settings: MpsSettings, names: readonly string[], sources: Sources): SpillBlock {
  const { formula, fn, args } = call;
  const anchor: ComputedCell = { sheet: formula.sheet, row: formula.row, col: formula.col, key: cellKey(formula.sheet, formula), value: 0, error: undefined, formula };
  const site = { addresses: args.map((arg) => addressOf(arg, names)), caller: `${quotedSheet(names[call.sheet])}!${a1(formula)}` };
  const result = refusal ? { ok: false as const, ...refusal } : fn.run(args.map((arg) => argumentValue(arg, sources)), settings, site);
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
