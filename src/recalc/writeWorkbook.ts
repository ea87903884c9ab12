/**
 * `--out`: the original package with the computed values cached, and nothing else changed.
 *
 * Only sheet parts holding a formula (or a cell a formula spills into) are rewritten, and in
 * them only those cells: the cached value (`<v>`, `t`), and where a spill changed the anchor's
 * `<f t="array" ref>` and `cm` mark, the spilled cells' values and the emptying of cells an
 * older, larger spill filled. Every other byte of those parts, and every other part, is the
 * original (charts, pivots, VBA, comments, custom properties, defined names, content types),
 * copied compressed as it was. `xl/metadata.xml` (with its content type and relationship) is
 * created or extended only when a formula newly spills and the file has no dynamic-array record.
 *
 * A dynamic array — a formula that spills, calls an MPS function, or was saved as one — becomes
 * an anchor over the cells it fills (the anchor alone for a single value or an error), as Excel
 * 365 saves a spill. A legacy {array formula} keeps its own range and stays legacy; a shared
 * formula keeps its sharing. A value Excel cannot hold (an error code Excel does not have) is
 * not written: the cell keeps its cached value and a warning names it.
 *
 * The file is written beside the target under a temporary name and renamed into place, so a
 * write that fails half-way never damages the target, also when it is the input itself.
 */
import { promises as fs } from "fs";
import nodePath from "path";
import { rowsBySheet, type SheetRows, type SpilledLine } from "./blocks";
import type { Budget } from "./budget";
import { a1, boxHolds, boxText, columnName, parseBox, unionBox, type CellAt, type CellBox } from "./address";
import type { ComputedCell, Evaluation } from "./evaluate";
import { calledFunctions } from "./formula";
import { messages } from "./messages";
import { MOST_CELL_BYTES, NumberCellBytes } from "./numberCells";
import { describe, failure, success, type Outcome } from "./outcome";
import { addOverride, addRelationship, CONTENT_TYPES, dynamicArrayMetadata, REL, TYPE, type DynamicArrayMetadata } from "./packageParts";
import type { OpenedWorkbook } from "./readWorkbook";
import { scanSheetData, type XmlCell, type XmlRow } from "./sheetXml";
import { partText, relationshipsPartOf, type WorkbookPackage } from "./workbookPackage";
import { attribute, attributes, encodeXml, encodeXstring, findTag, XmlError } from "./xml";
import { PartDeflater, rebuildZip, type DeflatedPart, type NewPart } from "./zipPackage";

/** Excel's error values; HyperFormula's own (#CYCLE!, #ERROR!, #LIC!) are not among them. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
  "#CALC!", "#FIELD!", "#BLOCKED!", "#UNKNOWN!", "#CONNECT!", "#BUSY!", "#PYTHON!",
]);

export interface Written {
  /** Formula cells whose value was cached. */
  formulas: number;
  /** Cells whose value could not be written, each naming the cell and why. */
  warnings: string[];
}

/** Why a computed value cannot be stored as Excel would, or nothing. */
function unwritable(cell: ComputedCell): string | undefined {
  if (cell.error && !EXCEL_ERRORS.has(String(cell.value))) return `${cell.value} is not an Excel error value`;
  if (typeof cell.value === "number" && !Number.isFinite(cell.value)) return `${cell.value} is not a number Excel can hold`;
  return undefined;
}

/** The cell's `t` and content for a computed value; text of a cell without formula goes inline. */
function valueXml(cell: ComputedCell, isFormula: boolean): { type?: string; content: string } {
  const { value } = cell;
  if (cell.error) return { type: "e", content: `<v>${encodeXml(String(value))}</v>` };
  if (typeof value === "boolean") return { type: "b", content: `<v>${value ? 1 : 0}</v>` };
  if (typeof value === "number") return { content: `<v>${Object.is(value, -0) ? 0 : value}</v>` };
  if (isFormula) return { type: "str", content: `<v>${encodeXstring(value)}</v>` };
  return { type: "inlineStr", content: `<is><t xml:space="preserve">${encodeXstring(value)}</t></is>` };
}

/** A start tag's attribute text without the named attributes. */
function without(attributesText: string, names: readonly string[]): string {
  let text = attributesText;
  for (const name of names) text = text.replace(new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
  return text.replace(/\s+$/, "");
}

function callsMps(cell: ComputedCell): boolean {
  return calledFunctions(cell.formula!.engineFormula).some((name) => name.toUpperCase().startsWith("MPS."));
}

const inside = (box: CellBox | undefined, row: number, col: number): boolean => box !== undefined && boxHolds(box, row, col);

/** Areas an older spill filled that its formula no longer fills: their value cells are emptied. */
interface StaleArea {
  old: CellBox;
  now?: CellBox;
  anchor: CellAt;
}

/** The rewriting of one sheet part: what the evaluation computed for it, and the dynamic-array mark. */
class SheetWriter {
  /**
   * The new part so far: deflated, then the latest pieces of text, handed on as soon as they
   * add up to OUT_CHUNK characters, so that no piece of text lives long (the garbage collector
   * would move it: a new row's text is hundreds of small strings until handed on).
   */
  private readonly part = new PartDeflater();
  /** Column letters by index, spelled once for the sheet. */
  private readonly columns: string[] = [];
  /** Number cells as bytes: a block's rows of numbers are written with them. */
  private readonly numberCells = new NumberCellBytes();
  private out: string[] = [];
  private outLength = 0;
  private cursor = 0;
  private stale: StaleArea[] = [];
  /** Rows with computed cells, ascending, and how far the scan has passed them. */
  private pendingRows: number[];
  private nextPending = 0;
  formulas = 0;
  usedMark = false;
  changed = false;
  extent: CellBox | undefined;

  constructor(
    private readonly xml: string,
    /** The sheet's computed cells, row by row. */
    private readonly computed: SheetRows,
    private readonly metadata: DynamicArrayMetadata,
    readonly warnings: string[] = [],
  ) {
    this.pendingRows = computed.rows;
    this.waiting = new Set(computed.rows);
  }

  /** Rows whose computed cells are not written yet. */
  private readonly waiting: Set<number>;

  /** The row's computed cells, once: a row is written either into its existing row or as a new one. */
  private take(row: number): ComputedCell[] | undefined {
    if (!this.waiting.delete(row)) return undefined;
    return this.computed.cellsOf(row);
  }

  private push(text: string): void {
    this.out.push(text);
    this.outLength += text.length;
    if (this.outLength >= OUT_CHUNK) this.flushOut();
  }

  /** Hands the pieces of text so far on to the part. */
  private flushOut(): void {
    if (this.out.length === 0) return;
    this.part.write(this.out.join(""));
    this.out.length = 0;
    this.outLength = 0;
  }

  private copyTo(at: number): void {
    if (at > this.cursor) this.push(this.xml.slice(this.cursor, at));
    this.cursor = at;
  }

  private replace(from: number, to: number, text: string): void {
    this.copyTo(from);
    this.push(text);
    this.cursor = to;
    this.changed = true;
  }

  private grow(row: number, col: number): void {
    const e = this.extent;
    if (!e) {
      this.extent = { top: row, left: col, bottom: row, right: col };
      return;
    }
    if (row < e.top) e.top = row;
    if (row > e.bottom) e.bottom = row;
    if (col < e.left) e.left = col;
    if (col > e.right) e.right = col;
  }

  /** A cell that did not exist: its address and value. */
  private newCell(computed: ComputedCell): string {
    const { value } = computed;
    if (typeof value === "number" && !computed.error && Number.isFinite(value)) {
      // A number, in one piece: what NumberCellBytes writes as bytes for a block's rows.
      this.grow(computed.row, computed.col);
      return `<c r="${(this.columns[computed.col] ??= columnName(computed.col))}${computed.row + 1}"><v>${value === 0 ? 0 : value}</v></c>`;
    }
    const why = unwritable(computed);
    if (why) {
      this.warnings.push(messages.notWritten(computed.key, why));
      return "";
    }
    const { type, content } = valueXml(computed, false);
    this.grow(computed.row, computed.col);
    return `<c r="${a1(computed)}"${type ? ` t="${type}"` : ""}>${content}</c>`;
  }

  /**
   * A block's row of values written at the cursor, numbers without a cell object each (what
   * `newCell` writes for them): most of a large plan's cells. `span` is where they lie.
   */
  private spilled({ line, left, from, cell }: SpilledLine, row: number, span: CellSpan): void {
    this.flushOut(); // what was pushed goes first: the numbers go straight into the part
    const numbers = line.numbers;
    const cells = this.numberCells;
    cells.atRow(row);
    let c = from;
    while (c < line.length) {
      // A planning record's row: a label, then numbers written as bytes, a few thousand at a time.
      if (numbers && c > 0 && Number.isFinite(numbers[c - 1])) {
        const stop = Math.min(line.length, c + NUMBERS_AT_ONCE);
        const first = c;
        this.part.writeBytes((stop - first) * MOST_CELL_BYTES, (bytes, at) => cells.writeRun(bytes, at, numbers, first - 1, stop - 1, left + 1));
        c = cells.stopped + 1;
        continue;
      }
      if (line.at(c) !== undefined) this.part.write(this.newCell(cell(c)));
      c++;
    }
    this.grow(row, span.first);
    this.grow(row, span.last);
    this.changed = true;
  }

  /** An existing cell's start tag with a new type (and mark), other attributes as they were. */
  private startTag(cell: XmlCell, type: string | undefined, mark: string | undefined, drop: readonly string[]): string {
    const attrs = without(cell.tag.attributesText, ["t", ...drop]);
    return `<${cell.tag.qname}${attrs}${type ? ` t="${type}"` : ""}${mark ? ` cm="${mark}"` : ""}>`;
  }

  private rewriteFormulaCell(cell: XmlCell, computed: ComputedCell): void {
    const why = unwritable(computed);
    if (why) {
      this.warnings.push(messages.notWritten(computed.key, why));
      return;
    }
    const f = cell.formula!;
    const { type, content } = valueXml(computed, true);
    let fXml = this.xml.slice(f.start, f.end);
    let mark = attribute(cell.tag.attributesText, "cm");
    const savedArray = f.type === "array";
    const sourceDynamic = savedArray && mark !== undefined && (this.metadata.dynamic.size === 0 || this.metadata.dynamic.has(mark));
    const mps = callsMps(computed);
    // A shared formula keeps its sharing (Excel re-spills it); a legacy {array formula} its own range.
    const legacy = f.type === "shared" || (savedArray && !sourceDynamic && !mps);
    if (!legacy) {
      const old = savedArray && f.ref ? parseBox(f.ref) : undefined;
      if (old) this.stale.push({ old, now: computed.spill, anchor: computed });
    }
    if (!legacy && (computed.spill !== undefined || mps || sourceDynamic)) {
      const ref = computed.spill ? boxText(computed.spill) : a1(computed);
      fXml = `<${f.tag.qname} t="array" ref="${ref}"${without(f.tag.attributesText, ["t", "ref"])}>${this.xml.slice(f.tag.end, f.close)}</${f.tag.qname}>`;
      if (mark === undefined) {
        mark = String(this.metadata.index);
        this.usedMark = true;
      }
    }
    this.grow(computed.row, computed.col);
    this.formulas++;
    this.replace(cell.start, cell.end, `${this.startTag(cell, type, mark, ["cm", "vm"])}${fXml}${content}</${cell.tag.qname}>`);
  }

  private rewriteValueCell(cell: XmlCell, computed: ComputedCell): void {
    const why = unwritable(computed);
    if (why) {
      this.warnings.push(messages.notWritten(computed.key, why));
      return;
    }
    const { type, content } = valueXml(computed, false);
    this.grow(computed.row, computed.col);
    this.replace(cell.start, cell.end, `${this.startTag(cell, type, undefined, ["cm", "vm"])}${content}</${cell.tag.qname}>`);
  }

  /** Empties a cell an older spill filled; its style stays. */
  private clear(cell: XmlCell): void {
    if (cell.value === undefined && cell.inline === undefined) return;
    this.replace(cell.start, cell.end, `<${cell.tag.qname}${without(cell.tag.attributesText, ["t", "cm", "vm"])}/>`);
  }

  private isStale(row: number, col: number): boolean {
    return this.stale.some((s) => inside(s.old, row, col) && !inside(s.now, row, col) && (row !== s.anchor.row || col !== s.anchor.col));
  }

  private row(row: XmlRow): void {
    this.stale = this.stale.filter((s) => s.old.bottom >= row.index);
    // A formula cell's own row holding nothing right of it: its values go after its last cell, straight from the block.
    const spilled = this.computed.spilledOf?.(row.index);
    const tail =
      spilled?.anchor && !row.tag.selfClosing && this.waiting.has(row.index) && row.cells.every((c) => c.col <= spilled.left) && row.cells.some((c) => c.col === spilled.left && c.badRef === undefined)
        ? spilled
        : undefined;
    let wanted: Map<number, ComputedCell> | undefined;
    let added: ComputedCell[] = [];
    const tailSpan = tail && spilledSpan(tail);
    if (tail) {
      this.waiting.delete(row.index);
      wanted = new Map([[tail.anchor!.col, tail.anchor!]]);
      if (tailSpan) this.widenSpans(row, tailSpan.first, tailSpan.last);
    } else {
      const cells = this.take(row.index);
      wanted = cells ? new Map(cells.map((c) => [c.col, c])) : undefined;
      const present = new Set(row.cells.map((c) => c.col));
      added = cells ? cells.filter((c) => !present.has(c.col)) : [];
      // Over the cells that will be written: one Excel cannot hold is left out (newCell).
      const shown = added.filter((c) => unwritable(c) === undefined);
      if (shown.length > 0) this.widenSpans(row, shown[0].col, shown[shown.length - 1].col);
    }
    let next = 0;
    for (const cell of row.cells) {
      let inserted = "";
      while (next < added.length && added[next].col < cell.col) inserted += this.newCell(added[next++]);
      if (inserted) this.replace(cell.start, cell.start, inserted);
      const computed = cell.badRef === undefined ? wanted?.get(cell.col) : undefined;
      if (computed && cell.formula) this.rewriteFormulaCell(cell, computed);
      else if (computed) this.rewriteValueCell(cell, computed);
      else if (!cell.formula && this.stale.length > 0 && this.isStale(cell.row, cell.col)) this.clear(cell);
    }
    if (tail && tailSpan) {
      this.copyTo(row.close);
      this.spilled(tail, row.index, tailSpan);
      return;
    }
    const rest = added.slice(next).map((c) => this.newCell(c)).join("");
    if (!rest) return;
    if (row.tag.selfClosing) {
      this.replace(row.tag.start, row.tag.end, `<${row.tag.qname}${without(row.tag.attributesText, [])}>${rest}</${row.tag.qname}>`);
    } else {
      this.replace(row.close, row.close, rest);
    }
  }

  /** A row's `spans` (a hint of its first and last column) widened to cells added from column `from` to `to` (0-based). */
  private widenSpans(row: XmlRow, from: number, to: number): void {
    const spans = /\sspans\s*=\s*"(\d+):(\d+)"/.exec(row.tag.attributesText);
    if (!spans || row.tag.selfClosing) return;
    const first = Math.min(Number(spans[1]), from + 1);
    const last = Math.max(Number(spans[2]), to + 1);
    if (first === Number(spans[1]) && last === Number(spans[2])) return;
    const attrs = row.tag.attributesText.replace(spans[0], ` spans="${first}:${last}"`);
    this.replace(row.tag.start, row.tag.end, `<${row.tag.qname}${attrs}>`);
  }

  /**
   * Writes the rows that did not exist, with their cells, for rows above `before` (all when
   * undefined), at `at` of the part (where the next existing row starts, or `</sheetData>`).
   */
  private newRows(before: number | undefined, at: number): void {
    for (; this.nextPending < this.pendingRows.length; this.nextPending++) {
      const index = this.pendingRows[this.nextPending];
      if (before !== undefined && index >= before) break;
      if (!this.waiting.has(index)) continue; // written into its existing row
      const spilled = this.computed.spilledOf?.(index);
      if (spilled && !spilled.anchor) {
        this.waiting.delete(index);
        const span = spilledSpan(spilled);
        if (!span) continue;
        this.copyTo(at);
        this.push(`<row r="${index + 1}">`);
        this.spilled(spilled, index, span);
        this.push("</row>");
        continue;
      }
      let cells = "";
      for (const cell of this.take(index)!) cells += this.newCell(cell);
      if (cells) this.replace(at, at, `<row r="${index + 1}">${cells}</row>`);
    }
  }

  /** Whether rows that did not exist are still to be written. */
  private rowsLeft(): boolean {
    for (let i = this.nextPending; i < this.pendingRows.length; i++) if (this.waiting.has(this.pendingRows[i])) return true;
    return false;
  }

  /**
   * The sheet part's new content, deflated as it is written, its `<dimension>` grown to
   * `dimension`: the box of the cells it is about to write (checked against `extent`, the box of
   * those it did write). Only the cells are rewritten, so the text before `<sheetData>` and after
   * it, where the dimension sits, is kept apart and never walked cell by cell.
   */
  write(dimension: CellBox | undefined): DeflatedPart {
    const data = findTag(this.xml, "sheetData");
    const head = data ? this.xml.slice(0, data.start) : "";
    const grownHead = withDimension(head, dimension);
    this.part.write(grownHead);
    this.cursor = head.length;
    const place = scanSheetData(this.xml, (row) => {
      this.newRows(row.index, row.tag.start);
      this.row(row);
    }, (index) => this.waiting.has(index) || this.stale.some((s) => s.old.top <= index && s.old.bottom >= index));
    if (this.rowsLeft()) {
      if (!place.tag) throw new XmlError("it has no <sheetData>");
      if (place.tag.selfClosing) {
        this.replace(place.tag.start, place.tag.end, `<${place.tag.qname}>`);
        this.newRows(undefined, this.cursor);
        this.push(`</${place.tag.qname}>`);
      } else {
        this.newRows(undefined, place.close);
      }
    }
    if (place.close > this.cursor) this.copyTo(place.close);
    this.flushOut();
    const tail = this.xml.slice(this.cursor);
    this.part.write(grownHead === head ? withDimension(tail, dimension) : tail);
    return this.part.finish();
  }
}

/** The first and last column of a row's cells that will be written. */
interface CellSpan {
  first: number;
  last: number;
}

/** Where a block's row holds values Excel can hold (from index `from` on), or undefined when nowhere. */
function spilledSpan({ line, left, from }: SpilledLine): CellSpan | undefined {
  let first = -1;
  let last = -1;
  for (let c = from; c < line.length; c++) {
    const value = line.at(c);
    if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) continue;
    if (first < 0) first = left + c;
    last = left + c;
  }
  return first < 0 ? undefined : { first, last };
}

/** The box of the cells a sheet's writer will write: every computed cell Excel can hold. */
function toWrite(computed: SheetRows): CellBox | undefined {
  if (computed.box) return computed.box;
  let box: CellBox | undefined;
  for (const row of computed.rows) {
    for (const cell of computed.cellsOf(row)) {
      if (unwritable(cell)) continue;
      box = unionBox(box, { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col });
    }
  }
  return box;
}

const sameBox = (x: CellBox | undefined, y: CellBox | undefined): boolean =>
  x === y || (x !== undefined && y !== undefined && x.top === y.top && x.left === y.left && x.bottom === y.bottom && x.right === y.right);

/** The sheet's `<dimension ref>` grown to hold what was written, when it has one that does not. */
function withDimension(xml: string, extent: CellBox | undefined): string {
  const tag = extent ? findTag(xml, "dimension") : undefined;
  const ref = tag ? /\sref\s*=\s*"([^"]*)"/.exec(tag.attributesText) : null;
  const box = ref ? parseBox(ref[1]) : undefined;
  if (!tag || !ref || !box || !extent) return xml;
  const grown = unionBox(box, extent);
  if (boxText(grown) === boxText(box)) return xml;
  return `${xml.slice(0, tag.start)}${xml.slice(tag.start, tag.end).replace(ref[0], ref[0].replace(ref[1], boxText(grown)))}${xml.slice(tag.end)}`;
}

const OUT_CHUNK = 1 << 16;

/** Cells written into the part in one go: a row of them, unless it is thousands of columns long. */
const NUMBERS_AT_ONCE = 4096;

/** The parts to add or change so that `cm` marks resolve: the metadata part, and if new its content type and relationship. */
function metadataParts(book: WorkbookPackage, metadata: DynamicArrayMetadata, budget: Budget): Outcome<NewPart[]> {
  if (!metadata.patched) return success([]);
  const part = book.metadataPart ?? `${book.workbookPart.slice(0, book.workbookPart.lastIndexOf("/") + 1)}metadata.xml`;
  const parts: NewPart[] = [{ name: part, data: Buffer.from(metadata.patched, "utf8") }];
  if (!book.metadataPart) {
    const types = partText(book.zip, CONTENT_TYPES, budget);
    const relsPart = relationshipsPartOf(book.workbookPart);
    const rels = partText(book.zip, relsPart, budget);
    if (!types.ok || !rels.ok || types.value === undefined || rels.value === undefined) return failure(`${CONTENT_TYPES} or ${relsPart} cannot be read`);
    parts.push({ name: CONTENT_TYPES, data: Buffer.from(addOverride(types.value, `/${part}`, TYPE.sheetMetadata), "utf8") });
    const target = part.slice(book.workbookPart.lastIndexOf("/") + 1);
    parts.push({ name: relsPart, data: Buffer.from(addRelationship(rels.value, REL.sheetMetadata, target), "utf8") });
  }
  return success(parts);
}

/**
 * The package's parts rewritten for the evaluation's values.
 * @returns the new package's bytes and what was (not) written, or why it cannot be written
 */
export function cacheResults(opened: OpenedWorkbook, evaluation: Evaluation, sheetTexts?: ReadonlyMap<string, string>): Outcome<{ pieces: Buffer[] } & Written> {
  const { book } = opened;
  const warnings: string[] = [];
  let formulas = 0;
  const metadataText = book.metadataPart ? partText(book.zip, book.metadataPart, opened.budget) : success(undefined);
  if (!metadataText.ok) return failure(...metadataText.problems);
  let metadata: DynamicArrayMetadata;
  try {
    metadata = dynamicArrayMetadata(metadataText.value);
  } catch (error) {
    return failure(messages.partNotXml(book.metadataPart!, describe(error)));
  }
  const changes: NewPart[] = [];
  let usedMark = false;
  for (const [sheet, computed] of rowsBySheet(evaluation)) {
    const entry = book.sheets.find((s) => s.name === sheet);
    if (!entry?.part) return failure(`sheet '${sheet}' has no part to write its values into`);
    const kept = sheetTexts?.get(entry.part);
    const xml = kept !== undefined ? success(kept) : partText(book.zip, entry.part, opened.budget);
    if (!xml.ok || xml.value === undefined) return failure(`sheet '${sheet}': ${xml.ok ? `its part ${entry.part} is missing` : xml.problems[0]}`);
    let writer = new SheetWriter(xml.value, computed, metadata);
    let part: DeflatedPart;
    try {
      const dimension = toWrite(computed);
      part = writer.write(dimension);
      // A cell that could not be written after all (one the reader could not take sits there):
      // written again, with the dimension of what was.
      if (!sameBox(dimension, writer.extent)) {
        const extent = writer.extent;
        writer = new SheetWriter(xml.value, computed, metadata);
        part = writer.write(extent);
      }
    } catch (error) {
      return failure(messages.partNotXml(`${entry.part} (sheet '${sheet}')`, describe(error)));
    }
    formulas += writer.formulas;
    usedMark ||= writer.usedMark;
    warnings.push(...writer.warnings);
    if (writer.changed) changes.push({ name: entry.part, deflated: part });
  }
  if (usedMark) {
    const extra = metadataParts(book, metadata, opened.budget);
    if (!extra.ok) return extra;
    changes.push(...extra.value);
  }
  const pieces = rebuildZip(book.zip, changes);
  if (!pieces.ok) return pieces;
  return success({ pieces: pieces.value, formulas, warnings });
}

/** File-system calls the writer makes, replaceable in tests (a disk that fails half-way). */
export interface WriteFs {
  writeFile: (path: string, data: readonly Buffer[], options: { flag: string; mode?: number }) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  unlink: (path: string) => Promise<void>;
  stat: (path: string) => Promise<{ mode: number }>;
}

/**
 * Writes `data` (its pieces one after the other) to `target` atomically: to a temporary file
 * beside it, then renamed over it. A failure leaves the target as it was and removes the
 * temporary file.
 */
export async function writeAtomically(target: string, data: readonly Buffer[], io: WriteFs = fs): Promise<Outcome<void>> {
  const dir = nodePath.dirname(target);
  const temp = nodePath.join(dir, `.${nodePath.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await io.stat(target)).mode & 0o777;
  } catch {
    mode = undefined; // a new file
  }
  try {
    await io.writeFile(temp, data, { flag: "wx", mode });
    await io.rename(temp, target);
    return success(undefined);
  } catch (error) {
    await io.unlink(temp).catch(() => undefined);
    return failure(messages.cannotWrite(target, describe(error)));
  }
}

/** The file extensions Excel opens a package of each main content type under. */
const EXTENSIONS: ReadonlyArray<[RegExp, string[], string]> = [
  [/\.sheet\.macroEnabled\.main\+xml$/i, [".xlsm"], "a macro-enabled workbook"],
  [/\.template\.macroEnabled\.main\+xml$/i, [".xltm"], "a macro-enabled template"],
  [/\.addin\.macroEnabled\.main\+xml$/i, [".xlam"], "an add-in workbook"],
  [/spreadsheetml\.sheet\.main\+xml$/i, [".xlsx"], "a workbook"],
  [/spreadsheetml\.template\.main\+xml$/i, [".xltx"], "a template"],
];

/**
 * Why the package cannot be written under `target`'s extension, or nothing: the content types
 * are copied as they are, and Excel refuses a file whose extension does not match its kind
 * (a macro-enabled workbook saved as .xlsx does not open).
 */
function wrongExtension(opened: OpenedWorkbook, target: string): string | undefined {
  const types = partText(opened.book.zip, CONTENT_TYPES, opened.budget);
  if (!types.ok || types.value === undefined) return undefined;
  for (let tag = findTag(types.value, "Override"); tag; tag = findTag(types.value, "Override", tag.end)) {
    const attrs = attributes(tag.attributesText);
    if (attrs.get("PartName")?.replace(/^\//, "").toLowerCase() !== opened.book.workbookPart.toLowerCase()) continue;
    const kind = EXTENSIONS.find(([type]) => type.test(attrs.get("ContentType") ?? ""));
    const extension = nodePath.extname(target).toLowerCase();
    if (!kind || kind[1].includes(extension)) return undefined;
    return `${nodePath.basename(opened.path)} is ${kind[2]}, which Excel opens only as ${kind[1].join(" or ")}; write it to a ${kind[1][0]} file`;
  }
  return undefined;
}

/** What the reader already has, and (in tests) the disk the write goes to. */
export interface WriteOptions {
  io?: WriteFs;
  /** Sheet parts' text as the reader decoded it, by part name: not inflated and decoded again. */
  sheetTexts?: ReadonlyMap<string, string>;
}

/** Writes the workbook with its computed values to `path`. */
export async function writeWorkbook(opened: OpenedWorkbook, evaluation: Evaluation, path: string, options: WriteOptions = {}): Promise<Outcome<Written>> {
  const wrong = wrongExtension(opened, path);
  if (wrong) return failure(messages.cannotWrite(path, wrong));
  let rebuilt: Outcome<{ pieces: Buffer[] } & Written>;
  try {
    rebuilt = cacheResults(opened, evaluation, options.sheetTexts);
  } catch (error) {
    return failure(messages.cannotWrite(path, describe(error)));
  }
  if (!rebuilt.ok) return failure(messages.cannotWrite(path, rebuilt.problems.join(" ")));
  const written = await writeAtomically(path, rebuilt.value.pieces, options.io);
  if (!written.ok) return written;
  return success({ formulas: rebuilt.value.formulas, warnings: rebuilt.value.warnings });
}
