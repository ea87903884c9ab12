/**
 * Shared vocabulary of the MPS engine: planning rows, option values, errors and results.
 *
 * Periods (time buckets) are 0-based: a row of length N holds periods 0..N-1.
 * Quantities are finite, non-negative numbers.
 */

/** A planning row, one quantity per period: `number[]` or `Float64Array`. */
export type Series = ArrayLike<number>;

/** Order in which an order searches for forecast to consume after its own period. */
export type ConsumptionMode = "backward-forward" | "forward-backward" | "backward" | "forward";
/** Every consumption mode; the first is the default. */
export const CONSUMPTION_MODES: readonly ConsumptionMode[] = [
  "backward-forward",
  "forward-backward",
  "backward",
  "forward",
];

/** Make to stock, assemble to order, make to order. */
export type ProductionModel = "MTS" | "ATO" | "MTO";
/** Every production model; the first is the default. */
export const PRODUCTION_MODELS: readonly ProductionModel[] = ["MTS", "ATO", "MTO"];

/** Lot-for-lot, fixed order quantity, period order quantity. */
export type LotRule = "LFL" | "FOQ" | "POQ";
/** Every lot rule; the first is the default. */
export const LOT_RULES: readonly LotRule[] = ["LFL", "FOQ", "POQ"];

/** How available-to-promise is shown. */
export type AtpMethod = "discrete" | "cumulative" | "lookahead";
/** Every ATP method; the first is the default. */
export const ATP_METHODS: readonly AtpMethod[] = ["discrete", "cumulative", "lookahead"];

/** Why an input was refused: which input, where in it, and a full English message. */
export interface PlanningError {
  /** VALUE: wrong kind, shape or unknown option. NUM: a number out of range. */
  code: "VALUE" | "NUM";
  /** The input's name as the API spells it: "forecast", "orders", "backward", "lotSize", ... */
  field: string;
  /** 0-based index inside a series when the error is about one element. */
  period?: number;
  /** 0-based row of a block (one row per item or resource) when the error is about one of its rows. */
  row?: number;
  /** The offending value. */
  value?: number | string;
  /** Full English message, e.g. "orders[3] is negative (-4)". */
  message: string;
}

/** Errors are values: every public function returns one of these, never throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: PlanningError };

/** One allocation of an order to a forecast period; `forecastPeriod: null` is excess. */
export interface Peg {
  orderPeriod: number;
  forecastPeriod: number | null;
  quantity: number;
}

/** Kinds of action message the planner receives from `planMps`. */
export type ActionType = "expedite" | "split-lot";
/** Every action message type. */
export const ACTION_TYPES: readonly ActionType[] = ["expedite", "split-lot"];

/**
 * Something the planner should act on.
 * - `expedite`: inside the planning time fence the firm supply leaves projected available
 *   below safety stock; `quantity` more must arrive in or before `period`.
 * - `split-lot`: the quantity planned in `period` exceeds `maxLot`; it is to be released as
 *   `lots` lots of at most `maxLot` each (the MPS row holds the total).
 */
export type ActionMessage =
  | { type: "expedite"; period: number; quantity: number; message: string }
  | { type: "split-lot"; period: number; quantity: number; lots: number; message: string };
