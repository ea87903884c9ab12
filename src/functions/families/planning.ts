/**
 * Planning: MPS quantities, the projected available balance and the whole record of an item.
 *
 *   MPS.PLAN(demand, on_hand, [safety_stock], [lot_rule], [lot_size], [receipts], [planning_time_fence], [firm_mps])
 *                                                     → MPS per period, like demand
 *   MPS.PAB(demand, on_hand, supply)                  → projected available balance, like demand
 *   MPS.TABLE(forecast, orders, on_hand, [safety_stock], [lot_rule], [lot_size], [model], [receipts])
 *                                                     → the labelled record (engine/record.ts), a row per line
 *                                                       (a column per line for column inputs)
 */
import {
  LOT_RULES,
  MAX_TABLE_ROWS,
  PRODUCTION_MODELS,
  RECORD_ROWS,
  planItem,
  planMps,
  projectAvailable,
  tableLabels,
  type RecordShape,
} from "../../engine";
import { isFunctionError } from "../cells";
import { UNKNOWN, defineFunction, lineShape, periodsOf, type Cell } from "../define";
import { number, option, series } from "../params";
import { asBlock, asLine, toCells, unwrapResult } from "../results";
import { FORECAST, ON_HAND, ORDERS } from "./shared";

const DEMAND = series("demand", "Demand per period (one row or one column).");
const SAFETY_STOCK = number("safety_stock", "Stock to keep in reserve.", { optional: true, defaultText: "Default 0." });
const LOT_SIZE = number("lot_size", "FOQ: the lot quantity. POQ: the number of periods one lot covers.", { optional: true });
const DEFAULT_LOT_RULE = { optional: true, defaultText: `Default ${LOT_RULES[0]}.` } as const;

export const PLAN = defineFunction({
  id: "PLAN",
  params: [
    DEMAND,
    ON_HAND,
    SAFETY_STOCK,
    option("lot_rule", '"LFL" (lot for lot), "FOQ" (fixed order quantity) or "POQ" (period order quantity).', LOT_RULES, DEFAULT_LOT_RULE),
    LOT_SIZE,
    series("receipts", "Scheduled receipts per period already on order.", { optional: true }),
    number("planning_time_fence", "Frozen periods from the start: no new MPS, only firm_mps.", { setting: "planningTimeFence" }),
    series("firm_mps", "Firm MPS quantities inside the planning time fence.", { optional: true }),
  ],
  run(args) {
    const plan = unwrapResult(
      planMps(args.demand.values, {
        onHand: args.on_hand,
        safetyStock: args.safety_stock,
        lotRule: args.lot_rule,
        lotSize: args.lot_size,
        receipts: args.receipts?.values,
        planningTimeFence: args.planning_time_fence,
        firmMps: args.firm_mps?.values,
      }),
    );
    return isFunctionError(plan) ? plan : asLine(plan.mps, args.demand.orientation);
  },
  size: (call) => lineShape(call.shape("demand")),
});

export const PAB = defineFunction({
  id: "PAB",
  params: [DEMAND, ON_HAND, series("supply", "Supply per period (MPS plus receipts), as long as demand.")],
  run(args) {
    const pab = unwrapResult(projectAvailable(args.demand.values, args.on_hand, args.supply.values));
    return isFunctionError(pab) ? pab : asLine(pab, args.demand.orientation);
  },
  size: (call) => lineShape(call.shape("demand")),
});

/** The MPS.TABLE rows: the record's rows shown in a table, in the record's order. */
export const TABLE_ROWS = RECORD_ROWS.filter((row) => row.inTable);

export const TABLE = defineFunction({
  id: "TABLE",
  params: [
    FORECAST,
    ORDERS,
    ON_HAND,
    SAFETY_STOCK,
    option("lot_rule", '"LFL", "FOQ" or "POQ".', LOT_RULES, DEFAULT_LOT_RULE),
    LOT_SIZE,
    option("model", '"MTS", "ATO" or "MTO"; ATO adds a Final assembly row.', PRODUCTION_MODELS, { setting: "model" }),
    series(
      "receipts",
      "Scheduled receipts and firm supply per period; inside the planning time fence (workbook setting) they are the only supply.",
      { optional: true },
    ),
  ],
  run(args, settings) {
    const shape: RecordShape = { model: args.model };
    const record = unwrapResult(
      planItem({
        forecast: args.forecast.values,
        orders: args.orders.values,
        onHand: args.on_hand,
        safetyStock: args.safety_stock,
        lotRule: args.lot_rule,
        lotSize: args.lot_size,
        model: shape.model,
        receipts: args.receipts?.values,
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
    for (const row of TABLE_ROWS) {
      const values = record[row.field];
      if (values !== null) rows.push(toCells(values, row.label)); // null: not in this model's record
    }
    return asBlock(rows, args.forecast.orientation);
  },
  size: (call) => {
    const line = lineShape(call.shape("forecast"));
    // The rows the model gives; when the model comes from a formula, room for the largest table.
    const model = call.value("model");
    const rows = model === UNKNOWN ? MAX_TABLE_ROWS : tableLabels({ model }).length;
    return line.rows === 1 ? { rows, columns: periodsOf(line) + 1 } : { rows: periodsOf(line) + 1, columns: rows };
  },
});
