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
