/**
 * An item's MPS record as the functions build it from their arguments: MPS.TABLE's parameters,
 * declared once, and the one path from those arguments (with the item master and the workbook
 * settings) to `planItem`. MPS.TABLE shows the record; MPS.MESSAGES reads it for the coach.
 * Both take `RECORD_PARAMS`, so an argument added here reaches both.
 *
 * The item's values: an argument typed in the formula wins over the item master (on_hand given
 * as a range, itemMaster.ts), which wins over the workbook setting.
 */
import {
  LOT_RULES,
  PRODUCTION_MODELS,
  planItem,
  type ItemInput,
  type MpsRecord,
  type PlanningError,
  type RecordShape,
  type Result,
  type Series,
} from "../../engine";
import type { MpsSettings } from "../../shared/settings";
import { functionError, isFunctionError, type FunctionError } from "../cells";
import { defineFunction, type ArgsOf, type FunctionSpec, type RunOutput, type Shape, type SizeQuery } from "../define";
import { isItemMaster, nameItemCells, type ItemMaster, type ItemValues } from "../itemMaster";
import { messages } from "../messages";
import { item, number, option, series } from "../params";
import { fromEngine, paramName } from "../results";
import { FORECAST, ORDERS } from "./shared";

export const SAFETY_STOCK = number("safety_stock", "Stock to keep in reserve.", { optional: true, defaultText: "Default 0." });
export const LOT_SIZE = number("lot_size", "FOQ: the lot quantity. POQ: the number of periods one lot covers.", { optional: true });
export const DEFAULT_LOT_RULE = { optional: true, defaultText: `Default ${LOT_RULES[0]}.` } as const;
export const FIRM_MPS = series("firm_mps", "Firm MPS quantities inside the planning time fence.", { optional: true });
export const LOT_LIMITS = [
  number("min_lot", "Smallest lot: a smaller lot is raised to it.", { optional: true, defaultText: "Default none." }),
  number("max_lot", "Largest lot: a larger quantity is released as several lots in its period.", {
    optional: true,
    defaultText: "Default none.",
  }),
  number("multiple", "Lots are rounded up to a multiple of this.", { optional: true, defaultText: "Default none." }),
] as const;

/**
 * The on_hand help (Excel shows at most 255 characters): one cell, or an item master. The full
 * list of headers is on the help page (scripts/helpPage.js, checked against ITEM_MASTER_HEADERS).
 */
const RECORD_ITEM_HELP =
  "Stock on hand at the start of the first period, or the item master: a header row (On hand, Safety stock, Lot rule, " +
  "Lead time, Capacity, … see help) and the item's value row. An argument in the formula wins over it; it wins over the workbook settings.";

/** MPS.TABLE's parameters, in its public order: every function that plans an item's record takes them. */
export const RECORD_PARAMS = [
  FORECAST,
  ORDERS,
  item("on_hand", RECORD_ITEM_HELP),
  SAFETY_STOCK,
  option("lot_rule", '"LFL", "FOQ" or "POQ".', LOT_RULES, DEFAULT_LOT_RULE),
  LOT_SIZE,
  option("model", '"MTS", "ATO" or "MTO"; ATO adds a Final assembly row.', PRODUCTION_MODELS, { setting: "model" }),
  series(
    "receipts",
    "Scheduled receipts and firm supply per period; inside the planning time fence (workbook setting) they are the only supply.",
    { optional: true },
  ),
  series(
    "capacity",
    "Capacity per period (as long as forecast, or one cell for all), in units, or in hours with hours_per_unit; " +
      "adds Load, Capacity and Utilization % rows. The Capacity strategy (setting or item master) says: check or level.",
    { optional: true },
  ),
  number("hours_per_unit", "Capacity one unit takes (hours per unit).", { optional: true, defaultText: "Default 1." }),
  number("lead_time", "Whole periods from start to completion; adds a Planned start row.", { optional: true }),
  ...LOT_LIMITS,
  number("plan_from", "The period planning starts from (counted from 1); earlier forecast expires and shows as Expired forecast.", {
    setting: "planFrom",
  }),
  series("firm_mps", "Firm MPS quantities: kept in the MPS row, the only MPS inside the planning time fence.", { optional: true }),
] as const;

/** The arguments of a record function, read and defaulted. */
export type RecordArgs = ArgsOf<typeof RECORD_PARAMS>;

/**
 * A value for the item: the argument when given, else the item master's (noted in `fromMaster`
 * so a message about it names the item master's cell).
 */
export function pick<T>(argument: T | undefined, master: ItemMaster | null, key: keyof ItemValues, param: string, fromMaster: Set<string>): T | undefined {
  if (argument !== undefined && argument !== null) return argument;
  const value = master?.values[key] as T | undefined;
  if (value !== undefined) fromMaster.add(param);
  return value;
}

/** The item master's headers that are per-item settings, by the argument name messages use. */
const SETTING_PARAMS = [
  "model",
  "demand_time_fence",
  "planning_time_fence",
  "backward",
  "forward",
  "mode",
  "method",
  "capacity_strategy",
  "plan_from",
];

/** The per-item settings the item master gave (they already replaced the workbook's), for messages. */
export function settingsFromMaster(master: ItemMaster | null, fromMaster: Set<string>): void {
  if (master === null) return;
  for (const param of SETTING_PARAMS) {
    if (master.sources[param] !== undefined) fromMaster.add(param);
  }
}

/**
 * An engine refusal as the function shows it (#VALUE!, its cell named as fromEngine names it);
 * about a value from the item master, it names the item master's header and cell instead.
 */
function refusal(error: PlanningError, master: ItemMaster | null, fromMaster: ReadonlySet<string>): FunctionError {
  const shown = fromEngine(error);
  if (master === null || !fromMaster.has(paramName(error.field))) return shown;
  return functionError("VALUE", nameItemCells(shown.message, master, fromMaster));
}

export function unwrapItem<T>(result: Result<T>, master: ItemMaster | null, fromMaster: ReadonlySet<string>): T | FunctionError {
  return result.ok ? result.value : refusal(result.error, master, fromMaster);
}

/** The item's on hand: the argument, or the item master's On hand. */
export function onHandOf(onHand: number | ItemMaster, fromMaster: Set<string>): number {
  if (typeof onHand === "number") return onHand;
  fromMaster.add("on_hand");
  return onHand.values.onHand;
}

export interface LotArgs {
  safety_stock: number | undefined;
  lot_rule: (typeof LOT_RULES)[number] | undefined;
  lot_size: number | undefined;
  min_lot: number | undefined;
  max_lot: number | undefined;
  multiple: number | undefined;
}

/** The lot options of an item: arguments first, then the item master. */
export function lotOptions(args: LotArgs, master: ItemMaster | null, fromMaster: Set<string>): Partial<ItemInput> {
  return {
    safetyStock: pick(args.safety_stock, master, "safetyStock", "safety_stock", fromMaster),
    lotRule: pick(args.lot_rule, master, "lotRule", "lot_rule", fromMaster),
    lotSize: pick(args.lot_size, master, "lotSize", "lot_size", fromMaster),
    minLot: pick(args.min_lot, master, "minLot", "min_lot", fromMaster),
    maxLot: pick(args.max_lot, master, "maxLot", "max_lot", fromMaster),
    multiple: pick(args.multiple, master, "multiple", "multiple", fromMaster),
  };
}

/** A period number from 1, or why not. */
function checkPlanFrom(value: number, name: string): FunctionError | undefined {
  return Number.isInteger(value) && value >= 1 ? undefined : functionError("VALUE", messages.notPlanFrom(name, value));
}

/** An item planned from a record function's arguments: what went in, and what came out. */
export interface PlannedRecord {
  /** What `planItem` was given: arguments, then item master, then settings. */
  input: ItemInput;
  record: MpsRecord;
  /** Which rows the record has. */
  shape: RecordShape;
}

/** Without an item master no value comes from one: nothing is ever added to this set. */
const NO_MASTER: Set<string> = new Set();

/**
 * Plans the item a record function's arguments describe: the `ItemInput` from the arguments,
 * the item master (on_hand as a range) and the settings (already the item's own, see invoke),
 * then `planItem`. Refusals name the argument, or the item master's cell a value came from.
 * @example
 * planRecord({ forecast: row(30, 30), orders: row(33, 20), on_hand: 64, …, plan_from: 1 }, DEFAULT_SETTINGS)
 * // → { input: { forecast: [30, 30], orders: [33, 20], onHand: 64, … }, record: planItem(input).value, shape: { model: "MTS", … } }
 */
export function planRecord(args: RecordArgs, settings: MpsSettings): PlannedRecord | FunctionError {
  const master = isItemMaster(args.on_hand) ? args.on_hand : null;
  const fromMaster = master === null ? NO_MASTER : new Set<string>();
  settingsFromMaster(master, fromMaster);
  const capacityArgument = args.capacity === undefined ? undefined : args.capacity.values.length === 1 ? args.capacity.values[0] : args.capacity.values;
  const planFrom = args.plan_from;
  const planFromError = checkPlanFrom(planFrom, master?.settings.planFrom === planFrom ? master.sources.plan_from : "plan_from");
  if (planFromError) return planFromError;
  // In the order the item master's cells are noted (messages list them in that order).
  const onHand = onHandOf(args.on_hand, fromMaster);
  const lots = lotOptions(args, master, fromMaster);
  const input: ItemInput = {
    forecast: args.forecast.values,
    orders: args.orders.values,
    onHand,
    // Each lot option by name, not `...lotOptions(…)`: spreading an object here took ~6% of a call.
    safetyStock: lots.safetyStock,
    lotRule: lots.lotRule,
    lotSize: lots.lotSize,
    minLot: lots.minLot,
    maxLot: lots.maxLot,
    multiple: lots.multiple,
    model: args.model,
    receipts: args.receipts?.values,
    firmMps: args.firm_mps?.values,
    capacity: pick<number | Series>(capacityArgument, master, "capacity", "capacity", fromMaster),
    hoursPerUnit: pick(args.hours_per_unit, master, "hoursPerUnit", "hours_per_unit", fromMaster),
    leadTime: pick(args.lead_time, master, "leadTime", "lead_time", fromMaster),
    capacityStrategy: settings.capacityStrategy,
    currentPeriod: planFrom - 1,
    backward: settings.backward,
    forward: settings.forward,
    mode: settings.mode,
    demandTimeFence: settings.demandTimeFence,
    planningTimeFence: settings.planningTimeFence,
    atpMethod: settings.atpMethod,
  };
  const record = unwrapItem(planItem(input), master, fromMaster);
  if (isFunctionError(record)) return record;
  const shape: RecordShape = {
    model: args.model,
    leadTime: input.leadTime !== undefined,
    maxLot: input.maxLot !== undefined,
    capacity: input.capacity !== undefined,
    expired: planFrom > 1,
  };
  return { input, record, shape };
}

/**
 * A function of an item's record (MPS.TABLE, MPS.MESSAGES): TABLE's parameters, the record
 * planned from them as TABLE plans it (a refusal returned as it is), then what the function
 * makes of the record.
 */
export function defineRecordFunction(definition: {
  id: string;
  fromRecord(planned: PlannedRecord, args: RecordArgs, settings: MpsSettings): RunOutput;
  size(query: SizeQuery<typeof RECORD_PARAMS>): Shape;
}): FunctionSpec {
  return defineFunction({
    id: definition.id,
    params: RECORD_PARAMS,
    run(args, settings) {
      const planned = planRecord(args, settings);
      return isFunctionError(planned) ? planned : definition.fromRecord(planned, args, settings);
    },
    size: definition.size,
  });
}
