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
  planMps,
  projectAvailable,
  tableRows,
  type RecordShape,
} from "../../engine";
import { isFunctionError } from "../cells";
import { UNKNOWN, defineFunction, lineShape, periodsOf, type Cell, type Shape, type SizeQuery } from "../define";
import { isItemMaster, type ItemValues } from "../itemMaster";
import { messages } from "../messages";
import { item, number, option, series } from "../params";
import { CellRows, asLine, unwrapResult } from "../results";
import {
  DEFAULT_LOT_RULE,
  FIRM_MPS,
  LOT_LIMITS,
  LOT_SIZE,
  RECORD_PARAMS,
  SAFETY_STOCK,
  lotOptions,
  onHandOf,
  defineRecordFunction,
  settingsFromMaster,
  unwrapItem,
} from "./itemRecord";

const DEMAND = series("demand", "Demand per period (one row or one column).");
/** The headers MPS.PLAN reads: it plans the demand it is given, so no model, lead time, capacity or consumption. */
const PLAN_HEADERS = ["On hand", "Safety stock", "Lot rule", "Lot size", "Min lot", "Max lot", "Multiple", "Planning time fence"];
const PLAN_ITEM_HELP =
  `Stock on hand, or the item master: a header row and the item's value row, headers among ${PLAN_HEADERS.join(", ")}. ` +
  "An argument in the formula wins over it.";

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

/** A cell of the Utilization % row: load on no capacity cannot be a percentage, and says so. */
function utilizationCell(value: number): Cell {
  return value === Infinity ? messages.noCapacity() : value;
}

export const TABLE = defineRecordFunction({
  id: "TABLE",
  fromRecord({ record, shape }, args) {
    const rows = new CellRows();
    for (const row of tableRows(shape)) {
      const values = record[row.field as keyof typeof record] as Float64Array;
      if (row.field === "utilization") rows.addCells(["Utilization %", ...Array.from(values, utilizationCell)]);
      else rows.add(row.label, values);
    }
    return rows.checked(args.forecast.orientation);
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
function tableSize(call: SizeQuery<typeof RECORD_PARAMS>): number {
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
  return tableRows(shape).length;
}
