/**
 * The cells of a worksheet part (`<sheetData>`), row by row, with where each element lies in
 * the part's text, so the reader can take their contents and the writer can replace a few of
 * them and copy everything else as it is. Everything outside `<sheetData>` — data validations,
 * conditional formats, merged cells, extLst — is never parsed (a whole-sheet validation costs
 * nothing). One forward pass; each row's cells are handed over and then dropped.
 */
import { MAX_COLUMNS, MAX_ROWS } from "./address";
import { afterClose, attribute, attributes, closeOf, decodeXml, decodeXstring, findTag, nextToken, XmlError, type Tag } from "./xml";

export interface XmlFormula {
  /** `t`: "shared", "array", "dataTable", or undefined for a normal formula. */
  type?: string;
  ref?: string;
  si?: string;
  /** The formula text, decoded, without "=" ("" for a shared formula's other cells). */
  text: string;
  /** Where `<f …>` starts, where its content ends (its `</f>`) and where its element ends. */
  start: number;
  close: number;
  end: number;
  tag: Tag;
}

export interface XmlCell {
  /** 0-based; undefined when the cell's `r` is not a cell of Excel's grid. */
  row: number;
  col: number;
  /** The `r` attribute as written, when it is not a cell address. */
  badRef?: string;
  start: number;
  end: number;
  tag: Tag;
  formula?: XmlFormula;
  /** `<v>`, decoded. */
  value?: string;
  /** `<is>`: the text of its runs (phonetic runs left out). */
  inline?: string;
}

export interface XmlRow {
  /** 0-based. */
  index: number;
  tag: Tag;
  /** Where the row's content ends (its `</row>`; the tag's end when self-closing). */
  close: number;
  /** Just after `</row>`. */
  end: number;
  cells: XmlCell[];
}

export interface SheetDataPlace {
  /** The `<sheetData>` tag, when the part has one. */
  tag?: Tag;
  /** Where its content ends (`</sheetData>`). */
  close: number;
}

/** Text of the `<t>` runs of `<is>` or `<si>` between `from` and `limit`, phonetic runs (`<rPh>`) left out. */
export function runsText(xml: string, from: number, limit: number): string {
  let text = "";
  for (let token = nextToken(xml, from, limit); token; ) {
    const { tag } = token;
    if (token.closing) {
      token = nextToken(xml, tag.end, limit);
      continue;
    }
    if (tag.name === "rPh" || tag.name === "t") {
      const close = closeOf(xml, tag, limit);
      if (tag.name === "t") text += decodeXml(xml.slice(tag.end, close));
      token = nextToken(xml, afterClose(xml, tag, close), limit);
      continue;
    }
    token = nextToken(xml, tag.end, limit);
  }
  return decodeXstring(text);
}

/** The children of a `<c>` between its tags: formula, value, inline string. */
function readCellContent(xml: string, cell: XmlCell, from: number, limit: number): void {
  // Most cells hold `<v>…</v>` and nothing else: read without walking its tags.
  if (limit - from >= 7 && xml.startsWith("<v>", from) && xml.startsWith("</v>", limit - 4)) {
    const text = xml.slice(from + 3, limit - 4);
    if (!text.includes("<")) {
      cell.value = decodeXml(text);
      return;
    }
  }
  for (let token = nextToken(xml, from, limit); token; ) {
    const { tag } = token;
    if (token.closing) {
      token = nextToken(xml, tag.end, limit);
      continue;
    }
    const close = closeOf(xml, tag, limit);
    const end = afterClose(xml, tag, close);
    if (tag.name === "f") {
      const attrs = attributes(tag.attributesText);
      cell.formula = { type: attrs.get("t"), ref: attrs.get("ref"), si: attrs.get("si"), text: decodeXml(xml.slice(tag.end, close)), start: tag.start, close, end, tag };
    } else if (tag.name === "v") {
      cell.value = decodeXml(xml.slice(tag.end, close));
    } else if (tag.name === "is") {
      cell.inline = runsText(xml, tag.end, close);
    }
    token = nextToken(xml, end, limit);
  }
}

/**
 * A cell reference `r` as 0-based row and column: one to three letters, then one to seven
 * digits; undefined otherwise. Read by character codes, as a sheet has a million of them.
 */
function cellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  if (i === 0 || i > 3) return undefined;
  const digits = ref.length - i;
  if (digits < 1 || digits > 7) return undefined;
  let row = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return undefined;
    row = row * 10 + (code - 0x30);
  }
  return { row: row - 1, col: col - 1 };
}

/** Where a cell sits: its `r`, else the column after the previous cell of the row. */
function place(cell: XmlCell, row: number, previousCol: number): void {
  const ref = attribute(cell.tag.attributesText, "r");
  if (ref === undefined) {
    cell.row = row;
    cell.col = previousCol + 1;
  } else {
    const at = cellRef(ref);
    const col = at ? at.col : -1;
    const r = at ? at.row : -1;
    if (!at || col < 0 || col >= MAX_COLUMNS || r < 0 || r >= MAX_ROWS) {
      cell.badRef = ref;
      cell.row = row;
      cell.col = previousCol;
      return;
    }
    cell.row = r;
    cell.col = col;
  }
  if (cell.col >= MAX_COLUMNS) cell.badRef = `(column ${cell.col + 1})`;
}

/**
 * Scans `<sheetData>`, handing each row to `onRow`; `onRow` returning false stops the scan.
 * @param wantsCells when given, only rows it says yes to have their cells read (the others are
 *   handed over with none): a writer that changes a few rows skips the cells of the rest
 * @throws XmlError when the sheet data is not well-formed
 */
export function scanSheetData(xml: string, onRow: (row: XmlRow) => boolean | void, wantsCells?: (row: number) => boolean): SheetDataPlace {
  const sheetData = findTag(xml, "sheetData");
  if (!sheetData) return { close: -1 };
  if (sheetData.selfClosing) return { tag: sheetData, close: sheetData.end };
  const limit = closeOf(xml, sheetData);
  let rowIndex = -1;
  for (let token = nextToken(xml, sheetData.end, limit); token; ) {
    const { tag } = token;
    if (token.closing || tag.name !== "row") {
      // Anything but a row directly in sheetData is skipped whole.
      token = nextToken(xml, token.closing ? tag.end : afterClose(xml, tag, closeOf(xml, tag, limit)), limit);
      continue;
    }
    const r = attribute(tag.attributesText, "r");
    rowIndex = r !== undefined && /^\d{1,7}$/.test(r) ? Number(r) - 1 : rowIndex + 1;
    if (rowIndex < 0 || rowIndex >= MAX_ROWS) throw new XmlError(`row ${r ?? rowIndex + 1} is outside Excel's grid`);
    const rowClose = closeOf(xml, tag, limit);
    const row: XmlRow = { index: rowIndex, tag, close: rowClose, end: afterClose(xml, tag, rowClose), cells: [] };
    let previousCol = -1;
    const skip = wantsCells !== undefined && !wantsCells(rowIndex);
    for (let inner = skip ? undefined : nextToken(xml, tag.end, rowClose); inner; ) {
      const cellTag = inner.tag;
      if (inner.closing || cellTag.name !== "c") {
        inner = nextToken(xml, inner.closing ? cellTag.end : afterClose(xml, cellTag, closeOf(xml, cellTag, rowClose)), rowClose);
        continue;
      }
      const close = closeOf(xml, cellTag, rowClose);
      const end = afterClose(xml, cellTag, close);
      const cell: XmlCell = { row: rowIndex, col: 0, start: cellTag.start, end, tag: cellTag };
      place(cell, rowIndex, previousCol);
      previousCol = cell.col;
      if (!cellTag.selfClosing) readCellContent(xml, cell, cellTag.end, close);
      row.cells.push(cell);
      inner = nextToken(xml, end, rowClose);
    }
    if (onRow(row) === false) break;
    token = nextToken(xml, row.end, limit);
  }
  return { tag: sheetData, close: limit };
}
