/**
 * Headless recalculation of a planning workbook, step by step: open the file, choose the
 * settings, evaluate with HyperFormula, and optionally write the workbook back with its values.
 */
import { readDefinedNames } from "./definedNames";
import { evaluate, type ComputedCell, type Evaluation } from "./evaluate";
import { messages } from "./messages";
import { failure, success, type Outcome } from "./outcome";
import { openWorkbook, type OpenedWorkbook } from "./readWorkbook";
import { toEngineInput } from "./toSheets";
import { chooseSettings, type ChosenSettings } from "./workbookSettings";
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
  /** Formula cells written, when `out` was given. */
  written?: number;
}

/**
 * Recalculates the workbook at `path`.
 * @example await recalcWorkbook("assets/sample-plan.xlsx") // → { ok: true, value: { cells: [...], ... } }
 */
export async function recalcWorkbook(path: string, options: RecalcOptions = {}): Promise<Outcome<Recalculation>> {
  const opened = await openWorkbook(path);
  if (!opened.ok) return opened;
  const sheetNames = opened.value.workbook.worksheets.map((w) => w.name);
  if (options.sheet !== undefined && !sheetNames.includes(options.sheet)) {
    return failure(messages.noSuchSheet(options.sheet, sheetNames));
  }
  const settings = await chooseSettings(opened.value.bytes, options.settingsFile);
  if (!settings.ok) return settings;
  const definedNames = await readDefinedNames(opened.value.bytes);
  const evaluation = evaluate(toEngineInput(opened.value.workbook, definedNames), settings.value.settings);
  if (!evaluation.ok) return failure(...evaluation.problems, messages.cannotRecalculate(path));
  const cells = options.sheet === undefined ? evaluation.value.cells : evaluation.value.cells.filter((c) => c.sheet === options.sheet);
  const result: Recalculation = { opened: opened.value, settings: settings.value, evaluation: evaluation.value, cells };
  if (options.out !== undefined) {
    const written = await writeWorkbook(opened.value, evaluation.value, options.out);
    if (!written.ok) return written;
    result.written = written.value;
  }
  return success(result);
}
