/**
 * The workbook's planning settings, declared once: each entry says what kind of value a setting
 * holds and its default. The settings type, the defaults, validation, the stored form and the
 * task pane's fields all follow from this table; a setting's words live in
 * settingsDescriptions.ts (a new entry here does not compile until it is described there).
 * Pure: no Office calls.
 */
import { ATP_METHODS, CAPACITY_STRATEGIES, CONSUMPTION_MODES, PRODUCTION_MODELS } from "../engine";

/** Largest window or fence we accept: two years of weekly buckets is already a lot of planning. */
export const MAX_PERIODS = 520;

/** A whole number of periods, `min` (0 unless said) to MAX_PERIODS. */
export interface PeriodsSchema {
  readonly kind: "periods";
  readonly default: number;
  /** The smallest value: 0 for a count of periods, 1 for a period number. */
  readonly min: number;
}

/** One of a fixed list of values (an engine option list, in the engine's order). */
export interface ChoiceSchema<T extends string = string> {
  readonly kind: "choice";
  readonly choices: readonly T[];
  readonly default: T;
}

export type SettingSchema = PeriodsSchema | ChoiceSchema;

function periods(defaultValue = 0, min = 0): PeriodsSchema {
  return { kind: "periods", default: defaultValue, min };
}

/** A choice among `choices`; the default is the first, as the engine's own default. */
function choice<T extends string>(choices: readonly T[], defaultValue: T = choices[0]): ChoiceSchema<T> {
  return { kind: "choice", choices, default: defaultValue };
}

/**
 * Every setting, in the order the pane shows them. To add one: an entry here and its
 * description in SETTING_DESCRIPTIONS; validation, the stored form and the pane pick it up.
 * @example SETTINGS_SCHEMA.backward // → { kind: "periods", default: 0, min: 0 }
 */
export const SETTINGS_SCHEMA = {
  model: choice(PRODUCTION_MODELS),
  backward: periods(),
  forward: periods(),
  mode: choice(CONSUMPTION_MODES),
  demandTimeFence: periods(),
  planningTimeFence: periods(),
  atpMethod: choice(ATP_METHODS),
  capacityStrategy: choice(CAPACITY_STRATEGIES),
  // A period number, counted from 1 as the planner sees periods.
  planFrom: periods(1, 1),
} as const satisfies Record<string, SettingSchema>;

type Schema = typeof SETTINGS_SCHEMA;
export type SettingName = keyof Schema;

/** The value a setting of schema S holds. */
export type ValueOf<S> = S extends ChoiceSchema<infer T> ? T : number;

/** The workbook's settings: one value per entry of SETTINGS_SCHEMA. */
export type MpsSettings = { [K in SettingName]: ValueOf<Schema[K]> };

/** Settings entered as a whole number of periods. */
export type PeriodSettingName = { [K in SettingName]: Schema[K] extends PeriodsSchema ? K : never }[SettingName];
/** Settings chosen from a list. */
export type ChoiceSettingName = Exclude<SettingName, PeriodSettingName>;

/** Every setting name, in schema order. */
export const SETTING_NAMES = Object.keys(SETTINGS_SCHEMA) as SettingName[];

/** Whether `name` is a setting (a key a stored object may hold that this version knows). */
export function isSettingName(name: string): name is SettingName {
  return Object.prototype.hasOwnProperty.call(SETTINGS_SCHEMA, name);
}

/** Whether a setting is a period count (else a choice). */
export function isPeriodSetting(name: SettingName): name is PeriodSettingName {
  return SETTINGS_SCHEMA[name].kind === "periods";
}

export const DEFAULT_SETTINGS: Readonly<MpsSettings> = Object.freeze(
  Object.fromEntries(SETTING_NAMES.map((name) => [name, SETTINGS_SCHEMA[name].default])) as MpsSettings,
);
