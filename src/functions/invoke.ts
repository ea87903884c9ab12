/**
 * The one wrapper every MPS.* call goes through, whichever host calls it: reads each argument
 * as its parameter description says, runs the function, and turns every failure, even an
 * unexpected one, into an error value. Nothing here throws.
 */
import type { MpsSettings } from "../shared/settings";
import { functionError, isFunctionError, readNumber, readOption, readSeries, type FunctionError } from "./cells";
import { CATALOG, type Args, type Output, type ParamSpec } from "./catalog";
import { messages } from "./messages";

function readArg(param: ParamSpec, raw: unknown): unknown {
  switch (param.kind) {
    case "series":
      if (param.optional && (raw === null || raw === undefined)) return undefined;
      return readSeries(param.name, raw);
    case "number": {
      const value = readNumber(param.name, raw);
      if (value === undefined && !param.optional) return functionError("VALUE", messages.missing(param.name));
      return value;
    }
    case "option":
      return readOption(param.name, raw, param.choices ?? []);
  }
}

/**
 * Runs MPS.`id` on the arguments as the host passed them (missing trailing ones may be left off).
 * @returns the result to show, or the error to show instead
 */
export function invoke(id: string, raw: readonly unknown[], settings: MpsSettings): Output | FunctionError {
  const spec = CATALOG[id];
  try {
    const args: Args = {};
    for (let i = 0; i < spec.params.length; i++) {
      const value = readArg(spec.params[i], raw[i]);
      if (isFunctionError(value)) return value;
      args[spec.params[i].name] = value;
    }
    return spec.run(args, settings);
  } catch (error) {
    return functionError("VALUE", messages.internal(id, error instanceof Error ? error.message : String(error)));
  }
}
