/*
 * MPS.* custom functions. Each is a thin adapter: Excel's ranges in, the engine's plan out,
 * spilled the way the inputs are laid out. The JSDoc below generates functions.json (the
 * metadata plugin also appends the CustomFunctions.associate calls); ids are stored in
 * workbooks, so they never change. Arguments left empty take the workbook's defaults from
 * the task pane. Each function is declared in its family file (families/*.ts): the @param
 * lines repeat its parameters' help text word for word, and every signature argument is handed
 * on in order; test/functions/metadata.test.ts says where the two differ.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges over as any[][], and
   single-cell arguments as any so that Excel does not convert text to numbers before we can
   refuse it: the one adapter (invoke.ts) reads every argument, on every host, the same way. */
import { settingsReady, workbookSettings } from "../shared/settingsStore";
import { isFunctionError, type ErrorCode } from "./cells";
import { invoke } from "./invoke";

function excelErrorCode(code: ErrorCode): CustomFunctions.ErrorCode {
  switch (code) {
    case "NUM":
      return CustomFunctions.ErrorCode.invalidNumber;
    case "NA":
      return CustomFunctions.ErrorCode.notAvailable;
    default:
      return CustomFunctions.ErrorCode.invalidValue;
  }
}

/** Runs one MPS function with the workbook's settings; refusals become Excel errors with their message. */
function compute(id: string, args: unknown[]): any {
  const result = invoke(id, args, workbookSettings());
  if (isFunctionError(result)) throw new CustomFunctions.Error(excelErrorCode(result.code), result.message);
  return result;
}

/**
 * Computes now, or, while Office.js is still starting, once the workbook's settings can be
 * read (Excel waits for a returned promise like for any asynchronous custom function).
 */
function excel(id: string, args: unknown[]): any {
  const ready = settingsReady();
  return ready === true ? compute(id, args) : ready.then(() => compute(id, args));
}

// Ask Office.js for readiness as soon as the functions load, so later calls compute at once.
settingsReady();

/**
 * Remaining forecast after customer orders consume it, inside the consumption window.
 * @customfunction CONSUME
 * @helpurl https://localhost:3000/help.html#consume
 * @param forecast Forecast per period (one row or one column).
 * @param orders Customer orders per period, as long as forecast.
 * @param [backward] Earlier periods an order may consume from. Default: workbook setting.
 * @param [forward] Later periods an order may consume from. Default: workbook setting.
 * @param [mode] "backward-forward", "forward-backward", "backward" or "forward". Default: workbook setting.
 * @returns Remaining forecast per period, laid out like forecast.
 */
export function consume(forecast: any[][], orders: any[][], backward?: any, forward?: any, mode?: any): any[][] {
  return excel("CONSUME", [forecast, orders, backward, forward, mode]);
}

/**
 * Demand the MPS plans for: orders plus remaining forecast, by production model and demand time fence.
 * @customfunction DEMAND
 * @helpurl https://localhost:3000/help.html#demand
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
): any[][] {
  return excel("DEMAND", [forecast, orders, model, demand_time_fence, backward, forward, mode]);
}

/**
 * MPS quantities: when and how much to produce so projected available stays at or above safety stock.
 * @customfunction PLAN
 * @helpurl https://localhost:3000/help.html#plan
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
): any[][] {
  return excel("PLAN", [demand, on_hand, safety_stock, lot_rule, lot_size, receipts, planning_time_fence, firm_mps, min_lot, max_lot, multiple]);
}

/**
 * Projected available balance for a given supply: on hand plus supply minus demand, period by period.
 * @customfunction PAB
 * @helpurl https://localhost:3000/help.html#pab
 * @param demand Demand per period (one row or one column).
 * @param on_hand Stock on hand at the start of the first period.
 * @param supply Supply per period (MPS plus receipts), as long as demand.
 * @returns Projected available balance per period, laid out like demand.
 */
export function pab(demand: any[][], on_hand: any, supply: any[][]): any[][] {
  return excel("PAB", [demand, on_hand, supply]);
}

/**
 * Available to promise: what can still be promised to new customer orders, per period.
 * @customfunction ATP
 * @helpurl https://localhost:3000/help.html#atp
 * @param on_hand Stock on hand at the start of the first period.
 * @param supply Supply per period (MPS plus receipts).
 * @param orders Customer orders per period, as long as supply.
 * @param [method] "discrete", "cumulative" or "lookahead". Default: workbook setting.
 * @returns ATP per period, laid out like supply.
 */
export function atp(on_hand: any, supply: any[][], orders: any[][], method?: any): any[][] {
  return excel("ATP", [on_hand, supply, orders, method]);
}

/**
 * The whole MPS record of an item as one block: forecast, orders, remaining forecast, excess orders, demand, receipts, PAB, MPS and ATP; with their arguments also Expired forecast, Lots, Planned start, Load, Capacity and Utilization %.
 * @customfunction TABLE
 * @helpurl https://localhost:3000/help.html#table
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
  ]);
}

/**
 * Pegging: which forecast period each order consumed, and what no forecast could absorb.
 * @customfunction PEG
 * @helpurl https://localhost:3000/help.html#peg
 * @param forecast Forecast per period (one row or one column).
 * @param orders Customer orders per period, as long as forecast.
 * @param [backward] Earlier periods an order may consume from. Default: workbook setting.
 * @param [forward] Later periods an order may consume from. Default: workbook setting.
 * @param [mode] "backward-forward", "forward-backward", "backward" or "forward". Default: workbook setting.
 * @returns A table with a header: Order period, Forecast period ("excess" when none), Quantity; periods counted from 1.
 */
export function peg(forecast: any[][], orders: any[][], backward?: any, forward?: any, mode?: any): any[][] {
  return excel("PEG", [forecast, orders, backward, forward, mode]);
}

/**
 * Option forecasts from a family forecast through a planning bill (assemble to order).
 * @customfunction EXPLODE
 * @helpurl https://localhost:3000/help.html#explode
 * @param family_forecast Family forecast per period (one row or one column).
 * @param attach_rates One attach rate per option: all as fractions (0.6, or 60 % formatted) or all as percentages (60).
 * @param [hedge] Option overplanning: below 1 a fraction (0.1 = 10 %), from 1 up a percentage (10 = 10 %). Its rows come after the base rows.
 * @returns One row per option with its forecast per period (one column per option for column input).
 */
export function explode(family_forecast: any[][], attach_rates: any[][], hedge?: any): any[][] {
  return excel("EXPLODE", [family_forecast, attach_rates, hedge]);
}

/**
 * Earliest period (counted from 1) in which a quantity can be promised to a customer.
 * @customfunction PROMISE
 * @helpurl https://localhost:3000/help.html#promise
 * @param quantity Quantity the customer asks for.
 * @param on_hand Stock on hand at the start of the first period.
 * @param supply Supply per period (MPS plus receipts).
 * @param orders Customer orders already promised, per period.
 * @param [method] "discrete", "cumulative" or "lookahead". Default: workbook setting.
 * @param [requested_period] The period the customer wants it in (from 1); no earlier period is offered. Default 1.
 * @returns The period number, or #N/A "not within horizon".
 */
export function promise(quantity: any, on_hand: any, supply: any[][], orders: any[][], method?: any, requested_period?: any): number {
  return excel("PROMISE", [quantity, on_hand, supply, orders, method, requested_period]);
}
