/**
 * Excel tables (Insert > Table) and the structured references that point into them:
 * `tblExpenses[Amount]`, `Table1[[#This Row],[Qty]]`, `Table1[#All]`, `Table1[[Qty]:[Price]]`.
 * HyperFormula knows no tables, so each reference is rewritten to the plain range it stands for
 * (`'Budget'!$C$5:$C$12`) before evaluation. Table definitions come from the package itself
 * (`xl/tables/tableN.xml`, reached from each sheet's relationships), read within the budget.
 */
import { a1, boxHolds, parseBox, type CellBox } from "./address";
import type { Budget } from "./budget";
import { success, type Outcome } from "./outcome";
import { partText, relationshipsOf, type WorkbookPackage } from "./workbookPackage";
import { decodeXml } from "./xml";

export interface TableDefinition {
  /** `displayName`, the name formulas use. */
  name: string;
  sheet: string;
  /** The whole table, header and totals rows included. */
  box: CellBox;
  /** Column names, left to right. */
  columns: string[];
  headerRows: number;
  totalsRows: number;
}

const attribute = (tag: string, name: string): string | undefined => {
  const value = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : decodeXml(value);
};

/** A table part's definition; undefined when it cannot be read. */
export function parseTable(xml: string, sheet: string): TableDefinition | undefined {
  const tag = /<table\b[^>]*>/.exec(xml)?.[0];
  const name = tag && (attribute(tag, "displayName") ?? attribute(tag, "name"));
  const box = tag && parseBox(attribute(tag, "ref") ?? "");
  if (!tag || !name || !box) return undefined;
  const columns = [...xml.matchAll(/<tableColumn\b[^>]*>/g)].map(([column]) => attribute(column, "name") ?? "");
  return {
    name,
    sheet,
    box,
    columns,
    headerRows: Number(attribute(tag, "headerRowCount") ?? 1),
    totalsRows: Number(attribute(tag, "totalsRowCount") ?? 0),
  };
}

/** Every table of the package, with the sheet it sits on; parts read within the budget. */
export function readTables(book: WorkbookPackage, budget: Budget): Outcome<TableDefinition[]> {
  const tables: TableDefinition[] = [];
  for (const sheet of book.sheets) {
    if (sheet.part === undefined) continue;
    const rels = relationshipsOf(book.zip, sheet.part, budget);
    if (!rels.ok) return rels;
    for (const rel of rels.value) {
      if (rel.kind !== "table" || rel.part === undefined) continue;
      const xml = partText(book.zip, rel.part, budget);
      if (!xml.ok) return xml;
      const table = xml.value && parseTable(xml.value, sheet.name);
      if (table) tables.push(table);
    }
  }
  return success(tables);
}

/** What a structured reference's brackets ask for. */
interface Selection {
  areas: Set<string>;
  first?: string;
  last?: string;
}

/** The items of `[[#This Row],[Qty]:[Price]]` or `[Qty]` (without the outer brackets), `'` escapes undone. */
function selection(inner: string): Selection | undefined {
  const result: Selection = { areas: new Set() };
  const trimmed = inner.trim();
  if (trimmed === "") return result;
  const items: string[] = [];
  if (!trimmed.startsWith("[")) {
    items.push(trimmed);
  } else {
    let i = 0;
    let range = false;
    while (i < trimmed.length) {
      const c = trimmed[i];
      if (c === "[") {
        let j = i + 1;
        let text = "";
        while (j < trimmed.length && trimmed[j] !== "]") {
          if (trimmed[j] === "'") j++;
          text += trimmed[j] ?? "";
          j++;
        }
        if (range) items[items.length - 1] += `\u0000${text}`;
        else items.push(text);
        range = false;
        i = j + 1;
      } else if (c === ":") {
        range = true;
        i++;
      } else if (c === "," || c === " ") {
        i++;
      } else {
        return undefined;
      }
    }
  }
  for (const item of items) {
    const unescaped = trimmed.startsWith("[") ? item : item.replace(/'(.)/g, "$1");
    if (unescaped.startsWith("#")) {
      result.areas.add(unescaped.toLowerCase());
    } else if (unescaped.startsWith("@")) {
      result.areas.add("#this row");
      if (unescaped.length > 1) result.first = result.last = unescaped.slice(1).trim().replace(/^\[|\]$/g, "");
    } else {
      const [first, last = first] = unescaped.split("\u0000");
      result.first = first;
      result.last = last;
    }
  }
  return result;
}

const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const absolute = (row: number, col: number) => a1({ row, col }).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

/**
 * The plain range a structured reference stands for, or why it cannot be given one.
 * @param at the formula's own cell (for `#This Row`); none in a defined name
 * @example resolve(table, "[Amount]") // → "'Budget'!$C$5:$C$12"
 */
export function resolveReference(table: TableDefinition, inner: string, at?: { sheet: string; row: number }): string | { problem: string } {
  const chosen = selection(inner);
  if (!chosen) return { problem: `cannot read the table reference ${table.name}[${inner}]` };
  const column = (name: string | undefined) => (name === undefined ? -1 : table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase()));
  const left = chosen.first === undefined ? 0 : column(chosen.first);
  const right = chosen.last === undefined ? table.columns.length - 1 : column(chosen.last);
  if (left < 0 || right < 0) return { problem: `table ${table.name} has no column ${chosen.first === undefined || left >= 0 ? chosen.last : chosen.first}` };
  const { box, headerRows, totalsRows } = table;
  const dataTop = box.top + headerRows;
  const dataBottom = box.bottom - totalsRows;
  const areas = chosen.areas.size === 0 ? new Set(["#data"]) : chosen.areas;
  let top: number;
  let bottom: number;
  if (areas.has("#this row")) {
    if (!at || at.sheet !== table.sheet || at.row < dataTop || at.row > dataBottom) {
      return { problem: `${table.name}[#This Row] is used outside the rows of table ${table.name}` };
    }
    top = bottom = at.row;
  } else if (areas.has("#all")) {
    [top, bottom] = [box.top, box.bottom];
  } else {
    const rows: number[] = [];
    if (areas.has("#headers")) {
      if (headerRows === 0) return { problem: `table ${table.name} has no header row` };
      rows.push(box.top, dataTop - 1);
    }
    if (areas.has("#data")) rows.push(dataTop, dataBottom);
    if (areas.has("#totals")) {
      if (totalsRows === 0) return { problem: `table ${table.name} has no totals row` };
      rows.push(dataBottom + 1, box.bottom);
    }
    if (rows.length === 0) return { problem: `cannot read the table reference ${table.name}[${inner}]` };
    [top, bottom] = [Math.min(...rows), Math.max(...rows)];
  }
  if (bottom < top) return { problem: `table ${table.name} has no data rows` };
  const from = absolute(top, box.left + Math.min(left, right));
  const to = absolute(bottom, box.left + Math.max(left, right));
  return `${quoteSheet(table.sheet)}!${from === to ? from : `${from}:${to}`}`;
}

/** The end (exclusive) of a bracketed reference starting at `start` (`[`), nested brackets and `'` escapes included. */
function bracketEnd(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    const c = formula[i];
    if (c === "'") i++;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i + 1;
  }
  return -1;
}

const NAME_BEFORE = /([A-Za-z_\\][A-Za-z0-9_.\\]*)$/;

/**
 * A formula with every structured reference replaced by its range. A bracket with no table name
 * in front (`[@Qty]`) belongs to the table the formula sits in.
 * @param at the formula's own cell; none for a defined name
 * @returns the rewritten formula, or the first reference that cannot be resolved
 * @example rewriteTableReferences("=SUM(tblExpenses[Amount])", tables) // → { formula: "=SUM('Budget'!$C$5:$C$12)" }
 */
export function rewriteTableReferences(
  formula: string,
  tables: readonly TableDefinition[],
  at?: { sheet: string; row: number; col: number },
): { formula: string } | { problem: string } {
  if (!formula.includes("[")) return { formula };
  const byName = new Map(tables.map((t) => [t.name.toLowerCase(), t]));
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === c && formula[j + 1] !== c)) j += formula[j] === c ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c !== "[") {
      out += c;
      i++;
      continue;
    }
    const end = bracketEnd(formula, i);
    if (end < 0) return { problem: "an unclosed [ in the formula" };
    const name = NAME_BEFORE.exec(out)?.[1];
    let table = name === undefined ? undefined : byName.get(name.toLowerCase());
    if (name !== undefined && !table) {
      // `[1]Sheet1!A1` is an external workbook; `Name[…]` a table this workbook does not have.
      return { problem: `unknown table ${name}` };
    }
    if (!table && at) {
      table = tables.find((t) => t.sheet === at.sheet && boxHolds(t.box, at.row, at.col));
    }
    if (!table) return { problem: "a reference to another workbook or to a table this workbook does not have" };
    const range = resolveReference(table, formula.slice(i + 1, end - 1), at);
    if (typeof range !== "string") return range;
    out = (name === undefined ? out : out.slice(0, out.length - name.length)) + range;
    i = end;
  }
  return { formula: out };
}
