/**
 * The settings as a workbook stores them: a JSON object under SETTINGS_KEY in the document's
 * add-in settings, `{ version, ...settings }`. Reading never fails and never silently guesses:
 * older shapes are migrated step by step, invalid fields fall back to their defaults and are
 * named, and names this version does not know are reported and kept on the next save.
 */
import { settingsMessages } from "./settingsMessages";
import { DEFAULT_SETTINGS, SETTING_NAMES, isSettingName, type MpsSettings, type SettingName } from "./settingsSchema";
import { fieldsCheckedWith, validateSettings, type FieldErrors } from "./settingsValidation";

/** Key under which the settings live in the document's add-in settings (the file's web-extension part). */
export const SETTINGS_KEY = "mps.settings";

/**
 * The stored shape's version. A stored object without one is version 1 (the first release, and
 * the hand-written files of the headless recalculation). Bump it when the shape changes, with a
 * step in MIGRATIONS from the previous version.
 */
export const SETTINGS_VERSION = 1;

export type StoredObject = Record<string, unknown>;

/** For each version below SETTINGS_VERSION, how a stored object of that version becomes the next one. */
export type Migrations = Readonly<Record<number, (stored: StoredObject) => StoredObject>>;

/**
 * Empty while the shape has not changed. A future rename of `window` into `backward` and
 * `forward` would read: `{ 1: ({ window, ...rest }) => ({ ...rest, backward: window, forward: window }) }`.
 */
export const MIGRATIONS: Migrations = {};

/**
 * Brings a stored object from version `from` to version `to`, one step at a time.
 * @throws when a step is missing (a bumped SETTINGS_VERSION without its migration: a bug, caught by a test)
 * @example migrate({ a: 1 }, 1, 2, { 1: ({ a }) => ({ b: a }) }) // → { b: 1 }
 */
export function migrate(stored: StoredObject, from: number, to = SETTINGS_VERSION, migrations = MIGRATIONS): StoredObject {
  let current = stored;
  for (let version = from; version < to; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`No migration of the stored MPS settings from version ${version} to ${version + 1}.`);
    current = step(current);
  }
  return current;
}

export interface LoadedSettings {
  settings: MpsSettings;
  /** Set when the stored value could not be used as it was; say it to the planner. */
  notice?: string;
  /** The stored fields refused, each with its message; their defaults are in use. */
  invalid?: FieldErrors;
  /** Names stored that this version does not know: not used, kept on the next save. */
  unknown?: string[];
}

function storedObject(raw: unknown): StoredObject | undefined {
  let parsed: unknown = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as StoredObject) : undefined;
}

function versionOf(stored: StoredObject): number {
  const version = stored.version;
  return typeof version === "number" && Number.isInteger(version) && version >= 1 ? version : 1;
}

/** What the workbook stores: the settings plus the schema version, keeping what `previous` held that this version does not know. */
export function toStored(settings: MpsSettings, previous?: unknown): string {
  const kept: StoredObject = {};
  const before = previous === undefined ? undefined : storedObject(previous);
  if (before) for (const [name, value] of Object.entries(before)) if (!isSettingName(name) && name !== "version") kept[name] = value;
  const version = before ? Math.max(versionOf(before), SETTINGS_VERSION) : SETTINGS_VERSION;
  const known = Object.fromEntries(SETTING_NAMES.map((name) => [name, settings[name]]));
  return JSON.stringify({ version, ...known, ...kept });
}

/**
 * Reads what a workbook stored, never failing: missing → defaults silently; corrupt → defaults
 * and a notice; older → migrated, with a notice; partly invalid → the valid fields are kept, the
 * rest fall back to defaults, and a notice names them.
 * @example fromStored(undefined) // → { settings: DEFAULT_SETTINGS }
 */
export function fromStored(raw: unknown): LoadedSettings {
  if (raw === undefined || raw === null || raw === "") return { settings: { ...DEFAULT_SETTINGS } };
  const found = storedObject(raw);
  if (!found) return { settings: { ...DEFAULT_SETTINGS }, notice: settingsMessages.unreadable };
  const version = versionOf(found);
  const newer = version > SETTINGS_VERSION;
  const stored = newer ? found : migrate(found, version);
  const notices: string[] = [];
  const unknown = Object.keys(stored).filter((name) => !isSettingName(name) && name !== "version");
  if (newer) notices.push(settingsMessages.newerVersion(unknown));
  else if (version < SETTINGS_VERSION) notices.push(settingsMessages.olderVersion);
  else if (unknown.length) notices.push(settingsMessages.unknownKeys(unknown));

  const merged: Record<SettingName, unknown> = { ...DEFAULT_SETTINGS };
  for (const name of SETTING_NAMES) if (name in stored) merged[name] = stored[name];
  const check = validateSettings(merged);
  let settings: MpsSettings;
  let invalid: FieldErrors | undefined;
  if (check.ok) {
    settings = check.settings;
  } else {
    invalid = check.errors;
    const fallback = { ...merged };
    for (const name of Object.keys(check.errors) as SettingName[]) fallback[name] = DEFAULT_SETTINGS[name];
    // A rule between fields may still fail once one of them is reset: reset every field it reads then.
    const second = validateSettings(fallback);
    if (!second.ok) {
      for (const name of Object.keys(second.errors) as SettingName[]) {
        for (const related of fieldsCheckedWith(name)) fallback[related] = DEFAULT_SETTINGS[related];
      }
    }
    settings = fallback as MpsSettings;
    notices.push(settingsMessages.invalidFields(Object.keys(check.errors)));
  }
  const loaded: LoadedSettings = { settings };
  if (notices.length) loaded.notice = notices.join(" ");
  if (invalid) loaded.invalid = invalid;
  if (unknown.length) loaded.unknown = unknown;
  return loaded;
}
