/**
 * MPS.<ID>(…) for HyperFormula — the headless host of the MPS functions.
 *
 * One plugin, generated from the function catalog (src/functions/catalog.ts, read in one marked
 * block below: CATALOG, spec.params, spec.maxSize, oversize and invoke): each catalog entry
 * becomes `MPS.<ID>` with one optional ANY parameter per catalog parameter, an evaluating method
 * that hands HyperFormula's values to `invoke` (the same adapter Excel calls, so arguments are
 * read, coerced and defaulted in one place), and a size method that bounds the result from the
 * shapes of the argument ranges in the formula text (`spec.maxSize`), as HyperFormula must size a
 * spill before it evaluates. A result smaller than its bound is padded with empty cells.
 *
 * HyperFormula is GPL-3.0: only src/recalc, scripts and tests import it; the add-in bundle never does.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionMetadata,
  type ImplementedFunctions,
} from "hyperformula";
import { MAX_COLUMNS, MAX_ROWS, type Cell, type Output, type Shape } from "../functions/define";
import { isFunctionError, type ErrorCode } from "../functions/cells";
import type { CallSite } from "../functions/invoke";
import { DEFAULT_SETTINGS, type MpsSettings } from "../shared/settings";
import { a1 } from "./address";
import type { ExcelContext } from "./excelFunctions";
import {
  astKind,
  definePluginMethod,
  erroredArrayIn,
  formulaAddress,
  literalOf,
  namedExpressionOf,
  referencedCell,
  referencedRange,
  sheetNameOf,
  type Ast,
  type CallAst,
  type InterpreterState as State,
} from "./hfInternals";
import {
  functionName,
  HOSTED,
  literalValue,
  MPS_FUNCTION_NAMES,
  predictedShape,
  quotedSheet,
  type HostedFunction,
  type TypedCell,
  type WrittenArgument,
} from "./hosted";
import { messages } from "./messages";

/** What one HyperFormula instance tells the MPS functions: passed as the `context` config option. */
export interface MpsContext {
  settings: MpsSettings;
  /** Shapes of named ranges by lower-case name, to size results whose arguments are names. */
  names: ReadonlyMap<string, Shape>;
  /**
   * What a cell of the workbook holds as typed (a constant, "'text", or a formula as "=…"), by sheet index,
   * row and column from 0: lets a result be sized from an option the planner keeps in a cell.
   */
  typed?: TypedCell;
  /** For the built-in functions redone as Excel computes them (src/recalc/excelFunctions.ts). */
  excel?: ExcelContext;
  /**
   * The size each MPS call asked for, by "sheet:row:col" of its cell (filled while HyperFormula
   * sizes arrays): a spill it could not place is reported with the cell in the way.
   */
  spillSizes?: Map<string, Shape>;
}

const ERROR_TEXT: Record<ErrorType, string> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.LIC]: "#LIC!",
  [ErrorType.ERROR]: "#ERROR!",
};

export const ERROR_TYPE: Record<ErrorCode, ErrorType> = { VALUE: ErrorType.VALUE, NA: ErrorType.NA };

/** An error value as Excel shows it, e.g. "#DIV/0!". */
export const errorText = (type: ErrorType): string => ERROR_TEXT[type] ?? "#VALUE!";

/**
 * One value of a range as Excel hands it to a custom function: empty → null, an error → an
 * object whose `value` is "#DIV/0!" (so invoke says "cell N is the error #DIV/0!"), a typed
 * number (date, currency) → its number.
 */
function hostCell(value: unknown): unknown {
  if (typeof value === "symbol") return null;
  if (value instanceof CellError) return { value: errorText(value.type), message: value.message };
  if (typeof value === "object" && value !== null && typeof (value as { val?: unknown }).val === "number") {
    return (value as { val: number }).val;
  }
  return value;
}

/**
 * The first error value in the arguments' ranges, in reading order: Excel does not call a
 * custom function whose inputs hold an error (functions.json has no allowErrorForDataTypeAny),
 * it shows the error; so does the headless host. (An error given as a single-cell argument never
 * reaches here: HyperFormula returns it itself.)
 */
function inputError(args: readonly unknown[]): CellError | undefined {
  for (const arg of args) {
    if (!(arg instanceof SimpleRangeValue)) continue;
    for (const row of arg.data) for (const cell of row) if (cell instanceof CellError) return cell;
  }
  return undefined;
}

/** An argument as invoke reads it: ranges as 2-D arrays, omitted → undefined. */
function hostArgument(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(hostCell));
  return value === undefined ? undefined : hostCell(value);
}

/** A result cell as HyperFormula holds it: an error in one cell becomes that cell's CellError. */
function hostResultCell(cell: Cell): number | string | CellError {
  return isFunctionError(cell) ? new CellError(ERROR_TYPE[cell.code], cell.message) : cell;
}

/** The result as HyperFormula returns it, padded with empty cells to the predicted size. */
function engineResult(fn: HostedFunction, output: Output, size: Shape): number | string | CellError | SimpleRangeValue | typeof EmptyValue {
  if (!Array.isArray(output)) return hostResultCell(output);
  const rows = output.length;
  const columns = rows > 0 ? output[0].length : 0;
  if (rows > size.rows || columns > size.columns) {
    return new CellError(ErrorType.VALUE, messages.resultTooLarge(fn.id, rows, columns, size.rows, size.columns));
  }
  if (size.rows === 1 && size.columns === 1) return rows === 1 && columns === 1 ? hostResultCell(output[0][0]) : EmptyValue;
  const padded: unknown[][] = [];
  for (let r = 0; r < size.rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < size.columns; c++) {
      const cell = output[r]?.[c];
      row.push(cell === undefined ? EmptyValue : hostResultCell(cell));
    }
    padded.push(row);
  }
  return SimpleRangeValue.onlyValues(padded as never);
}

/** An argument node of HyperFormula's syntax tree as a WrittenArgument. */
function writtenArgument(ast: Ast | undefined, state: State): WrittenArgument {
  if (astKind(ast) === "EMPTY") return { kind: "omitted" };
  const value = literalOf(ast);
  if (value !== undefined) return { kind: "literal", value };
  const at = referencedCell(ast, state);
  if (at) return { kind: "cell", at };
  const range = referencedRange(ast, state);
  return range ? { kind: "range", ...range } : { kind: "expression" };
}

const evaluateMethod = (fn: HostedFunction) => `mps${fn.id}`;
const sizeMethod = (fn: HostedFunction) => `mps${fn.id}Size`;

function metadataFor(fn: HostedFunction): FunctionMetadata {
  return {
    method: evaluateMethod(fn),
    sizeOfResultArrayMethod: sizeMethod(fn),
    // Every parameter is optional to HyperFormula: invoke says which required one is missing.
    parameters: Array.from({ length: fn.arity }, () => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
    vectorizationForbidden: true,
  };
}

export class MpsFunctionPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  private get mpsContext(): MpsContext {
    const context = this.config.context as Partial<MpsContext> | undefined;
    return { settings: context?.settings ?? DEFAULT_SETTINGS, names: context?.names ?? new Map(), typed: context?.typed, excel: context?.excel, spillSizes: context?.spillSizes };
  }

  /** Shape of one argument in the formula text; undefined when left out. */
  private argumentShape(
    ast: Ast | undefined,
    state: State,
  ): Shape | undefined {
    if (ast === undefined || astKind(ast) === "EMPTY") return undefined;
    const name = namedExpressionOf(ast);
    const named = name === undefined ? undefined : this.mpsContext.names.get(name.toLowerCase());
    if (named) return named;
    const size = this.arraySizeForAst(ast, state);
    // A whole column or row (B:B, 3:3) is sized as unbounded: it spans the sheet.
    return { rows: Math.min(size.height, MAX_ROWS), columns: Math.min(size.width, MAX_COLUMNS) };
  }

  private resultShape(
    fn: HostedFunction,
    ast: CallAst,
    state: State,
  ): Shape {
    const positions = Array.from({ length: fn.arity }, (_, i) => i);
    const shapes = positions.map((i) => this.argumentShape(ast.args[i], state));
    const literals = positions.map((i) => literalValue(writtenArgument(ast.args[i], state), this.mpsContext.typed, fn.isItem(i)));
    return predictedShape(fn, shapes, literals, this.mpsContext.settings);
  }

  /** A sheet's name as Excel writes it in an address. */
  private sheetName(sheet: number): string {
    return quotedSheet(sheetNameOf(this, sheet) ?? "");
  }

  /**
   * Where the call's arguments are, as Excel's parameter addresses give it ("Plan!B3:M3"; no
   * address for a literal, an expression or an argument left out), and the formula's own cell.
   */
  private callSite(ast: CallAst, state: State): CallSite {
    const base = formulaAddress(state);
    const addresses = ast.args.map((arg): string | undefined => {
      const cell = referencedCell(arg, state);
      if (cell) return `${this.sheetName(cell.sheet)}!${a1(cell)}`;
      const range = referencedRange(arg, state);
      if (range) return `${this.sheetName(range.start.sheet)}!${a1(range.start)}:${a1(range.end)}`;
      return undefined;
    });
    return { addresses, caller: `${this.sheetName(base.sheet)}!${a1(base)}` };
  }

  /** HyperFormula's size method for `fn`. */
  sizeOf(
    fn: HostedFunction,
    ast: CallAst,
    state: State,
  ): ArraySize {
    const shape = this.resultShape(fn, ast, state);
    // Too large for a sheet or the cell budget: refused in one cell (see evaluate).
    if (fn.tooLarge(shape)) return ArraySize.scalar();
    const at = formulaAddress(state);
    this.mpsContext.spillSizes?.set(`${at.sheet}:${at.row}:${at.col}`, shape);
    return shape.rows === 1 && shape.columns === 1 ? ArraySize.scalar() : new ArraySize(shape.columns, shape.rows);
  }

  /** HyperFormula's evaluating method for `fn`. */
  evaluate(
    fn: HostedFunction,
    ast: CallAst,
    state: State,
  ) {
    const size = this.resultShape(fn, ast, state);
    // HyperFormula hands whole columns over cut to the sheet's used rows: the bound from the
    // formula text is what a spill would need, so it is what is refused (Excel passes them whole).
    const tooLarge = fn.tooLarge(size);
    if (tooLarge) return new CellError(ERROR_TYPE[tooLarge.code], tooLarge.message);
    try {
      return this.runFunction(ast.args, state, this.metadata(functionName(fn)), (...args: unknown[]): ReturnType<Parameters<MpsFunctionPlugin["runFunction"]>[3]> => {
        const error = inputError(args);
        if (error) return error;
        const result = fn.run(args.map(hostArgument), this.mpsContext.settings, this.callSite(ast, state));
        return result.ok ? engineResult(fn, result.output, size) : new CellError(ERROR_TYPE[result.code], result.message);
      });
    } catch (thrown) {
      // An argument that is exactly another formula's area, that formula having ended in an
      // error: HyperFormula throws on reading it; the argument holds that error, which the
      // function passes on as it passes on any error in its arguments (inputError).
      for (const arg of ast.args) {
        const range = referencedRange(arg, state);
        const error = range && erroredArrayIn(this, range);
        if (error) return error;
      }
      throw thrown;
    }
  }
}

for (const fn of HOSTED) {
  MpsFunctionPlugin.implementedFunctions[functionName(fn)] = metadataFor(fn);
  definePluginMethod(MpsFunctionPlugin, evaluateMethod(fn), function (this: MpsFunctionPlugin, ast: CallAst, state: State) {
    return this.evaluate(fn, ast, state);
  });
  definePluginMethod(MpsFunctionPlugin, sizeMethod(fn), function (this: MpsFunctionPlugin, ast: CallAst, state: State) {
    return this.sizeOf(fn, ast, state);
  });
}

export { MPS_FUNCTION_NAMES };

let registered = false;

/** Makes MPS.* known to every HyperFormula instance built afterwards; safe to call again. */
export function registerMpsFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(MPS_FUNCTION_NAMES.map((name) => [name, name]));
  HyperFormula.registerFunctionPlugin(MpsFunctionPlugin, { enGB: names });
  registered = true;
}
