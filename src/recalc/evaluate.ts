/**
 * Evaluates a workbook's contents with HyperFormula and the MPS functions, and collects what a
 * planner sees: the value of every formula cell and of every cell a formula spills into.
 * Problems that make the results meaningless — an unknown function or name, a formula that
 * cannot be read, a circular reference — are returned as problems instead.
 */
import { CellType, DetailedCellError, ErrorType, HyperFormula, type ConfigParams, type SimpleCellAddress } from "hyperformula";
import type { MpsSettings } from "../shared/settings";
import { cellKey, type CellAt, type CellBox } from "./address";
import { calledFunctions } from "./formula";
import { messages } from "./messages";
import { describe, failure, success, type Outcome } from "./outcome";
import { MPS_FUNCTION_NAMES, registerMpsFunctions, type MpsContext } from "./plugin";
import type { EngineInput, FormulaCell } from "./toSheets";

/** A value as the planner sees it; errors as their text, e.g. "#VALUE!". */
export type Shown = number | string | boolean;

export interface ComputedCell extends CellAt {
  sheet: string;
  /** "Plan!B10" */
  key: string;
  value: Shown;
  /** When the value is an error: its type ("VALUE") and the message Excel would show in its tooltip. */
  error?: { type: string; message: string };
  /** Set on formula cells; spilled cells have none. */
  formula?: FormulaCell;
  /** On a formula whose result spills: the cells it fills, itself included. */
  spill?: CellBox;
}

export interface Evaluation {
  /** In workbook order: sheet by sheet, row by row. */
  cells: ComputedCell[];
}

/**
 * HyperFormula configured to behave like Excel (en-US), per its compatibility guide; in the
 * 1904 date system (Mac workbooks) serial 0 is 1 Jan 1904 and there is no 29 Feb 1900.
 */
export function excelConfig(context: MpsContext, date1904 = false): Partial<ConfigParams> {
  return {
    licenseKey: "gpl-v3",
    context,
    dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY/MM/DD"],
    accentSensitive: true,
    localeLang: "en-US",
    useArrayArithmetic: true,
    ignoreWhiteSpace: "any",
    evaluateNullToZero: true,
    leapYear1900: !date1904,
    nullDate: date1904 ? { year: 1904, month: 1, day: 1 } : { year: 1899, month: 12, day: 31 },
    // Full double precision, as Excel stores values in the file (it rounds only what it displays)
    // and as the custom functions return them.
    smartRounding: false,
  };
}

function build(input: EngineInput, settings: MpsSettings): HyperFormula {
  registerMpsFunctions();
  const names = new Map<string, { rows: number; columns: number }>();
  for (const { name, rows, columns } of input.names) {
    if (rows !== undefined && columns !== undefined && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), { rows, columns });
  }
  const typed = (sheet: number, row: number, col: number): unknown => input.sheets[input.sheetNames[sheet]]?.[row]?.[col];
  const hf = HyperFormula.buildEmpty(excelConfig({ settings, names, typed }, input.date1904));
  hf.batch(() => {
    for (const name of input.sheetNames) hf.addSheet(name);
    for (const named of input.names) {
      // A name HyperFormula cannot hold (e.g. a union of ranges) is left out; formulas using it report the unknown name.
      if (hf.isItPossibleToAddNamedExpression(named.name, named.expression, named.scope)) {
        hf.addNamedExpression(named.name, named.expression, named.scope);
      }
    }
    input.sheetNames.forEach((name, sheet) => hf.setSheetContent(sheet, input.sheets[name]));
  });
  return hf;
}

/** Why a function nobody implements cannot be evaluated (ANCHORARRAY: Excel's spill reference). */
function notImplemented(cell: string, name: string): string {
  const upper = name.toUpperCase();
  if (upper === "ANCHORARRAY") return messages.spillReference(cell);
  if (upper.startsWith("MPS.")) return messages.unknownMpsFunction(cell, name, MPS_FUNCTION_NAMES);
  return messages.unknownFunction(cell, name);
}

/** Why a function name cannot be evaluated, or nothing when HyperFormula or the plugin knows it. */
function unknownCall(cell: string, name: string, known: ReadonlySet<string>): string | undefined {
  const upper = name.toUpperCase();
  return upper !== "ANCHORARRAY" && known.has(upper) ? undefined : notImplemented(cell, name);
}

/**
 * Every call of a function nobody implements, by cell, found in the formula text before
 * evaluating: inside IFERROR or ISERROR its #NAME? would otherwise pass unnoticed.
 */
function unknownFunctions(hf: HyperFormula, formulas: readonly FormulaCell[]): Map<string, string[]> {
  const known = new Set(hf.getRegisteredFunctionNames().map((n) => n.toUpperCase()));
  const found = new Map<string, string[]>();
  for (const formula of formulas) {
    const cell = cellKey(formula.sheet, formula);
    const problems = [...new Set(calledFunctions(formula.engineFormula))].map((name) => unknownCall(cell, name, known));
    const real = [...new Set(problems.filter((p): p is string => p !== undefined))];
    if (real.length > 0) found.set(cell, real);
  }
  return found;
}

function shown(value: unknown): Shown {
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return 0;
}

function errorOf(value: unknown): ComputedCell["error"] {
  return value instanceof DetailedCellError ? { type: value.type, message: value.message } : undefined;
}

/** The cells an array formula fills, from HyperFormula's own record of it. */
function arrayBox(hf: HyperFormula, address: SimpleCellAddress): CellBox | undefined {
  const vertex = hf.arrayMapping.getArrayByCorner(address);
  if (!vertex || (vertex.width <= 1 && vertex.height <= 1)) return undefined;
  return { top: address.row, left: address.col, bottom: address.row + vertex.height - 1, right: address.col + vertex.width - 1 };
}

/** Why a formula cell makes the whole recalculation meaningless, if it does. */
function fatalProblem(hf: HyperFormula, formula: FormulaCell, cell: string, address: SimpleCellAddress, value: unknown): string | "cycle" | undefined {
  if (!(value instanceof DetailedCellError)) return undefined;
  const own = value.address === undefined || value.address === hf.simpleCellAddressToString(address, { includeSheetName: true });
  if (!own) return undefined;
  if (value.type === ErrorType.CYCLE) return "cycle";
  if (value.type === ErrorType.NAME) {
    const fn = /^Function name (.+) not recognized/.exec(value.message)?.[1];
    return fn === undefined ? messages.unknownName(cell, value.message) : notImplemented(cell, fn);
  }
  if (value.type === ErrorType.ERROR && !hf.validateFormula(formula.engineFormula)) {
    return messages.unparsable(cell, `=${formula.formula}`, value.message);
  }
  return undefined;
}

const MAX_PROBLEMS = 10;

/**
 * Evaluates every sheet.
 * @returns every formula cell and every spilled cell with its value, or the problems that stop the recalculation
 */
export function evaluate(input: EngineInput, settings: MpsSettings): Outcome<Evaluation> {
  let hf: HyperFormula;
  try {
    hf = build(input, settings);
  } catch (error) {
    return failure(messages.unexpected(describe(error)));
  }
  try {
    const cells: ComputedCell[] = [];
    const problems: string[] = [];
    const cycle: string[] = [];
    const sheetIds = new Map(input.sheetNames.map((name, id) => [name, id]));
    const unknown = unknownFunctions(hf, input.formulas);
    for (const formula of input.formulas) {
      const address = { sheet: sheetIds.get(formula.sheet)!, row: formula.row, col: formula.col };
      const value = hf.getCellValue(address);
      const key = cellKey(formula.sheet, formula);
      const known = unknown.get(key);
      if (known) problems.push(...known);
      const problem = known ? undefined : fatalProblem(hf, formula, key, address, value);
      if (problem === "cycle") cycle.push(key);
      else if (problem !== undefined) problems.push(problem);
      const error = errorOf(value);
      // A refused call fills its whole spill area with its one error (addressed to the formula);
      // an error in one cell of a result (a line promise beyond the horizon) has no address.
      const wholeError = error !== undefined && (value as DetailedCellError).address !== undefined;
      const box = wholeError || hf.getCellType(address) !== CellType.ARRAYFORMULA ? undefined : arrayBox(hf, address);
      const anchor: ComputedCell = { sheet: formula.sheet, row: formula.row, col: formula.col, key, value: shown(value), error, formula };
      cells.push(anchor);
      if (!box) continue;
      let used: CellBox | undefined;
      for (let row = box.top; row <= box.bottom; row++) {
        for (let col = box.left; col <= box.right; col++) {
          if (row === box.top && col === box.left) continue;
          const spilled = hf.getCellValue({ sheet: address.sheet, row, col });
          // Empty cells pad a result that is smaller than its predicted size: Excel would not show them.
          if (spilled === null) continue;
          cells.push({ sheet: formula.sheet, row, col, key: cellKey(formula.sheet, { row, col }), value: shown(spilled), error: errorOf(spilled) });
          used = used
            ? { top: box.top, left: box.left, bottom: Math.max(used.bottom, row), right: Math.max(used.right, col) }
            : { top: box.top, left: box.left, bottom: row, right: col };
        }
      }
      anchor.spill = used;
    }
    if (cycle.length > 0) problems.push(messages.circular(cycle));
    if (problems.length > 0) {
      const shownProblems = problems.slice(0, MAX_PROBLEMS);
      if (problems.length > MAX_PROBLEMS) shownProblems.push(messages.tooManyProblems(problems.length - MAX_PROBLEMS));
      return failure(...shownProblems);
    }
    cells.sort((x, y) => sheetIds.get(x.sheet)! - sheetIds.get(y.sheet)! || x.row - y.row || x.col - y.col);
    return success({ cells });
  } finally {
    hf.destroy();
  }
}

