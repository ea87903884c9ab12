/**
 * A package with MPS settings stored the way Excel stores them when the task pane saves them:
 * what `mps-recalc` reads back (workbookSettings.ts). Made for fixtures and tests; apart from
 * packageParts.ts so that `mps-recalc` does not load JSZip (~85 ms of a process's start).
 */
import JSZip from "jszip";
import { SETTINGS_KEY } from "../shared/settings";
import { addOverride, addRelationship, CONTENT_TYPES, REL, TYPE } from "./packageParts";
import { encodeXml } from "./xml";

const ROOT_RELS = "_rels/.rels";

/**
 * Stores MPS settings in a package the way Excel does when the task pane saves them: a
 * web-extension part for the add-in whose `mps.settings` property holds the JSON-encoded value.
 * @param stored the value the task pane passes to `settings.set` (the settings JSON string)
 * @param addinId the add-in's manifest Id
 * @param part the web-extension part's number (`webextension1.xml`)
 */
export async function withStoredSettings(bytes: Buffer, stored: string, addinId: string, part = 1): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const name = `webextension${part}.xml`;
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6F2B0C44-6E57-4B36-9B0B-4B1C2A6D9C01}">' +
    `<we:reference id="${encodeXml(addinId)}" version="1.0.0.0" store="developer" storeType="Registry"/>` +
    "<we:alternateReferences/>" +
    `<we:properties><we:property name="${SETTINGS_KEY}" value="${encodeXml(JSON.stringify(stored))}"/></we:properties>` +
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
    `<Relationship Id="rId1" Type="${REL.webextension}" Target="${name}"/></Relationships>`;
  zip.file(`xl/webextensions/${name}`, xml);
  zip.file("xl/webextensions/taskpanes.xml", taskpanes);
  zip.file("xl/webextensions/_rels/taskpanes.xml.rels", taskpaneRels);
  let types = await zip.file(CONTENT_TYPES)!.async("string");
  types = addOverride(types, "/xl/webextensions/taskpanes.xml", TYPE.taskpanes);
  types = addOverride(types, `/xl/webextensions/${name}`, TYPE.webextension);
  zip.file(CONTENT_TYPES, types);
  zip.file(ROOT_RELS, addRelationship(await zip.file(ROOT_RELS)!.async("string"), REL.taskpanes, "xl/webextensions/taskpanes.xml"));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
