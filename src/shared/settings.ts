/**
 * The workbook's planning defaults, as one import for the rest of the add-in. The task pane
 * edits them; the MPS.* functions use them for arguments left empty. Each concern has its own
 * module:
 * - settingsSchema.ts: the settings, their kinds and defaults (add a setting here);
 * - settingsDescriptions.ts: labels, explanations, choices and pane groups (describe it here);
 * - settingsValidation.ts: the rules, per field and between fields;
 * - settingsStored.ts: the stored form, its version and migrations;
 * - settingsMessages.ts: every sentence said about settings;
 * - settingsSource.ts: where the functions read them at calculation time.
 * Pure: no Office calls here.
 */
export {
  DEFAULT_SETTINGS,
  MAX_PERIODS,
  SETTINGS_SCHEMA,
  SETTING_NAMES,
  isPeriodSetting,
  isSettingName,
  type ChoiceSettingName,
  type MpsSettings,
  type PeriodSettingName,
  type SettingName,
} from "./settingsSchema";
export {
  SETTING_DESCRIPTIONS,
  SETTING_GROUPS,
  describeSetting,
  settingsInGroup,
  type ChoiceSettingDescription,
  type PeriodSettingDescription,
  type SettingChoice,
  type SettingDescription,
  type SettingGroup,
} from "./settingsDescriptions";
export { fieldError, validateSettings, type FieldErrors, type SettingsCheck } from "./settingsValidation";
export {
  MIGRATIONS,
  SETTINGS_KEY,
  SETTINGS_VERSION,
  fromStored,
  migrate,
  toStored,
  type LoadedSettings,
} from "./settingsStored";
export { settingsMessages } from "./settingsMessages";
