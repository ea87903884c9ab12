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
  return Array.isArray(result) ? result : [[result]];
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
 * @param on_hand Stock on hand at the start of the first period.
 * @param [safety_stock] Stock to keep in reserve. Default 0.
 * @param [lot_rule] "LFL" (lot for lot), "FOQ" (fixed order quantity) or "POQ" (period order quantity). Default LFL.
 * @param [lot_size] FOQ: the lot quantity. POQ: the number of periods one lot covers.
 * @param [receipts] Scheduled receipts per period already on order.
 * @param [planning_time_fence] Frozen periods from the start: no new MPS, only firm_mps. Default: workbook setting.
 * @param [firm_mps] Firm MPS quantities inside the planning time fence.
 * @returns MPS quantity per period, laid out like demand.
 */
export function plan(
  demand: any[][],
  on_hand: any,
  safety_stock?: any,
  lot_rule?: any,
  lot_size?: any,
  receipts?: any[][],
  planning_time_fence?: any,
  firm_mps?: any[][],
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return excel("PLAN", [demand, on_hand, safety_stock, lot_rule, lot_size, receipts, planning_time_fence, firm_mps], invocation);
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
 * @param supply Supply per period (MPS plus receipts).
 * @param orders Customer orders per period, as long as supply.
 * @param [method] "discrete", "cumulative" or "lookahead". Default: workbook setting.
 * @returns ATP per period, laid out like supply.
 */
export function atp(on_hand: any, supply: any[][], orders: any[][], method?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return excel("ATP", [on_hand, supply, orders, method], invocation);
}

/**
 * The whole MPS record of an item as one block: forecast, orders, remaining forecast, excess orders, demand, receipts, PAB, MPS and ATP.
 * @customfunction TABLE
 * @helpurl https://localhost:3000/help.html#table
 * @requiresAddress
 * @requiresParameterAddresses
 * @param forecast Forecast per period (one row or one column).
 * @param orders Customer orders per period, as long as forecast.
 * @param on_hand Stock on hand at the start of the first period.
 * @param [safety_stock] Stock to keep in reserve. Default 0.
 * @param [lot_rule] "LFL", "FOQ" or "POQ". Default LFL.
 * @param [lot_size] FOQ: the lot quantity. POQ: the number of periods one lot covers.
 * @param [model] "MTS", "ATO" or "MTO"; ATO adds a Final assembly row. Default: workbook setting.
 * @param [receipts] Scheduled receipts and firm supply per period; inside the planning time fence (workbook setting) they are the only supply.
 * @returns A labelled block, one row per line of the record (one column per line for column inputs).
 */
export function table(
  forecast: any[][],
  orders: any[][],
  on_hand: any,
  safety_stock?: any,
  lot_rule?: any,
  lot_size?: any,
  model?: any,
  receipts?: any[][],
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return excel("TABLE", [forecast, orders, on_hand, safety_stock, lot_rule, lot_size, model, receipts], invocation);
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
 * @returns A table with a header: Order period, Forecast period ("excess" when none), Quantity; periods counted from 1.
 */
export function peg(forecast: any[][], orders: any[][], backward?: any, forward?: any, mode?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return excel("PEG", [forecast, orders, backward, forward, mode], invocation);
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
 * Earliest period (counted from 1) in which a quantity can be promised to a customer.
 * @customfunction PROMISE
 * @helpurl https://localhost:3000/help.html#promise
 * @requiresAddress
 * @requiresParameterAddresses
 * @param quantity Quantity the customer asks for.
 * @param on_hand Stock on hand at the start of the first period.
 * @param supply Supply per period (MPS plus receipts).
 * @param orders Customer orders already promised, per period.
 * @param [method] "discrete", "cumulative" or "lookahead". Default: workbook setting.
 * @param [requested_period] The period the customer wants it in (from 1); no earlier period is offered. Default 1.
 * @returns The period number, or #N/A "not within horizon".
 */
export function promise(quantity: any, on_hand: any, supply: any[][], orders: any[][], method?: any, requested_period?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return excel("PROMISE", [quantity, on_hand, supply, orders, method, requested_period], invocation);
}
