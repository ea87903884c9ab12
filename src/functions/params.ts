/**
 * Parameters of the MPS.* functions, each described once: its name, what kind of value it
 * takes, its help text and where an omitted value comes from. The argument reading in `invoke`,
 * the result sizing of the HyperFormula host and the check of the JSDoc in functions.ts (and so
 * functions.json and the help page) all go by these descriptions.
 */
import type { MpsSettings } from "../shared/settings";
import { functionError, readNumber, readOption, readSeries, type SeriesInput } from "./cells";
import { readLine, readRange, type LineInput, type RangeInput } from "./lines";
import { readItem, type ItemMaster } from "./itemMaster";
import { messages } from "./messages";
import { readBlock, type BlockInput } from "./ranges";

/**
 * series: one row or column of quantities; number, option: one cell; lines: one row or column
 * of cells read as they are (dates, order numbers: what a cell holds matters, an empty one is
 * not 0); range: one cell or a block, read as it is (the function says what it accepts);
 * block: one cell, a row, a column or a block of quantities (one row per item or resource);
 * item: one number (on hand) or an item master range (see itemMaster.ts).
 */
export type ParamKind = "series" | "number" | "option" | "lines" | "range" | "block" | "item";

/** The workbook settings that hold a value of type T. */
type SettingOf<T> = { [K in keyof MpsSettings]: MpsSettings[K] extends T ? K : never }[keyof MpsSettings];

/** Where an omitted value comes from: a workbook setting (the task pane's) or a constant. */
export type ParamDefault = { readonly setting: keyof MpsSettings } | { readonly value: number | string };

/** The value `run` receives for a parameter declared as ParamSpec<N, T>. */
export interface ParamSpec<N extends string = string, T = unknown> {
  /** The name Excel shows, also used in every message about this argument. */
  readonly name: N;
  readonly kind: ParamKind;
  /** Help text: what the argument means (functions.json, the help page, Excel's formula tooltip). */
  readonly description: string;
  /** Can be left out: it then takes its default, or reaches the engine as undefined (the engine's own default). */
  readonly optional: boolean;
  /** The accepted spellings of an option, in the engine's order (the first is the engine's default). */
  readonly choices?: readonly string[];
  readonly default?: ParamDefault;
  /** How the help states the default, e.g. "Default 0." for one the engine applies. */
  readonly defaultText?: string;
  /** Only for the compiler: the type `run` receives. Never set. */
  readonly valueType?: [T];
}

/** How a parameter is used: required, defaulted, or optional with the engine's default. */
type Use<T> = { setting: SettingOf<T> } | { value: T };
type Optional = { optional: true; defaultText?: string };

const SETTING_DEFAULT_TEXT = "Default: workbook setting.";

function declare<N extends string, T>(
  name: N,
  kind: ParamKind,
  description: string,
  use: Use<unknown> | Optional | undefined,
  choices?: readonly string[],
): ParamSpec<N, T> {
  if (use === undefined) return { name, kind, description, optional: false, choices };
  if ("optional" in use) return { name, kind, description, optional: true, choices, defaultText: use.defaultText };
  const byValue = "value" in use;
  return {
    name,
    kind,
    description,
    optional: true,
    choices,
    default: byValue ? { value: use.value as number | string } : { setting: use.setting },
    defaultText: byValue ? `Default ${String(use.value)}.` : SETTING_DEFAULT_TEXT,
  };
}

/**
 * One row or one column of quantities, read as `SeriesInput`.
 * @example series("forecast", "Forecast per period (one row or one column).")
 */
export function series<N extends string>(name: N, description: string): ParamSpec<N, SeriesInput>;
export function series<N extends string>(name: N, description: string, use: Optional): ParamSpec<N, SeriesInput | undefined>;
export function series<N extends string>(name: N, description: string, use?: Optional): ParamSpec<N, SeriesInput | undefined> {
  return declare(name, "series", description, use);
}

/**
 * One row or one column of cells as the planner typed them: order dates, order numbers, period
 * start dates. Read as `LineInput` (empty cells are null); the function checks each cell.
 * @example lines("dates", "Order date of each line (one row or one column).")
 */
export function lines<N extends string>(name: N, description: string): ParamSpec<N, LineInput>;
export function lines<N extends string>(name: N, description: string, use: Optional): ParamSpec<N, LineInput | undefined>;
export function lines<N extends string>(name: N, description: string, use?: Optional): ParamSpec<N, LineInput | undefined> {
  return declare(name, "lines", description, use);
}

/**
 * One cell or a range, read as `RangeInput`: for an argument that is either a value or a range
 * of them (a quantity or a column of quantities; on hand or an MPS.TABLE block).
 * @example range("quantity", "Quantity the customer asks for, or a column of order-line quantities.")
 */
export function range<N extends string>(name: N, description: string): ParamSpec<N, RangeInput>;
export function range<N extends string>(name: N, description: string, use: Optional): ParamSpec<N, RangeInput | undefined>;
export function range<N extends string>(name: N, description: string, use?: Optional): ParamSpec<N, RangeInput | undefined> {
  return declare(name, "range", description, use);
}

/**
 * Quantities in a range of any shape — one cell, a row, a column or a block — read as
 * `BlockInput` (empty cells 0, every cell a number); a single empty cell counts as left out.
 * What each shape means is for the function to say.
 * @example block("bill", "Hours per unit: one cell, one column (a row per resource) or resources × offsets.")
 */
export function block<N extends string>(name: N, description: string): ParamSpec<N, BlockInput>;
export function block<N extends string>(name: N, description: string, use: Optional): ParamSpec<N, BlockInput | undefined>;
export function block<N extends string>(name: N, description: string, use?: Optional): ParamSpec<N, BlockInput | undefined> {
  return declare(name, "block", description, use);
}

/**
 * One number: required, defaulted (a workbook setting or a constant), or optional.
 * @example number("backward", "Earlier periods an order may consume from.", { setting: "backward" })
 */
export function number<N extends string>(name: N, description: string, use?: Use<number>): ParamSpec<N, number>;
export function number<N extends string>(name: N, description: string, use: Optional): ParamSpec<N, number | undefined>;
export function number<N extends string>(name: N, description: string, use?: Use<number> | Optional): ParamSpec<N, number | undefined> {
  return declare(name, "number", description, use);
}

/**
 * An item's on hand, or its item master range: a header row and a value row (see itemMaster.ts).
 * Required. Excel hands it over as a range (any[][]), whichever it is.
 * @example item("on_hand", "Stock on hand at the start of the first period, or the item master.")
 */
export function item<N extends string>(name: N, description: string): ParamSpec<N, number | ItemMaster> {
  return declare(name, "item", description, undefined);
}

/** Whether Excel hands the argument over as a range (any[][] in functions.ts). */
export function takesRange(param: ParamSpec): boolean {
  return param.kind !== "number" && param.kind !== "option";
}

/**
 * One of a fixed list of choices, spelled in any case.
 * @example option("model", '"MTS", "ATO" or "MTO".', PRODUCTION_MODELS, { setting: "model" })
 */
export function option<N extends string, T extends string>(name: N, description: string, choices: readonly T[], use: Use<T>): ParamSpec<N, T>;
export function option<N extends string, T extends string>(
  name: N,
  description: string,
  choices: readonly T[],
  use: Optional,
): ParamSpec<N, T | undefined>;
export function option<N extends string, T extends string>(
  name: N,
  description: string,
  choices: readonly T[],
  use: Use<T> | Optional,
): ParamSpec<N, T | undefined> {
  return declare(name, "option", description, use, choices);
}

/**
 * The help text of a parameter as the JSDoc in functions.ts must give it.
 * @example helpText(number("hedge", "Overplanning.", { value: 0 })) // → "Overplanning. Default 0."
 */
export function helpText(param: ParamSpec): string {
  return param.defaultText === undefined ? param.description : `${param.description} ${param.defaultText}`;
}

function isOmitted(raw: unknown): boolean {
  return raw === null || raw === undefined;
}

/** A single empty cell, however the host passed it: null, a Symbol, or a 1×1 range of one. */
function isEmptyCell(raw: unknown): boolean {
  const cell = Array.isArray(raw) && raw.length === 1 ? (Array.isArray(raw[0]) && raw[0].length === 1 ? raw[0][0] : raw[0]) : raw;
  return cell === null || cell === undefined || typeof cell === "symbol";
}

/**
 * One argument as the host passed it, read as its parameter says: a series, a number or an
 * option; when left out, its default (a workbook setting or a constant), undefined when the
 * engine has its own, or an error when it is required. `referenced`: the host says the
 * argument refers to a cell, so an empty one is an empty cell (0 for a number), not an
 * argument left out (see cells.ts). `cellName` gives the address of a cell of the argument's
 * range (row, column from 0) when the host gives it: an item master names its cells by it.
 *
 * The same rule for the range kinds: one empty cell referred to is a quantity of 0 (a block,
 * a range, on hand), an empty line for lines, a period of 0 for a series, as Excel hands it
 * ([[null]]); the headless host passes it as a bare null, which without `referenced` is an
 * argument left out.
 */
export function readArgument(
  param: ParamSpec,
  raw: unknown,
  settings: MpsSettings,
  referenced = false,
  cellName?: (row: number, column: number) => string,
): unknown {
  if (referenced && isEmptyCell(raw) && takesRange(param)) {
    // Excel passes [[null]] for a range parameter that refers to one empty cell.
    raw = param.kind === "series" || param.kind === "lines" ? [[null]] : [[0]];
  }
  let value: unknown;
  switch (param.kind) {
    case "series":
      if (param.optional && isOmitted(raw)) return undefined;
      return readSeries(param.name, raw);
    case "lines":
      if (param.optional && isOmitted(raw)) return undefined;
      return readLine(param.name, raw);
    case "range":
      if (param.optional && isOmitted(raw)) return undefined;
      return readRange(param.name, raw);
    case "number":
      value = readNumber(param.name, raw, referenced);
      break;
    case "option":
      value = readOption(param.name, raw, param.choices ?? []);
      break;
    case "block":
      value = readBlock(param.name, raw);
      break;
    case "item":
      value = readItem(param.name, raw, referenced, cellName);
      break;
  }
  if (value !== undefined) return value;
  if (param.default !== undefined) return "setting" in param.default ? settings[param.default.setting] : param.default.value;
  return param.optional ? undefined : functionError("VALUE", messages.missing(param.name));
}
