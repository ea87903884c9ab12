/**
 * Planning bills (assemble to order): option forecasts from a family forecast.
 *
 *   MPS.EXPLODE(family_forecast, attach_rates, [hedge]) → one row per option (a column per option
 *                                                         for column input), hedge rows after the base rows
 *
 * Rates and the hedge are plain quantities, read as typed: an attach rate is how many of the
 * option go with one family unit (0.6, which 60 % formatted also is; 2, or 200 %, is two per
 * unit), the hedge the share added on top (0.1, or 10 %). Nothing is guessed from a value's size.
 */
import { explodeForecast } from "../../engine";
import { isFunctionError } from "../cells";
import { defineFunction, lineShape, periodsOf } from "../define";
import { number, series } from "../params";
import { asBlock, toCells, unwrapResult } from "../results";

export const EXPLODE = defineFunction({
  id: "EXPLODE",
  params: [
    series("family_forecast", "Family forecast per period (one row or one column)."),
    series("attach_rates", "Per option, how many go with one family unit: 0.6 (or 60 %); 2 (or 200 %) is two per unit."),
    number("hedge", "Option overplanning as a share of the option forecast: 0.1 (or 10 %). Its rows come after the base rows.", {
      optional: true,
    }),
  ],
  run(args) {
    const family = args.family_forecast;
    const explosion = unwrapResult(explodeForecast(family.values, args.attach_rates.values, args.hedge));
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
