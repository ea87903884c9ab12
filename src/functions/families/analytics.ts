/**
 * Forecast health: how far past forecasts were from what was actually ordered, and the safety
 * stock that protects a service level against that error (engine/accuracy.ts).
 *
 *   MPS.ACCURACY(forecast_history, actual_history)
 *       → two columns, label and value: MAD, MAPE %, Bias, Tracking signal, and the number of
 *         periods MAPE left out because their actual was 0
 *   MPS.SAFETY(forecast_history, actual_history, service_level, [lead_time])
 *       → NORM.S.INV(service_level) × STDEV.S(actual − forecast) × √lead_time (0 below 50 %)
 */
import { forecastAccuracy, safetyStock } from "../../engine";
import { functionError, isFunctionError } from "../cells";
import { defineFunction, type Cell } from "../define";
import { messages } from "../messages";
import { number, series } from "../params";
import { unwrapResult } from "../results";

const HISTORIES = [
  series("forecast_history", "Forecast of each past period (one row or one column)."),
  series("actual_history", "Actual demand of each past period, as long as forecast_history."),
] as const;

/** The labels of MPS.ACCURACY, in order: a formula may pick a value by its row. */
export const ACCURACY_LABELS = ["MAD", "MAPE %", "Bias", "Tracking signal", "MAPE periods left out (actual 0)"] as const;

export const ACCURACY = defineFunction({
  id: "ACCURACY",
  params: HISTORIES,
  run(args) {
    const accuracy = unwrapResult(forecastAccuracy(args.forecast_history.values, args.actual_history.values));
    if (isFunctionError(accuracy)) return accuracy;
    // MAPE is a percentage number (7.7 for 7.7 %); with every actual 0 there is none to show.
    const mape: Cell = accuracy.mape === null ? functionError("VALUE", messages.mapeUndefined()) : accuracy.mape;
    const values: Cell[] = [accuracy.mad, mape, accuracy.bias, accuracy.trackingSignal, accuracy.mapePeriodsLeftOut];
    return ACCURACY_LABELS.map((label, i) => [label, values[i]]);
  },
  size: () => ({ rows: ACCURACY_LABELS.length, columns: 2 }),
});

export const SAFETY = defineFunction({
  id: "SAFETY",
  params: [
    ...HISTORIES,
    number("service_level", "Chance of not running out, strictly between 0 and 1: 0.95, or 95 % formatted."),
    number("lead_time", "Periods the safety stock must cover (0 or more, fractions allowed).", { value: 1 }),
  ],
  run(args) {
    const stock = unwrapResult(safetyStock(args.forecast_history.values, args.actual_history.values, args.service_level, args.lead_time));
    return isFunctionError(stock) ? stock : stock.safetyStock;
  },
  size: () => ({ rows: 1, columns: 1 }),
});
