/**
 * Package parts the writer may have to touch besides the sheets, each edited in place (text
 * inserted, nothing reformatted):
 * - the dynamic-array cell metadata (`xl/metadata.xml`, `cm` on a cell): which `cm` index
 *   means "dynamic array", and the part created or extended when a formula first spills;
 * - its content type and relationship when the part is new.
 * A settings part, as Excel writes it when the task pane saves, is made by storedSettings.ts.
 */
import { afterClose, attributes, closeOf, encodeXml, findTag, nextTag, type Tag } from "./xml";

export const CONTENT_TYPES = "[Content_Types].xml";

export const REL = {
  taskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webextension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
  sheetMetadata: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata",
};
export const TYPE = {
  taskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webextension: "application/vnd.ms-office.webextension+xml",
  sheetMetadata: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
};

const XDA = "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray";
const XLDAPR_TYPE = (p: string): string =>
  `<${p}metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/>`;
const XLDAPR_BK = (p: string): string =>
  `<${p}bk><${p}extLst><${p}ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties xmlns:xda="${XDA}" fDynamic="1" fCollapsed="0"/></${p}ext></${p}extLst></${p}bk>`;

/** Excel's metadata part declaring one dynamic-array cell-metadata record (index 1, as `cm="1"`). */
export const DYNAMIC_ARRAY_METADATA =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="${XDA}">` +
  `<metadataTypes count="1">${XLDAPR_TYPE("")}</metadataTypes>` +
  '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
  '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>';

/** The `bk` tags directly inside an element (they do not nest in the metadata part). */
function blocks(xml: string, parent: Tag): Array<{ tag: Tag; close: number }> {
  const found: Array<{ tag: Tag; close: number }> = [];
  const limit = closeOf(xml, parent);
  for (let tag = findTag(xml, "bk", parent.end, limit); tag; ) {
    const close = closeOf(xml, tag, limit);
    found.push({ tag, close });
    tag = findTag(xml, "bk", close, limit);
  }
  return found;
}

export interface DynamicArrayMetadata {
  /** The `cm` values that mark a dynamic array. */
  dynamic: Set<string>;
  /** The `cm` value to give a formula that newly spills. */
  index: number;
  /** The metadata part's new text, when it had to be created or extended for `index`. */
  patched?: string;
}

/** Sets (or adds) the `count` attribute of a start tag to `count`. */
function withCount(tagText: string, count: number): string {
  return /\scount\s*=\s*"[^"]*"/.test(tagText) ? tagText.replace(/(\scount\s*=\s*)"[^"]*"/, `$1"${count}"`) : tagText.replace(/\/?>$/, (end) => ` count="${count}"${end}`);
}

/** Text inserted into `xml` at each position (positions in ascending order). */
function insertAll(xml: string, inserts: Array<[number, string, number?]>): string {
  let out = "";
  let cursor = 0;
  for (const [at, text, skipTo] of inserts.sort((x, y) => x[0] - y[0])) {
    out += xml.slice(cursor, at) + text;
    cursor = skipTo ?? at;
  }
  return out + xml.slice(cursor);
}

/**
 * What a package's metadata part says about dynamic arrays, and how to mark one: the existing
 * XLDAPR record when there is one, else the part extended with one (or Excel's own minimal part
 * when there is none).
 * @example dynamicArrayMetadata(undefined) // → { dynamic: Set {}, index: 1, patched: DYNAMIC_ARRAY_METADATA }
 */
export function dynamicArrayMetadata(xml: string | undefined): DynamicArrayMetadata {
  if (xml === undefined) return { dynamic: new Set(), index: 1, patched: DYNAMIC_ARRAY_METADATA };
  const root = findTag(xml, "metadata");
  if (!root || root.selfClosing) return { dynamic: new Set(), index: 1, patched: DYNAMIC_ARRAY_METADATA };
  const p = root.qname.includes(":") ? `${root.qname.split(":")[0]}:` : "";
  const rootClose = closeOf(xml, root);
  const typesTag = findTag(xml, "metadataTypes", root.end, rootClose);
  const typeNames: string[] = [];
  if (typesTag && !typesTag.selfClosing) {
    const limit = closeOf(xml, typesTag);
    for (let tag = findTag(xml, "metadataType", typesTag.end, limit); tag; tag = findTag(xml, "metadataType", tag.end, limit)) {
      typeNames.push(attributes(tag.attributesText).get("name") ?? "");
    }
  }
  const typeIndex = typeNames.indexOf("XLDAPR") + 1;
  let future: Tag | undefined;
  const dynamicFuture = new Set<string>();
  let futureCount = 0;
  for (let tag = findTag(xml, "futureMetadata", root.end, rootClose); tag; tag = findTag(xml, "futureMetadata", closeOf(xml, tag), rootClose)) {
    if (attributes(tag.attributesText).get("name") !== "XLDAPR" || tag.selfClosing) continue;
    future = tag;
    blocks(xml, tag).forEach(({ tag: bk, close }, i) => {
      const props = findTag(xml, "dynamicArrayProperties", bk.end, close);
      if (props && attributes(props.attributesText).get("fDynamic") === "1") dynamicFuture.add(String(i));
    });
    futureCount = blocks(xml, tag).length;
  }
  const cellTag = findTag(xml, "cellMetadata", root.end, rootClose);
  const cellBlocks = cellTag && !cellTag.selfClosing ? blocks(xml, cellTag) : [];
  const dynamic = new Set<string>();
  cellBlocks.forEach(({ tag, close }, i) => {
    const rc = findTag(xml, "rc", tag.end, close);
    const at = rc ? attributes(rc.attributesText) : undefined;
    if (at && typeIndex > 0 && at.get("t") === String(typeIndex) && dynamicFuture.has(at.get("v") ?? "")) dynamic.add(String(i + 1));
  });
  if (dynamic.size > 0) return { dynamic, index: Number([...dynamic][0]) };

  // Extend the part: the XLDAPR type, a dynamic future-metadata block and a cell-metadata block pointing at both.
  const inserts: Array<[number, string, number?]> = [];
  let newType = typeIndex;
  if (newType === 0) {
    newType = typeNames.length + 1;
    if (typesTag && !typesTag.selfClosing) {
      inserts.push([typesTag.start, withCount(xml.slice(typesTag.start, typesTag.end), newType), typesTag.end]);
      inserts.push([closeOf(xml, typesTag), XLDAPR_TYPE(p)]);
    } else {
      inserts.push([typesTag?.start ?? root.end, `<${p}metadataTypes count="1">${XLDAPR_TYPE(p)}</${p}metadataTypes>`, typesTag?.end]);
    }
  }
  // Where a new child of the root goes: before the first of its later siblings (the schema's order), else at the end.
  const after = (names: string[]): number => {
    for (let tag = nextTag(xml, root.end, rootClose); tag; tag = nextTag(xml, afterClose(xml, tag, closeOf(xml, tag, rootClose)), rootClose)) {
      if (names.includes(tag.name)) return tag.start;
    }
    return rootClose;
  };
  let futureIndex: number;
  if (future) {
    futureIndex = futureCount;
    inserts.push([future.start, withCount(xml.slice(future.start, future.end), futureCount + 1), future.end]);
    inserts.push([closeOf(xml, future), XLDAPR_BK(p)]);
  } else {
    futureIndex = 0;
    inserts.push([after(["cellMetadata", "valueMetadata", "extLst"]), `<${p}futureMetadata name="XLDAPR" count="1">${XLDAPR_BK(p)}</${p}futureMetadata>`]);
  }
  const block = `<${p}bk><${p}rc t="${newType}" v="${futureIndex}"/></${p}bk>`;
  if (cellTag && !cellTag.selfClosing) {
    inserts.push([cellTag.start, withCount(xml.slice(cellTag.start, cellTag.end), cellBlocks.length + 1), cellTag.end]);
    inserts.push([closeOf(xml, cellTag), block]);
  } else {
    inserts.push([cellTag?.start ?? after(["valueMetadata", "extLst"]), `<${p}cellMetadata count="1">${block}</${p}cellMetadata>`, cellTag?.end]);
  }
  return { dynamic, index: cellBlocks.length + 1, patched: insertAll(xml, inserts) };
}

/** The content types with an override for a new part (unchanged when it has one). */
export function addOverride(types: string, partName: string, contentType: string): string {
  if (types.toLowerCase().includes(`partname="${partName.toLowerCase()}"`)) return types;
  const close = types.lastIndexOf("</");
  return `${types.slice(0, close)}<Override PartName="${encodeXml(partName)}" ContentType="${contentType}"/>${types.slice(close)}`;
}

/** A relationships part with a relationship to `target` (unchanged when it has one). */
export function addRelationship(rels: string, type: string, target: string): string {
  const existing = new Set<string>();
  for (let tag = findTag(rels, "Relationship"); tag; tag = findTag(rels, "Relationship", tag.end)) {
    const attrs = attributes(tag.attributesText);
    if (attrs.get("Type") === type && attrs.get("Target")?.replace(/^\//, "").endsWith(target)) return rels;
    existing.add(attrs.get("Id") ?? "");
  }
  let n = existing.size + 1;
  while (existing.has(`rId${n}`)) n++;
  const close = rels.lastIndexOf("</");
  return `${rels.slice(0, close)}<Relationship Id="rId${n}" Type="${type}" Target="${encodeXml(target)}"/>${rels.slice(close)}`;
}
