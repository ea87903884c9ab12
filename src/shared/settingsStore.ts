/**
 * Where the workbook's settings are read at calculation time. Inside Office it is the
 * document's add-in settings (Office.context.document.settings, saved in the file), which the
 * task pane and the functions share in the one runtime; the headless recalculation and tests
 * install their own reader. A corrupt or missing value never fails a formula: defaults apply.
 */
import { DEFAULT_SETTINGS, SETTINGS_KEY, fromStored, type MpsSettings } from "./settings";

/** Returns the stored settings value as the host has it (a JSON string or an object), or nothing. */
export type SettingsReader = () => unknown;

function officeDocumentSettings(): unknown {
  if (typeof Office === "undefined") return undefined;
  try {
    return Office.context?.document?.settings?.get(SETTINGS_KEY);
  } catch {
    return undefined;
  }
}

let reader: SettingsReader = officeDocumentSettings;
/** Office.onReady, once asked; `true` once it has resolved. */
let officeReady: Promise<void> | true | undefined;

/**
 * `true` when the settings can be read now; otherwise a promise for when they can. Inside
 * Office the document settings exist only once Office.js is initialised, and Excel may run a
 * formula before that: such a call waits rather than silently planning with the defaults.
 */
export function settingsReady(): true | Promise<void> {
  if (officeReady === true || reader !== officeDocumentSettings) return true;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return true;
  officeReady ??= Office.onReady().then(
    () => {
      officeReady = true;
    },
    () => {
      officeReady = true; // never block a formula: defaults apply if Office cannot start
    },
  );
  return officeReady;
}
let lastRaw: unknown = Symbol("never read");
let lastSettings: MpsSettings = { ...DEFAULT_SETTINGS };

/** The settings in force now; parsed again only when the stored value changed. */
export function workbookSettings(): MpsSettings {
  const raw = reader();
  if (raw !== lastRaw) {
    lastRaw = raw;
    lastSettings = fromStored(raw).settings;
  }
  return lastSettings;
}

/** Reads settings from somewhere else from now on (headless recalculation, tests). */
export function useSettingsReader(next: SettingsReader): void {
  reader = next;
  lastRaw = Symbol("never read");
}

/** Back to the Office document settings (Office.onReady is asked again). */
export function useOfficeSettings(): void {
  useSettingsReader(officeDocumentSettings);
  officeReady = undefined;
}
