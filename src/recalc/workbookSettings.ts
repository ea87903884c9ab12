/**
 * The planning settings a recalculation uses: a `--settings` file when given, else those the task
 * pane saved in the workbook, else the defaults.
 *
 * The task pane saves them with `Office.context.document.settings.set("mps.settings", json)`;
 * Excel keeps a web add-in's document settings in the package part
 * `xl/webextensions/webextension1.xml` (one part per add-in, numbered) as
 * `<we:property name="mps.settings" value="…"/>`, the value JSON-encoded once more: a JSON
 * string literal holding the settings JSON. See docs/recalc.md.
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import { SETTINGS_KEY, fromStored, type MpsSettings } from "../shared/settings";
import { messages } from "./messages";
import { describe, failure, success, type Outcome } from "./outcome";
import { decodeXml } from "./xml";

export const WEB_EXTENSION_PART = /^xl\/webextensions\/webextension\d*\.xml$/i;

export type SettingsSource = "settings file" | "workbook" | "defaults";

export interface ChosenSettings {
  settings: MpsSettings;
  source: SettingsSource;
  /** Said to the planner when stored settings could not be used as they were. */
  notice?: string;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[1] ?? match[2]) : undefined;
}

/**
 * The value of one document setting in a web-extension part's XML, as Office.js would return it
 * from `settings.get(name)`; undefined when absent.
 * @example documentSetting('<we:property name="mps.settings" value="&quot;{}&quot;"/>', "mps.settings") // → "{}"
 */
export function documentSetting(xml: string, name: string): unknown {
  for (const match of xml.matchAll(/<(?:[\w.-]+:)?property\b[^>]*>/g)) {
    if (attribute(match[0], "name") !== name) continue;
    const stored = attribute(match[0], "value");
    if (stored === undefined) return undefined;
    try {
      return JSON.parse(stored);
    } catch {
      return stored;
    }
  }
  return undefined;
}

/** The stored MPS settings value of a workbook package, or undefined when it has none. */
export async function storedSettings(bytes: Buffer): Promise<unknown> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((path) => WEB_EXTENSION_PART.test(path)).sort();
  for (const path of parts) {
    const value = documentSetting(await zip.file(path)!.async("string"), SETTINGS_KEY);
    if (value !== undefined) return value;
  }
  return undefined;
}

/**
 * Settings for this run.
 * @param bytes the workbook file
 * @param settingsFile path of a JSON file (the same shape the task pane saves) that overrides the workbook
 */
export async function chooseSettings(bytes: Buffer, settingsFile?: string): Promise<Outcome<ChosenSettings>> {
  if (settingsFile !== undefined) {
    let text: string;
    try {
      text = await fs.readFile(settingsFile, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return failure(code === "ENOENT" ? messages.fileMissing(settingsFile) : messages.settingsFile(settingsFile, describe(error)));
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return failure(messages.settingsFile(settingsFile, describe(error)));
    }
    const loaded = fromStored(parsed);
    return success({ settings: loaded.settings, source: "settings file", notice: loaded.notice });
  }
  let raw: unknown;
  try {
    raw = await storedSettings(bytes);
  } catch {
    raw = undefined;
  }
  if (raw === undefined) return success({ ...fromStored(undefined), source: "defaults" });
  const loaded = fromStored(raw);
  return success({ settings: loaded.settings, source: "workbook", notice: loaded.notice });
}
