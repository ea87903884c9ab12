/**
 * The workbook's planning defaults: one typed schema, its defaults, its validation and its
 * stored form. The task pane edits these; the MPS.* functions use them for arguments left empty.
 * Pure: no Office calls here (see settingsStore.ts for where they are read and written).
 */
import {
  ATP_METHODS,
  CONSUMPTION_MODES,
  PRODUCTION_MODELS,
  type AtpMethod,
  type ConsumptionMode,
  type ProductionModel,
} from "../engine";

export interface MpsSettings {
  model: ProductionModel;
  backward: number;
  forward: number;
  mode: ConsumptionMode;
  demandTimeFence: number;
  planningTimeFence: number;
  atpMethod: AtpMethod;
}

export type SettingName = keyof MpsSettings;

export const DEFAULT_SETTINGS: Readonly<MpsSettings> = Object.freeze({
  model: "MTS",
  backward: 0,
  forward: 0,
  mode: "backward-forward",
  demandTimeFence: 0,
  planningTimeFence: 0,
  atpMethod: "discrete",
});

/** Key under which the settings live in the document's add-in settings (the file's web-extension part). */
export const SETTINGS_KEY = "mps.settings";
/** Bumped when the stored shape changes; older versions are read field by field. */
export const SETTINGS_VERSION = 1;

/** Largest window or fence we accept: two years of weekly buckets is already a lot of planning. */
export const MAX_PERIODS = 520;

export type FieldErrors = Partial<Record<SettingName, string>>;

export type SettingsCheck = { ok: true; settings: MpsSettings } | { ok: false; errors: FieldErrors };

function periodCountError(label: string, value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return `${label} must be a whole number of periods.`;
  if (value < 0) return `${label} cannot be negative.`;
  if (!Number.isInteger(value)) return `${label} must be a whole number of periods (got ${value}).`;
  if (value > MAX_PERIODS) return `${label} must be at most ${MAX_PERIODS} periods.`;
  return undefined;
}

function choiceError<T extends string>(label: string, value: unknown, choices: readonly T[]): string | undefined {
  return choices.includes(value as T) ? undefined : `${label} must be one of ${choices.join(", ")}.`;
}

/**
 * Checks a candidate set of settings, field by field.
 * @returns the settings when every field is valid, otherwise a message per invalid field.
 * @example validateSettings({ ...DEFAULT_SETTINGS, demandTimeFence: 3, planningTimeFence: 2 })
 *   // → { ok: false, errors: { planningTimeFence: "Planning time fence (2) must be at least the demand time fence (3)." } }
 */
export function validateSettings(candidate: Record<SettingName, unknown>): SettingsCheck {
  const errors: FieldErrors = {};
  // Each field is checked as SETTING_DESCRIPTIONS describes it, so a message names the field
  // exactly as the pane shows it and lists the choices the pane offers.
  for (const name of Object.keys(SETTING_DESCRIPTIONS) as SettingName[]) {
    const description: PeriodSettingDescription | ChoiceSettingDescription<string> = SETTING_DESCRIPTIONS[name];
    const message =
      description.kind === "periods"
        ? periodCountError(description.label, candidate[name])
        : choiceError(description.label, candidate[name], description.choices.map((choice) => choice.value));
    if (message) errors[name] = message;
  }
  if (
    !errors.demandTimeFence &&
    !errors.planningTimeFence &&
    (candidate.planningTimeFence as number) < (candidate.demandTimeFence as number)
  ) {
    errors.planningTimeFence = `Planning time fence (${candidate.planningTimeFence}) must be at least the demand time fence (${candidate.demandTimeFence}).`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: candidate as unknown as MpsSettings };
}

/** What the workbook stores: the settings plus the schema version. */
export function toStored(settings: MpsSettings): string {
  return JSON.stringify({ version: SETTINGS_VERSION, ...settings });
}

export interface LoadedSettings {
  settings: MpsSettings;
  /** Set when the stored value could not be used as it was; say it to the planner. */
  notice?: string;
}

/**
 * Reads what a workbook stored, never failing: missing → defaults silently; corrupt or partly
 * invalid (an older or hand-edited file) → the valid fields are kept, the rest fall back to
 * defaults, and a notice says which.
 * @example fromStored(undefined) // → { settings: DEFAULT_SETTINGS }
 */
export function fromStored(raw: unknown): LoadedSettings {
  if (raw === undefined || raw === null || raw === "") return { settings: { ...DEFAULT_SETTINGS } };
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { settings: { ...DEFAULT_SETTINGS }, notice: "The saved MPS settings were unreadable; defaults are in use." };
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { settings: { ...DEFAULT_SETTINGS }, notice: "The saved MPS settings were unreadable; defaults are in use." };
  }
  const stored = parsed as Record<string, unknown>;
  const merged = { ...DEFAULT_SETTINGS } as Record<SettingName, unknown>;
  for (const name of Object.keys(DEFAULT_SETTINGS) as SettingName[]) {
    if (name in stored) merged[name] = stored[name];
  }
  const check = validateSettings(merged);
  if (check.ok) {
    const older = typeof stored.version === "number" && stored.version < SETTINGS_VERSION;
    return older
      ? { settings: check.settings, notice: "The saved MPS settings came from an older version and were updated." }
      : { settings: check.settings };
  }
  const fallback = { ...merged };
  for (const name of Object.keys(check.errors) as SettingName[]) fallback[name] = DEFAULT_SETTINGS[name];
  // The fence pair may still clash after a reset of one of them: reset both then.
  const second = validateSettings(fallback);
  const settings = second.ok
    ? second.settings
    : { ...(fallback as unknown as MpsSettings), demandTimeFence: 0, planningTimeFence: 0 };
  const names = Object.keys(check.errors).join(", ");
  return { settings, notice: `Some saved MPS settings were invalid (${names}); defaults are used for them.` };
}

/** One choice of a choice setting: its stored value, the label a planner reads, and what it means. */
export interface SettingChoice<T extends string> {
  value: T;
  label: string;
  explanation: string;
}

/** How a whole-number period setting is shown: its label and a one-line explanation. */
export interface PeriodSettingDescription {
  kind: "periods";
  label: string;
  explanation: string;
}

/** How a choice setting is shown: label, explanation, and every choice in the engine's order. */
export interface ChoiceSettingDescription<T extends string> {
  kind: "choice";
  label: string;
  explanation: string;
  choices: readonly SettingChoice<T>[];
}

export type SettingDescription<K extends SettingName> = MpsSettings[K] extends string
  ? ChoiceSettingDescription<MpsSettings[K]>
  : PeriodSettingDescription;

function choicesOf<T extends string>(values: readonly T[], text: Record<T, [label: string, explanation: string]>) {
  return values.map((value) => ({ value, label: text[value][0], explanation: text[value][1] }));
}

/**
 * Every setting described once, in planner words: the task pane builds its form from this
 * table. Labels are the ones `validateSettings` names in its messages; choices follow the
 * engine's option lists (a Record per list, so a new engine option cannot go unexplained).
 * @example SETTING_DESCRIPTIONS.model.choices[0] // → { value: "MTS", label: "Make to stock (MTS)", explanation: "…" }
 */
export const SETTING_DESCRIPTIONS: { readonly [K in SettingName]: SettingDescription<K> } = {
  model: {
    kind: "choice",
    label: "Production model",
    explanation: "How the item is produced, and so what demand the MPS plans for.",
    choices: choicesOf(PRODUCTION_MODELS, {
      MTS: ["Make to stock (MTS)", "Build ahead to the forecast and ship orders from stock."],
      ATO: ["Assemble to order (ATO)", "Plan modules and options to the forecast; final assembly starts with the order."],
      MTO: ["Make to order (MTO)", "Produce only what customers ordered; the forecast is shown, not planned."],
    }),
  },
  backward: {
    kind: "periods",
    label: "Backward periods",
    explanation: "Earlier periods an order may take unused forecast from.",
  },
  forward: {
    kind: "periods",
    label: "Forward periods",
    explanation: "Later periods an order may take unused forecast from.",
  },
  mode: {
    kind: "choice",
    label: "Consumption mode",
    explanation: "Where an order looks first once its own period's forecast is used up.",
    choices: choicesOf(CONSUMPTION_MODES, {
      "backward-forward": ["Backward, then forward", "Use earlier unused forecast first, then later."],
      "forward-backward": ["Forward, then backward", "Use later forecast first, then earlier."],
      backward: ["Backward only", "Only earlier periods; forward periods are ignored."],
      forward: ["Forward only", "Only later periods; backward periods are ignored."],
    }),
  },
  demandTimeFence: {
    kind: "periods",
    label: "Demand time fence",
    explanation: "Periods from now in which only customer orders count as demand.",
  },
  planningTimeFence: {
    kind: "periods",
    label: "Planning time fence",
    explanation: "Frozen periods from now: no new MPS there, only firm quantities. At least the demand fence.",
  },
  atpMethod: {
    kind: "choice",
    label: "ATP method",
    explanation: "How available-to-promise is shown to whoever promises orders.",
    choices: choicesOf(ATP_METHODS, {
      discrete: ["Discrete", "What each supply can still promise, in the period it arrives."],
      cumulative: ["Cumulative", "Running total of discrete ATP: all that is promisable up to each period."],
      lookahead: ["Look-ahead", "Cumulative, lowered wherever a later shortfall needs the stock: the safest promise."],
    }),
  },
};
