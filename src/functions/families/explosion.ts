/**
 * Planning bills (assemble to order): option forecasts from a family forecast.
 *
 *   MPS.EXPLODE(family_forecast, attach_rates, [hedge]) → one row per option (a column per option
 *                                                         for column input), hedge rows after the base rows
 */
import { explodeForecast } from "../../engine";
import { functionError, isFunctionError, type FunctionError } from "../cells";
import { defineFunction, lineShape, periodsOf } from "../define";
import { messages } from "../messages";
import { number, series } from "../params";
import { asBlock, toCells, unwrapResult } from "../results";

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

export const EXPLODE = defineFunction({
  id: "EXPLODE",
  params: [
    series("family_forecast", "Family forecast per period (one row or one column)."),
    series(
      "attach_rates",
      "One attach rate per option: all as fractions (0.6, or 60 % formatted) or all as percentages (60).",
    ),
    number(
      "hedge",
      "Option overplanning: below 1 a fraction (0.1 = 10 %), from 1 up a percentage (10 = 10 %). Its rows come after the base rows.",
      { optional: true },
    ),
  ],
  run(args) {
    const family = args.family_forecast;
    const rates = asFractions(args.attach_rates.values);
    if (isFunctionError(rates)) return rates;
    const explosion = unwrapResult(explodeForecast(family.values, rates, hedgeFraction(args.hedge)));
    if (isFunctionError(explosion)) return explosion;
    // Hedge rows come after the base rows, never added into them: overplanning is not demand.
    const rows = args.hedge ? [...explosion.base, ...explosion.hedge] : explosion.base;
    return asBlock(
      rows.map((row) => toCells(row)),
      family.orientation,
    );
  },
  size: (call) => {
    const line = lineShape(call.shape("family_forecast"));
    const options = periodsOf(call.shape("attach_rates")) * (call.shape("hedge") ? 2 : 1);
    const periods = periodsOf(line);
    return line.rows === 1 ? { rows: options, columns: periods } : { rows: periods, columns: options };
  },
});
