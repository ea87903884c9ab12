/**
 * Writes a recalculated workbook: every formula keeps its text (as the file spelled it) and gets
 * its computed value cached. A dynamic array — a formula that spills, calls an MPS function, or
 * was saved as one — becomes an anchor over the cells it fills (the anchor alone for a single
 * value or an error), which hold the spilled values as Excel saves them. A legacy {array formula}
 * keeps its own range and stays legacy. Styles and other sheets are ExcelJS's round trip; the
 * add-in's settings part and the defined names are carried over from the original file.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { a1, boxText, parseBox, type CellAt, type CellBox } from "./address";
import type { ComputedCell, Evaluation } from "./evaluate";
import { messages } from "./messages";
import { describe, failure, success, type Outcome } from "./outcome";
import { calledFunctions } from "./formula";
import { dynamicArrayCells, finishPackage } from "./packageParts";
import type { OpenedWorkbook } from "./readWorkbook";

type FormulaValue = ExcelJS.CellFormulaValue & { sharedFormula?: string; shareType?: string; ref?: string };

/** A computed value as ExcelJS stores it: errors as `{ error: "#VALUE!" }`. */
function stored(cell: ComputedCell): ExcelJS.CellValue {
  if (cell.error) return { error: cell.value as ExcelJS.CellErrorValue["error"] };
  return cell.value;
}

function inside(box: CellBox | undefined, row: number, col: number): boolean {
  return box !== undefined && row >= box.top && row <= box.bottom && col >= box.left && col <= box.right;
}

/** Empties what a formula spilled at its last save but no longer fills. */
function clearStaleSpill(sheet: ExcelJS.Worksheet, old: CellBox | undefined, anchor: CellAt, now: CellBox | undefined): void {
  if (!old) return;
  for (let row = old.top; row <= old.bottom; row++) {
    for (let col = old.left; col <= old.right; col++) {
      if ((row === anchor.row && col === anchor.col) || inside(now, row, col)) continue;
      const cell = sheet.getCell(row + 1, col + 1);
      if (cell.type !== ExcelJS.ValueType.Formula) cell.value = null;
    }
  }
}

function callsMps(cell: ComputedCell): boolean {
  return calledFunctions(cell.formula!.engineFormula).some((name) => name.toUpperCase().startsWith("MPS."));
}

/**
 * Caches the computed values in the workbook (in memory).
 * @param dynamicInSource cells (A1, by sheet) the original file marks as dynamic arrays (`cm`)
 * @returns the anchors of dynamic arrays, by sheet
 */
export function cacheResults(
  workbook: ExcelJS.Workbook,
  evaluation: Evaluation,
  dynamicInSource: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Map<string, CellAt[]> {
  const anchors = new Map<string, CellAt[]>();
  for (const computed of evaluation.cells) {
    const sheet = workbook.getWorksheet(computed.sheet)!;
    const cell = sheet.getCell(computed.row + 1, computed.col + 1);
    if (!computed.formula) {
      cell.value = stored(computed);
      continue;
    }
    const saved = cell.value as FormulaValue;
    const next: FormulaValue = { ...saved, result: stored(computed) as FormulaValue["result"] };
    if (saved.shareType === "shared") {
      cell.value = next; // a shared formula's master keeps its sharing; Excel re-spills it
      continue;
    }
    const savedArray = saved.shareType === "array";
    const mps = callsMps(computed);
    const sourceDynamic = savedArray && (dynamicInSource.get(computed.sheet)?.has(a1(computed)) ?? false);
    if (savedArray && !sourceDynamic && !mps) {
      // A legacy {array formula} (Ctrl+Shift+Enter): its range is the planner's, not a spill.
      cell.value = { ...next, formula: computed.formula.formula, shareType: "array", ref: saved.ref ?? a1(computed) } as FormulaValue;
      continue;
    }
    clearStaleSpill(sheet, savedArray && saved.ref ? parseBox(saved.ref) : undefined, computed, computed.spill);
    if (computed.spill || mps || sourceDynamic) {
      const ref = computed.spill ? boxText(computed.spill) : a1(computed);
      cell.value = { ...next, formula: computed.formula.formula, shareType: "array", ref } as FormulaValue;
      const list = anchors.get(computed.sheet) ?? [];
      list.push({ row: computed.row, col: computed.col });
      anchors.set(computed.sheet, list);
    } else {
      cell.value = next;
    }
  }
  return anchors;
}

/** Writes the workbook with its computed values to `path`. */
export async function writeWorkbook(opened: OpenedWorkbook, evaluation: Evaluation, path: string): Promise<Outcome<number>> {
  try {
    const anchors = cacheResults(opened.workbook, evaluation, await dynamicArrayCells(opened.bytes));
    const written = Buffer.from(await opened.workbook.xlsx.writeBuffer());
    const bytes = await finishPackage(written, { original: opened.bytes, dynamicArrays: anchors });
    await fs.writeFile(path, bytes);
    return success(evaluation.cells.filter((c) => c.formula).length);
  } catch (error) {
    return failure(messages.cannotWrite(path, describe(error)));
  }
}
