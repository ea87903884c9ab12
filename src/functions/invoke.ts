/**
 * The one wrapper every MPS.* call goes through, whichever host calls it: reads each argument
 * as its parameter description says (defaults included), runs the function, and turns every
 * failure, even an unexpected one, into an error value. Nothing here throws.
 */
import type { MpsSettings } from "../shared/settings";
import { functionError, isFunctionError, type FunctionError } from "./cells";
import { CATALOG } from "./catalog";
import type { Args, Output } from "./define";
import { messages } from "./messages";
import { readArgument } from "./params";

/**
 * Runs MPS.`id` on the arguments as the host passed them (missing trailing ones may be left off).
 * @returns the result to show, or the error to show instead
 */
export function invoke(id: string, raw: readonly unknown[], settings: MpsSettings): Output | FunctionError {
  const spec = CATALOG[id];
  try {
    const args: Args = {};
    for (let i = 0; i < spec.params.length; i++) {
      const value = readArgument(spec.params[i], raw[i], settings);
      if (isFunctionError(value)) return value;
      args[spec.params[i].name] = value;
    }
    return spec.run(args, settings);
  } catch (error) {
    return functionError("VALUE", messages.internal(id, error instanceof Error ? error.message : String(error)));
  }
}
