/**
 * MPS.<ID>(…) for HyperFormula — the headless host of the MPS functions.
 *
 * One plugin, generated from the function catalog (src/functions/catalog.ts): each catalog entry
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
import { CATALOG } from "../functions/catalog";
import { MAX_COLUMNS, MAX_ROWS, NOT_LITERAL, oversize, type Cell, type FunctionSpec, type Output, type Shape } from "../functions/define";
import { isFunctionError, type ErrorCode } from "../functions/cells";
import { invoke, type CallSite } from "../functions/invoke";
import { DEFAULT_SETTINGS, type MpsSettings } from "../shared/settings";
import { a1 } from "./address";
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
  typed?: (sheet: number, row: number, col: number) => unknown;
}

/** The name a catalog entry has in formulas. */
export const functionName = (spec: FunctionSpec): string => `MPS.${spec.id}`;

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

const ERROR_TYPE: Record<ErrorCode, ErrorType> = { VALUE: ErrorType.VALUE, NA: ErrorType.NA };

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

/** The result as HyperFormula returns it, padded with empty cells to the predicted size. */
function engineResult(spec: FunctionSpec, output: Output, size: Shape): Cell | CellError | SimpleRangeValue | typeof EmptyValue {
  if (!Array.isArray(output)) return output;
  const rows = output.length;
  const columns = rows > 0 ? output[0].length : 0;
  if (rows > size.rows || columns > size.columns) {
    return new CellError(ErrorType.VALUE, messages.resultTooLarge(spec.id, rows, columns, size.rows, size.columns));
  }
  if (size.rows === 1 && size.columns === 1) return rows === 1 && columns === 1 ? output[0][0] : EmptyValue;
  const padded: unknown[][] = [];
  for (let r = 0; r < size.rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < size.columns; c++) row.push(output[r]?.[c] ?? EmptyValue);
    padded.push(row);
  }
  return SimpleRangeValue.onlyValues(padded as never);
}

/**
 * What an argument is before evaluation: a literal in the formula, or a constant in the one cell
 * it refers to; undefined when omitted or an empty cell; NOT_LITERAL when only evaluation can tell.
 */
function literalValue(ast: Ast | undefined, state: State, typed: MpsContext["typed"]): unknown {
  if (ast === undefined || (ast.type as string) === "EMPTY") return undefined;
  if ((ast.type as string) === "STRING" || (ast.type as string) === "NUMBER") return (ast as { value: unknown }).value;
  if ((ast.type as string) === "CELL_REFERENCE" && typed) {
    const cell = (ast as CellReferenceAst).reference.toSimpleCellAddress(state.formulaAddress);
    const value = typed(cell.sheet, cell.row, cell.col);
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "number") return value;
    // As HyperFormula holds cells: "=…" is a formula, a leading apostrophe marks text.
    if (typeof value === "string" && !value.startsWith("=")) return value.startsWith("'") ? value.slice(1) : value;
  }
  return NOT_LITERAL;
}

const evaluateMethod = (spec: FunctionSpec) => `mps${spec.id}`;
const sizeMethod = (spec: FunctionSpec) => `mps${spec.id}Size`;

function metadataFor(spec: FunctionSpec): FunctionMetadata {
  return {
    method: evaluateMethod(spec),
    sizeOfResultArrayMethod: sizeMethod(spec),
    // Every parameter is optional to HyperFormula: invoke says which required one is missing.
    parameters: spec.params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
    vectorizationForbidden: true,
  };
}

/** HyperFormula's syntax tree of an argument, of the MPS call itself, and its interpreter state. */
type Ast = Parameters<MpsFunctionPlugin["arraySizeForAst"]>[0];
type CallAst = Extract<Ast, { procedureName: string }>;
type State = Parameters<MpsFunctionPlugin["arraySizeForAst"]>[1];
/** A reference to one cell, as much of it as sizing and addresses need. */
interface CellReferenceAst {
  reference: { toSimpleCellAddress(base: State["formulaAddress"]): State["formulaAddress"] & { sheet: number } };
}

export class MpsFunctionPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  private get mpsContext(): MpsContext {
    const context = this.config.context as Partial<MpsContext> | undefined;
    return { settings: context?.settings ?? DEFAULT_SETTINGS, names: context?.names ?? new Map(), typed: context?.typed };
  }

  /** Shape of one argument in the formula text; undefined when left out. */
  private argumentShape(
    ast: Ast | undefined,
    state: State,
  ): Shape | undefined {
    if (ast === undefined || (ast.type as string) === "EMPTY") return undefined;
    if ((ast.type as string) === "NAMED_EXPRESSION") {
      const named = this.mpsContext.names.get((ast as { expressionName: string }).expressionName.toLowerCase());
      if (named) return named;
    }
    const size = this.arraySizeForAst(ast, state);
    // A whole column or row (B:B, 3:3) is sized as unbounded: it spans the sheet.
    return { rows: Math.min(size.height, MAX_ROWS), columns: Math.min(size.width, MAX_COLUMNS) };
  }

  private resultShape(
    spec: FunctionSpec,
    ast: CallAst,
    state: State,
  ): Shape {
    const shapes = spec.params.map((_, i) => this.argumentShape(ast.args[i], state));
    // A series spanning rows and columns is refused by invoke: its error needs one cell, not a spill area.
    const notALine = spec.params.some((p, i) => p.kind === "series" && (shapes[i]?.rows ?? 1) > 1 && (shapes[i]?.columns ?? 1) > 1);
    const literals = spec.params.map((_, i) => literalValue(ast.args[i], state, this.mpsContext.typed));
    return notALine ? { rows: 1, columns: 1 } : spec.maxSize(shapes, { literals, settings: this.mpsContext.settings });
  }

  /** A sheet's name as Excel writes it in an address: quoted unless it is a plain word. */
  private sheetName(sheet: number): string {
    const name = this.dependencyGraph.sheetMapping.getSheetName(sheet) ?? "";
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  }

  /**
   * Where the call's arguments are, as Excel's parameter addresses give it ("Plan!B3:M3"; no
   * address for a literal, an expression or an argument left out), and the formula's own cell.
   */
  private callSite(ast: CallAst, state: State): CallSite {
    const base = state.formulaAddress;
    const addresses = ast.args.map((arg): string | undefined => {
      if ((arg.type as string) === "CELL_REFERENCE") {
        const cell = (arg as CellReferenceAst).reference.toSimpleCellAddress(base);
        return `${this.sheetName(cell.sheet)}!${a1(cell)}`;
      }
      if ((arg.type as string) === "CELL_RANGE") {
        const { start, end } = arg as unknown as { start: CellReferenceAst["reference"]; end: CellReferenceAst["reference"] };
        const from = start.toSimpleCellAddress(base);
        const to = end.toSimpleCellAddress(base);
        return `${this.sheetName(from.sheet)}!${a1(from)}:${a1(to)}`;
      }
      return undefined;
    });
    return { addresses, caller: `${this.sheetName(base.sheet)}!${a1(base)}` };
  }

  /** HyperFormula's size method for `spec`. */
  sizeOf(
    spec: FunctionSpec,
    ast: CallAst,
    state: State,
  ): ArraySize {
    const shape = this.resultShape(spec, ast, state);
    // Too large for a sheet or the cell budget: refused in one cell (see evaluate).
    if (oversize(spec.id, shape)) return ArraySize.scalar();
    return shape.rows === 1 && shape.columns === 1 ? ArraySize.scalar() : new ArraySize(shape.columns, shape.rows);
  }

  /** HyperFormula's evaluating method for `spec`. */
  evaluate(
    spec: FunctionSpec,
    ast: CallAst,
    state: State,
  ) {
    const size = this.resultShape(spec, ast, state);
    // HyperFormula hands whole columns over cut to the sheet's used rows: the bound from the
    // formula text is what a spill would need, so it is what is refused (Excel passes them whole).
    const tooLarge = oversize(spec.id, size);
    if (tooLarge) return new CellError(ERROR_TYPE[tooLarge.code], tooLarge.message);
    return this.runFunction(ast.args, state, this.metadata(functionName(spec)), (...args: unknown[]): ReturnType<Parameters<MpsFunctionPlugin["runFunction"]>[3]> => {
      const error = inputError(args);
      if (error) return error;
      const output = invoke(spec.id, args.map(hostArgument), this.mpsContext.settings, this.callSite(ast, state));
      if (isFunctionError(output)) return new CellError(ERROR_TYPE[output.code], output.message);
      return engineResult(spec, output, size);
    });
  }
}

for (const spec of Object.values(CATALOG)) {
  MpsFunctionPlugin.implementedFunctions[functionName(spec)] = metadataFor(spec);
  Object.assign(MpsFunctionPlugin.prototype, {
    [evaluateMethod(spec)](this: MpsFunctionPlugin, ...call: Parameters<MpsFunctionPlugin["evaluate"]> extends [unknown, ...infer R] ? R : never) {
      return this.evaluate(spec, ...call);
    },
    [sizeMethod(spec)](this: MpsFunctionPlugin, ...call: Parameters<MpsFunctionPlugin["sizeOf"]> extends [unknown, ...infer R] ? R : never) {
      return this.sizeOf(spec, ...call);
    },
  });
}

/** Every MPS function name, e.g. "MPS.TABLE". */
export const MPS_FUNCTION_NAMES: readonly string[] = Object.values(CATALOG).map(functionName);

let registered = false;

/** Makes MPS.* known to every HyperFormula instance built afterwards; safe to call again. */
export function registerMpsFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(MPS_FUNCTION_NAMES.map((name) => [name, name]));
  HyperFormula.registerFunctionPlugin(MpsFunctionPlugin, { enGB: names });
  registered = true;
}
