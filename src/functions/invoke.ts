/**
 * The one wrapper every MPS.* call goes through, whichever host calls it: reads each argument
 * as its parameter description says (defaults included), refuses a result too large for a
 * sheet before computing it, runs the function, refuses a result that is not finite, names
 * refused cells by their address when the host gives it, and turns every failure, even an
 * unexpected one, into an error value. Nothing here throws.
 */
import type { MpsSettings } from "../shared/settings";
import { functionError, isFunctionError, type FunctionError } from "./cells";
import { CATALOG } from "./catalog";
import { NOT_LITERAL, oversize, type Args, type CheckedRows, type FunctionSpec, type Output, type RunOutput, type Shape } from "./define";
import { withItemSettings } from "./itemMaster";
import { messages } from "./messages";
import { readArgument, type ParamSpec } from "./params";
import { cellAlong, cellIn, parsePlace, rangeText, sheetOf, type CallSite, type Place } from "./places";

export type { CallSite } from "./places";

/** Shape of an argument as the host passed it; undefined when left out. */
function shapeOf(raw: unknown): Shape | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (!Array.isArray(raw)) return { rows: 1, columns: 1 };
  return { rows: raw.length, columns: Array.isArray(raw[0]) ? raw[0].length : 1 };
}

/** The size check before computing: the declared bound for these arguments against the sheet and the cell budget. */
function sizeRefusal(spec: FunctionSpec, raw: readonly unknown[], settings: MpsSettings): FunctionError | undefined {
  const count = spec.params.length;
  const shapes = new Array<Shape | undefined>(count);
  const literals = new Array<unknown>(count);
  for (let i = 0; i < count; i++) {
    shapes[i] = shapeOf(raw[i]);
    literals[i] = Array.isArray(raw[i]) ? NOT_LITERAL : (raw[i] ?? undefined);
  }
  return oversize(spec.id, spec.maxSize(shapes, { literals, settings }));
}

/** True when a number shown by the result is NaN or infinite (errors and text in cells are fine). */
function notFinite(output: Output): boolean {
  if (!Array.isArray(output)) return typeof output === "number" && output - output !== 0;
  for (const row of output) {
    for (const cell of row) if (typeof cell === "number" && cell - cell !== 0) return true;
  }
  return false;
}

function isCheckedRows(output: RunOutput): output is CheckedRows {
  return typeof output === "object" && !Array.isArray(output) && output.kind === "checked rows";
}

/** Where the host says the `position`-th argument is; undefined when it does not say or it is no address. */
function placeOf(site: CallSite | undefined, position: number): Place | undefined {
  return position < 0 ? undefined : parsePlace(site?.addresses?.[position]);
}

/**
 * The refusal with its cell or range named by address, when the host told where the argument
 * is. Addresses are parsed only here, for the one argument a refusal is about.
 */
function located(error: FunctionError, spec: FunctionSpec, site: CallSite | undefined): FunctionError {
  const where = error.place;
  if (where === undefined) return error;
  const place = placeOf(site, spec.params.findIndex((p) => p.name === where.param));
  if (place === undefined) return error;
  const callerSheet = sheetOf(site?.caller);
  const message =
    where.index !== undefined
      ? where.say(cellAlong(place, where.index, callerSheet))
      : where.cell !== undefined
        ? where.say(cellIn(place, where.cell.row, where.cell.column, callerSheet))
        : where.say(rangeText(place, callerSheet), where.length === undefined ? undefined : rangeText(place, callerSheet, where.length));
  return { ...error, message };
}

/** How an item master names its cells by address: only an item argument reads a range cell by cell. */
function cellNamer(param: ParamSpec, site: CallSite | undefined, position: number): ((row: number, column: number) => string) | undefined {
  if (param.kind !== "item") return undefined;
  const place = placeOf(site, position);
  if (place === undefined) return undefined;
  const callerSheet = sheetOf(site?.caller);
  return (row, column) => cellIn(place, row, column, callerSheet);
}

/**
 * Runs MPS.`id` on the arguments as the host passed them (missing trailing ones may be left off).
 * An item master given for an item argument (on_hand) brings the item's own settings: the
 * arguments after it, and the function, see them in place of the workbook's.
 * `site` tells where the arguments are, when the host knows: an argument that refers to an
 * empty cell is then an empty cell (0), not an argument left out, and refusals name cells.
 * @returns the result to show, or the error to show instead
 */
export function invoke(id: string, raw: readonly unknown[], settings: MpsSettings, site?: CallSite): Output | FunctionError {
  const spec = CATALOG[id];
  const addresses = site?.addresses;
  try {
    const args: Args = {};
    let itemSettings = settings;
    for (let i = 0; i < spec.params.length; i++) {
      const param = spec.params[i];
      const address = addresses?.[i];
      const referenced = typeof address === "string" && address !== "";
      const value = readArgument(param, raw[i], itemSettings, referenced, referenced ? cellNamer(param, site, i) : undefined);
      if (isFunctionError(value)) return located(value, spec, site);
      args[param.name] = value;
      if (param.kind === "item") itemSettings = withItemSettings(settings, value);
    }
    const tooLarge = sizeRefusal(spec, raw, settings);
    if (tooLarge) return tooLarge;
    const output = spec.run(args, itemSettings);
    if (isFunctionError(output)) return located(output, spec, site);
    const finite = isCheckedRows(output) ? output.finite : !notFinite(output);
    if (!finite) return functionError("VALUE", messages.resultNotFinite(id));
    return isCheckedRows(output) ? output.rows : output;
  } catch (error) {
    return functionError("VALUE", messages.internal(id, error instanceof Error ? error.message : String(error)));
  }
}
