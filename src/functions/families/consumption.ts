/**
 * Forecast consumption: what orders leave of the forecast, the demand to plan and the pegging.
 *
 *   MPS.CONSUME(forecast, orders, [backward], [forward], [mode])  → remaining forecast, like forecast
 *   MPS.DEMAND(forecast, orders, [model], [demand_time_fence], [backward], [forward], [mode])
 *                                                                 → demand, like forecast
 *   MPS.PEG(forecast, orders, [backward], [forward], [mode], [period_starts])
 *                                                                 → Order period, Forecast period, Quantity
 *                                                                   (periods from 1, or their start dates)
 */
import { PRODUCTION_MODELS, consumeForecast, demandFor } from "../../engine";
import { isFunctionError } from "../cells";
import { defineFunction, lineShape, periodsOf, type Cell } from "../define";
import { periodStartsFor } from "../lines";
import { lines, number, option } from "../params";
import { asLine, unwrapResult } from "../results";
import { FORECAST, ORDERS, WINDOW, consumptionWindow } from "./shared";

export const CONSUME = defineFunction({
  id: "CONSUME",
  params: [FORECAST, ORDERS, ...WINDOW],
  run(args) {
    const result = unwrapResult(consumeForecast(args.forecast.values, args.orders.values, consumptionWindow(args)));
    return isFunctionError(result) ? result : asLine(result.remainingForecast, args.forecast.orientation);
  },
  size: (call) => lineShape(call.shape("forecast")),
});

export const DEMAND = defineFunction({
  id: "DEMAND",
  params: [
    FORECAST,
    ORDERS,
    option("model", '"MTS" (make to stock), "ATO" (assemble to order) or "MTO" (make to order).', PRODUCTION_MODELS, {
      setting: "model",
    }),
    number("demand_time_fence", "Periods from the start where only orders count.", { setting: "demandTimeFence" }),
    ...WINDOW,
  ],
  run(args) {
    const orders = args.orders.values;
    const consumption = unwrapResult(consumeForecast(args.forecast.values, orders, consumptionWindow(args)));
    if (isFunctionError(consumption)) return consumption;
    const demand = unwrapResult(
      demandFor(orders, consumption.remainingForecast, { model: args.model, demandTimeFence: args.demand_time_fence }),
    );
    return isFunctionError(demand) ? demand : asLine(demand, args.forecast.orientation);
  },
  size: (call) => lineShape(call.shape("forecast")),
});

/** Header of the MPS.PEG table. */
export const PEG_HEADER: readonly string[] = ["Order period", "Forecast period", "Quantity"];

export const PEG = defineFunction({
  id: "PEG",
  params: [
    FORECAST,
    ORDERS,
    ...WINDOW,
    lines("period_starts", "Start date of each period: the period columns then show dates, not period numbers.", { optional: true }),
  ],
  run(args) {
    const consumption = unwrapResult(
      consumeForecast(args.forecast.values, args.orders.values, { ...consumptionWindow(args), pegging: true }),
    );
    if (isFunctionError(consumption)) return consumption;
    // Periods as the planner sees them: numbered from 1, or by their start dates.
    let show = (period: number): number => period + 1;
    if (args.period_starts !== undefined) {
      const starts = periodStartsFor("period_starts", args.period_starts, args.forecast.values.length, "forecast");
      if (isFunctionError(starts)) return starts;
      show = (period) => starts[period];
    }
    const rows: Cell[][] = [[...PEG_HEADER]];
    for (const peg of consumption.pegging) {
      rows.push([show(peg.orderPeriod), peg.forecastPeriod === null ? "excess" : show(peg.forecastPeriod), peg.quantity]);
    }
    return rows;
  },
  // Each order makes at most one allocation that does not use up a forecast period, plus at
  // most one excess line: 2 lines per period, plus the header.
  size: (call) => ({ rows: 2 * periodsOf(call.shape("forecast")) + 1, columns: PEG_HEADER.length }),
});
