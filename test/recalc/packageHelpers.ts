/**
 * Shared by the package tests: where the real Excel-saved workbooks are, comparing two packages
 * part by part (with JSZip, not the reader under test), and the cells of a sheet part as Excel
 * shows them.
 */
import { existsSync, readFileSync, statSync } from "fs";
import path from "path";
import JSZip from "jszip";
import { cellKey, parseBox, type CellBox } from "../../src/recalc/address";
import type { ComputedCell, Evaluation } from "../../src/recalc/evaluate";
import { toEngineFormula } from "../../src/recalc/formula";
import type { OpenedWorkbook } from "../../src/recalc/readWorkbook";
import { runsText, scanSheetData } from "../../src/recalc/sheetXml";
import { attribute } from "../../src/recalc/xml";
import { ROOT } from "./helpers";

/**
 * `../shared/real-workbooks/` beside the repository: of this checkout, or, in a git worktree,
 * of the main checkout (`.git` is then a file naming `<main>/.git/worktrees/<name>`).
 * `MPS_REAL_WORKBOOKS` overrides both. Undefined when none exists.
 */
export function realWorkbooksDir(): string | undefined {
  const candidates = [process.env.MPS_REAL_WORKBOOKS, path.join(ROOT, "..", "shared", "real-workbooks")];
  const dotGit = path.join(ROOT, ".git");
  if (existsSync(dotGit) && statSync(dotGit).isFile()) {
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, "utf8"))?.[1].trim();
    if (gitdir) candidates.push(path.join(path.resolve(ROOT, gitdir), "..", "..", "..", "..", "shared", "real-workbooks"));
  }
  return candidates.find((dir): dir is string => dir !== undefined && existsSync(dir));
}

/** The corpus's workbooks by file name, in one list so the package and the values suites run over the same files. */
export const REAL_WORKBOOKS = [
  "poi-58648-bare-FALSE.xlsx",
  "closedxml-tdf111974-op-plan.xlsm",
  "closedxml-ceiling-floor.xlsx",
  "rust_xlsxwriter-outline01-subtotal.xlsx",
  "poi-54206-sumif-blank-criterion.xlsx",
  "poi-59106-text-mmm.xlsx",
  "phpspreadsheet-Translations-webextension.xlsx",
  "exceljs-issue-1842-whole-sheet-validation.xlsx",
  "pycel-logical-name-error-constant.xlsx",
  "poi-simple-monthly-budget.xlsx",
];

/** The workbook with no cell at all (a data validation over the whole sheet): a package case, with no value to compare. */
export const CELL_FREE_WORKBOOK = "exceljs-issue-1842-whole-sheet-validation.xlsx";

/** Every part of a package, inflated, in directory order. */
export async function partsOf(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) parts.set(name, await zip.files[name].async("nodebuffer"));
  }
  return parts;
}

/** The parts whose bytes differ between two packages (a part in one only counts as differing). */
export function changedParts(before: ReadonlyMap<string, Buffer>, after: ReadonlyMap<string, Buffer>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => !before.get(name) || !after.get(name) || !before.get(name)!.equals(after.get(name)!));
}

/** A cell of a sheet part as it reads: formula text (shared formulas as written) and shown value. */
export interface ShownCell {
  formula?: string;
  value?: string;
  type: string;
}

/** The texts of a shared-string part. */
function sharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  for (let at = xml.indexOf("<si>"); at >= 0; at = xml.indexOf("<si>", at + 1)) strings.push(runsText(xml, at + 4, xml.indexOf("</si>", at)));
  return strings;
}

/** Every cell of a sheet part, by A1, with text values resolved ("s" and "inlineStr" both read as "text"). */
export function shownCells(sheetXml: string, sstXml?: string): Map<string, ShownCell> {
  const strings = sharedStrings(sstXml);
  const cells = new Map<string, ShownCell>();
  scanSheetData(sheetXml, (row) => {
    for (const cell of row.cells) {
      const t = attribute(cell.tag.attributesText, "t") ?? "n";
      const text = t === "s" ? strings[Number(cell.value)] : t === "inlineStr" ? cell.inline : cell.value;
      const type = t === "s" || t === "inlineStr" || t === "str" ? "text" : t;
      // Numbers compare as the doubles they stand for ("0.14000000000000001" is 0.14).
      const value = type === "n" && text !== undefined && text !== "" ? String(Number(text)) : text;
      if (cell.formula || text !== undefined) cells.set(cellKey("", cell).slice(1), { formula: cell.formula?.text || undefined, value, type });
    }
  });
  return cells;
}

/** `<sheetData>` and `<dimension>` taken out: what of a sheet part the writer never changes. */
export function outsideCells(sheetXml: string): string {
  return sheetXml.replace(/<sheetData\b[\s\S]*<\/sheetData>|<sheetData\/>/, "").replace(/<dimension\b[^>]*\/>/, "");
}

/**
 * An evaluation that gives every formula the value the file caches, and every saved dynamic
 * array its saved spill: writing it must leave every value as it was.
 */
export async function cachedEvaluation(opened: OpenedWorkbook): Promise<Evaluation> {
  const parts = await partsOf(opened.bytes);
  const sst = opened.book.sharedStringsPart ? parts.get(opened.book.sharedStringsPart)?.toString("utf8") : undefined;
  const strings = sharedStrings(sst);
  const cells: ComputedCell[] = [];
  for (const sheet of opened.book.sheets) {
    if (sheet.kind !== "worksheet" || !sheet.part) continue;
    const spills: CellBox[] = [];
    scanSheetData(parts.get(sheet.part)!.toString("utf8"), (row) => {
      for (const cell of row.cells) {
        const t = attribute(cell.tag.attributesText, "t") ?? "n";
        if (cell.value === undefined && cell.inline === undefined) continue;
        const value = t === "s" ? strings[Number(cell.value)] : t === "inlineStr" ? cell.inline! : t === "b" ? cell.value === "1" : t === "e" || t === "str" ? cell.value! : Number(cell.value);
        const key = cellKey(sheet.name, cell);
        const error = t === "e" ? { type: "ERROR", message: "" } : undefined;
        const f = cell.formula;
        if (f && f.type !== "dataTable") {
          const box = f.type === "array" && f.ref && attribute(cell.tag.attributesText, "cm") !== undefined ? parseBox(f.ref) : undefined;
          if (box) spills.push(box);
          const text = f.text || "shared";
          const formula = { sheet: sheet.name, row: cell.row, col: cell.col, formula: text, engineFormula: toEngineFormula(text) };
          cells.push({ sheet: sheet.name, row: cell.row, col: cell.col, key, value, error, formula, spill: box });
        } else if (!f && spills.some((b) => cell.row >= b.top && cell.row <= b.bottom && cell.col >= b.left && cell.col <= b.right)) {
          cells.push({ sheet: sheet.name, row: cell.row, col: cell.col, key, value, error });
        }
      }
    });
  }
  return evaluationOf(cells);
}

/**
 * An evaluation of these computed cells and no refused ones (the evaluation side lists refused
 * cells apart; the writer leaves them as they are).
 */
export function evaluationOf(cells: ComputedCell[]): Evaluation {
  const evaluation = { cells, refused: [] };
  return evaluation;
}
