/**
 * A workbook package as HyperFormula's input: one 2-D array of raw contents per sheet, every
 * formula rewritten for HyperFormula, and the workbook's defined names — read from the sheet
 * parts themselves, within the budget (cells per sheet and in all). Text is marked with a
 * leading apostrophe so HyperFormula keeps it as text ("00123" stays text, "=x" is no formula).
 * Dates are the serial numbers the file stores, in the workbook's own date system.
 *
 * Every cell is read, formulas in merged areas included (Excel keeps and calculates them). A
 * cell that cannot be read — an address outside the grid, an unknown type, a shared formula
 * whose master is missing, a what-if data table, an Excel 4.0 macro sheet's formulas — keeps
 * its cached value and is listed in `unread` with the reason.
 *
 * Dynamic-array results saved by Excel sit in their cells as plain values under an anchor whose
 * formula carries the spill range (`<f t="array" ref="B10:K19">`); those cells are emptied so the
 * formula can spill again, as it does when Excel recalculates. Only cells the file holds are
 * visited, so a declared range of a million rows costs nothing.
 */
import type { RawCellContent } from "hyperformula";
import { boxHolds, cellKey, parseBox, type CellAt, type CellBox } from "./address";
import { formatCount, type Budget } from "./budget";
import { toNamedExpressions, type NamedExpression } from "./definedNames";
import { toEngineFormula } from "./formula";
import { messages } from "./messages";
import { failure, success, type Outcome } from "./outcome";
import { translateFormula } from "./sharedFormula";
import { runsText, scanSheetData, type XmlCell } from "./sheetXml";
import { partText, type SheetEntry, type WorkbookPackage } from "./workbookPackage";
import { SavedCells } from "./savedCells";
import { attribute, attributes, nextTag, XmlError } from "./xml";

/** A formula cell as the workbook has it, and where it is. */
export interface FormulaCell extends CellAt {
  sheet: string;
  /** The formula as saved in the file (no "="). */
  formula: string;
  /** The formula given to HyperFormula ("=" and the MPS spelling). */
  engineFormula: string;
  /** The value the file caches for the formula (Excel's last result), when it has one; errors as their text ("#N/A"). */
  cached?: { value: number | string | boolean; error: boolean };
}

/** A cell (or a whole sheet) the reader could not take as it is, and why: a full sentence naming it. */
export interface UnreadCell {
  sheet: string;
  /** The cell, when the reason concerns one cell. */
  cell?: CellAt;
  message: string;
}

export interface EngineInput {
  /** Sheet names in workbook order (every sheet of `<sheets>`, so index i is `localSheetId` i). */
  sheetNames: string[];
  sheets: Record<string, RawCellContent[][]>;
  formulas: FormulaCell[];
  names: NamedExpression[];
  /** The workbook counts dates from 1904 (`<workbookPr date1904="1">`). */
  date1904: boolean;
  // The fields below are filled by the reader; an input built by hand (tests) may leave them out.
  /** Cells kept at their cached value because they could not be read, with the reason. */
  unread?: UnreadCell[];
  /** Non-empty cells read (values and formulas), for the memory budget. */
  cellCount?: number;
  /**
   * What the file holds besides these cells: formulas' cached values, the values saved spills
   * filled, spill areas and hidden rows (for refused formulas, which keep what Excel saved).
   */
  saved?: SavedCells;
}

/** Day 0 of Excel's 1900 date system (with its 29 Feb 1900) and of the 1904 date system. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_1904_EPOCH_MS = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

export function excelSerial(date: Date, date1904 = false): number {
  return (date.getTime() - (date1904 ? EXCEL_1904_EPOCH_MS : EXCEL_EPOCH_MS)) / DAY_MS;
}

/** Excel's error values as a cell stores them (`t="e"`). */
const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "#PYTHON!"]);

/** Unreadable cells named one by one per sheet; the rest are counted. */
const MAX_UNREAD_PER_SHEET = 100;

/** More multi-cell array formulas than this spilling over one row is not a planning sheet. */
const MAX_ACTIVE_ARRAYS = 1_000;

type Constant = { ok: true; content: RawCellContent } | { ok: false; why: string };

/** A cell's stored value as HyperFormula raw content. */
function constantOf(cell: XmlCell, strings: readonly string[], date1904: boolean): Constant {
  const type = attribute(cell.tag.attributesText, "t") ?? "n";
  const v = cell.value;
  switch (type) {
    case "n":
      if (v === undefined || v.trim() === "") return { ok: true, content: null };
      return Number.isFinite(Number(v)) ? { ok: true, content: Number(v) } : { ok: false, why: `its number "${v}" is not a number` };
    case "s": {
      const text = v === undefined ? undefined : strings[Number(v)];
      return text === undefined ? { ok: false, why: `its shared string ${v ?? "(none)"} does not exist` } : { ok: true, content: `'${text}` };
    }
    case "str":
      return { ok: true, content: v === undefined ? null : `'${v}` };
    case "inlineStr":
      return { ok: true, content: `'${cell.inline ?? v ?? ""}` };
    case "b":
      return v === "1" || v === "true" ? { ok: true, content: true } : v === "0" || v === "false" ? { ok: true, content: false } : { ok: false, why: `its logical value "${v}" is neither 0 nor 1` };
    case "e":
      return v !== undefined && ERROR_VALUES.has(v) ? { ok: true, content: v } : { ok: false, why: `its error value "${v ?? ""}" is not one of Excel's` };
    case "d": {
      const time = v === undefined ? NaN : Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isFinite(time) ? { ok: true, content: excelSerial(new Date(time), date1904) } : { ok: false, why: `its date "${v ?? ""}" is not an ISO 8601 date` };
    }
    default:
      return { ok: false, why: `its type t="${type}" is not one Excel writes` };
  }
}

/** The texts of the shared-string table, in order. */
function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (xml === undefined) return strings;
  for (let tag = nextTag(xml, 0); tag; ) {
    if (tag.name !== "si") {
      tag = nextTag(xml, tag.end);
      continue;
    }
    if (tag.selfClosing) {
      strings.push("");
      tag = nextTag(xml, tag.end);
      continue;
    }
    const close = xml.indexOf(`</${tag.qname}>`, tag.end);
    if (close < 0) throw new XmlError("a shared string is not closed");
    strings.push(runsText(xml, tag.end, close));
    tag = nextTag(xml, close);
  }
  return strings;
}

/** Where a sheet's spills are: anchors with a multi-cell `ref`, checked as the scan moves down. */
class SpillAreas {
  private active: Array<{ anchor: CellAt; box: CellBox }> = [];
  private lowestBottom = Infinity;

  /** Starts a row: forgets the areas that ended above it. */
  row(index: number): void {
    if (index <= this.lowestBottom) return;
    this.active = this.active.filter((area) => area.box.bottom >= index);
    this.lowestBottom = Infinity;
    for (const area of this.active) this.lowestBottom = Math.min(this.lowestBottom, area.box.bottom);
  }

  /** @returns false when too many areas overlap one row */
  add(anchor: CellAt, box: CellBox): boolean {
    if (box.bottom === anchor.row && box.right === anchor.col) return true;
    this.active.push({ anchor, box });
    this.lowestBottom = Math.min(this.lowestBottom, box.bottom);
    return this.active.length <= MAX_ACTIVE_ARRAYS;
  }

  /** The cell lies in a spill area and is not its anchor. */
  covers(row: number, col: number): boolean {
    for (const { anchor, box } of this.active) {
      if (boxHolds(box, row, col) && (row !== anchor.row || col !== anchor.col)) return true;
    }
    return false;
  }
}

interface SheetRead {
  grid: RawCellContent[][];
  formulas: FormulaCell[];
  unread: UnreadCell[];
  cells: number;
}

/** Why reading the sheet stopped, when it did. */
type Stop = { problem: string };

/** Reads one worksheet (or macro sheet: values only) into a grid. */
function readSheet(xml: string, entry: SheetEntry, strings: readonly string[], date1904: boolean, cellsLeft: number, budget: Budget, saved: SavedCells): SheetRead | Stop {
  const sheet = entry.name;
  const grid: RawCellContent[][] = [];
  const formulas: FormulaCell[] = [];
  const unread: UnreadCell[] = [];
  const masters = new Map<string, { text: string; row: number; col: number }>();
  const orphans: Array<{ cell: XmlCell; content: RawCellContent }> = [];
  const spills = new SpillAreas();
  let cells = 0;
  let macroFormulas = 0;
  let unsaid = 0;
  let bottom = -1;
  let right = -1;
  let stop: Stop | undefined;

  // A hostile sheet could make every cell unreadable: name the first ones, count the rest.
  const note = (unreadCell: UnreadCell): void => {
    if (unread.length < MAX_UNREAD_PER_SHEET) unread.push(unreadCell);
    else unsaid++;
  };

  const put = (at: CellAt, content: RawCellContent): void => {
    if (content === null) return;
    (grid[at.row] ??= [])[at.col] = content;
    cells++;
  };
  const addFormula = (at: CellAt, formula: string, cached: RawCellContent): void => {
    const engineFormula = toEngineFormula(formula);
    saved.keep(sheet, at.row, at.col, cached);
    const cell: FormulaCell = { sheet, row: at.row, col: at.col, formula, engineFormula };
    if (cached !== null && cached !== undefined && typeof cached !== "object") {
      const text = typeof cached === "string" && cached.startsWith("'");
      cell.cached = { value: text ? (cached as string).slice(1) : cached, error: typeof cached === "string" && !text };
    }
    formulas.push(cell);
    put(at, engineFormula);
  };
  const keepCached = (cell: XmlCell, content: RawCellContent, why: string): void => {
    note({ sheet, cell: { row: cell.row, col: cell.col }, message: messages.unreadCell(cellKey(sheet, cell), why) });
    put(cell, content);
  };

  scanSheetData(xml, (row) => {
    spills.row(row.index);
    if (row.tag.attributesText.includes("hidden") && /^(1|true)$/.test(attributes(row.tag.attributesText).get("hidden") ?? "")) saved.hideRow(sheet, row.index);
    for (const cell of row.cells) {
      bottom = Math.max(bottom, cell.row);
      right = Math.max(right, cell.col);
      if (cell.badRef !== undefined) {
        note({ sheet, message: messages.unreadAddress(sheet, row.index + 1, cell.badRef) });
        continue;
      }
      const constant = constantOf(cell, strings, date1904);
      const cached = constant.ok ? constant.content : null;
      const f = cell.formula;
      if (f && entry.kind === "macrosheet") {
        macroFormulas++;
        put(cell, cached);
      } else if (f && f.type === "dataTable") {
        keepCached(cell, cached, "a what-if data table (TABLE) is not recalculated; its cached value is kept");
      } else if (f && f.type === "shared" && f.text.trim() === "") {
        const master = f.si === undefined ? undefined : masters.get(f.si);
        if (master) addFormula(cell, translateFormula(master.text, cell.row - master.row, cell.col - master.col), cached);
        else orphans.push({ cell, content: cached });
      } else if (f && f.text.trim() !== "") {
        if (f.type === "shared" && f.si !== undefined && !masters.has(f.si)) masters.set(f.si, { text: f.text, row: cell.row, col: cell.col });
        addFormula(cell, f.text, cached);
        const box = f.type === "array" && f.ref ? parseBox(f.ref) : undefined;
        if (box) saved.spillAt(sheet, cell.row, cell.col, box);
        if (box && !spills.add(cell, box)) {
          stop = { problem: messages.tooManyArrays(sheet, row.index + 1, MAX_ACTIVE_ARRAYS) };
          return false;
        }
      } else if (f) {
        keepCached(cell, cached, "its formula is empty; its cached value is kept");
      } else if (!constant.ok) {
        note({ sheet, cell: { row: cell.row, col: cell.col }, message: messages.unreadCell(cellKey(sheet, cell), `${constant.why}; it is left empty`) });
      } else if (!spills.covers(cell.row, cell.col)) {
        put(cell, constant.content);
      } else {
        saved.keep(sheet, cell.row, cell.col, constant.content);
      }
      if (cells > budget.cellsPerSheet || cells > cellsLeft) {
        const problem = cells > budget.cellsPerSheet ? messages.tooManyCellsInSheet(sheet, formatCount(budget.cellsPerSheet)) : messages.tooManyCells(formatCount(budget.cells));
        stop = { problem };
        return false;
      }
    }
    return true;
  });
  if (stop) return stop;
  saved.extent(sheet, bottom, right);
  for (const { cell, content } of orphans) {
    const master = cell.formula?.si === undefined ? undefined : masters.get(cell.formula.si);
    if (master) addFormula(cell, translateFormula(master.text, cell.row - master.row, cell.col - master.col), content);
    else keepCached(cell, content, `its shared formula (si ${cell.formula?.si ?? "none"}) has no master cell; its cached value is kept`);
  }
  if (macroFormulas > 0) unread.push({ sheet, message: messages.macroSheet(sheet, macroFormulas) });
  if (unsaid > 0) unread.push({ sheet, message: messages.moreUnread(sheet, unsaid) });
  return { grid, formulas, unread, cells };
}

/**
 * Everything HyperFormula needs from the workbook, read within the budget.
 * @param keep when given, receives each sheet part's text by part name (for `--out`, which rewrites them)
 * @returns the input, or why the workbook is over budget or not readable (each naming the sheet or part)
 * @example toEngineInput(book, DEFAULT_BUDGET) // → { ok: true, value: { sheetNames: ["Plan"], formulas: [{ sheet: "Plan", row: 9, col: 1, formula: "_xldudf_MPS_TABLE(…)", engineFormula: "=MPS.TABLE(…)" }], … } }
 */
export function toEngineInput(book: WorkbookPackage, budget: Budget, keep?: Map<string, string>): Outcome<EngineInput & { unread: UnreadCell[]; cellCount: number; saved: SavedCells }> {
  const sstText = book.sharedStringsPart ? partText(book.zip, book.sharedStringsPart, budget) : success(undefined);
  if (!sstText.ok) return sstText;
  let strings: string[];
  try {
    strings = sharedStrings(sstText.value);
  } catch (error) {
    return failure(messages.partNotXml(book.sharedStringsPart!, (error as Error).message));
  }
  const sheets: Record<string, RawCellContent[][]> = {};
  const formulas: FormulaCell[] = [];
  const unread: UnreadCell[] = [];
  const saved = new SavedCells();
  let cells = 0;
  for (const entry of book.sheets) {
    sheets[entry.name] = [];
    if ((entry.kind !== "worksheet" && entry.kind !== "macrosheet") || !entry.part) continue;
    const xml = partText(book.zip, entry.part, budget);
    if (!xml.ok) return failure(messages.sheetPart(entry.name, xml.problems.join(" ")));
    if (xml.value === undefined) {
      unread.push({ sheet: entry.name, message: messages.sheetPartMissing(entry.name, entry.part) });
      continue;
    }
    keep?.set(entry.part, xml.value);
    let read: SheetRead | Stop;
    try {
      read = readSheet(xml.value, entry, strings, book.date1904, budget.cells - cells, budget, saved);
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
      return failure(messages.partNotXml(`${entry.part} (sheet '${entry.name}')`, error.message));
    }
    if ("problem" in read) return failure(read.problem);
    cells += read.cells;
    for (let r = 0; r < read.grid.length; r++) read.grid[r] ??= [];
    sheets[entry.name] = read.grid;
    for (const formula of read.formulas) formulas.push(formula);
    for (const note of read.unread) unread.push(note);
  }
  const sheetNames = book.sheets.map((s) => s.name);
  return success({ sheetNames, sheets, formulas, names: toNamedExpressions(book.definedNames, sheetNames.length), date1904: book.date1904, unread, cellCount: cells, saved });
}
