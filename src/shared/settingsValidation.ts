/**
 * Validation of a candidate set of settings: each field as its schema entry says, then the
 * rules between fields. The task pane shows these messages next to its fields; the functions
 * and the headless recalculation use the same rules when they read what a workbook stored.
 */
import { describeSetting } from "./settingsDescriptions";
import { settingsMessages } from "./settingsMessages";
import { MAX_PERIODS, SETTINGS_SCHEMA, SETTING_NAMES, type MpsSettings, type SettingName } from "./settingsSchema";

export type FieldErrors = Partial<Record<SettingName, string>>;

export type SettingsCheck = { ok: true; settings: MpsSettings } | { ok: false; errors: FieldErrors };

function periodsError(label: string, value: unknown, min: number): string | undefined {
  if (typeof value !== "number" || !Number.isFinite(value)) return settingsMessages.notPeriods(label);
  if (value < 0 && min === 0) return settingsMessages.negative(label);
  if (value < min) return settingsMessages.belowMin(label, min);
  if (!Number.isInteger(value)) return settingsMessages.notWhole(label, value);
  if (value > MAX_PERIODS) return settingsMessages.tooMany(label);
  return undefined;
}

/** The message for one field's value, or undefined when it is valid on its own. */
export function fieldError(name: SettingName, value: unknown): string | undefined {
  const schema = SETTINGS_SCHEMA[name];
  const { label } = describeSetting(name);
  if (schema.kind === "periods") return periodsError(label, value, schema.min);
  const choices: readonly string[] = schema.choices;
  return typeof value === "string" && choices.includes(value) ? undefined : settingsMessages.notAChoice(label, choices);
}

/** A rule between fields: checked once each field it reads is valid on its own; the message goes to `field`. */
interface CrossRule {
  field: SettingName;
  reads: readonly SettingName[];
  check(settings: MpsSettings): string | undefined;
}

const CROSS_RULES: readonly CrossRule[] = [
  {
    field: "planningTimeFence",
    reads: ["demandTimeFence", "planningTimeFence"],
    check: (s) =>
      s.planningTimeFence < s.demandTimeFence ? settingsMessages.fenceOrder(s.planningTimeFence, s.demandTimeFence) : undefined,
  },
];

/**
 * The fields whose values decide whether `field` is valid: itself, and every field a rule
 * between fields reads to judge it.
 * @example fieldsCheckedWith("planningTimeFence") // → ["planningTimeFence", "demandTimeFence"]
 */
export function fieldsCheckedWith(field: SettingName): SettingName[] {
  const fields = new Set<SettingName>([field]);
  for (const rule of CROSS_RULES) if (rule.field === field) for (const name of rule.reads) fields.add(name);
  return [...fields];
}

/**
 * Checks a candidate set of settings, field by field, then the rules between fields.
 * @returns the settings when every field is valid, otherwise a message per invalid field.
 * @example validateSettings({ ...DEFAULT_SETTINGS, demandTimeFence: 3, planningTimeFence: 2 })
 *   // → { ok: false, errors: { planningTimeFence: "Planning time fence (2) must be at least the demand time fence (3)." } }
 */
export function validateSettings(candidate: Record<SettingName, unknown>): SettingsCheck {
  const errors: FieldErrors = {};
  for (const name of SETTING_NAMES) {
    const message = fieldError(name, candidate[name]);
    if (message) errors[name] = message;
  }
  const typed = candidate as MpsSettings;
  for (const rule of CROSS_RULES) {
    if (errors[rule.field] || rule.reads.some((name) => errors[name])) continue;
    const message = rule.check(typed);
    if (message) errors[rule.field] = message;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Only the settings: a candidate may carry other keys (a stored object, a form's state).
  return { ok: true, settings: Object.fromEntries(SETTING_NAMES.map((name) => [name, typed[name]])) as MpsSettings };
}
