/**
 * Headless recalculation of a planning workbook, step by step: open the file, choose the
 * settings, evaluate with HyperFormula, and optionally write the workbook back with its values.
 */
import v8 from "v8";
import { heapAvailable, memoryShortfall } from "./budget";
import { evaluateBeside, isTotal } from "./beside";
import { directCalls, inOrderEvaluation, type DirectCalls } from "./direct";
import type { ComputedCell, Evaluation, EvaluateOptions, RefusedCell } from "./evaluate";
import { messages } from "./messages";
import { failure, success, type Outcome } from "./outcome";
import { openWorkbook, type OpenedWorkbook } from "./readWorkbook";
import type { SavedCells } from "./savedCells";
import { readTables } from "./tables";
import { toEngineInput, type EngineInput } from "./toSheets";
import { chooseSettings, type ChosenSettings } from "./workbookSettings";
import type { MpsSettings } from "../shared/settings";
import type { ReportContext } from "./report";
import { writeWorkbook } from "./writeWorkbook";

export interface RecalcOptions {
  /** A JSON settings file that overrides the settings saved in the workbook. */
  settingsFile?: string;
  /** Report only this sheet (every sheet is still calculated). */
  sheet?: string;
  /** Write the workbook with its computed values here. */
  out?: string;
}

export interface Recalculation {
  opened: OpenedWorkbook;
  settings: ChosenSettings;
  evaluation: Evaluation;
  /** The cells to report: all of them, or those of the chosen sheet. */
  cells: ComputedCell[];
  /** The refused formula cells to report: all of them, or those of the chosen sheet. */
  refused: RefusedCell[];
  /** Formula cells written, when `out` was given. */
  written?: number;
  /**
   * What the planner should know that did not stop the run, each naming the cell, sheet or part:
   * cells that could not be read, values that could not be written.
   */
  warnings: string[];
  /** What the file saved besides the cells evaluated: formulas' cached values, saved spills, hidden rows. */
  saved: SavedCells;
  /** The workbook's cells as read and its date system: the text report's labels and dates. */
  context: ReportContext;
}

/**
 * Recalculates the workbook at `path`.
 * @example await recalcWorkbook("assets/sample-plan.xlsx") // → { ok: true, value: { cells: [...], ... } }
 */
export async function recalcWorkbook(path: string, options: RecalcOptions = {}): Promise<Outcome<Recalculation>> {
  try {
    return await recalculate(path, options);
  } catch (error) {
    // An allocation V8 refuses (a string or buffer too large) is a message too; running out of
    // heap itself is prevented by the memory check before evaluating.
    if (error instanceof RangeError && /allocation|invalid (string|array|typed array) length|too large/i.test(error.message)) {
      return failure(messages.outOfMemory(path));
    }
    throw error;
  }
}

async function recalculate(path: string, options: RecalcOptions): Promise<Outcome<Recalculation>> {
  const read = await openWorkbook(path);
  if (!read.ok) return read;
  const opened = read.value;
  const sheetNames = opened.book.sheets.map((s) => s.name);
  if (options.sheet !== undefined && !sheetNames.includes(options.sheet)) {
    return failure(messages.noSuchSheet(options.sheet, sheetNames));
  }
  const settings = await chooseSettings(opened.bytes, options.settingsFile);
  if (!settings.ok) return settings;
  // The writer rewrites sheet parts: their text is kept rather than inflated and decoded twice.
  const sheetTexts = options.out !== undefined ? new Map<string, string>() : undefined;
  const input = toEngineInput(opened.book, opened.budget, sheetTexts);
  if (!input.ok) return failure(...input.problems, messages.cannotRecalculate(path));
  const short = memoryShortfall(input.value.cellCount, input.value.formulas.length, heapAvailable(v8.getHeapStatistics()));
  if (short) return failure(messages.notEnoughMemory(path, short));
  const tables = readTables(opened.book, opened.budget);
  if (!tables.ok) return failure(...tables.problems, messages.cannotRecalculate(path));
  const evaluation = evaluateWorkbook(input.value, settings.value.settings, { cache: input.value.saved, tables: tables.value });
  if (!evaluation.ok) return failure(...evaluation.problems, messages.cannotRecalculate(path));
  const chosen = <T extends { sheet: string }>(all: T[]) => (options.sheet === undefined ? all : all.filter((c) => c.sheet === options.sheet));
  const refused = chosen(evaluation.value.refused);
  const warnings = input.value.unread.map((note) => note.message);
  let cells: ComputedCell[] | undefined;
  const result: Recalculation = {
    opened,
    settings: settings.value,
    evaluation: evaluation.value,
    // Made when first read: the JSON report walks the evaluation instead (blocks.ts).
    get cells(): ComputedCell[] {
      cells ??= chosen(evaluation.value.cells);
      return cells;
    },
    refused,
    warnings,
    saved: input.value.saved,
    context: { sheets: input.value.sheets, date1904: input.value.date1904 },
  };
  if (options.out !== undefined) {
    const written = await writeWorkbook(opened, evaluation.value, options.out, { sheetTexts });
    if (!written.ok) return written;
    result.written = written.value.formulas;
    warnings.push(...written.value.warnings);
  }
  return success(result);
}

/**
 * Evaluates a workbook as `mps-recalc` does, the one place that chooses how: the direct path
 * (direct.ts) when every formula is a plain MPS call; the calls directly and HyperFormula for
 * the other formulas on just the cells they read (beside.ts) when that pays and gives the same
 * answer; else HyperFormula (evaluate.ts) on the whole workbook. HyperFormula is loaded only
 * when needed: loading it is a good part of a short run's start.
 */
export function evaluateWorkbook(input: EngineInput, settings: MpsSettings, options: EvaluateOptions = {}): Outcome<Evaluation> {
  const direct = input.formulas.length > 0 ? directCalls(input, settings) : undefined;
  const ran = direct && direct.others.length === 0 ? direct.run() : undefined;
  if (ran) return success(inOrderEvaluation(ran.blocks, input.sheetNames));
  const beside = direct && worthBeside(direct) ? evaluateBeside(input, direct, settings, options) : undefined;
  if (beside) return success(beside);
  // require, not import(): bin/mps-recalc.js hooks tsx into require only, and import() would
  // bypass it (test/recalc/bin.test.ts runs the bin on a workbook that needs HyperFormula).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { evaluate } = require("./evaluate") as typeof import("./evaluate");
  return evaluate(input, settings, options);
}

/**
 * Results large enough, beside few enough other formulas, for `evaluateBeside` to pay: it saves
 * HyperFormula ~2.7 µs a result cell (its arrays) but costs ~0.5 ms an other formula (built and
 * evaluated up to three times, on constants in place of arrays). Measured on the 1,000-item
 * bench workbook (477,000 result cells), against HyperFormula on all of it, with totals still
 * evaluated by HyperFormula: one SUM 0.17 s instead of 1.2–1.3 s; a total right of 96 planning
 * rows 0.2–0.3 s instead of 1.3–1.5 s; of 800, 0.6 s instead of 1.4–1.6 s; of all 8,000,
 * 3.9–4.3 s instead of 1.5 s. Totals are now worked out without HyperFormula, so they do not count.
 */
function worthBeside(direct: DirectCalls): boolean {
  // Totals (`=SUM`, `AVERAGE`, `MIN`, `MAX` or `COUNT` of a row or column) are worked out
  // without HyperFormula: they cost next to nothing.
  const others = direct.others.filter((formula) => !isTotal(formula)).length;
  return direct.others.length > 0 && direct.resultCells >= 20_000 + 300 * others;
}

/**
 * What fails a `--strict` run on the package side: cells that could not be read, values that
 * could not be written, and settings not used as given (an invalid settings part, unknown keys
 * in a `--settings` file). Empty when the run used everything exactly as the workbook has it.
 */
export function strictProblems(result: Recalculation): string[] {
  return [...result.warnings, ...(result.settings.warnings ?? [])];
}
