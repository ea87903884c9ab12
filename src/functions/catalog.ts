/**
 * One description per MPS.* function: its parameters (in the public argument order), how each
 * is read, how it runs on the engine, and a bound on its result's size. Both hosts are driven
 * from this table: Excel through functions.ts, the headless recalculation through its
 * HyperFormula plugin. Planning rules stay in the engine; here we only adapt.
 */
import {
  ATP_METHODS,
  CONSUMPTION_MODES,
  LOT_RULES,
  PRODUCTION_MODELS,
  availableToPromise,
  consumeForecast,
  demandFor,
  explodeForecast,
  planItem,
  planMps,
  projectAvailable,
  promise,
  type AtpMethod,
  type ConsumptionMode,
  type LotRule,
  type MpsRecord,
  type PlanningError,
  type ProductionModel,
  type Result,
} from "../engine";
import type { MpsSettings } from "../shared/settings";
import { functionError, isFunctionError, readOption, type FunctionError, type Orientation, type SeriesInput } from "./cells";
import { messages } from "./messages";

export type ParamKind = "series" | "number" | "option";

export interface ParamSpec {
  /** The name Excel shows, also used in every message about this argument. */
  name: string;
  kind: ParamKind;
  optional?: boolean;
  choices?: readonly string[];
}

export type Cell = number | string;
export type Output = Cell | Cell[][];

/** Arguments after reading: SeriesInput, number | undefined, or an option string | undefined. */
export type Args = Record<string, unknown>;

export interface Shape {
  rows: number;
  columns: number;
}

/** Marks an argument whose value the formula text does not show (a reference, an expression). */
export const NOT_LITERAL: unique symbol = Symbol("not a literal");

export interface SizeHints {
  /** Per argument: its literal value in the formula, undefined when omitted, else NOT_LITERAL. */
  literals: ReadonlyArray<unknown>;
  settings: MpsSettings;
}

export interface FunctionSpec {
  id: string;
  params: readonly ParamSpec[];
  run(args: Args, settings: MpsSettings): Output | FunctionError;
  /**
   * Largest result for arguments of these shapes (undefined = omitted); hosts that must size a
   * spill before evaluating (HyperFormula) use it. `hints` gives what the formula text shows.
   */
  maxSize(shapes: ReadonlyArray<Shape | undefined>, hints: SizeHints): Shape;
}

const series = (name: string, optional = false): ParamSpec => ({ name, kind: "series", optional });
const number = (name: string, optional = true): ParamSpec => ({ name, kind: "number", optional });
const option = (name: string, choices: readonly string[]): ParamSpec => ({ name, kind: "option", optional: true, choices });

/** Engine field names that are not simply the parameter name in camelCase. */
const FIELD_TO_PARAM: Record<string, string> = { atpMethod: "method" };

function paramName(field: string): string {
  return FIELD_TO_PARAM[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** An engine refusal in the words of the spreadsheet: parameter names, cells counted from 1. */
export function fromEngine(error: PlanningError): FunctionError {
  const param = paramName(error.field);
  if (error.period !== undefined && typeof error.value === "number") {
    const message =
      error.value < 0
        ? messages.cellNegative(param, error.period + 1, error.value)
        : messages.cellNotFinite(param, error.period + 1, error.value);
    return functionError(error.code, message);
  }
  const message = error.message.replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b/g, paramName);
  return functionError(error.code, message.includes(param) ? message : `${param}: ${message}`);
}

function unwrapResult<T>(result: Result<T>): T | FunctionError {
  return result.ok ? result.value : fromEngine(result.error);
}

/**
 * A row of cells after `first`: a plain loop, as `Array.from` and spreading a typed array go
 * through the iterator protocol and cost more than planning the row.
 */
function toCells(values: ArrayLike<number>, first?: Cell): Cell[] {
  const offset = first === undefined ? 0 : 1;
  const cells = new Array<Cell>(values.length + offset);
  if (first !== undefined) cells[0] = first;
  for (let i = 0; i < values.length; i++) cells[i + offset] = values[i];
  return cells;
}

/** A planning row laid out as the planner laid out the input: 1×N or N×1. */
export function asLine(values: ArrayLike<number>, orientation: Orientation): number[][] {
  const line = toCells(values) as number[];
  return orientation === "row" ? [line] : line.map((v) => [v]);
}

/** Rows of a record block, transposed when the inputs run down a column. */
function asBlock(rows: Cell[][], orientation: Orientation): Cell[][] {
  if (orientation === "row") return rows;
  const width = rows[0].length;
  const out: Cell[][] = [];
  for (let c = 0; c < width; c++) out.push(rows.map((r) => r[c]));
  return out;
}

const get = {
  series: (args: Args, name: string) => args[name] as SeriesInput,
  optionalSeries: (args: Args, name: string) => args[name] as SeriesInput | undefined,
  number: (args: Args, name: string) => args[name] as number | undefined,
  option: <T extends string>(args: Args, name: string) => args[name] as T | undefined,
};

/** The consumption window arguments (backward, forward, mode), each falling back to the workbook's. */
const WINDOW_PARAMS: readonly ParamSpec[] = [number("backward"), number("forward"), option("mode", CONSUMPTION_MODES)];

function consumptionWindow(args: Args, settings: MpsSettings): { backward: number; forward: number; mode: ConsumptionMode } {
  return {
    backward: get.number(args, "backward") ?? settings.backward,
    forward: get.number(args, "forward") ?? settings.forward,
    mode: get.option<ConsumptionMode>(args, "mode") ?? settings.mode,
  };
}

function lineShape(shape: Shape | undefined): Shape {
  return shape ?? { rows: 1, columns: 1 };
}

/** Rows of MPS.TABLE, in order; Final assembly only for ATO. */
export const TABLE_ROWS: ReadonlyArray<[label: string, pick: (r: MpsRecord) => ArrayLike<number> | null]> = [
  ["Forecast", (r) => r.forecast],
  ["Orders", (r) => r.orders],
  ["Remaining forecast", (r) => r.remainingForecast],
  ["Excess orders", (r) => r.excessOrders],
  ["Demand", (r) => r.demand],
  ["Receipts", (r) => r.receipts],
  ["PAB", (r) => r.projectedAvailable],
  ["MPS", (r) => r.mps],
  ["ATP", (r) => r.atp],
  ["Final assembly", (r) => r.finalAssembly],
];

const CONSUME: FunctionSpec = {
  id: "CONSUME",
  params: [series("forecast"), series("orders"), ...WINDOW_PARAMS],
  run(args, settings) {
    const forecast = get.series(args, "forecast");
    const result = unwrapResult(
      consumeForecast(forecast.values, get.series(args, "orders").values, consumptionWindow(args, settings)),
    );
    return isFunctionError(result) ? result : asLine(result.remainingForecast, forecast.orientation);
  },
  maxSize: (shapes) => lineShape(shapes[0]),
};

const DEMAND: FunctionSpec = {
  id: "DEMAND",
  params: [
    series("forecast"),
    series("orders"),
    option("model", PRODUCTION_MODELS),
    number("demand_time_fence"),
    ...WINDOW_PARAMS,
  ],
  run(args, settings) {
    const forecast = get.series(args, "forecast");
    const orders = get.series(args, "orders").values;
    const consumption = unwrapResult(
      consumeForecast(forecast.values, orders, consumptionWindow(args, settings)),
    );
    if (isFunctionError(consumption)) return consumption;
    const demand = unwrapResult(
      demandFor(orders, consumption.remainingForecast, {
        model: get.option<ProductionModel>(args, "model") ?? settings.model,
        demandTimeFence: get.number(args, "demand_time_fence") ?? settings.demandTimeFence,
      }),
    );
    return isFunctionError(demand) ? demand : asLine(demand, forecast.orientation);
  },
  maxSize: (shapes) => lineShape(shapes[0]),
};

const PLAN: FunctionSpec = {
  id: "PLAN",
  params: [
    series("demand"),
    number("on_hand", false),
    number("safety_stock"),
    option("lot_rule", LOT_RULES),
    number("lot_size"),
    series("receipts", true),
    number("planning_time_fence"),
    series("firm_mps", true),
  ],
  run(args, settings) {
    const demand = get.series(args, "demand");
    const plan = unwrapResult(
      planMps(demand.values, {
        onHand: get.number(args, "on_hand") as number,
        safetyStock: get.number(args, "safety_stock"),
        lotRule: get.option<LotRule>(args, "lot_rule"),
        lotSize: get.number(args, "lot_size"),
        receipts: get.optionalSeries(args, "receipts")?.values,
        planningTimeFence: get.number(args, "planning_time_fence") ?? settings.planningTimeFence,
        firmMps: get.optionalSeries(args, "firm_mps")?.values,
      }),
    );
    return isFunctionError(plan) ? plan : asLine(plan.mps, demand.orientation);
  },
  maxSize: (shapes) => lineShape(shapes[0]),
};

const PAB: FunctionSpec = {
  id: "PAB",
  params: [series("demand"), number("on_hand", false), series("supply")],
  run(args) {
    const demand = get.series(args, "demand");
    const pab = unwrapResult(
      projectAvailable(demand.values, get.number(args, "on_hand") as number, get.series(args, "supply").values),
    );
    return isFunctionError(pab) ? pab : asLine(pab, demand.orientation);
  },
  maxSize: (shapes) => lineShape(shapes[0]),
};

const ATP: FunctionSpec = {
  id: "ATP",
  params: [number("on_hand", false), series("supply"), series("orders"), option("method", ATP_METHODS)],
  run(args, settings) {
    const supply = get.series(args, "supply");
    const atp = unwrapResult(
      availableToPromise(
        get.number(args, "on_hand") as number,
        supply.values,
        get.series(args, "orders").values,
        get.option<AtpMethod>(args, "method") ?? settings.atpMethod,
      ),
    );
    return isFunctionError(atp) ? atp : asLine(atp, supply.orientation);
  },
  maxSize: (shapes) => lineShape(shapes[1]),
};

const TABLE: FunctionSpec = {
  id: "TABLE",
  params: [
    series("forecast"),
    series("orders"),
    number("on_hand", false),
    number("safety_stock"),
    option("lot_rule", LOT_RULES),
    number("lot_size"),
    option("model", PRODUCTION_MODELS),
    series("receipts", true),
  ],
  run(args, settings) {
    const forecast = get.series(args, "forecast");
    const record = unwrapResult(
      planItem({
        forecast: forecast.values,
        orders: get.series(args, "orders").values,
        onHand: get.number(args, "on_hand") as number,
        safetyStock: get.number(args, "safety_stock"),
        lotRule: get.option<LotRule>(args, "lot_rule"),
        lotSize: get.number(args, "lot_size"),
        model: get.option<ProductionModel>(args, "model") ?? settings.model,
        receipts: get.optionalSeries(args, "receipts")?.values,
        backward: settings.backward,
        forward: settings.forward,
        mode: settings.mode,
        demandTimeFence: settings.demandTimeFence,
        planningTimeFence: settings.planningTimeFence,
        atpMethod: settings.atpMethod,
      }),
    );
    if (isFunctionError(record)) return record;
    const rows: Cell[][] = [];
    for (const [label, pick] of TABLE_ROWS) {
      const values = pick(record);
      if (values) rows.push(toCells(values, label));
    }
    return asBlock(rows, forecast.orientation);
  },
  maxSize: (shapes, { literals, settings }) => {
    const line = lineShape(shapes[0]);
    const periods = Math.max(line.rows, line.columns);
    // Final assembly is the last row, there only for ATO; when the model comes from a cell,
    // room is kept for it.
    const model = literals[6] === NOT_LITERAL ? "ATO" : (readOption("model", literals[6], PRODUCTION_MODELS) ?? settings.model);
    const rows = model === "ATO" ? TABLE_ROWS.length : TABLE_ROWS.length - 1;
    return line.rows === 1 ? { rows, columns: periods + 1 } : { rows: periods + 1, columns: rows };
  },
};

/** Header of the MPS.PEG table. */
export const PEG_HEADER: readonly string[] = ["Order period", "Forecast period", "Quantity"];

const PEG: FunctionSpec = {
  id: "PEG",
  params: [series("forecast"), series("orders"), ...WINDOW_PARAMS],
  run(args, settings) {
    const consumption = unwrapResult(
      consumeForecast(get.series(args, "forecast").values, get.series(args, "orders").values, {
        ...consumptionWindow(args, settings),
        pegging: true,
      }),
    );
    if (isFunctionError(consumption)) return consumption;
    const rows: Cell[][] = [[...PEG_HEADER]];
    for (const peg of consumption.pegging) {
      rows.push([peg.orderPeriod + 1, peg.forecastPeriod === null ? "excess" : peg.forecastPeriod + 1, peg.quantity]);
    }
    return rows;
  },
  // Each order makes at most one allocation that does not use up a forecast period, plus at
  // most one excess line: 2 lines per period, plus the header.
  maxSize: (shapes) => {
    const line = lineShape(shapes[0]);
    return { rows: 2 * Math.max(line.rows, line.columns) + 1, columns: PEG_HEADER.length };
  },
};

/**
 * Attach rates as fractions: a planner types 0.6 (or 60 % formatted, which Excel passes as 0.6)
 * or 60. A column whose non-zero rates are all above 1 is read as percentages; a column mixing
 * both is refused rather than guessed.
 */
function asFractions(values: number[]): number[] | FunctionError {
  let fractions = 0;
  let percentages = 0;
  for (const v of values) {
    if (v > 1) percentages++;
    else if (v > 0) fractions++;
  }
  if (percentages === 0) return values;
  if (fractions > 0) return functionError("VALUE", messages.mixedRates("attach_rates"));
  return values.map((v) => v / 100);
}

/** A hedge of 1 or more is a percentage (10 → 10 %, 1 → 1 %); below 1 a fraction (0.1 → 10 %). */
function hedgeFraction(hedge: number | undefined): number | undefined {
  return hedge === undefined || hedge < 1 ? hedge : hedge / 100;
}

const EXPLODE: FunctionSpec = {
  id: "EXPLODE",
  params: [series("family_forecast"), series("attach_rates"), number("hedge")],
  run(args) {
    const family = get.series(args, "family_forecast");
    const hedge = get.number(args, "hedge");
    const rates = asFractions(get.series(args, "attach_rates").values);
    if (isFunctionError(rates)) return rates;
    const explosion = unwrapResult(explodeForecast(family.values, rates, hedgeFraction(hedge)));
    if (isFunctionError(explosion)) return explosion;
    // Hedge rows come after the base rows, never added into them: overplanning is not demand.
    const rows = hedge ? [...explosion.base, ...explosion.hedge] : explosion.base;
    const grid = rows.map((row) => toCells(row));
    return asBlock(grid, family.orientation);
  },
  maxSize: (shapes) => {
    const line = lineShape(shapes[0]);
    const rates = lineShape(shapes[1]);
    const options = Math.max(rates.rows, rates.columns) * (shapes[2] ? 2 : 1);
    const periods = Math.max(line.rows, line.columns);
    return line.rows === 1 ? { rows: options, columns: periods } : { rows: periods, columns: options };
  },
};

const PROMISE: FunctionSpec = {
  id: "PROMISE",
  params: [
    number("quantity", false),
    number("on_hand", false),
    series("supply"),
    series("orders"),
    option("method", ATP_METHODS),
    number("requested_period"),
  ],
  run(args, settings) {
    // Periods in the spreadsheet count from 1, in the engine from 0.
    const requested = get.number(args, "requested_period");
    if (requested !== undefined && !(Number.isInteger(requested) && requested >= 1)) {
      return functionError("NUM", messages.notPeriodNumber("requested_period", requested));
    }
    const period = unwrapResult(
      promise(
        get.number(args, "quantity") as number,
        get.number(args, "on_hand") as number,
        get.series(args, "supply").values,
        get.series(args, "orders").values,
        get.option<AtpMethod>(args, "method") ?? settings.atpMethod,
        requested === undefined ? undefined : requested - 1,
      ),
    );
    if (isFunctionError(period)) return period;
    return period === null ? functionError("NA", messages.notWithinHorizon()) : period + 1;
  },
  maxSize: () => ({ rows: 1, columns: 1 }),
};

/** Every MPS.* function, by id. */
export const CATALOG: Readonly<Record<string, FunctionSpec>> = Object.freeze({
  CONSUME,
  DEMAND,
  PLAN,
  PAB,
  ATP,
  TABLE,
  PEG,
  EXPLODE,
  PROMISE,
});
