/**
 * The settings source of the custom functions: Excel loads functions.js once per runtime, and
 * that runtime reads the workbook's settings through this one source, handing them to `invoke`
 * on every call (the headless recalculation passes its own). Tests replace the source with
 * `setFunctionsSettingsForTests`; nothing else changes it.
 */
import type { MpsSettings } from "./settingsSchema";
import { officeSettingsSource, type SettingsSource } from "./settingsSource";

let source: SettingsSource | undefined;

/** The source the functions read: the document's add-in settings, created on first use. */
export function functionsSettings(): SettingsSource {
  source ??= officeSettingsSource();
  return source;
}

/** The settings in force for the next call. */
export function workbookSettings(): MpsSettings {
  return functionsSettings().current().settings;
}

/** `true` when the settings can be read now; otherwise a promise for when they can (see SettingsSource.ready). */
export function settingsReady(): true | Promise<void> {
  return functionsSettings().ready();
}

/** Tests only: read from `next` from now on (nothing: a fresh Office source on next use). */
export function setFunctionsSettingsForTests(next?: SettingsSource): void {
  source = next;
}
