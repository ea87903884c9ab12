/**
 * Helpers for tests that compare the recalculation's paths (direct.ts, beside.ts) with
 * HyperFormula on the whole workbook (evaluate.ts).
 */
import type { RawCellContent } from "hyperformula";
import { evaluateBeside } from "../../src/recalc/beside";
import { rowsBySheet, valuesOf } from "../../src/recalc/blocks";
import { directCalls } from "../../src/recalc/direct";
import { evaluate, type Evaluation } from "../../src/recalc/evaluate";
import { openWorkbook } from "../../src/recalc/readWorkbook";
import { evaluateWorkbook } from "../../src/recalc/recalc";
import { jsonText } from "../../src/recalc/report";
import { toEngineInput, type EngineInput } from "../../src/recalc/toSheets";
import { DEFAULT_SETTINGS, type MpsSettings } from "../../src/shared/settings";

/** An evaluation as plain data (the direct path's spilled cells spell their key on demand). */
export function plain(evaluation: Evaluation) {
  return {
    cells: evaluation.cells.map((c) => ({ key: c.key, sheet: c.sheet, row: c.row, col: c.col, value: c.value, error: c.error, formula: c.formula?.engineFormula, spill: c.spill })),
    refused: evaluation.refused.map((c) => ({ key: c.key, reason: c.reason, cached: c.cached, dependents: c.dependents })),
  };
}

/** What the JSON report and the writer walk: every cell in order, and each sheet's rows. */
export function walked(evaluation: Evaluation) {
  const rows = [...rowsBySheet(evaluation)].map(([sheet, { rows: indexes, cellsOf }]) => ({
    sheet,
    rows: indexes.map((row) => ({ row, cells: cellsOf(row).map((c) => [c.key, c.value, c.error?.message]) })).filter((row) => row.cells.length > 0),
  }));
  return { json: jsonText(valuesOf(evaluation)), rows };
}

export function inputOf(grid: RawCellContent[][], formulas: { row: number; col: number; text: string }[], sheet = "Plan"): EngineInput {
  const sheets: Record<string, RawCellContent[][]> = { [sheet]: grid.map((line) => line.slice()) };
  for (const { row, col, text } of formulas) (sheets[sheet][row] ??= [])[col] = `=${text}`;
  for (let r = 0; r < sheets[sheet].length; r++) sheets[sheet][r] ??= [];
  return {
    sheetNames: [sheet],
    sheets,
    formulas: formulas.map(({ row, col, text }) => ({ sheet, row, col, formula: text, engineFormula: `=${text}` })),
    names: [],
    date1904: false,
  };
}

export async function readInput(file: string): Promise<EngineInput> {
  const opened = await openWorkbook(file);
  if (!opened.ok) throw new Error(opened.problems.join(" "));
  const input = toEngineInput(opened.value.book, opened.value.budget);
  if (!input.ok) throw new Error(input.problems.join(" "));
  return input.value;
}

/** The way `evaluateWorkbook` takes a workbook: every formula an MPS call, the calls beside others, or HyperFormula on all of it. */
export type Path = "direct" | "beside" | "whole";

export function pathOf(input: EngineInput, settings: MpsSettings): Path {
  const direct = input.formulas.length > 0 ? directCalls(input, settings) : undefined;
  if (direct && direct.others.length === 0 && direct.run()) return "direct";
  if (direct && direct.others.length < input.formulas.length && evaluateBeside(input, direct, settings, {})) return "beside";
  return "whole";
}

/**
 * HyperFormula on the whole workbook and `evaluateWorkbook`, which must give the same cells and
 * walk them alike; with the way it took.
 */
export function both(input: EngineInput, settings: MpsSettings = DEFAULT_SETTINGS) {
  const hf = evaluate(input, settings);
  const ours = evaluateWorkbook(input, settings);
  if (!hf.ok || !ours.ok) throw new Error(`not evaluated: ${[hf, ours].flatMap((o) => (o.ok ? [] : o.problems)).join(" ")}`);
  // Walked before `cells` is read: blocks are walked as they are, not from cells made of them.
  const ourWalk = walked(ours.value);
  expect(ourWalk).toEqual(walked(hf.value));
  const path = pathOf(input, settings);
  return { hf: plain(hf.value), direct: plain(ours.value), tookDirectPath: path === "direct", path };
}
