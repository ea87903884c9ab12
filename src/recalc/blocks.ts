/**
 * An evaluation kept as blocks — each formula cell with the grid it spills — instead of one
 * object per cell. A planning workbook spills half a million cells; held as objects until the
 * report is written they cost more (allocation and the garbage collector moving them) than
 * planning them. The JSON report walks their values (`valuesOf`) and `--out` makes a row's cells
 * when it reaches the row (`rowsBySheet`); `cells` is made in full only for whoever reads it.
 */
import { cellKey, unionBox, type CellBox } from "./address";
import type { ComputedCell, Evaluation, RefusedCell, Shown } from "./evaluate";

/** Compares cells in workbook order: sheet by sheet (in `sheetNames` order), then row, then column. */
export function byPlace(sheetNames: readonly string[]): (x: CellPlace, y: CellPlace) => number {
  const order = new Map(sheetNames.map((name, i) => [name, i]));
  return (x, y) => order.get(x.sheet)! - order.get(y.sheet)! || x.row - y.row || x.col - y.col;
}

/** Where a computed or refused cell is. */
type CellPlace = { sheet: string; row: number; col: number };

/** A value a result spills; undefined where a result is shorter than its rows. */
export type SpilledValue = number | string | undefined;

/**
 * One row of a result as kept. A planning record's row is a label and then numbers: those are
 * kept unboxed in a Float64Array (half a million numbers held as objects until the report is
 * written are what the garbage collector spends its time on); any other row as its cells.
 */
export class SpilledRow {
  private constructor(
    private readonly first: SpilledValue,
    /** The values from index 1 on, unboxed, when all of them are numbers (index `c` at `c - 1`). */
    readonly numbers: Float64Array | undefined,
    private readonly cells: readonly SpilledValue[] | undefined,
    readonly length: number,
  ) {}

  static of(cells: readonly SpilledValue[]): SpilledRow {
    const length = cells.length;
    if (length < 2) return new SpilledRow(undefined, undefined, cells, length);
    const numbers = new Float64Array(length - 1);
    for (let c = 1; c < length; c++) {
      const value = cells[c];
      if (typeof value !== "number") return new SpilledRow(undefined, undefined, cells, length);
      numbers[c - 1] = value;
    }
    return new SpilledRow(cells[0], numbers, undefined, length);
  }

  at(c: number): SpilledValue {
    if (this.numbers) return c === 0 ? this.first : this.numbers[c - 1];
    return this.cells![c];
  }
}

/** A formula cell and the rows it spills into the cells to its right and below (its own value first). */
export interface SpillBlock {
  anchor: ComputedCell;
  values?: readonly SpilledRow[];
}

/** A cell a result spills into: its key is spelled only when asked for. */
export class SpilledCell implements ComputedCell {
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly col: number,
    readonly value: number | string,
  ) {}

  get key(): string {
    return cellKey(this.sheet, this);
  }

  get error(): undefined {
    return undefined;
  }
}

/** The block's cells in order: the formula cell, then the values row by row. */
function* blockCells(block: SpillBlock): Generator<ComputedCell> {
  const { anchor, values } = block;
  yield anchor;
  if (!values) return;
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    for (let c = r === 0 ? 1 : 0; c < line.length; c++) {
      const value = line.at(c);
      if (value !== undefined) yield new SpilledCell(anchor.sheet, anchor.row + r, anchor.col + c, value);
    }
  }
}

/** Hands each cell's place and value to `visit`, in workbook order. */
export type ValueWalk = (visit: (sheet: string, row: number, col: number, value: Shown) => void) => void;

/**
 * Every value of the evaluation in workbook order (of one sheet, when given), with no object
 * made per cell when it is kept as blocks: what the JSON report needs.
 */
export function valuesOf(evaluation: Evaluation, sheet?: string): ValueWalk {
  return (visit) => {
    const { blocks } = evaluation;
    if (!blocks) {
      for (const cell of evaluation.cells) if (sheet === undefined || cell.sheet === sheet) visit(cell.sheet, cell.row, cell.col, cell.value);
      return;
    }
    if (sharesRows(blocks)) {
      // Blocks side by side: row by row, each row's blocks from left to right.
      for (const [name, sheetRows] of blockRows(blocks)) {
        if (sheet !== undefined && name !== sheet) continue;
        for (const row of sheetRows.rows) for (const block of sheetRows.blocksOf(row)) visitRow(block, row, visit);
      }
      return;
    }
    for (const block of blocks) {
      if (sheet !== undefined && block.anchor.sheet !== sheet) continue;
      const height = block.values ? Math.max(1, block.values.length) : 1;
      for (let r = 0; r < height; r++) visitRow(block, block.anchor.row + r, visit);
    }
  };
}

/** What a block shows at `row`, `col`: its formula cell's value, a spilled value, or undefined (not filled). */
export function valueAt({ anchor, values }: SpillBlock, row: number, col: number): Shown | undefined {
  return row === anchor.row && col === anchor.col ? anchor.value : values?.[row - anchor.row]?.at(col - anchor.col);
}

/** Hands the values a block holds on `row` to `visit`, left to right (the formula cell's first). */
function visitRow({ anchor, values }: SpillBlock, row: number, visit: Parameters<ValueWalk>[0]): void {
  const r = row - anchor.row;
  if (r === 0) visit(anchor.sheet, row, anchor.col, anchor.value);
  const line = values?.[r];
  if (!line) return;
  for (let c = r === 0 ? 1 : 0; c < line.length; c++) {
    const value = line.at(c);
    if (value !== undefined) visit(anchor.sheet, row, anchor.col + c, value);
  }
}

/** Two blocks fill cells of the same row of a sheet. */
export function sharesRows(blocks: readonly SpillBlock[]): boolean {
  const bySheet = new Map<string, Set<number>>();
  for (const { anchor, values } of blocks) {
    let rows = bySheet.get(anchor.sheet);
    if (!rows) bySheet.set(anchor.sheet, (rows = new Set()));
    const height = values ? Math.max(1, values.length) : 1;
    for (let r = 0; r < height; r++) {
      if (rows.has(anchor.row + r)) return true;
      rows.add(anchor.row + r);
    }
  }
  return false;
}

/** The rows of one sheet that hold computed cells, and each row's cells (made when asked for). */
export interface SheetRows {
  /** Ascending. */
  rows: number[];
  /** The box of every computed cell, when known without walking them (blocks hold only values Excel can hold). */
  box?: CellBox;
  /** The row's cells, by column; none for a row not in `rows`. */
  cellsOf(row: number): ComputedCell[];
  /**
   * A row a block spills into, as kept: what `--out` writes without an object per cell.
   * Undefined for rows not kept as blocks.
   */
  spilledOf?(row: number): SpilledLine | undefined;
}

/** One row of a block: its values from column `left` on. */
export interface SpilledLine {
  line: SpilledRow;
  left: number;
  /** The formula cell, on its own row (whose spilled values start at index 1). */
  anchor?: ComputedCell;
  /** The index of the first spilled value: 1 on the formula cell's row, else 0. */
  from: number;
  /** The cell of column `left + c`, as `cellsOf` would give it (for values other than numbers). */
  cell(c: number): ComputedCell;
}

/** The rows of every sheet with computed cells, by sheet name. */
export function rowsBySheet(evaluation: Evaluation): Map<string, SheetRows> {
  return evaluation.blocks ? blockRows(evaluation.blocks) : cellRows(evaluation.cells);
}

/** A sheet's rows as blocks hold them: each row's blocks, left to right. */
export interface BlockRows extends SheetRows {
  blocksOf(row: number): readonly SpillBlock[];
}

export function blockRows(blocks: readonly SpillBlock[]): Map<string, BlockRows> {
  const sheets = new Map<string, { rows: number[]; at: Map<number, SpillBlock[]>; box?: CellBox }>();
  for (const block of blocks) {
    const { sheet, row } = block.anchor;
    let entry = sheets.get(sheet);
    if (!entry) sheets.set(sheet, (entry = { rows: [], at: new Map() }));
    const area = block.anchor.spill ?? { top: row, left: block.anchor.col, bottom: row, right: block.anchor.col };
    entry.box = unionBox(entry.box, area);
    const height = block.values ? Math.max(1, block.values.length) : 1;
    for (let r = 0; r < height; r++) {
      const line = entry.at.get(row + r);
      if (line) {
        line.push(block);
      } else {
        entry.rows.push(row + r);
        entry.at.set(row + r, [block]);
      }
    }
  }
  const result = new Map<string, BlockRows>();
  for (const [sheet, { rows, at, box }] of sheets) {
    rows.sort((x, y) => x - y);
    // Blocks meet no other, so on a row their cells run in the order of their formula cells' columns.
    for (const line of at.values()) if (line.length > 1) line.sort((x, y) => x.anchor.col - y.anchor.col);
    const lineOf = (block: SpillBlock, row: number): SpilledLine | undefined => {
      const r = row - block.anchor.row;
      const line = block.values?.[r];
      if (!line) return undefined;
      const { anchor } = block;
      const left = anchor.col;
      return { line, left, anchor: r === 0 ? anchor : undefined, from: r === 0 ? 1 : 0, cell: (c) => new SpilledCell(sheet, row, left + c, line.at(c)!) };
    };
    // The fast way to write a row (writeWorkbook.ts): only when one block fills it.
    const spilledOf = (row: number): SpilledLine | undefined => {
      const line = at.get(row);
      return line?.length === 1 ? lineOf(line[0], row) : undefined;
    };
    const cellsOf = (row: number): ComputedCell[] => {
      const cells: ComputedCell[] = [];
      for (const block of at.get(row) ?? []) {
        const spilled = lineOf(block, row);
        // A formula cell with nothing spilled (an error, a single value) has a row but no line.
        if (!spilled) {
          if (block.anchor.row === row) cells.push(block.anchor);
          continue;
        }
        const { line, from, anchor, cell } = spilled;
        if (anchor) cells.push(anchor);
        for (let c = from; c < line.length; c++) if (line.at(c) !== undefined) cells.push(cell(c));
      }
      return cells;
    };
    result.set(sheet, { rows, box, cellsOf, spilledOf, blocksOf: (row) => at.get(row) ?? [] });
  }
  return result;
}

function cellRows(cells: readonly ComputedCell[]): Map<string, SheetRows> {
  const sheets = new Map<string, Map<number, ComputedCell[]>>();
  for (const cell of cells) {
    let rows = sheets.get(cell.sheet);
    if (!rows) sheets.set(cell.sheet, (rows = new Map()));
    let row = rows.get(cell.row);
    if (!row) rows.set(cell.row, (row = []));
    // One value a cell, the last given; the row kept in column order (as an evaluation lists it).
    if (row.length === 0 || row[row.length - 1].col < cell.col) {
      row.push(cell);
      continue;
    }
    const at = row.findIndex((c) => c.col >= cell.col);
    if (row[at].col === cell.col) row[at] = cell;
    else row.splice(at, 0, cell);
  }
  const result = new Map<string, SheetRows>();
  for (const [sheet, rows] of sheets) {
    result.set(sheet, { rows: [...rows.keys()].sort((x, y) => x - y), cellsOf: (row) => rows.get(row) ?? [] });
  }
  return result;
}

/**
 * An evaluation kept as blocks, which must be in workbook order (by their formula cells) and meet
 * no other; blocks side by side are walked row by row.
 */
export function blockEvaluation(blocks: readonly SpillBlock[], refused: RefusedCell[] = []): Evaluation {
  let cells: ComputedCell[] | undefined;
  return {
    get cells(): ComputedCell[] {
      if (!cells && sharesRows(blocks)) {
        cells = [];
        for (const { rows, cellsOf } of blockRows(blocks).values()) for (const row of rows) cells.push(...cellsOf(row));
      }
      cells ??= blocks.flatMap((block) => [...blockCells(block)]);
      return cells;
    },
    refused,
    blocks,
  };
}

/** The cells a block's values fill, the formula cell included; undefined when it fills none besides. */
export function spillBox(anchor: ComputedCell, values: readonly SpilledRow[]): CellBox | undefined {
  let bottom = -1;
  let right = -1;
  for (let r = 0; r < values.length; r++) {
    const line = values[r];
    for (let c = r === 0 ? 1 : 0; c < line.length; c++) {
      if (line.at(c) === undefined) continue;
      if (r > bottom) bottom = r;
      if (c > right) right = c;
    }
  }
  return bottom < 0 ? undefined : { top: anchor.row, left: anchor.col, bottom: anchor.row + bottom, right: anchor.col + right };
}
