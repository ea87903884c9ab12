/**
 * A planning workbook with other formulas beside its MPS calls — a row of period dates the calls
 * read, a total, a SUM of a planning row, a lookup of a label — evaluated without building
 * HyperFormula on the whole workbook. Built on all of it, HyperFormula spends ~1 s on the
 * 1,000-item bench workbook for one SUM; the cells the SUM reads cost it nothing.
 *
 * Totals (`=SUM`, `AVERAGE`, `MIN`, `MAX` or `COUNT` of one row or one column of constants and
 * results, read by no formula) are worked out here as HyperFormula works them out: a total beside
 * every planning row would cost HyperFormula more than the rest of the workbook. The other
 * formulas are split by what they read. Those that read no MPS result (directly or through one
 * another) are evaluated first, by HyperFormula on a copy of the workbook holding only the cells
 * they read; the MPS calls then run directly (direct.ts), reading their values; then
 * HyperFormula evaluates all the other formulas again, on the cells they read, with the MPS
 * results as constants.
 *
 * It gives up (and `evaluate` takes the whole workbook) wherever that could differ from
 * HyperFormula on the whole workbook: an MPS call that reads a formula of the second kind, or a
 * cell such a formula spills into; a first-kind formula giving another value the second time; a
 * spill of another formula that meets an MPS result or a cell that is not empty in the whole
 * workbook; a cell of an MPS result's area read where the result holds no value (a refused call
 * fills its area with its error); a total over an error value or text HyperFormula would read as
 * a number, an average of no numbers; any refused formula (the cells computed from it come from
 * HyperFormula's graph of the whole workbook); a formula that asks whether a cell holds a
 * formula (ISFORMULA, FORMULATEXT), which a constant does not.
 * `test/recalc/beside.test.ts` compares both ways on workbooks that mix them.
 */
import type { RawCellContent } from "hyperformula";
import type { MpsSettings } from "../shared/settings";
import { boxesMeet, cellKey, type CellBox } from "./address";
import { blockEvaluation, blockRows, byPlace, valueAt, type BlockRows, type SpillBlock } from "./blocks";
import { inOrderEvaluation, type ComputedContent, type DirectCalls } from "./direct";
import type { ComputedCell, Evaluation, EvaluateOptions, ReadBox } from "./evaluate";
import { calledFunctions } from "./formula";
import type { EngineInput, FormulaCell } from "./toSheets";

/** Whether a box of a sheet meets cells of the calls (their results, or what they read too). */
type Meets = (sheet: string, box: CellBox) => boolean;

/** HyperFormula's error type for a spill it could not place. */
const SPILL = "SPILL";

/** Functions whose answer depends on whether a cell holds a formula, which a constant here does not. */
const ASKS_ABOUT_FORMULAS = /^(?:ISFORMULA|FORMULATEXT)$/i;

/**
 * Evaluates a workbook whose formulas are MPS calls the direct path takes and other formulas.
 * @returns the whole workbook's evaluation, or undefined when HyperFormula must evaluate all of it
 */
export function evaluateBeside(input: EngineInput, direct: DirectCalls, settings: MpsSettings, options: EvaluateOptions): Evaluation | undefined {
  const { others } = direct;
  if (others.some((f) => calledFunctions(f.engineFormula).some((name) => ASKS_ABOUT_FORMULAS.test(name)))) return undefined;
  const formulaCells = new FormulaCells(others);
  const totals = totalsOf(direct, formulaCells);
  let rest = others.filter((f) => !totals.has(f));
  const readsOf = new Map<FormulaCell, ReadBox[]>();
  // require, not import(): see evaluateWorkbook (recalc.ts). Not even loaded for totals alone.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hyperFormula = rest.length > 0 ? (require("./evaluate") as typeof import("./evaluate")) : undefined;
  if (hyperFormula) {
    const found = hyperFormula.cellsRead({ ...input, formulas: rest }, settings, options);
    if (!found) return undefined;
    rest.forEach((f, i) => readsOf.set(f, found[i]));
    // A total another formula reads is left to HyperFormula with it (it reads no formula itself).
    const totalCells = new FormulaCells([...totals.keys()]);
    for (const box of found.flat()) {
      totalCells.visitIn(box, (f) => {
        const total = totals.get(f);
        if (!total) return;
        readsOf.set(f, [total.box]);
        totals.delete(f);
      });
    }
    rest = others.filter((f) => !totals.has(f));
  }
  const reads = rest.map((f) => readsOf.get(f)!);
  const evaluateOthers = (formulas: FormulaCell[], read: ReadBox[], blocks: readonly SpillBlock[]): Evaluation | undefined => {
    if (formulas.length === 0) return { cells: [], refused: [] };
    const sheets = sheetsRead(input, read, blocks, formulas);
    const evaluated = hyperFormula!.evaluate({ ...input, formulas, sheets }, settings, { ...options, typed: input.sheets });
    return evaluated.ok ? evaluated.value : undefined;
  };

  // First the formulas the calls may read: those that read no MPS result.
  const late = readingResults(rest, reads, direct);
  if (rest.some((f, i) => late[i] && direct.readsCell(f.sheet, f.row, f.col))) return undefined;
  const early = rest.filter((_, i) => !late[i]);
  const totalBoxes = [...totals.values()].map((total) => total.box);
  const meetsTotals = (sheet: string, box: CellBox) => totalBoxes.some((total) => total.sheet === sheet && boxesMeet(total, box));
  let first: Evaluation | undefined;
  if (early.some((f) => direct.readsCell(f.sheet, f.row, f.col))) {
    first = evaluateOthers(early, reads.filter((_, i) => !late[i]).flat(), []);
    const meets: Meets = (sheet, box) => direct.meetsResults(sheet, box) || meetsTotals(sheet, box);
    if (!first || first.refused.length > 0 || !placedAlike(input, first.cells, () => meets)) return undefined;
  }
  const ran = direct.run(first ? contentsOf(first.cells) : undefined);
  if (!ran) return undefined;

  const read = [...reads.flat(), ...totalBoxes];
  if (read.some((box) => ran.meetsUnfilled(box.sheet, box))) return undefined;
  const evaluated = evaluateOthers(rest, reads.flat(), ran.blocks);
  if (!evaluated) return undefined;
  // A refusal lists the formulas computed from the refused cell, from HyperFormula's graph, which
  // differs on a copy holding fewer cells (an empty cell read through a range may have no node).
  if (evaluated.refused.length > 0) return undefined;
  const { cells } = evaluated;
  // What the first evaluation spilled the calls have read; anything else they must not read.
  const fed = new Set(first?.cells.map((cell) => cell.formula));
  const meetsFed: Meets = (sheet, box) => direct.meetsResults(sheet, box) || meetsTotals(sheet, box);
  const meetsLate: Meets = (sheet, box) => ran.meets(sheet, box) || meetsTotals(sheet, box);
  if (!placedAlike(input, cells, (cell) => (fed.has(cell.formula) ? meetsFed : meetsLate))) return undefined;
  if (first && !sameCells(first.cells, cells)) return undefined;
  const totalled = totalCells(input, totals, ran.blocks);
  return totalled && merged(input, ran.blocks, { cells: [...cells, ...totalled], refused: [] });
}

/** The cells of formulas, by sheet and row, to find those inside a box. */
class FormulaCells {
  private readonly at = new Map<string, Map<number, FormulaCell[]>>();

  constructor(formulas: readonly FormulaCell[]) {
    for (const formula of formulas) {
      let rows = this.at.get(formula.sheet);
      if (!rows) this.at.set(formula.sheet, (rows = new Map()));
      let line = rows.get(formula.row);
      if (!line) rows.set(formula.row, (line = []));
      line.push(formula);
    }
  }

  /** Hands `visit` each formula whose cell is inside `box`. */
  visitIn(box: ReadBox, visit: (formula: FormulaCell) => void): void {
    const rows = this.at.get(box.sheet);
    if (!rows) return;
    const inLine = (line: FormulaCell[] | undefined) => {
      for (const f of line ?? []) if (f.col >= box.left && f.col <= box.right) visit(f);
    };
    // A tall box (a whole column) looks through the rows held instead of its own.
    if (box.bottom - box.top < rows.size) for (let row = box.top; row <= box.bottom; row++) inLine(rows.get(row));
    else for (const [row, line] of rows) if (row >= box.top && row <= box.bottom) inLine(line);
  }

  holdsAny(box: ReadBox): boolean {
    let found = false;
    this.visitIn(box, () => (found = true));
    return found;
  }
}

/** `=SUM(B5:BA5)`, `=MIN(B10:BA10)`: a total of one row or column, the kind a planner writes beside a plan. */
const TOTAL = /^=\s*(SUM|AVERAGE|MIN|MAX|COUNT)\s*\(([^(),;"]+)\)\s*$/i;

type TotalKind = "SUM" | "AVERAGE" | "MIN" | "MAX" | "COUNT";

/** A total: what it works out, over which cells. */
interface Total {
  kind: TotalKind;
  box: ReadBox;
}

/** The formula may be a total `evaluateBeside` works out without HyperFormula (`totalsOf` decides). */
export function isTotal(formula: FormulaCell): boolean {
  return TOTAL.test(formula.engineFormula);
}

/**
 * The totals among the other formulas, worked out here as HyperFormula works them out, with
 * what each is and the cells it reads: one row or one column that holds no formula but the
 * calls' (their results are read), of a total no call reads. Thousands of them (a total beside every planning row) cost HyperFormula
 * more than the rest of the workbook.
 */
function totalsOf(direct: DirectCalls, formulaCells: FormulaCells): Map<FormulaCell, Total> {
  const totals = new Map<FormulaCell, Total>();
  for (const formula of direct.others) {
    const written = TOTAL.exec(formula.engineFormula);
    const box = written ? direct.referenceBox(formula.sheet, written[2].trim()) : undefined;
    if (!written || !box || (box.top !== box.bottom && box.left !== box.right)) continue;
    if (direct.readsCell(formula.sheet, formula.row, formula.col) || formulaCells.holdsAny(box)) continue;
    totals.set(formula, { kind: written[1].toUpperCase() as TotalKind, box });
  }
  return totals;
}

/**
 * A total's value from the numbers it reads, as HyperFormula's function gives it: SUM adds them
 * in order to the 0 it starts from (so −0 sums to 0), AVERAGE divides that sum by their count,
 * MIN and MAX of no numbers are 0.
 * @returns undefined for an average of no numbers (HyperFormula's #DIV/0!) or a sum past the
 *   largest number (SUM's and AVERAGE's #NUM!; MIN, MAX and COUNT are given up then all the
 *   same): HyperFormula's to work out
 */
function totalValue(kind: TotalKind, sum: number, count: number, min: number, max: number): number | undefined {
  if (!Number.isFinite(sum)) return undefined;
  switch (kind) {
    case "SUM":
      return sum + 0;
    case "AVERAGE":
      return count === 0 ? undefined : sum / count;
    case "MIN":
      return count === 0 ? 0 : min;
    case "MAX":
      return count === 0 ? 0 : max;
    case "COUNT":
      return count;
  }
}

/**
 * The totals' cells, from the numbers of each row or column in order (text, logical values and
 * empty cells left out, as HyperFormula leaves them out of a range; see `totalValue`).
 * @returns undefined when a cell holds something HyperFormula would read otherwise (an error
 *   value, text it would read as a number), or a total is HyperFormula's error
 */
function totalCells(input: EngineInput, totals: ReadonlyMap<FormulaCell, Total>, blocks: readonly SpillBlock[]): ComputedCell[] | undefined {
  const byRow = blockRows(blocks);
  const cells: ComputedCell[] = [];
  for (const [formula, { kind, box }] of totals) {
    const grid = input.sheets[box.sheet] ?? [];
    const results = byRow.get(box.sheet);
    let sum = 0;
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let row = box.top; row <= Math.min(box.bottom, Math.max(grid.length - 1, lastRow(results))); row++) {
      const line = grid[row] ?? [];
      const onRow = results?.blocksOf(row) ?? [];
      let last = line.length - 1;
      for (const { anchor, values } of onRow) last = Math.max(last, anchor.col + (values?.[row - anchor.row]?.length ?? 1) - 1);
      for (let col = box.left; col <= Math.min(box.right, last); col++) {
        const block = onRow.find(({ anchor, values }) => col >= anchor.col && col < anchor.col + (values?.[row - anchor.row]?.length ?? 1));
        const value = block ? valueAt(block, row, col) : line[col];
        if (typeof value === "number") {
          sum += value;
          count++;
          min = Math.min(min, value);
          max = Math.max(max, value);
        } else if (typeof value === "string" && !(block || value.startsWith("'"))) return undefined;
      }
    }
    const value = totalValue(kind, sum, count, min, max);
    if (value === undefined) return undefined;
    cells.push({ sheet: formula.sheet, row: formula.row, col: formula.col, key: cellKey(formula.sheet, formula), value, error: undefined, formula });
  }
  return cells;
}

/** The last row a sheet's blocks fill; -1 for none. */
function lastRow(rows: BlockRows | undefined): number {
  return rows && rows.rows.length > 0 ? rows.rows[rows.rows.length - 1] : -1;
}

/**
 * Which of the other formulas read an MPS result: directly (a box meets a call's area) or through
 * one another (a box holds such a formula's cell). By index in `others`.
 */
function readingResults(others: readonly FormulaCell[], reads: readonly ReadBox[][], direct: DirectCalls): boolean[] {
  const late = others.map((_, i) => reads[i].some((box) => direct.meetsResults(box.sheet, box)));
  // Who reads whom, through the formulas' cells.
  const index = new Map(others.map((f, i) => [f, i]));
  const cells = new FormulaCells(others);
  const readers: number[][] = others.map(() => []);
  reads.forEach((boxes, reader) => {
    for (const box of boxes) cells.visitIn(box, (f) => readers[index.get(f)!].push(reader));
  });
  const queue = late.flatMap((isLate, i) => (isLate ? [i] : []));
  while (queue.length > 0) {
    for (const reader of readers[queue.pop()!]) {
      if (late[reader]) continue;
      late[reader] = true;
      queue.push(reader);
    }
  }
  return late;
}

/** Cells the other formulas filled, as the calls read them: an error as its text, which no call takes. */
function contentsOf(cells: readonly ComputedCell[]): ComputedContent[] {
  return cells.map(({ sheet, row, col, value, error }) => ({ sheet, row, col, content: error ? String(value) : constant(value) }));
}

/**
 * The other formulas' results are placed in this copy as in the whole workbook: no spill was
 * blocked (maybe by another cell there), and none meets an MPS result, an argument's cell, or a
 * cell that is not empty in the whole workbook.
 */
function placedAlike(input: EngineInput, cells: readonly ComputedCell[], mustNotMeet: (cell: ComputedCell) => Meets): boolean {
  for (const cell of cells) {
    if (!cell.formula) continue;
    if (cell.error?.type === SPILL) return false;
    if (cell.spill && !spillsFree(input, mustNotMeet(cell), cell.sheet, cell.spill, cell)) return false;
  }
  return true;
}

/** The first evaluation's cells are in the second, with the same values. */
function sameCells(first: readonly ComputedCell[], second: readonly ComputedCell[]): boolean {
  const byKey = new Map(second.map((cell) => [cell.key, cell]));
  return first.every((cell) => {
    const again = byKey.get(cell.key);
    return again !== undefined && Object.is(again.value, cell.value) && again.error?.message === cell.error?.message;
  });
}

/** The calls' blocks and the other formulas' cells, in workbook order. */
function merged(input: EngineInput, blocks: readonly SpillBlock[], { cells, refused }: Evaluation): Evaluation {
  if (cells.every((cell) => cell.formula && !cell.spill)) {
    // Other formulas of one cell each: kept as blocks with the results, in workbook order.
    const compare = byPlace(input.sheetNames);
    const all = [...blocks, ...cells.map((anchor) => ({ anchor }))].sort((x, y) => compare(x.anchor, y.anchor));
    return inOrderEvaluation(all, input.sheetNames, refused);
  }
  return { cells: [...blockEvaluation(blocks).cells, ...cells].sort(byPlace(input.sheetNames)), refused };
}

/**
 * The workbook's sheets holding only the cells in `read` and the other formulas (as `input.sheets`
 * holds them), with the values of the MPS results in `read` in place of the calls.
 */
function sheetsRead(input: EngineInput, read: readonly ReadBox[], blocks: readonly SpillBlock[], others: readonly FormulaCell[]): Record<string, RawCellContent[][]> {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const name of input.sheetNames) sheets[name] = [];
  const put = (sheet: string, row: number, col: number, content: RawCellContent) => {
    const grid = sheets[sheet];
    for (let r = grid.length; r <= row; r++) grid.push([]);
    grid[row][col] = content;
  };
  for (const box of read) {
    const grid = input.sheets[box.sheet] ?? [];
    for (let row = box.top; row <= Math.min(box.bottom, grid.length - 1); row++) {
      const line = grid[row];
      if (!line) continue;
      for (let col = box.left; col <= Math.min(box.right, line.length - 1); col++) {
        const content = line[col];
        if (content !== null && content !== undefined) put(box.sheet, row, col, content);
      }
    }
  }
  // The rows each result fills, by sheet: a box then meets only the results of its own rows.
  const byRow = blockRows(blocks);
  for (const box of read) {
    const rows = byRow.get(box.sheet);
    for (let row = box.top; row <= Math.min(box.bottom, lastRow(rows)); row++) {
      for (const block of rows?.blocksOf(row) ?? []) {
        const line = block.values?.[row - block.anchor.row];
        const right = Math.min(box.right, block.anchor.col + (line ? line.length - 1 : 0));
        for (let col = Math.max(box.left, block.anchor.col); col <= right; col++) {
          const value = valueAt(block, row, col);
          if (value !== undefined) put(box.sheet, row, col, constant(value));
        }
      }
    }
  }
  for (const { sheet, row, col } of others) put(sheet, row, col, input.sheets[sheet][row][col]);
  return sheets;
}

/** A value an MPS call shows, as a constant HyperFormula reads as that value (text never as a number or date). */
function constant(value: number | string | boolean): RawCellContent {
  return typeof value === "string" ? `'${value}` : value;
}

/**
 * What another formula spills (or a refused one kept) meets no MPS result and no cell an MPS
 * call read, and only cells empty in the whole workbook: it would be placed the same there.
 */
function spillsFree(input: EngineInput, meets: Meets, sheet: string, box: CellBox, anchor: { row: number; col: number }): boolean {
  if (meets(sheet, box)) return false;
  const grid = input.sheets[sheet] ?? [];
  for (let row = box.top; row <= Math.min(box.bottom, grid.length - 1); row++) {
    const line = grid[row];
    if (!line) continue;
    for (let col = box.left; col <= Math.min(box.right, line.length - 1); col++) {
      if (row === anchor.row && col === anchor.col) continue;
      if (line[col] !== null && line[col] !== undefined) return false;
    }
  }
  return true;
}
