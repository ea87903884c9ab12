/**
 * The planning settings a recalculation uses: a `--settings` file when given, else those the task
 * pane saved in the workbook, else the defaults.
 *
 * The task pane saves them with `Office.context.document.settings.set("mps.settings", json)`.
 * Excel keeps each task-pane add-in's document settings in its own web-extension part, found by
 * following relationships — `_rels/.rels` → `xl/webextensions/taskpanes.xml` → each
 * `<wetp:webextensionref r:id>` → `webextensionN.xml` (numbered in no particular order) — whose
 * `<we:reference id>` is the add-in's manifest `<Id>`. Only the part referencing this add-in is
 * read: another add-in's `mps.settings` is never taken as ours. In it the setting is
 * `<we:property name="mps.settings" value="…"/>`, the value JSON-encoded once more (a JSON string
 * literal holding the settings JSON). See docs/recalc.md.
 */
import { promises as fs } from "fs";
import {
  DEFAULT_SETTINGS,
  SETTING_DESCRIPTIONS,
  SETTINGS_KEY,
  fromStored,
  validateSettings,
  type MpsSettings,
  type SettingName,
} from "../shared/settings";
import { DEFAULT_BUDGET, type Budget } from "./budget";
import { messages } from "./messages";
import { describe, failure, success, type Outcome } from "./outcome";
import { parseRelationships, partText, relationshipsOf, relationshipsPartOf } from "./workbookPackage";
import { attributeByLocalName, attributes, closeOf, findTag, XmlError } from "./xml";
import { openZip, type ZipPackage } from "./zipPackage";

/** This add-in's manifest `<Id>` (manifest.xml; a test keeps the two equal). */
export const ADDIN_ID = "b804530d-7096-4bd9-affb-1610724f20b1";

export type SettingsSource = "settings file" | "workbook" | "defaults";

export interface ChosenSettings {
  settings: MpsSettings;
  source: SettingsSource;
  /** Said to the planner when the settings could not be used as they were (all warnings, or a note). */
  notice?: string;
  /**
   * Each way the settings were not used as given — a settings part or file that fails
   * validation, unknown keys — naming the part or file. A `--strict` run fails on these.
   */
  warnings?: string[];
}

/**
 * The value of one document setting in a web-extension part's XML, as Office.js would return it
 * from `settings.get(name)`; undefined when absent.
 * @example documentSetting('<we:property name="mps.settings" value="&quot;{}&quot;"/>', "mps.settings") // → "{}"
 */
export function documentSetting(xml: string, name: string): unknown {
  for (let tag = findTag(xml, "property"); tag; tag = findTag(xml, "property", tag.end)) {
    const attrs = attributes(tag.attributesText);
    if (attrs.get("name") !== name) continue;
    const stored = attrs.get("value");
    if (stored === undefined) return undefined;
    try {
      return JSON.parse(stored);
    } catch {
      return stored;
    }
  }
  return undefined;
}

/** A manifest id or store reference as compared: no braces, any case. */
const normalId = (id: string): string => id.replace(/[{}]/g, "").trim().toLowerCase();

/** The add-in ids a web-extension part refers to: its reference and its alternate references. */
function referenceIds(xml: string): string[] {
  const ids: string[] = [];
  const main = findTag(xml, "reference");
  if (main) ids.push(attributes(main.attributesText).get("id") ?? "");
  const alternates = findTag(xml, "alternateReferences");
  if (alternates && !alternates.selfClosing) {
    const limit = closeOf(xml, alternates);
    for (let tag = findTag(xml, "reference", alternates.end, limit); tag; tag = findTag(xml, "reference", tag.end, limit)) {
      ids.push(attributes(tag.attributesText).get("id") ?? "");
    }
  }
  return ids.map(normalId);
}

/** The task-pane web-extension parts, in the order `taskpanes.xml` lists them. */
function taskpaneParts(zip: ZipPackage, budget: Budget): string[] {
  const root = relationshipsOf(zip, "", budget);
  const parts: string[] = [];
  for (const rel of root.ok ? root.value : []) {
    if (rel.kind !== "webextensiontaskpanes" || !rel.part) continue;
    const xml = partText(zip, rel.part, budget);
    const relsXml = partText(zip, relationshipsPartOf(rel.part), budget);
    if (!xml.ok || !relsXml.ok || xml.value === undefined || relsXml.value === undefined) continue;
    const byId = new Map(parseRelationships(relsXml.value, rel.part).map((r) => [r.id, r.part]));
    for (let tag = findTag(xml.value, "webextensionref"); tag; tag = findTag(xml.value, "webextensionref", tag.end)) {
      const part = byId.get(attributeByLocalName(attributes(tag.attributesText), "id") ?? "");
      if (part && !parts.includes(part)) parts.push(part);
    }
  }
  return parts;
}

/** Where this add-in's stored settings were found, and what they are. */
export interface StoredSettings {
  part: string;
  value: unknown;
}

/**
 * This add-in's stored settings in a package: the `mps.settings` property of the task-pane
 * web-extension part whose reference is `addinId`; undefined when there is none.
 */
export function findStoredSettings(zip: ZipPackage, addinId = ADDIN_ID, budget: Budget = DEFAULT_BUDGET): StoredSettings | undefined {
  const wanted = normalId(addinId);
  for (const part of taskpaneParts(zip, budget)) {
    const xml = partText(zip, part, budget);
    if (!xml.ok || xml.value === undefined) continue;
    try {
      if (!referenceIds(xml.value).includes(wanted)) continue;
      const value = documentSetting(xml.value, SETTINGS_KEY);
      if (value !== undefined) return { part, value };
    } catch (error) {
      if (!(error instanceof XmlError)) throw error;
      return { part, value: undefined };
    }
  }
  return undefined;
}

/** The stored MPS settings value of a workbook package, or undefined when it has none. */
export async function storedSettings(bytes: Buffer, addinId = ADDIN_ID): Promise<unknown> {
  const zip = openZip(bytes);
  return zip.ok ? findStoredSettings(zip.value, addinId)?.value : undefined;
}

/** Whether a stored value is a valid set of settings (missing fields are fine: they default). */
function isValidStored(raw: unknown): boolean {
  let parsed = raw;
  if (typeof raw === "string") {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return false;
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return false;
  const candidate: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const name of Object.keys(DEFAULT_SETTINGS)) if (name in parsed) candidate[name] = (parsed as Record<string, unknown>)[name];
  return validateSettings(candidate as Record<SettingName, unknown>).ok;
}

/**
 * A settings file's keys and choice values as the task pane stores them, whatever their case:
 * `{"Model": "mto", "BACKWARD": 2}` → `{ model: "MTO", backward: 2 }`, plus the keys no setting has.
 * @example normalizeSettingsFile({ Model: "mto", colour: 1 }) // → { settings: { model: "MTO" }, unknown: ["colour"] }
 */
export function normalizeSettingsFile(parsed: Record<string, unknown>): { settings: Record<string, unknown>; unknown: string[] } {
  const names = new Map<string, string>([["version", "version"], ...Object.keys(SETTING_DESCRIPTIONS).map((n): [string, string] => [n.toLowerCase(), n])]);
  const settings: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    const name = names.get(key.toLowerCase());
    if (!name) {
      unknown.push(key);
      continue;
    }
    const description = SETTING_DESCRIPTIONS[name as SettingName];
    const choice =
      description?.kind === "choice" && typeof value === "string"
        ? description.choices.find((c) => c.value.toLowerCase() === value.trim().toLowerCase())?.value
        : undefined;
    settings[name] = choice ?? value;
  }
  return { settings, unknown };
}

/** Reads a `--settings` file: its settings, and a warning for each thing in it not used as given. */
async function fromFile(settingsFile: string): Promise<Outcome<ChosenSettings>> {
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
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return failure(messages.settingsFile(settingsFile, "it is not a JSON object of settings"));
  }
  const { settings, unknown } = normalizeSettingsFile(parsed as Record<string, unknown>);
  const warnings: string[] = [];
  if (unknown.length > 0) warnings.push(messages.unknownSettings(settingsFile, unknown, Object.keys(SETTING_DESCRIPTIONS)));
  const loaded = fromStored(settings);
  if (loaded.notice) warnings.push(`${settingsFile}: ${loaded.notice}`);
  return success(withWarnings({ settings: loaded.settings, source: "settings file" }, warnings));
}

function withWarnings(chosen: ChosenSettings, warnings: string[], note?: string): ChosenSettings {
  const said = [...warnings, ...(note ? [note] : [])];
  return { ...chosen, ...(said.length > 0 ? { notice: said.join(" ") } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
}

/**
 * Settings for this run.
 * @param bytes the workbook file
 * @param settingsFile path of a JSON file (the same shape the task pane saves, keys and choices in any case) that overrides the workbook
 */
export async function chooseSettings(bytes: Buffer, settingsFile?: string, addinId = ADDIN_ID): Promise<Outcome<ChosenSettings>> {
  if (settingsFile !== undefined) return fromFile(settingsFile);
  const zip = openZip(bytes);
  const stored = zip.ok ? findStoredSettings(zip.value, addinId) : undefined;
  if (stored === undefined) return success({ ...fromStored(undefined), source: "defaults" });
  const loaded = fromStored(stored.value);
  const chosen: ChosenSettings = { settings: loaded.settings, source: "workbook" };
  if (!loaded.notice) return success(chosen);
  const said = `${stored.part}: ${loaded.notice}`;
  return success(isValidStored(stored.value) ? withWarnings(chosen, [], said) : withWarnings(chosen, [said]));
}
