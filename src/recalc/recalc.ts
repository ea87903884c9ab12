/**
 * Headless recalculation of a planning workbook, step by step: open the file, choose the
 * settings, evaluate with HyperFormula, and optionally write the workbook back with its values.
 */
import { readDefinedNames } from "./definedNames";
import { evaluate, type ComputedCell, type Evaluation, type RefusedCell } from "./evaluate";
import { messages } from "./messages";
import { failure, success, type Outcome } from "./outcome";
import { openWorkbook, type OpenedWorkbook } from "./readWorkbook";
import { readTables } from "./tables";
import { toEngineInput } from "./toSheets";
import { workbookCache } from "./workbookCache";
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
  /** The refused formula cells to report: all of them, or those of the chosen sheet. */
  refused: RefusedCell[];
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
  const tables = await readTables(opened.value.bytes);
  const evaluation = evaluate(toEngineInput(opened.value.workbook, definedNames), settings.value.settings, {
    cache: workbookCache(opened.value.workbook),
    tables,
  });
  if (!evaluation.ok) return failure(...evaluation.problems, messages.cannotRecalculate(path));
  const chosen = <T extends { sheet: string }>(all: T[]) => (options.sheet === undefined ? all : all.filter((c) => c.sheet === options.sheet));
  const cells = chosen(evaluation.value.cells);
  const refused = chosen(evaluation.value.refused);
  const result: Recalculation = { opened: opened.value, settings: settings.value, evaluation: evaluation.value, cells, refused };
  if (options.out !== undefined) {
    const written = await writeWorkbook(opened.value, evaluation.value, options.out);
    if (!written.ok) return written;
    result.written = written.value;
  }
  return success(result);
}
