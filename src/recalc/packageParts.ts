/**
 * Parts of an .xlsx package that ExcelJS does not model, handled on the zip directly:
 * - the add-in's web-extension parts (`xl/webextensions/…`, where Office keeps the add-in's
 *   document settings), carried over from the original file so a round trip keeps them;
 * - the workbook's defined names, carried over as the original file has them (ExcelJS keeps
 *   only plain ranges and loses the scope of sheet-level names);
 * - the dynamic-array mark of spilling formulas (`cm="1"` on the cell and `xl/metadata.xml`),
 *   so Excel 365 opens them as spills rather than as legacy {array formulas};
 * - writing a settings part, as Excel does when the task pane saves (fixtures, samples).
 */
import JSZip from "jszip";
import { SETTINGS_KEY } from "../shared/settings";
import { a1, type CellAt } from "./address";
import { withDefinedNamesOf } from "./definedNames";
import { decodeXml } from "./xml";

const CONTENT_TYPES = "[Content_Types].xml";
const ROOT_RELS = "_rels/.rels";
const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const METADATA = "xl/metadata.xml";

const REL = {
  taskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webextension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
  sheetMetadata: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
};
const TYPE = {
  taskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webextension: "application/vnd.ms-office.webextension+xml",
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
};

/** Excel's metadata part declaring one dynamic-array cell-metadata record (index 1, as `cm="1"`). */
const DYNAMIC_ARRAY_METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
  '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async("string");
}

function addOverride(types: string, partName: string, contentType: string): string {
  if (types.includes(`PartName="${partName}"`)) return types;
  return types.replace("</Types>", `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`);
}

function addRelationship(rels: string, type: string, target: string): string {
  if (new RegExp(`Target="/?${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`).test(rels)) return rels;
  const ids = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  return rels.replace("</Relationships>", `<Relationship Id="rId${n}" Type="${type}" Target="${target}"/></Relationships>`);
}

/** Copies the web-extension parts of `original` (with their relationship and content types) into `zip`. */
async function carryWebExtensions(original: JSZip, zip: JSZip): Promise<void> {
  const parts = Object.keys(original.files).filter((p) => p.startsWith("xl/webextensions/") && !original.files[p].dir);
  if (parts.length === 0) return;
  for (const part of parts) {
    if (!zip.file(part)) zip.file(part, await original.file(part)!.async("uint8array"));
  }
  const originalTypes = (await text(original, CONTENT_TYPES)) ?? "";
  let types = (await text(zip, CONTENT_TYPES))!;
  for (const match of originalTypes.matchAll(/<Override\b[^>]*PartName="(\/xl\/webextensions\/[^"]+)"[^>]*ContentType="([^"]+)"[^>]*\/>/g)) {
    types = addOverride(types, match[1], match[2]);
  }
  zip.file(CONTENT_TYPES, types);
  const originalRels = (await text(original, ROOT_RELS)) ?? "";
  let rels = (await text(zip, ROOT_RELS))!;
  for (const match of originalRels.matchAll(/<Relationship\b[^>]*\/>/g)) {
    const type = /Type="([^"]+)"/.exec(match[0])?.[1];
    const target = /Target="([^"]+)"/.exec(match[0])?.[1];
    if (type && target && target.replace(/^\//, "").startsWith("xl/webextensions/")) rels = addRelationship(rels, type, target);
  }
  zip.file(ROOT_RELS, rels);
}

/** Sheet name → path of its part, from the workbook and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await text(zip, WORKBOOK)) ?? "";
  const rels = (await text(zip, WORKBOOK_RELS)) ?? "";
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<Relationship\b[^>]*\/>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /Target="([^"]+)"/.exec(match[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const match of workbook.matchAll(/<sheet\b[^>]*\/>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(match[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) parts.set(decodeXml(name), part);
  }
  return parts;
}

/** The array-formula cells (A1, by sheet) that a package marks as dynamic arrays (`cm` on the cell). */
export async function dynamicArrayCells(bytes: Buffer): Promise<Map<string, Set<string>>> {
  const zip = await JSZip.loadAsync(bytes);
  const cells = new Map<string, Set<string>>();
  for (const [sheet, part] of await sheetParts(zip)) {
    const xml = (await text(zip, part)) ?? "";
    const marked = new Set<string>();
    for (const match of xml.matchAll(/<c\b([^>]*)>\s*<f\b[^>]*\bt="array"/g)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(match[1])?.[1];
      if (ref && /\bcm="[1-9]\d*"/.test(match[1])) marked.add(ref);
    }
    cells.set(sheet, marked);
  }
  return cells;
}

/** Marks the given array-formula anchors as dynamic arrays (Excel 365 spills). */
async function markDynamicArrays(zip: JSZip, anchors: ReadonlyMap<string, readonly CellAt[]>): Promise<void> {
  if (anchors.size === 0) return;
  const parts = await sheetParts(zip);
  for (const [sheet, cells] of anchors) {
    const part = parts.get(sheet);
    const xml = part ? await text(zip, part) : undefined;
    if (!part || xml === undefined) continue;
    const wanted = new Set(cells.map(a1));
    const marked = xml.replace(/<c\b([^>]*)>(?=<f\b[^>]*\bt="array")/g, (whole, attributes: string) => {
      const ref = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
      if (!ref || !wanted.has(ref) || /\bcm="/.test(attributes)) return whole;
      return `<c${attributes} cm="1">`;
    });
    zip.file(part, marked);
  }
  if (!zip.file(METADATA)) zip.file(METADATA, DYNAMIC_ARRAY_METADATA);
  zip.file(CONTENT_TYPES, addOverride((await text(zip, CONTENT_TYPES))!, `/${METADATA}`, TYPE.sheetMetadata));
  zip.file(WORKBOOK_RELS, addRelationship((await text(zip, WORKBOOK_RELS))!, REL.sheetMetadata, "metadata.xml"));
}

export interface PackageFixes {
  /** The file the workbook was read from: its web-extension parts are carried over. */
  original?: Buffer;
  /** Array-formula anchors, by sheet, to mark as dynamic arrays. */
  dynamicArrays?: ReadonlyMap<string, readonly CellAt[]>;
}

/** Applies what ExcelJS cannot write to a package it wrote. */
export async function finishPackage(written: Buffer, fixes: PackageFixes): Promise<Buffer> {
  const zip = await JSZip.loadAsync(written);
  if (fixes.original) {
    const original = await JSZip.loadAsync(fixes.original);
    await carryWebExtensions(original, zip);
    zip.file(WORKBOOK, withDefinedNamesOf((await text(original, WORKBOOK)) ?? "", (await text(zip, WORKBOOK))!));
  }
  if (fixes.dynamicArrays) await markDynamicArrays(zip, fixes.dynamicArrays);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * Stores MPS settings in a package the way Excel does when the task pane saves them: a
 * web-extension part for the add-in whose `mps.settings` property holds the JSON-encoded value.
 * @param stored the value the task pane passes to `settings.set` (the settings JSON string)
 * @param addinId the add-in's manifest Id
 */
export async function withStoredSettings(bytes: Buffer, stored: string, addinId: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6F2B0C44-6E57-4B36-9B0B-4B1C2A6D9C01}">' +
    `<we:reference id="${escapeXml(addinId)}" version="1.0.0.0" store="developer" storeType="Registry"/>` +
    "<we:alternateReferences/>" +
    `<we:properties><we:property name="${SETTINGS_KEY}" value="${escapeXml(JSON.stringify(stored))}"/></we:properties>` +
    '<we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>';
  const taskpanes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">' +
    '<wetp:taskpane dockstate="right" visibility="0" width="350" row="4">' +
    '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
    "</wetp:taskpane></wetp:taskpanes>";
  const taskpaneRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL.webextension}" Target="webextension1.xml"/></Relationships>`;
  zip.file("xl/webextensions/webextension1.xml", part);
  zip.file("xl/webextensions/taskpanes.xml", taskpanes);
  zip.file("xl/webextensions/_rels/taskpanes.xml.rels", taskpaneRels);
  let types = (await text(zip, CONTENT_TYPES))!;
  types = addOverride(types, "/xl/webextensions/taskpanes.xml", TYPE.taskpanes);
  types = addOverride(types, "/xl/webextensions/webextension1.xml", TYPE.webextension);
  zip.file(CONTENT_TYPES, types);
  zip.file(ROOT_RELS, addRelationship((await text(zip, ROOT_RELS))!, REL.taskpanes, "xl/webextensions/taskpanes.xml"));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
