/**
 * Parameters several families share, each described once: the item's rows and the consumption
 * window. A family declares its own parameters in its own file.
 */
import { CONSUMPTION_MODES, type ConsumptionMode } from "../../engine";
import { number, option, series } from "../params";

export const FORECAST = series("forecast", "Forecast per period (one row or one column).");
export const ORDERS = series("orders", "Customer orders per period, as long as forecast.");
export const ON_HAND = number("on_hand", "Stock on hand at the start of the first period.");

/** The consumption window (backward, forward, mode), each falling back to the workbook's. */
export const WINDOW = [
  number("backward", "Earlier periods an order may consume from.", { setting: "backward" }),
  number("forward", "Later periods an order may consume from.", { setting: "forward" }),
  option("mode", '"backward-forward", "forward-backward", "backward" or "forward".', CONSUMPTION_MODES, { setting: "mode" }),
] as const;

export interface WindowArgs {
  backward: number;
  forward: number;
  mode: ConsumptionMode;
}

/** The window arguments as the engine's consumption options. */
export function consumptionWindow({ backward, forward, mode }: WindowArgs): WindowArgs {
  return { backward, forward, mode };
}
