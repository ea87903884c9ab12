/**
 * The one wrapper every MPS.* call goes through, whichever host calls it: reads each argument
 * as its parameter description says (defaults included), runs the function, and turns every
 * failure, even an unexpected one, into an error value. Nothing here throws.
 */
import type { MpsSettings } from "../shared/settings";
import { functionError, isFunctionError, type FunctionError } from "./cells";
import { CATALOG } from "./catalog";
import type { Args, Output } from "./define";
import { withItemSettings } from "./itemMaster";
import { messages } from "./messages";
import { readArgument } from "./params";

/**
 * Runs MPS.`id` on the arguments as the host passed them (missing trailing ones may be left off).
 * An item master given for an item argument (on_hand) brings the item's own settings: the
 * arguments after it, and the function, see them in place of the workbook's.
 * @returns the result to show, or the error to show instead
 */
export function invoke(id: string, raw: readonly unknown[], settings: MpsSettings): Output | FunctionError {
  const spec = CATALOG[id];
  try {
    const args: Args = {};
    let itemSettings = settings;
    for (let i = 0; i < spec.params.length; i++) {
      const param = spec.params[i];
      const value = readArgument(param, raw[i], itemSettings);
      if (isFunctionError(value)) return value;
      args[param.name] = value;
      if (param.kind === "item") itemSettings = withItemSettings(settings, value);
    }
    return spec.run(args, itemSettings);
  } catch (error) {
    return functionError("VALUE", messages.internal(id, error instanceof Error ? error.message : String(error)));
  }
}
