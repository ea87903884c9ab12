/**
 * Item master rows: an item's parameters from one range, given in place of `on_hand`.
 *
 * A custom function sees only the cells it is given, so the range holds its own headers:
 * - two rows: a header row and the item's value row (`A1:M2`, or from a table
 *   `VSTACK(Items[#Headers], XLOOKUP("Bike", Items[Item], Items))`, or `Items[#All]` for a
 *   table of one item);
 * - two columns (and more than two rows): headers down the first column, values in the second
 *   (a parameter card);
 * - a single cell: on hand, as always.
 * Headers are matched case-insensitively, ignoring spaces, underscores and dashes ("On hand",
 * "ON_HAND", "on-hand"); the workbook settings' labels are accepted too ("Production model",
 * "Plan from period"). A header we do not know (Item, Description, …) is ignored. A blank value
 * cell means "not given for this item" (the argument, else the workbook setting, else the
 * default applies), as a blank cell given as an argument does; On hand is required. Desktop
 * Excel passes a blank cell of a range as 0, so a 0 where 0 cannot be meant (Max lot, Multiple,
 * Lot size, Capacity, Hours per unit, Plan from) is read as blank too.
 *
 * Which wins: an argument typed in the formula, then the item master, then the workbook setting.
 * The formula is the most specific statement (this block, this what-if); the item master is the
 * item's; the workbook settings are everybody's defaults.
 */
import {
  ATP_METHODS,
  CAPACITY_STRATEGIES,
  CONSUMPTION_MODES,
  LOT_RULES,
  PRODUCTION_MODELS,
  type LotRule,
} from "../engine";
import type { MpsSettings } from "../shared/settings";
import { functionError, readNumber, readOption, type FunctionError } from "./cells";
import { messages } from "./messages";

/** The item's own values (not workbook settings), by the engine's names. */
export interface ItemValues {
  onHand: number;
  safetyStock?: number;
  lotRule?: LotRule;
  lotSize?: number;
  minLot?: number;
  maxLot?: number;
  multiple?: number;
  leadTime?: number;
  /** One number for every period. */
  capacity?: number;
  hoursPerUnit?: number;
}

/** An item master row as read: the item's values, its settings over the workbook's, and where each came from. */
export interface ItemMaster {
  readonly kind: "item-master";
  readonly values: Readonly<ItemValues>;
  /** Per-item settings: they replace the workbook's for this item. */
  readonly settings: Readonly<Partial<MpsSettings>>;
  /** For each value given, by the argument name messages use ("lead_time", "method", …): how to name its cell. */
  readonly sources: Readonly<Record<string, string>>;
}

type Target = { readonly value: keyof ItemValues } | { readonly setting: keyof MpsSettings };

interface Field {
  /** The header as the help documents it. */
  readonly header: string;
  readonly aliases?: readonly string[];
  readonly target: Target;
  /** The argument (or engine field, as messages spell it) the value stands for. */
  readonly param: string;
  /** For an option; a number otherwise. */
  readonly choices?: readonly string[];
  /** 0 cannot be meant: read as blank (desktop Excel passes blank cells of a range as 0). */
  readonly zeroIsBlank?: boolean;
}

/** Every header an item master may have, in the order the help lists them. */
export const ITEM_MASTER_FIELDS: readonly Field[] = [
  { header: "On hand", target: { value: "onHand" }, param: "on_hand" },
  { header: "Safety stock", target: { value: "safetyStock" }, param: "safety_stock" },
  { header: "Lot rule", target: { value: "lotRule" }, param: "lot_rule", choices: LOT_RULES },
  { header: "Lot size", target: { value: "lotSize" }, param: "lot_size", zeroIsBlank: true },
  { header: "Min lot", target: { value: "minLot" }, param: "min_lot" },
  { header: "Max lot", target: { value: "maxLot" }, param: "max_lot", zeroIsBlank: true },
  { header: "Multiple", target: { value: "multiple" }, param: "multiple", zeroIsBlank: true },
  { header: "Lead time", target: { value: "leadTime" }, param: "lead_time" },
  { header: "Model", aliases: ["Production model"], target: { setting: "model" }, param: "model", choices: PRODUCTION_MODELS },
  { header: "Capacity", target: { value: "capacity" }, param: "capacity", zeroIsBlank: true },
  { header: "Hours per unit", target: { value: "hoursPerUnit" }, param: "hours_per_unit", zeroIsBlank: true },
  { header: "Plan from", aliases: ["Plan from period"], target: { setting: "planFrom" }, param: "plan_from", zeroIsBlank: true },
  { header: "Demand time fence", target: { setting: "demandTimeFence" }, param: "demand_time_fence" },
  { header: "Planning time fence", target: { setting: "planningTimeFence" }, param: "planning_time_fence" },
  { header: "Backward", aliases: ["Backward periods"], target: { setting: "backward" }, param: "backward" },
  { header: "Forward", aliases: ["Forward periods"], target: { setting: "forward" }, param: "forward" },
  { header: "Consumption mode", target: { setting: "mode" }, param: "mode", choices: CONSUMPTION_MODES },
  { header: "ATP method", target: { setting: "atpMethod" }, param: "method", choices: ATP_METHODS },
  { header: "Capacity strategy", target: { setting: "capacityStrategy" }, param: "capacity_strategy", choices: CAPACITY_STRATEGIES },
];

const ON_HAND = ITEM_MASTER_FIELDS[0];

/** The accepted headers, as the help lists them. */
export const ITEM_MASTER_HEADERS: readonly string[] = ITEM_MASTER_FIELDS.map((field) => field.header);

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]/g, "");
}

const BY_NAME = new Map<string, Field>(
  ITEM_MASTER_FIELDS.flatMap((field) => [field.header, ...(field.aliases ?? [])].map((name) => [squash(name), field] as const)),
);

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || cell === "" || typeof cell === "symbol";
}

export function isItemMaster(value: unknown): value is ItemMaster {
  return typeof value === "object" && value !== null && (value as ItemMaster).kind === "item-master";
}

/** How a range of this size is laid out as an item master, or undefined when it is not one. */
function layoutOf(rows: number, columns: number): "rows" | "columns" | undefined {
  if (rows === 2) return "rows";
  if (columns === 2 && rows > 2) return "columns";
  return undefined;
}

/**
 * The `on_hand` argument: one cell (on hand) or an item master range.
 * @param param the argument's name, for messages
 * @param raw what the host passed: a value, or a range as rows of cells
 * @param referenced the host says the argument is a reference: one empty cell is on hand 0
 * @param cellName the address of a cell of the range (row, column from 0) when the host gives
 *   the argument's: messages then name the item master's cells by it ("cell Items!E2")
 * @returns on hand, the item master, undefined when left empty, or why it cannot be read
 * @example
 * readItem("on_hand", [["Item", "On hand", "Lead time"], ["Bike", 64, 2]]);
 * // → { kind: "item-master", values: { onHand: 64, leadTime: 2 }, settings: {}, sources: { on_hand: …, lead_time: … } }
 * readItem("on_hand", [[64]]); // → 64
 */
export function readItem(
  param: string,
  raw: unknown,
  referenced = false,
  cellName?: (row: number, column: number) => string,
): number | ItemMaster | undefined | FunctionError {
  const grid = Array.isArray(raw) ? (raw as unknown[][]) : undefined;
  const rows = grid?.length ?? 1;
  const columns = grid !== undefined && Array.isArray(grid[0]) ? grid[0].length : 1;
  if (grid === undefined || rows * columns <= 1) return readNumber(param, raw, referenced);
  const layout = layoutOf(rows, columns);
  // Neither one cell nor an item master: refused as one cell (the message on_hand always had).
  if (layout === undefined) return readNumber(param, raw);
  const count = layout === "rows" ? columns : rows;
  const headerAt = (i: number) => (layout === "rows" ? grid[0][i] : grid[i][0]);
  const valueAt = (i: number) => (layout === "rows" ? grid[1][i] : grid[i][1]);
  const cellOf = (i: number, header: boolean): string => {
    const [row, column] = layout === "rows" ? [header ? 0 : 1, i] : [i, header ? 0 : 1];
    return cellName ? messages.itemCellAt(cellName(row, column)) : messages.itemCell(param, row + 1, column + 1);
  };

  const values: Partial<ItemValues> = {};
  const settings: Partial<Record<keyof MpsSettings, unknown>> = {};
  const sources: Record<string, string> = {};
  const seen = new Map<Field, number>();
  for (let i = 0; i < count; i++) {
    const header = headerAt(i);
    if (typeof header !== "string") continue;
    const field = BY_NAME.get(squash(header));
    if (field === undefined) continue;
    const earlier = seen.get(field);
    if (earlier !== undefined) {
      return functionError("VALUE", messages.itemDuplicate(param, field.header, cellOf(earlier, true), cellOf(i, true)));
    }
    seen.set(field, i);
    const cell = valueAt(i);
    if (isBlank(cell) || (cell === 0 && field.zeroIsBlank === true)) continue;
    const label = messages.itemValue(field.header, cellOf(i, false));
    const value = field.choices === undefined ? readNumber(label, cell) : readOption(label, cell, field.choices);
    if (value === undefined) continue;
    if (typeof value === "object") return value;
    sources[field.param] = label;
    if ("value" in field.target) (values as Record<string, unknown>)[field.target.value] = value;
    else settings[field.target.setting] = value;
  }
  if (values.onHand === undefined) {
    const column = seen.get(ON_HAND);
    return functionError("VALUE", column === undefined ? messages.itemNoOnHand(param) : messages.itemBlankOnHand(param, cellOf(column, false)));
  }
  return { kind: "item-master", values: values as ItemValues, settings: settings as Partial<MpsSettings>, sources };
}

/**
 * The settings an item is planned with: the workbook's, with the item master's per-item
 * settings in their place.
 * @example withItemSettings(DEFAULT_SETTINGS, master) // → { ...DEFAULT_SETTINGS, planningTimeFence: 3 } for a master with Planning time fence 3
 */
export function withItemSettings(settings: MpsSettings, item: unknown): MpsSettings {
  return isItemMaster(item) && Object.keys(item.settings).length > 0 ? { ...settings, ...item.settings } : settings;
}

/**
 * A message about an argument whose value came from the item master, naming the item master's
 * header and cell instead: "lead_time must be …" → 'item master "Lead time" (on_hand row 2,
 * column 4) must be …'. Only the arguments in `fromMaster` are renamed.
 */
export function nameItemCells(message: string, item: ItemMaster, fromMaster: ReadonlySet<string>): string {
  const params = [...fromMaster].filter((param) => item.sources[param] !== undefined);
  if (params.length === 0) return message;
  // One pass, so a label just put in ("… (on_hand row 2, …)") is not renamed again; "capacity"
  // is also a word of "the capacity strategy": only the argument is renamed.
  const names = new RegExp(`\\b(${params.join("|")})\\b(?! strategy)`, "g");
  return message.replace(names, (param: string) => item.sources[param]);
}
