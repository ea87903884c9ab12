/**
 * What Excel left in the file besides the cells HyperFormula is given: the value it cached in each
 * formula cell, the values a saved dynamic array spilled (emptied from the input so the formula
 * can spill again), the spill area recorded on each array anchor, and hidden rows. A formula the
 * evaluation refuses keeps these, and the formulas that depend on it compute from them.
 *
 * Recorded while the sheets are read, so nothing is read twice. Spill areas are clamped to the
 * cells the sheet holds: a declared `B4:XFD1048576` is as large as what is in it.
 */
import type { RawCellContent } from "hyperformula";
import { MAX_COLUMNS, type CellBox } from "./address";

const place = (row: number, col: number): number => row * MAX_COLUMNS + col;

interface SheetSaved {
  values: Map<number, RawCellContent>;
  spills: Map<number, CellBox>;
  hidden: Set<number>;
  /** The last row and column holding a cell. */
  bottom: number;
  right: number;
}

/** What evaluation asks of the file's saved cells (a refused formula keeps its cached value). */
export interface WorkbookCache {
  /** The value Excel cached in a cell (a formula's result, or a plain cell's value), as HyperFormula raw content. */
  value(sheet: string, row: number, col: number): RawCellContent | undefined;
  /** The spill area Excel recorded on an array formula's anchor (`<f t="array" ref="B2:K11">`). */
  spill(sheet: string, row: number, col: number): CellBox | undefined;
  /** Whether a row (from 0) is hidden. */
  isHiddenRow(sheet: string, row: number): boolean;
}

export class SavedCells implements WorkbookCache {
  private sheets = new Map<string, SheetSaved>();

  private sheet(name: string): SheetSaved {
    let saved = this.sheets.get(name);
    if (!saved) this.sheets.set(name, (saved = { values: new Map(), spills: new Map(), hidden: new Set(), bottom: -1, right: -1 }));
    return saved;
  }

  /** Records a value the file holds where the input has none (a formula's result, a spilled value). */
  keep(sheet: string, row: number, col: number, content: RawCellContent): void {
    if (content === null || content === undefined) return;
    this.sheet(sheet).values.set(place(row, col), content);
  }

  /** Records an array anchor's saved spill area. */
  spillAt(sheet: string, row: number, col: number, box: CellBox): void {
    this.sheet(sheet).spills.set(place(row, col), box);
  }

  hideRow(sheet: string, row: number): void {
    this.sheet(sheet).hidden.add(row);
  }

  /** Records how far the sheet's cells reach (for clamping spill areas). */
  extent(sheet: string, bottom: number, right: number): void {
    const saved = this.sheet(sheet);
    saved.bottom = Math.max(saved.bottom, bottom);
    saved.right = Math.max(saved.right, right);
  }

  /**
   * The value the file cached in a formula cell, or holds in a cell a saved spill filled.
   * @example saved.value("Plan", 1, 4) // → 5, what Excel showed in Plan!E2
   */
  value(sheet: string, row: number, col: number): RawCellContent | undefined {
    return this.sheets.get(sheet)?.values.get(place(row, col)) ?? undefined;
  }

  /** The spill area Excel recorded on an array formula's anchor (`<f t="array" ref>`), clamped to the sheet's cells. */
  spill(sheet: string, row: number, col: number): CellBox | undefined {
    const saved = this.sheets.get(sheet);
    const box = saved?.spills.get(place(row, col));
    if (!saved || !box) return undefined;
    return { top: box.top, left: box.left, bottom: Math.min(box.bottom, Math.max(saved.bottom, box.top)), right: Math.min(box.right, Math.max(saved.right, box.left)) };
  }

  /** Whether a row (from 0) is hidden (`<row hidden="1">`): SUBTOTAL 101–111 leave it out. */
  isHiddenRow(sheet: string, row: number): boolean {
    return this.sheets.get(sheet)?.hidden.has(row) ?? false;
  }
}
