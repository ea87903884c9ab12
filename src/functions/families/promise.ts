/**
 * Promising: what can still be promised to new customer orders, and when.
 *
 *   MPS.ATP(on_hand, supply, orders, [method])                                → ATP per period, like supply
 *   MPS.PROMISE(quantity, on_hand, supply, orders, [method], [requested_period]) → a period number, or #N/A
 */
import { ATP_METHODS, availableToPromise, promise } from "../../engine";
import { functionError, isFunctionError } from "../cells";
import { defineFunction, lineShape } from "../define";
import { messages } from "../messages";
import { number, option, series } from "../params";
import { asLine, unwrapResult } from "../results";
import { ON_HAND } from "./shared";

const SUPPLY = series("supply", "Supply per period (MPS plus receipts).");
const METHOD = option("method", '"discrete", "cumulative" or "lookahead".', ATP_METHODS, { setting: "atpMethod" });

export const ATP = defineFunction({
  id: "ATP",
  params: [ON_HAND, SUPPLY, series("orders", "Customer orders per period, as long as supply."), METHOD],
  run(args) {
    const atp = unwrapResult(availableToPromise(args.on_hand, args.supply.values, args.orders.values, args.method));
    return isFunctionError(atp) ? atp : asLine(atp, args.supply.orientation);
  },
  size: (call) => lineShape(call.shape("supply")),
});

export const PROMISE = defineFunction({
  id: "PROMISE",
  params: [
    number("quantity", "Quantity the customer asks for."),
    ON_HAND,
    SUPPLY,
    series("orders", "Customer orders already promised, per period."),
    METHOD,
    number("requested_period", "The period the customer wants it in (from 1); no earlier period is offered.", { value: 1 }),
  ],
  run(args) {
    // Periods in the spreadsheet count from 1, in the engine from 0.
    const requested = args.requested_period;
    if (!(Number.isInteger(requested) && requested >= 1)) {
      return functionError("NUM", messages.notPeriodNumber("requested_period", requested));
    }
    const period = unwrapResult(
      promise(args.quantity, args.on_hand, args.supply.values, args.orders.values, args.method, requested - 1),
    );
    if (isFunctionError(period)) return period;
    return period === null ? functionError("NA", messages.notWithinHorizon()) : period + 1;
  },
  size: () => ({ rows: 1, columns: 1 }),
});
