/**
 * Planning: MPS quantities, the projected available balance and the whole record of an item.
 *
 *   MPS.PLAN(demand, on_hand, [safety_stock], [lot_rule], [lot_size], [receipts], [planning_time_fence], [firm_mps],
 *            [min_lot], [max_lot], [multiple])
 *                                                     → MPS per period, like demand
 *   MPS.PAB(demand, on_hand, supply)                  → projected available balance, like demand
 *   MPS.TABLE(forecast, orders, on_hand, [safety_stock], [lot_rule], [lot_size], [model], [receipts],
 *             [capacity], [hours_per_unit], [lead_time], [min_lot], [max_lot], [multiple], [plan_from], [firm_mps])
 *                                                     → the labelled record (engine/record.ts), a row per line
 *                                                       (a column per line for column inputs)
 *
 * `on_hand` of PLAN and TABLE is one cell, or the item's master row (itemMaster.ts): an
 * argument typed in the formula wins over the item master, which wins over the workbook setting.
 */
import {
  LARGEST_TABLE_ROWS,
  LOT_RULES,
  PRODUCTION_MODELS,
  planItem,
  planMps,
  projectAvailable,
  tableLabels,
  tableRows,
  type ItemInput,
  type PlanningError,
  type RecordShape,
  type Result,
} from "../../engine";
import { functionError, isFunctionError, type FunctionError } from "../cells";
import { UNKNOWN, defineFunction, lineShape, periodsOf, type Cell, type Shape, type SizeQuery } from "../define";
import { isItemMaster, nameItemCells, type ItemMaster, type ItemValues } from "../itemMaster";
import { messages } from "../messages";
import { item, number, option, series } from "../params";
import { asBlock, asLine, fromEngine, paramName, toCells, unwrapResult } from "../results";
import { FORECAST, ORDERS } from "./shared";

const DEMAND = series("demand", "Demand per period (one row or one column).");
const SAFETY_STOCK = number("safety_stock", "Stock to keep in reserve.", { optional: true, defaultText: "Default 0." });
const LOT_SIZE = number("lot_size", "FOQ: the lot quantity. POQ: the number of periods one lot covers.", { optional: true });
const DEFAULT_LOT_RULE = { optional: true, defaultText: `Default ${LOT_RULES[0]}.` } as const;
const FIRM_MPS = series("firm_mps", "Firm MPS quantities inside the planning time fence.", { optional: true });
const LOT_LIMITS = [
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
const TABLE_ITEM_HELP =
  "Stock on hand at the start of the first period, or the item master: a header row (On hand, Safety stock, Lot rule, " +
  "Lead time, Capacity, … see help) and the item's value row. An argument in the formula wins over it; it wins over the workbook settings.";

/** The headers MPS.PLAN reads: it plans the demand it is given, so no model, lead time, capacity or consumption. */
const PLAN_HEADERS = ["On hand", "Safety stock", "Lot rule", "Lot size", "Min lot", "Max lot", "Multiple", "Planning time fence"];
const PLAN_ITEM_HELP =
  `Stock on hand, or the item master: a header row and the item's value row, headers among ${PLAN_HEADERS.join(", ")}. ` +
  "An argument in the formula wins over it.";

/** Arguments the record gained with lead time, lot limits, capacity and plan from: every refusal about them is #VALUE!. */
const NEW_ARGUMENTS = new Set([
  "capacity",
  "hours_per_unit",
  "lead_time",
  "min_lot",
  "max_lot",
  "multiple",
  "plan_from",
  "firm_mps",
  "capacity_strategy",
  "lot_rule",
]);

/**
 * A value for the item: the argument when given, else the item master's (noted in `fromMaster`
 * so a message about it names the item master's cell).
 */
function pick<T>(argument: T | undefined, master: ItemMaster | null, key: keyof ItemValues, param: string, fromMaster: Set<string>): T | undefined {
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
function settingsFromMaster(master: ItemMaster | null, fromMaster: Set<string>): void {
  if (master === null) return;
  for (const param of SETTING_PARAMS) {
    if (master.sources[param] !== undefined) fromMaster.add(param);
  }
}

/**
 * An engine refusal as the function shows it: about a value from the item master, it names the
 * item master's header and cell; about an argument this record gained, it is #VALUE!.
 */
function refusal(error: PlanningError, master: ItemMaster | null, fromMaster: ReadonlySet<string>): FunctionError {
  const shown = fromEngine(error);
  const param = paramName(error.field);
  const fromItem = master !== null && fromMaster.has(param);
  const message = fromItem ? nameItemCells(shown.message, master, fromMaster) : shown.message;
  return functionError(fromItem || NEW_ARGUMENTS.has(param) ? "VALUE" : shown.code, message);
}

function unwrapItem<T>(result: Result<T>, master: ItemMaster | null, fromMaster: ReadonlySet<string>): T | FunctionError {
  return result.ok ? result.value : refusal(result.error, master, fromMaster);
}

/** The item's on hand: the argument, or the item master's On hand. */
function onHandOf(onHand: number | ItemMaster, fromMaster: Set<string>): number {
  if (typeof onHand === "number") return onHand;
  fromMaster.add("on_hand");
  return onHand.values.onHand;
}

/** The lot options of an item: arguments first, then the item master. */
function lotOptions(args: LotArgs, master: ItemMaster | null, fromMaster: Set<string>): Partial<ItemInput> {
  return {
    safetyStock: pick(args.safety_stock, master, "safetyStock", "safety_stock", fromMaster),
    lotRule: pick(args.lot_rule, master, "lotRule", "lot_rule", fromMaster),
    lotSize: pick(args.lot_size, master, "lotSize", "lot_size", fromMaster),
    minLot: pick(args.min_lot, master, "minLot", "min_lot", fromMaster),
    maxLot: pick(args.max_lot, master, "maxLot", "max_lot", fromMaster),
    multiple: pick(args.multiple, master, "multiple", "multiple", fromMaster),
  };
}

interface LotArgs {
  safety_stock: number | undefined;
  lot_rule: (typeof LOT_RULES)[number] | undefined;
  lot_size: number | undefined;
  min_lot: number | undefined;
  max_lot: number | undefined;
  multiple: number | undefined;
}

export const PLAN = defineFunction({
  id: "PLAN",
  params: [
    DEMAND,
    item("on_hand", PLAN_ITEM_HELP),
    SAFETY_STOCK,
    option("lot_rule", '"LFL" (lot for lot), "FOQ" (fixed order quantity) or "POQ" (period order quantity).', LOT_RULES, DEFAULT_LOT_RULE),
    LOT_SIZE,
    series("receipts", "Scheduled receipts per period already on order.", { optional: true }),
    number("planning_time_fence", "Frozen periods from the start: no new MPS, only firm_mps.", { setting: "planningTimeFence" }),
    FIRM_MPS,
    ...LOT_LIMITS,
  ],
  run(args) {
    const master = isItemMaster(args.on_hand) ? args.on_hand : null;
    const fromMaster = new Set<string>();
    settingsFromMaster(master, fromMaster);
    const plan = unwrapItem(
      planMps(args.demand.values, {
        onHand: onHandOf(args.on_hand, fromMaster),
        ...lotOptions(args, master, fromMaster),
        receipts: args.receipts?.values,
        planningTimeFence: args.planning_time_fence,
        firmMps: args.firm_mps?.values,
      }),
      master,
      fromMaster,
    );
    return isFunctionError(plan) ? plan : asLine(plan.mps, args.demand.orientation);
  },
  size: (call) => lineShape(call.shape("demand")),
});

export const PAB = defineFunction({
  id: "PAB",
  params: [DEMAND, number("on_hand", "Stock on hand at the start of the first period."), series("supply", "Supply per period (MPS plus receipts), as long as demand.")],
  run(args) {
    const pab = unwrapResult(projectAvailable(args.demand.values, args.on_hand, args.supply.values));
    return isFunctionError(pab) ? pab : asLine(pab, args.demand.orientation);
  },
  size: (call) => lineShape(call.shape("demand")),
});

/** A period number from 1, or why not. */
function checkPlanFrom(value: number, name: string): FunctionError | undefined {
  return Number.isInteger(value) && value >= 1 ? undefined : functionError("VALUE", messages.notPlanFrom(name, value));
}

/** A cell of the Utilization % row: load on no capacity cannot be a percentage, and says so. */
function utilizationCell(value: number): Cell {
  return value === Infinity ? messages.noCapacity() : value;
}

const TABLE_PARAMS = [
    FORECAST,
    ORDERS,
    item("on_hand", TABLE_ITEM_HELP),
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

export const TABLE = defineFunction({
  id: "TABLE",
  params: TABLE_PARAMS,
  run(args, settings) {
    const master = isItemMaster(args.on_hand) ? args.on_hand : null;
    const fromMaster = new Set<string>();
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
      capacity: pick<number | number[]>(capacityArgument, master, "capacity", "capacity", fromMaster),
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
    const rows: Cell[][] = [];
    for (const row of tableRows(shape)) {
      const values = record[row.field as keyof typeof record] as Float64Array;
      rows.push(row.field === "utilization" ? ["Utilization %", ...Array.from(values, utilizationCell)] : toCells(values, row.label));
    }
    return asBlock(rows, args.forecast.orientation);
  },
  size: (call) => {
    const line = lineShape(call.shape("forecast"));
    const rows = tableSize(call);
    return line.rows === 1 ? { rows, columns: periodsOf(line) + 1 } : { rows: periodsOf(line) + 1, columns: rows };
  },
});


/**
 * The rows of a table as far as the formula text tells them; where only evaluation can tell (a
 * value from a formula, an item master range), room for the row.
 */
function tableSize(call: SizeQuery<typeof TABLE_PARAMS>): number {
  const onHand = call.value("on_hand");
  const itemShape: Shape | undefined = call.shape("on_hand");
  const unknownMaster = onHand === UNKNOWN && itemShape !== undefined && itemShape.rows * itemShape.columns > 1;
  if (unknownMaster) return LARGEST_TABLE_ROWS;
  const master = onHand !== UNKNOWN && isItemMaster(onHand) ? onHand.values : undefined;
  const given = (name: "capacity" | "lead_time" | "max_lot", key: keyof ItemValues) => call.value(name) !== undefined || master?.[key] !== undefined;
  const model = call.value("model");
  const planFrom = call.value("plan_from");
  const shape: RecordShape = {
    model: model === UNKNOWN ? "ATO" : model,
    leadTime: given("lead_time", "leadTime"),
    maxLot: given("max_lot", "maxLot"),
    capacity: given("capacity", "capacity"),
    expired: planFrom === UNKNOWN || planFrom !== 1,
  };
  return tableLabels(shape).length;
}
