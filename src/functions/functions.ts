/*
 * MPS.* custom functions. Each is a thin adapter: Excel's ranges in, the engine's plan out,
 * spilled the way the inputs are laid out. The JSDoc below generates functions.json (the
 * metadata plugin also appends the CustomFunctions.associate calls); ids are stored in
 * workbooks, so they never change. Arguments left out take the workbook's defaults from the
 * task pane; an argument that refers to an empty cell is that cell: 0 for a number, the
 * default for an option. Each function is declared in its family file (families/*.ts): the
 * @param lines repeat its parameters' help text word for word, and every signature argument is
 * handed on in order; test/functions/metadata.test.ts says where the two differ.
 *
 * Every function carries @requiresAddress and @requiresParameterAddresses and takes Excel's
 * invocation as its last argument: the parameter addresses (CustomFunctionsRuntime 1.3) tell
 * an empty referenced cell from an argument left out, which older desktop builds pass alike,
 * and let messages name cells ("orders: cell F3 is text"). Excel requires a matrix result with
 * parameter addresses, so every function returns any[][] (a single value as a 1×1 array).
 * Error values in input cells are not passed to us (functions.json has no
 * allowErrorForDataTypeAny): Excel shows the error itself.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges over as any[][], and
   single-cell arguments as any so that Excel does not convert text to numbers before we can
   refuse it: the one adapter (invoke.ts) reads every argument, on every host, the same way. */
import { settingsReady, workbookSettings } from "../shared/settingsStore";
import { isFunctionError, type ErrorCode } from "./cells";
import { invoke } from "./invoke";

function excelErrorCode(code: ErrorCode): CustomFunctions.ErrorCode {
  return code === "NA" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
}

/**
 * Runs one MPS function with the workbook's settings; refusals become Excel errors with their
 * message, a single value a 1×1 array.
 */
function compute(id: string, args: unknown[], invocation: CustomFunctions.Invocation | undefined): any[][] {
  const site = { addresses: invocation?.parameterAddresses, caller: invocation?.address };
  const result = invoke(id, args, workbookSettings(), site);
  if (isFunctionError(result)) throw new CustomFunctions.Error(excelErrorCode(result.code), result.message);
  return Array.isArray(result) ? withErrorCells(result) : [[result]];
}

/**
 * An error inside a spilled result (a line not promisable within the horizon) becomes a
 * CustomFunctions.Error in its own cell, the other cells keep their values: returning the
 * Error object in a result array needs CustomFunctionsRuntime 1.2, the set that brings
 * CustomFunctions.Error itself. The rows are the call's own, so they are changed in place.
 */
function withErrorCells(rows: any[][]): any[][] {
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "object" && isFunctionError(cell)) row[c] = new CustomFunctions.Error(excelErrorCode(cell.code), cell.message);
    }
  }
  return rows;
}

/**
 * Computes now, or, while Office.js is still starting, once the workbook's settings can be
 * read (Excel waits for a returned promise like for any asynchronous custom function).
 */
function excel(id: string, args: unknown[], invocation?: CustomFunctions.Invocation): any {
  const ready = settingsReady();
  return ready === true ? compute(id, args, invocation) : ready.then(() => compute(id, args, invocation));
}

// Ask Office.js for readiness as soon as the functions load, so later calls compute at once.
settingsReady();

/**
 * Remaining forecast after customer orders consume it, inside the consumption window.
 * @customfunction CONSUME
 * @helpurl https://localhost:3000/help.html#consume
 * @requiresAddress
 * @requiresParameterAddresses
 * @param forecast Forecast per period (one row or one column).
 * @param orders Customer orders per period, as long as forecast.
 * @param [backward] Earlier periods an order may consume from. Default: workbook setting.
 * @param [forward] Later periods an order may consume from. Default: workbook setting.
 * @param [mode] "backward-forward", "forward-backward", "backward" or "forward". Default: workbook setting.
 * @returns Remaining forecast per period, laid out like forecast.
 */
export function consume(forecast: any[][], orders: any[][], backward?: any, forward?: any, mode?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return excel("CONSUME", [forecast, orders, backward, forward, mode], invocation);
}

/**
 * Demand the MPS plans for: orders plus remaining forecast, by production model and demand time fence.
 * @customfunction DEMAND
 * @helpurl https://localhost:3000/help.html#demand
 * @requiresAddress
 * @requiresParameterAddresses
 * @param forecast Forecast per period (one row or one column).
 * @param orders Customer orders per period, as long as forecast.
 * @param [model] "MTS" (make to stock), "ATO" (assemble to order) or "MTO" (make to order). Default: workbook setting.
 * @param [demand_time_fence] Periods from the start where only orders count. Default: workbook setting.
 * @param [backward] Earlier periods an order may consume from. Default: workbook setting.
 * @param [forward] Later periods an order may consume from. Default: workbook setting.
 * @param [mode] "backward-forward", "forward-backward", "backward" or "forward". Default: workbook setting.
 * @returns Demand per period, laid out like forecast.
 */
export function demand(
  forecast: any[][],
  orders: any[][],
  model?: any,
  demand_time_fence?: any,
  backward?: any,
  forward?: any,
  mode?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return excel("DEMAND", [forecast, orders, model, demand_time_fence, backward, forward, mode], invocation);
}

/**
 * MPS quantities: when and how much to produce so projected available stays at or above safety stock.
 * @customfunction PLAN
 * @helpurl https://localhost:3000/help.html#plan
 * @requiresAddress
 * @requiresParameterAddresses
 * @param demand Demand per period (one row or one column).
 * @param on_hand Stock on hand, or the item master: a header row and the item's value row, headers among On hand, Safety stock, Lot rule, Lot size, Min lot, Max lot, Multiple, Planning time fence. An argument in the formula wins over it.
 * @param [safety_stock] Stock to keep in reserve. Default 0.
 * @param [lot_rule] "LFL" (lot for lot), "FOQ" (fixed order quantity) or "POQ" (period order quantity). Default LFL.
 * @param [lot_size] FOQ: the lot quantity. POQ: the number of periods one lot covers.
 * @param [receipts] Scheduled receipts per period already on order.
 * @param [planning_time_fence] Frozen periods from the start: no new MPS, only firm_mps. Default: workbook setting.
 * @param [firm_mps] Firm MPS quantities inside the planning time fence.
 * @param [min_lot] Smallest lot: a smaller lot is raised to it. Default none.
 * @param [max_lot] Largest lot: a larger quantity is released as several lots in its period. Default none.
 * @param [multiple] Lots are rounded up to a multiple of this. Default none.
 * @returns MPS quantity per period, laid out like demand.
 */
export function plan(
  demand: any[][],
  on_hand: any[][],
  safety_stock?: any,
  lot_rule?: any,
  lot_size?: any,
  receipts?: any[][],
  planning_time_fence?: any,
  firm_mps?: any[][],
  min_lot?: any,
  max_lot?: any,
  multiple?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return excel("PLAN", [demand, on_hand, safety_stock, lot_rule, lot_size, receipts, planning_time_fence, firm_mps, min_lot, max_lot, multiple], invocation);
}

/**
 * Projected available balance for a given supply: on hand plus supply minus demand, period by period.
 * @customfunction PAB
 * @helpurl https://localhost:3000/help.html#pab
 * @requiresAddress
 * @requiresParameterAddresses
 * @param demand Demand per period (one row or one column).
 * @param on_hand Stock on hand at the start of the first period.
 * @param supply Supply per period (MPS plus receipts), as long as demand.
 * @returns Projected available balance per period, laid out like demand.
 */
export function pab(demand: any[][], on_hand: any, supply: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return excel("PAB", [demand, on_hand, supply], invocation);
}

/**
 * Available to promise: what can still be promised to new customer orders, per period.
 * @customfunction ATP
 * @helpurl https://localhost:3000/help.html#atp
 * @requiresAddress
 * @requiresParameterAddresses
 * @param on_hand Stock on hand at the start of the first period.
 * @param supply Supply per period: MPS plus receipts (MPS 0, 70 with receipts 50, 0 → 50, 70).
 * @param orders Customer orders per period, as long as supply.
 * @param [method] "discrete", "cumulative" or "lookahead". Default: workbook setting.
 * @returns ATP per period, laid out like supply.
 */
export function atp(on_hand: any, supply: any[][], orders: any[][], method?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return excel("ATP", [on_hand, supply, orders, method], invocation);
}

/**
 * The whole MPS record of an item as one block: forecast, orders, remaining forecast, excess orders, demand, receipts, PAB, MPS and ATP; with their arguments also Expired forecast, Lots, Planned start, Load, Capacity and Utilization %.
 * @customfunction TABLE
 * @helpurl https://localhost:3000/help.html#table
 * @requiresAddress
 * @requiresParameterAddresses
 * @param forecast Forecast per period (one row or one column).
 * @param orders Customer orders per period, as long as forecast.
 * @param on_hand Stock on hand at the start of the first period, or the item master: a header row (On hand, Safety stock, Lot rule, Lead time, Capacity, … see help) and the item's value row. An argument in the formula wins over it; it wins over the workbook settings.
 * @param [safety_stock] Stock to keep in reserve. Default 0.
 * @param [lot_rule] "LFL", "FOQ" or "POQ". Default LFL.
 * @param [lot_size] FOQ: the lot quantity. POQ: the number of periods one lot covers.
 * @param [model] "MTS", "ATO" or "MTO"; ATO adds a Final assembly row. Default: workbook setting.
 * @param [receipts] Scheduled receipts and firm supply per period; inside the planning time fence (workbook setting) they are the only supply.
 * @param [capacity] Capacity per period (as long as forecast, or one cell for all), in units, or in hours with hours_per_unit; adds Load, Capacity and Utilization % rows. The Capacity strategy (setting or item master) says: check or level.
 * @param [hours_per_unit] Capacity one unit takes (hours per unit). Default 1.
 * @param [lead_time] Whole periods from start to completion; adds a Planned start row.
 * @param [min_lot] Smallest lot: a smaller lot is raised to it. Default none.
 * @param [max_lot] Largest lot: a larger quantity is released as several lots in its period. Default none.
 * @param [multiple] Lots are rounded up to a multiple of this. Default none.
 * @param [plan_from] The period planning starts from (counted from 1); earlier forecast expires and shows as Expired forecast. Default: workbook setting.
 * @param [firm_mps] Firm MPS quantities: kept in the MPS row, the only MPS inside the planning time fence.
 * @returns A labelled block, one row per line of the record (one column per line for column inputs).
 */
export function table(
  forecast: any[][],
  orders: any[][],
  on_hand: any[][],
  safety_stock?: any,
  lot_rule?: any,
  lot_size?: any,
  model?: any,
  receipts?: any[][],
  capacity?: any[][],
  hours_per_unit?: any,
  lead_time?: any,
  min_lot?: any,
  max_lot?: any,
  multiple?: any,
  plan_from?: any,
  firm_mps?: any[][],
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return excel("TABLE", [
    forecast,
    orders,
    on_hand,
    safety_stock,
    lot_rule,
    lot_size,
    model,
    receipts,
    capacity,
    hours_per_unit,
    lead_time,
    min_lot,
    max_lot,
    multiple,
    plan_from,
    firm_mps,
  ], invocation);
}

/**
 * Pegging: which forecast period each order consumed, and what no forecast could absorb.
 * @customfunction PEG
 * @helpurl https://localhost:3000/help.html#peg
 * @requiresAddress
 * @requiresParameterAddresses
 * @param forecast Forecast per period (one row or one column).
 * @param orders Customer orders per period, as long as forecast.
 * @param [backward] Earlier periods an order may consume from. Default: workbook setting.
 * @param [forward] Later periods an order may consume from. Default: workbook setting.
 * @param [mode] "backward-forward", "forward-backward", "backward" or "forward". Default: workbook setting.
 * @param [period_starts] Start date of each period: the period columns then show dates, not period numbers.
 * @returns A table with a header: Order period, Forecast period ("excess" when none), Quantity; periods counted from 1, or their start dates.
 */
export function peg(forecast: any[][], orders: any[][], backward?: any, forward?: any, mode?: any, period_starts?: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return excel("PEG", [forecast, orders, backward, forward, mode, period_starts], invocation);
}

/**
 * Option forecasts from a family forecast through a planning bill (assemble to order).
 * @customfunction EXPLODE
 * @helpurl https://localhost:3000/help.html#explode
 * @requiresAddress
 * @requiresParameterAddresses
 * @param family_forecast Family forecast per period (one row or one column).
 * @param attach_rates Per option, how many go with one family unit: 0.6 (or 60 %); 2 (or 200 %) is two per unit.
 * @param [hedge] Option overplanning as a share of the option forecast: 0.1 (or 10 %). Its rows come after the base rows.
 * @returns One row per option with its forecast per period (one column per option for column input).
 */
export function explode(family_forecast: any[][], attach_rates: any[][], hedge?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return excel("EXPLODE", [family_forecast, attach_rates, hedge], invocation);
}

/**
 * Earliest period (counted from 1) in which a quantity can be promised to a customer; for a column of order lines, one period per line, first come, first served.
 * @customfunction PROMISE
 * @helpurl https://localhost:3000/help.html#promise
 * @requiresAddress
 * @requiresParameterAddresses
 * @param quantity Quantity the customer asks for, or a column (or row) of order-line quantities, promised in order.
 * @param on_hand Stock on hand at the start of the first period, or a whole MPS.TABLE block (e.g. B14#) to promise from.
 * @param [supply] Supply per period: MPS plus receipts (MPS 0, 70 with receipts 50, 0 → 50, 70). Left out with a block.
 * @param [orders] Customer orders already promised, per period. Left out with a block.
 * @param [method] "discrete", "cumulative" or "lookahead". Default: workbook setting.
 * @param [requested_period] The period the customer wants it in (from 1), or one per order line; no earlier period is offered. Default 1.
 * @param [period_starts] Start date of each period: the promise is then the period's start date, not its number.
 * @param [model] "MTO" promises by lead time and capacity (ATP is 0 in MTO); "MTS" or "ATO" by ATP. Default: by ATP.
 * @param [capacity] MTO: capacity per period; a line goes to the first period from its earliest with room for all of it.
 * @param [hours_per_unit] MTO: capacity one unit takes in the period it is promised. Default 1.
 * @param [lead_time] MTO: whole periods from start to completion; no line before period 1 + lead_time. Default 0.
 * @returns The period number (or start date); #N/A "not within horizon". For order lines, one per line, #N/A in the line's own cell.
 */
export function promise(
  quantity: any[][],
  on_hand: any[][],
  supply?: any[][],
  orders?: any[][],
  method?: any,
  requested_period?: any[][],
  period_starts?: any[][],
  model?: any,
  capacity?: any[][],
  hours_per_unit?: any,
  lead_time?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return excel("PROMISE", [
    quantity,
    on_hand,
    supply,
    orders,
    method,
    requested_period,
    period_starts,
    model,
    capacity,
    hours_per_unit,
    lead_time,
  ], invocation);
}

/**
 * Order lines into periods: the quantity of the lines dated in each period (past-due lines in period 1).
 * @customfunction BUCKET
 * @helpurl https://localhost:3000/help.html#bucket
 * @requiresAddress
 * @requiresParameterAddresses
 * @param dates Order date of each line (one row or one column of dates).
 * @param quantities Quantity of each order line, one per date.
 * @param period_starts Start date of each period, earliest first (one row or one column).
 * @param [horizon_end] The day after the last period. Default: the last start plus the length of the period before it.
 * @returns Quantity per period, laid out like period_starts; lines dated on or after the horizon end are left out.
 */
export function bucket(dates: any[][], quantities: any[][], period_starts: any[][], horizon_end?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return excel("BUCKET", [dates, quantities, period_starts, horizon_end], invocation);
}

/**
 * Pegging by order line: which forecast period each order line consumed, and what no forecast could absorb.
 * @customfunction PEGLINES
 * @helpurl https://localhost:3000/help.html#peglines
 * @requiresAddress
 * @requiresParameterAddresses
 * @param forecast Forecast per period (one row or one column).
 * @param period_starts Start date of each period, earliest first (one row or one column).
 * @param order_ids Order number of each order line (one row or one column).
 * @param order_dates Order date of each line, one per order number.
 * @param quantities Quantity of each order line, one per order number.
 * @param [backward] Earlier periods an order may consume from. Default: workbook setting.
 * @param [forward] Later periods an order may consume from. Default: workbook setting.
 * @param [mode] "backward-forward", "forward-backward", "backward" or "forward". Default: workbook setting.
 * @returns A table with a header: Order, Order period, Forecast period ("excess" when none), Quantity; periods counted from 1.
 */
export function peglines(
  forecast: any[][],
  period_starts: any[][],
  order_ids: any[][],
  order_dates: any[][],
  quantities: any[][],
  backward?: any,
  forward?: any,
  mode?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return excel("PEGLINES", [forecast, period_starts, order_ids, order_dates, quantities, backward, forward, mode], invocation);
}

/**
 * Forecast accuracy over past periods: MAD, MAPE %, bias and tracking signal.
 * @customfunction ACCURACY
 * @helpurl https://localhost:3000/help.html#accuracy
 * @requiresAddress
 * @requiresParameterAddresses
 * @param forecast_history Forecast of each past period (one row or one column).
 * @param actual_history Actual demand of each past period, as long as forecast_history.
 * @returns Two columns, label and value: MAD, MAPE %, Bias, Tracking signal, MAPE periods left out (actual 0).
 */
export function accuracy(forecast_history: any[][], actual_history: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return excel("ACCURACY", [forecast_history, actual_history], invocation);
}

/**
 * Safety stock for a service level from past forecast errors: z × standard deviation of the errors × √lead time.
 * @customfunction SAFETY
 * @helpurl https://localhost:3000/help.html#safety
 * @requiresAddress
 * @requiresParameterAddresses
 * @param forecast_history Forecast of each past period (one row or one column).
 * @param actual_history Actual demand of each past period, as long as forecast_history.
 * @param service_level Chance of not running out, strictly between 0 and 1: 0.95, or 95 % formatted.
 * @param [lead_time] Periods the safety stock must cover (0 or more, fractions allowed). Default 1.
 * @returns The safety stock (0 below a 50 % service level).
 */
export function safety(forecast_history: any[][], actual_history: any[][], service_level: any, lead_time?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return excel("SAFETY", [forecast_history, actual_history, service_level, lead_time], invocation);
}

/**
 * Rough-cut capacity: the load an MPS puts on each resource per period, through a bill of capacity with lead-time offsets.
 * @customfunction LOAD
 * @helpurl https://localhost:3000/help.html#load
 * @requiresAddress
 * @requiresParameterAddresses
 * @param mps MPS quantity per period (one row or one column), each due in its period.
 * @param bill Capacity per unit: one cell (one resource), one column (a row per resource), or resources × offsets where column k holds what is needed k periods before the due period.
 * @returns Load per period, one row per resource (one column per resource for a column mps); load before the first period is added to period 1.
 */
export function load(mps: any[][], bill: any[][], invocation?: CustomFunctions.Invocation): any[][] {
  return excel("LOAD", [mps, bill], invocation);
}

/**
 * A levelled MPS that never exceeds capacity, for one item or several items sharing one resource: build ahead, chase or level.
 * @customfunction LEVEL
 * @helpurl https://localhost:3000/help.html#level
 * @requiresAddress
 * @requiresParameterAddresses
 * @param demand Demand per period: one row or one column for one item; a block for several items sharing the resource (a row per item when periods run across, a column per item when they run down).
 * @param on_hand Stock on hand at the start of the first period: one cell, or one per item (a row or a column).
 * @param capacity Capacity of the resource per period (a row or a column as long as the periods, or one cell for all): in units, or in hours with hours_per_unit.
 * @param [safety_stock] Stock to keep in reserve: one cell, or one per item. Default 0.
 * @param [hours_per_unit] Capacity one unit takes, more than 0: one cell, or one per item; capacity is then in hours. Default 1.
 * @param [receipts] Scheduled receipts per period, the same shape as demand.
 * @param [strategy] "build-ahead" (build early in quiet periods), "chase" (no building ahead) or "level" (one constant rate). Default build-ahead.
 * @returns The levelled MPS, the same shape as demand; what capacity cannot build within the horizon is left out (a shortage in PAB).
 */
export function level(
  demand: any[][],
  on_hand: any[][],
  capacity: any[][],
  safety_stock?: any[][],
  hours_per_unit?: any[][],
  receipts?: any[][],
  strategy?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return excel("LEVEL", [demand, on_hand, capacity, safety_stock, hours_per_unit, receipts, strategy], invocation);
}

/**
 * The coach for one item: what in its MPS record needs the planner (shortages, expedites, late or overloaded supply, receipts to move, forecast out of line), one line per period and type.
 * @customfunction MESSAGES
 * @helpurl https://localhost:3000/help.html#messages
 * @requiresAddress
 * @requiresParameterAddresses
 * @param forecast Forecast per period (one row or one column).
 * @param orders Customer orders per period, as long as forecast.
 * @param on_hand Stock on hand at the start of the first period, or the item master: a header row (On hand, Safety stock, Lot rule, Lead time, Capacity, … see help) and the item's value row. An argument in the formula wins over it; it wins over the workbook settings.
 * @param [safety_stock] Stock to keep in reserve. Default 0.
 * @param [lot_rule] "LFL", "FOQ" or "POQ". Default LFL.
 * @param [lot_size] FOQ: the lot quantity. POQ: the number of periods one lot covers.
 * @param [model] "MTS", "ATO" or "MTO"; ATO adds a Final assembly row. Default: workbook setting.
 * @param [receipts] Scheduled receipts and firm supply per period; inside the planning time fence (workbook setting) they are the only supply.
 * @param [capacity] Capacity per period (as long as forecast, or one cell for all), in units, or in hours with hours_per_unit; adds Load, Capacity and Utilization % rows. The Capacity strategy (setting or item master) says: check or level.
 * @param [hours_per_unit] Capacity one unit takes (hours per unit). Default 1.
 * @param [lead_time] Whole periods from start to completion; adds a Planned start row.
 * @param [min_lot] Smallest lot: a smaller lot is raised to it. Default none.
 * @param [max_lot] Largest lot: a larger quantity is released as several lots in its period. Default none.
 * @param [multiple] Lots are rounded up to a multiple of this. Default none.
 * @param [plan_from] The period planning starts from (counted from 1); earlier forecast expires and shows as Expired forecast. Default: workbook setting.
 * @param [firm_mps] Firm MPS quantities: kept in the MPS row, the only MPS inside the planning time fence.
 * @returns A table with a header: Period (from 1), Type, Quantity, Message; sorted by period, then most severe first; one line of Type "none" when all is well.
 */
export function messages(
  forecast: any[][],
  orders: any[][],
  on_hand: any[][],
  safety_stock?: any,
  lot_rule?: any,
  lot_size?: any,
  model?: any,
  receipts?: any[][],
  capacity?: any[][],
  hours_per_unit?: any,
  lead_time?: any,
  min_lot?: any,
  max_lot?: any,
  multiple?: any,
  plan_from?: any,
  firm_mps?: any[][],
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return excel(
    "MESSAGES",
    [forecast, orders, on_hand, safety_stock, lot_rule, lot_size, model, receipts, capacity, hours_per_unit, lead_time, min_lot, max_lot, multiple, plan_from, firm_mps],
    invocation,
  );
}
