/**
 * Every setting described once, in planner words: its label, a one-line explanation, the
 * group of the pane it belongs to and, for a choice, what each choice means. The task pane
 * builds its fields from this table and validation names fields by these labels.
 */
import {
  SETTINGS_SCHEMA,
  type ChoiceSettingName,
  type MpsSettings,
  type PeriodSettingName,
  type SettingName,
} from "./settingsSchema";

/**
 * The groups of settings, in the order the pane shows them, each with its heading. A setting
 * in a group the pane has no dedicated section for still appears, in a plain section.
 */
export const SETTING_GROUPS = {
  model: { title: "Production model" },
  window: { title: "Consumption window" },
  fences: { title: "Time fences" },
  promise: { title: "Available to promise" },
  capacity: { title: "Capacity strategy" },
  planFrom: { title: "Plan from period" },
} as const;

export type SettingGroup = keyof typeof SETTING_GROUPS;

/** One choice of a choice setting: its stored value, the label a planner reads, and what it means. */
export interface SettingChoice<T extends string> {
  value: T;
  label: string;
  explanation: string;
}

interface DescriptionBase {
  label: string;
  /** One line, a sentence. */
  explanation: string;
  group: SettingGroup;
}

/** How a whole-number period setting is shown. */
export interface PeriodSettingDescription extends DescriptionBase {
  kind: "periods";
}

/** How a choice setting is shown: every choice in the engine's order, as radios or a dropdown. */
export interface ChoiceSettingDescription<T extends string = string> extends DescriptionBase {
  kind: "choice";
  choices: readonly SettingChoice<T>[];
  /**
   * Radios show every explanation at once (few choices); a dropdown explains the chosen one.
   * @default "radios"
   */
  display?: "radios" | "dropdown";
}

export type SettingDescription<K extends SettingName> = K extends ChoiceSettingName
  ? ChoiceSettingDescription<MpsSettings[K]>
  : K extends PeriodSettingName
    ? PeriodSettingDescription
    : never;

/** The choices of a choice setting, in the schema's order, from one line of words per value. */
function choicesOf<K extends ChoiceSettingName>(
  name: K,
  text: Record<MpsSettings[K], [label: string, explanation: string]>,
): SettingChoice<MpsSettings[K]>[] {
  const values = SETTINGS_SCHEMA[name].choices as readonly MpsSettings[K][];
  return values.map((value) => ({ value, label: text[value][0], explanation: text[value][1] }));
}

/** A period setting's description in one line, so the table below reads one setting a line. */
function periodSetting(group: SettingGroup, label: string, explanation: string): PeriodSettingDescription {
  return { kind: "periods", group, label, explanation };
}

/** A choice setting's description in the same order as a period setting's, then one line of words per choice. */
function choiceSetting<K extends ChoiceSettingName>(
  name: K,
  group: SettingGroup,
  label: string,
  explanation: string,
  text: Record<MpsSettings[K], [label: string, explanation: string]>,
  display?: "dropdown",
): ChoiceSettingDescription<MpsSettings[K]> {
  return { kind: "choice", group, ...(display ? { display } : {}), label, explanation, choices: choicesOf(name, text) };
}

/**
 * @example SETTING_DESCRIPTIONS.model.choices[0] // → { value: "MTS", label: "Make to stock (MTS)", explanation: "…" }
 */
export const SETTING_DESCRIPTIONS: { readonly [K in SettingName]: SettingDescription<K> } = {
  model: choiceSetting("model", "model", "Production model", "How the item is produced, and so what demand the MPS plans for.", {
    MTS: ["Make to stock (MTS)", "Build ahead to the forecast and ship orders from stock."],
    ATO: ["Assemble to order (ATO)", "Plan modules and options to the forecast; final assembly starts with the order."],
    MTO: ["Make to order (MTO)", "Produce only what customers ordered; the forecast is shown, not planned."],
  }),
  backward: periodSetting("window", "Backward periods", "Earlier periods an order may take unused forecast from."),
  forward: periodSetting("window", "Forward periods", "Later periods an order may take unused forecast from."),
  mode: choiceSetting(
    "mode",
    "window",
    "Consumption mode",
    "Where an order looks first once its own period's forecast is used up.",
    {
      "backward-forward": ["Backward, then forward", "Use earlier unused forecast first, then later."],
      "forward-backward": ["Forward, then backward", "Use later forecast first, then earlier."],
      backward: ["Backward only", "Only earlier periods; forward periods are ignored."],
      forward: ["Forward only", "Only later periods; backward periods are ignored."],
    },
    "dropdown",
  ),
  demandTimeFence: periodSetting("fences", "Demand time fence", "Periods from now in which only customer orders count as demand."),
  planningTimeFence: periodSetting(
    "fences",
    "Planning time fence",
    "Frozen periods from now: no new MPS there, only firm quantities. At least the demand fence.",
  ),
  atpMethod: choiceSetting("atpMethod", "promise", "ATP method", "How available-to-promise is shown to whoever promises orders.", {
    discrete: ["Discrete", "What each supply can still promise, in the period it arrives."],
    cumulative: ["Cumulative", "Running total of discrete ATP: all that is promisable up to each period."],
    lookahead: ["Look-ahead", "Cumulative, lowered wherever a later shortfall needs the stock: the safest promise."],
  }),
  capacityStrategy: choiceSetting(
    "capacityStrategy",
    "capacity",
    "Capacity strategy",
    "What MPS.TABLE does with the capacity it is given: check the plan, or level the MPS within it.",
    {
      check: ["Check only", "Keep the plan; show load against capacity and where it overloads (rough-cut check)."],
      "build-ahead": ["Build ahead", "Level: what does not fit is built in the latest earlier periods with spare capacity."],
      chase: ["Chase", "Level: each period builds its own need up to capacity; the rest is built late."],
      level: ["Level rate", "Level: one constant rate per period, cut to capacity where capacity is lower."],
    },
  ),
  planFrom: periodSetting("planFrom", "Plan from period", "The period planning starts from (1 = the first); forecast in earlier periods has expired."),
};

/** The description of any setting, as the common shape (for code that handles every kind). */
export function describeSetting(name: SettingName): PeriodSettingDescription | ChoiceSettingDescription {
  return SETTING_DESCRIPTIONS[name];
}

/** The settings of a group, in schema order. */
export function settingsInGroup(group: SettingGroup): SettingName[] {
  return (Object.keys(SETTINGS_SCHEMA) as SettingName[]).filter((name) => SETTING_DESCRIPTIONS[name].group === group);
}
