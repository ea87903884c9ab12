/**
 * The structure of an .xlsx package, found the way Office finds it: `_rels/.rels` names the
 * workbook part, the workbook's relationships name its sheets, shared strings and metadata,
 * and `xl/workbook.xml` lists the sheets in order (the order `localSheetId` counts in), the
 * date system and the defined names. Part names are never assumed (`xl/workbook.xml` may be
 * `xl/workbook2.xml`); only the parts needed are inflated.
 */
import type { Budget } from "./budget";
import type { DefinedName } from "./definedNames";
import { failure, success, type Outcome } from "./outcome";
import { afterClose, attributeByLocalName, attributes, closeOf, decodeXml, findTag, nextToken, XmlError } from "./xml";
import { findEntry, readPart, type ZipPackage } from "./zipPackage";

/** What a sheet of the workbook is: only worksheets (and, for their values, macro sheets) hold cells we read. */
export type SheetKind = "worksheet" | "macrosheet" | "chartsheet" | "dialogsheet" | "none";

export interface SheetEntry {
  name: string;
  kind: SheetKind;
  /** Its part (`xl/worksheets/sheet1.xml`), when it has one. */
  part?: string;
}

export interface WorkbookPackage {
  zip: ZipPackage;
  /** `xl/workbook.xml` or wherever the package's relationships put it. */
  workbookPart: string;
  /** Every sheet of `<sheets>`, in order: index i is `localSheetId` i. */
  sheets: SheetEntry[];
  date1904: boolean;
  definedNames: DefinedName[];
  sharedStringsPart?: string;
  metadataPart?: string;
}

export interface Relationship {
  id: string;
  /** The relationship type's last segment: "worksheet", "officeDocument", "webextensiontaskpanes". */
  kind: string;
  /** The target part's name (no leading "/"); undefined for an external target. */
  part?: string;
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; "" for the package's. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * A relationship target resolved against its source part's folder.
 * @example resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml") // → "xl/worksheets/sheet1.xml"
 */
export function resolveTarget(source: string, target: string): string {
  const segments = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

/** A part as text, checked against the budget; undefined when the package has no such part. */
export function partText(zip: ZipPackage, part: string, budget: Budget): Outcome<string | undefined> {
  const entry = findEntry(zip, part);
  if (!entry) return success(undefined);
  const bytes = readPart(zip, entry, budget.partBytes);
  if (!bytes.ok) return bytes;
  // UTF-16 parts start with a byte-order mark; Excel writes UTF-8.
  if (bytes.value[0] === 0xff && bytes.value[1] === 0xfe) return success(bytes.value.subarray(2).toString("utf16le"));
  return success(bytes.value.toString("utf8").replace(/^\ufeff/, ""));
}

/** Every `<Relationship>` of a relationships part. */
export function parseRelationships(xml: string, source: string): Relationship[] {
  const found: Relationship[] = [];
  for (let tag = findTag(xml, "Relationship"); tag; tag = findTag(xml, "Relationship", tag.end)) {
    const attrs = attributes(tag.attributesText);
    const id = attrs.get("Id");
    const type = attrs.get("Type") ?? "";
    const target = attrs.get("Target");
    if (id === undefined || target === undefined) continue;
    const external = attrs.get("TargetMode") === "External";
    found.push({ id, kind: type.slice(type.lastIndexOf("/") + 1), part: external ? undefined : resolveTarget(source, target) });
  }
  return found;
}

/** The relationships of a part (none when it has no relationships part). */
export function relationshipsOf(zip: ZipPackage, part: string, budget: Budget): Outcome<Relationship[]> {
  const xml = partText(zip, relationshipsPartOf(part), budget);
  if (!xml.ok) return xml;
  return success(xml.value === undefined ? [] : parseRelationships(xml.value, part));
}

const SHEET_KINDS: Record<string, SheetKind> = {
  worksheet: "worksheet",
  chartsheet: "chartsheet",
  dialogsheet: "dialogsheet",
  xlMacrosheet: "macrosheet",
  xlIntlMacrosheet: "macrosheet",
};

/** The `<definedName>` elements of the workbook part, in one forward pass. */
function definedNames(xml: string): DefinedName[] {
  const names: DefinedName[] = [];
  const block = findTag(xml, "definedNames");
  if (!block || block.selfClosing) return names;
  const limit = closeOf(xml, block);
  for (let token = nextToken(xml, block.end, limit); token; ) {
    const { tag } = token;
    if (token.closing || tag.name !== "definedName") {
      token = nextToken(xml, tag.end, limit);
      continue;
    }
    const attrs = attributes(tag.attributesText);
    const close = closeOf(xml, tag, limit);
    const name = attrs.get("name");
    const local = attrs.get("localSheetId");
    if (name !== undefined) {
      const formula = tag.selfClosing ? "" : decodeXml(xml.slice(tag.end, close)).trim();
      names.push({ name, formula, sheet: local !== undefined && /^\d+$/.test(local) ? Number(local) : undefined });
    }
    token = nextToken(xml, afterClose(xml, tag, close), limit);
  }
  return names;
}

/** "1", "true" (and "on" in some writers) are true in an xsd:boolean attribute. */
const truthy = (value: string | undefined): boolean => value === "1" || value === "true";

/**
 * Reads the package's structure.
 * @returns the structure, or why the package is not a workbook (a sentence without the file name)
 */
export function readWorkbookPackage(zip: ZipPackage, budget: Budget): Outcome<WorkbookPackage> {
  try {
    const root = relationshipsOf(zip, "", budget);
    if (!root.ok) return root;
    const officeDocument = root.value.find((rel) => rel.kind === "officeDocument" && rel.part);
    const workbookPart = officeDocument?.part ?? (findEntry(zip, "xl/workbook.xml") ? "xl/workbook.xml" : undefined);
    if (!workbookPart) return failure("it has no workbook part");
    const xml = partText(zip, workbookPart, budget);
    if (!xml.ok) return xml;
    if (xml.value === undefined) return failure(`its workbook part ${workbookPart} is missing`);
    const rels = relationshipsOf(zip, workbookPart, budget);
    if (!rels.ok) return rels;
    const byId = new Map(rels.value.map((rel) => [rel.id, rel]));
    const sheets: SheetEntry[] = [];
    const sheetsTag = findTag(xml.value, "sheets");
    if (sheetsTag && !sheetsTag.selfClosing) {
      const limit = closeOf(xml.value, sheetsTag);
      for (let tag = findTag(xml.value, "sheet", sheetsTag.end, limit); tag; tag = findTag(xml.value, "sheet", tag.end, limit)) {
        const attrs = attributes(tag.attributesText);
        const rel = byId.get(attributeByLocalName(attrs, "id") ?? "");
        const kind = rel?.part ? (SHEET_KINDS[rel.kind] ?? "none") : "none";
        sheets.push({ name: attrs.get("name") ?? `Sheet${sheets.length + 1}`, kind, part: kind === "none" ? undefined : rel?.part });
      }
    }
    if (!sheets.some((sheet) => sheet.kind === "worksheet")) return failure("it has no worksheets");
    const workbookPr = findTag(xml.value, "workbookPr");
    const date1904 = workbookPr ? truthy(attributes(workbookPr.attributesText).get("date1904")) : false;
    return success({
      zip,
      workbookPart,
      sheets,
      date1904,
      definedNames: definedNames(xml.value),
      sharedStringsPart: rels.value.find((rel) => rel.kind === "sharedStrings")?.part,
      metadataPart: rels.value.find((rel) => rel.kind === "sheetMetadata")?.part,
    });
  } catch (error) {
    if (error instanceof XmlError) return failure(`its workbook part is not well-formed XML (${error.message})`);
    throw error;
  }
}
