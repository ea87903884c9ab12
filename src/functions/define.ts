/**
 * `defineFunction`: an MPS.* function from its parameters, the body that runs it and the bound
 * on its result's size. The body receives typed arguments, already read, checked and defaulted
 * (by `invoke`, from the parameter descriptions); the size is asked for by argument name.
 * What comes out, a `FunctionSpec`, is what both hosts drive: Excel through functions.ts and
 * invoke, the headless recalculation through its HyperFormula plugin.
 */
import { MAX_COLUMNS, MAX_ROWS } from "../shared/a1";
import type { MpsSettings } from "../shared/settings";
import { functionError, isFunctionError, type FunctionError } from "./cells";
import { withItemSettings } from "./itemMaster";
import { messages } from "./messages";
import { readArgument, type ParamSpec } from "./params";

/** One cell of a result; an error in one cell (a line beyond the horizon) leaves the others shown. */
export type Cell = number | string | FunctionError;
export type Output = Cell | Cell[][];

/**
 * Rows of cells whose numbers were checked finite as they were copied in (results.ts
 * `CellRows`): invoke shows them, or refuses them when one was not, without scanning them again.
 */
export interface CheckedRows {
  readonly kind: "checked rows";
  readonly rows: Cell[][];
  /** False when a number copied in was NaN or infinite. */
  readonly finite: boolean;
}

/** What a function's body returns: a result, rows already checked finite, or a refusal. */
export type RunOutput = Output | CheckedRows | FunctionError;

/** Arguments after reading, by parameter name (see `readArgument`). */
export type Args = Record<string, unknown>;

export interface Shape {
  rows: number;
  columns: number;
}

/** Excel's grid: a result must fit a sheet. */
export { MAX_COLUMNS, MAX_ROWS };
/**
 * The most cells one MPS function returns: one full column of a sheet. Line results (one
 * value per period) always fit; a larger result is refused before it is computed, so a
 * formula over whole columns cannot take gigabytes and seconds (MPS.EXPLODE(A:A, B:B)).
 */
export const MAX_CELLS = 1_048_576;

/**
 * The limit a result of this shape would break, in words; undefined when it fits.
 * @example resultLimit({ rows: 1_048_576, columns: 2 }) // → "the 1,048,576 cells one MPS function may return"
 */
export function resultLimit(shape: Shape): string | undefined {
  if (shape.rows > MAX_ROWS) return messages.gridRows(MAX_ROWS);
  if (shape.columns > MAX_COLUMNS) return messages.gridColumns(MAX_COLUMNS);
  if (shape.rows * shape.columns > MAX_CELLS) return messages.cellBudget(MAX_CELLS);
  return undefined;
}

/** The refusal of a result of this shape, before it is computed; undefined when it fits. */
export function oversize(id: string, shape: Shape): FunctionError | undefined {
  const limit = resultLimit(shape);
  return limit === undefined ? undefined : functionError("VALUE", messages.resultTooLarge(id, shape.rows, shape.columns, limit));
}

/** Marks an argument whose value the formula text does not show (a reference, an expression). */
export const NOT_LITERAL: unique symbol = Symbol("not a literal");

/** What a host knows before it evaluates a call (HyperFormula sizes every spill first). */
export interface SizeHints {
  /** Per argument: its literal value in the formula, undefined when omitted, else NOT_LITERAL. */
  literals: ReadonlyArray<unknown>;
  settings: MpsSettings;
}

/** One MPS.* function as the hosts see it. */
export interface FunctionSpec {
  id: string;
  /** In the public argument order. */
  params: readonly ParamSpec[];
  run(args: Args, settings: MpsSettings): RunOutput;
  /**
   * Largest result for arguments of these shapes (undefined = omitted); hosts that must size a
   * spill before evaluating (HyperFormula) use it. `hints` gives what the formula text shows.
   */
  maxSize(shapes: ReadonlyArray<Shape | undefined>, hints: SizeHints): Shape;
}

type ValueOf<P> = P extends ParamSpec<string, infer T> ? T : never;
type NameOf<P extends readonly ParamSpec[]> = P[number]["name"];

/** The arguments `run` receives: one typed value per parameter, by name. */
export type ArgsOf<P extends readonly ParamSpec[]> = { [Q in P[number] as Q["name"]]: ValueOf<Q> };

/** An argument's value is known only once the call is evaluated. */
export const UNKNOWN: unique symbol = Symbol("known only at evaluation");

/** What the formula text tells about a call, asked for by argument name. */
export interface SizeQuery<P extends readonly ParamSpec[]> {
  /** The shape of the range given for the argument; undefined when left out. */
  shape(name: NameOf<P>): Shape | undefined;
  /**
   * The argument as `run` would receive it (read and defaulted) when the formula shows it: a
   * literal, a constant in the cell it refers to, or left out; UNKNOWN when only evaluation can
   * tell or the value is refused (the call then shows an error, not a spill).
   */
  value<N extends NameOf<P>>(name: N): ArgsOf<P>[N] | typeof UNKNOWN;
}

export interface FunctionDefinition<P extends readonly ParamSpec[]> {
  /** MPS.<id>: stored in workbooks, so it never changes. */
  id: string;
  params: P;
  run(args: ArgsOf<P>, settings: MpsSettings): RunOutput;
  /** The largest result the call can have. */
  size(query: SizeQuery<P>): Shape;
}

/**
 * An MPS.* function from its definition.
 * @example
 * defineFunction({
 *   id: "PAB",
 *   params: [series("demand", "…"), number("on_hand", "…"), series("supply", "…")],
 *   run: ({ demand, on_hand, supply }) => …, // SeriesInput, number, SeriesInput
 *   size: (call) => lineShape(call.shape("demand")),
 * });
 */
export function defineFunction<const P extends readonly ParamSpec[]>(definition: FunctionDefinition<P>): FunctionSpec {
  const { id, params } = definition;
  const index = new Map(params.map((param, i) => [param.name, i]));
  const itemAt = params.findIndex((param) => param.kind === "item");
  const position = (name: string): number => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`MPS.${id} has no parameter ${name}`);
    return i;
  };
  return {
    id,
    params,
    // invoke read every argument from these very parameters, so each has its declared type.
    run: (args, settings) => definition.run(args as ArgsOf<P>, settings),
    maxSize: (shapes, { literals, settings }) => {
      // An item master brings the item's own settings (see invoke); one only evaluation can read
      // leaves every value that falls back to a setting unknown.
      const item = itemAt < 0 ? settings : itemHint(params[itemAt], shapes[itemAt], literals[itemAt], settings);
      return definition.size({
        shape: (name) => shapes[position(name)],
        value: (name) => {
          const i = position(name);
          if (literals[i] === NOT_LITERAL) return UNKNOWN;
          const fromSetting = literals[i] === undefined && params[i].default !== undefined && "setting" in params[i].default;
          if (fromSetting && item === UNKNOWN) return UNKNOWN;
          const value = readArgument(params[i], literals[i], item === UNKNOWN ? settings : item);
          return isFunctionError(value) ? UNKNOWN : (value as ArgsOf<P>[typeof name]);
        },
      });
    },
  };
}

/**
 * The settings a call's arguments are read with before evaluation, for a function with an
 * item argument: the workbook's, with those of an item master the formula shows in their place;
 * UNKNOWN when the item argument is a range only evaluation can read (a single cell is on hand
 * and brings no settings).
 */
function itemHint(param: ParamSpec, shape: Shape | undefined, literal: unknown, settings: MpsSettings): MpsSettings | typeof UNKNOWN {
  if (literal === NOT_LITERAL) return shape !== undefined && shape.rows * shape.columns > 1 ? UNKNOWN : settings;
  const value = readArgument(param, literal, settings);
  return isFunctionError(value) ? settings : withItemSettings(settings, value);
}

/** The shape of a series argument, a single cell when left out. */
export function lineShape(shape: Shape | undefined): Shape {
  return shape ?? { rows: 1, columns: 1 };
}

/** The number of periods of a series of this shape. */
export function periodsOf(shape: Shape | undefined): number {
  const line = lineShape(shape);
  return Math.max(line.rows, line.columns);
}
