/** Reads manifest.xml into plain objects, and the few lookups the manifest tests need. */
import { readFileSync } from "fs";
import { XMLParser } from "fast-xml-parser";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Xml = any;

export function parseManifest(text: string): Xml {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => false });
  return parser.parse(text).OfficeApp;
}

export function readManifest(path: string): Xml {
  return parseManifest(readFileSync(path, "utf8"));
}

export function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Every resource id in <Resources>, with its DefaultValue. */
export function resources(manifest: Xml): Map<string, string> {
  const r = manifest.VersionOverrides.Resources;
  const all = [
    ...asList(r["bt:Images"]["bt:Image"]),
    ...asList(r["bt:Urls"]["bt:Url"]),
    ...asList(r["bt:ShortStrings"]["bt:String"]),
    ...asList(r["bt:LongStrings"]["bt:String"]),
  ];
  return new Map(all.map((e: Xml) => [e["@id"], e["@DefaultValue"]]));
}

/** Every resid="…" the manifest refers to, anywhere. */
export function referencedResids(text: string): string[] {
  return [...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
}

/** Every http(s) URL the manifest contains. */
export function urls(text: string): string[] {
  return [...text.matchAll(/"(https?:\/\/[^"]+)"|>(https?:\/\/[^<]+)</g)].map((m) => m[1] ?? m[2]);
}

/** The children of the document element, in document order (element names only). */
export function topLevelElements(text: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: true, preserveOrder: true, commentPropName: "#comment" });
  const root = (parser.parse(text) as Xml[]).find((node) => "OfficeApp" in node);
  return (root.OfficeApp as Xml[]).map((node) => Object.keys(node)[0]).filter((name) => name !== "#comment" && name !== "#text");
}

/** Every requirement set the manifest declares, by name, with its minimum version. */
export function requirementSets(manifest: Xml): Map<string, string> {
  const sets = manifest.Requirements?.Sets;
  const fallback = sets?.["@DefaultMinVersion"] ?? "1.1";
  return new Map(asList(sets?.Set).map((s: Xml) => [s["@Name"], s["@MinVersion"] ?? fallback]));
}

/** Compares "1.10" and "1.3" as versions. */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
