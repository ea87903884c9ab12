/**
 * Settings: read from the workbook's web-extension part (where Excel keeps the task pane's
 * document settings), overridden by --settings, else the defaults.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { withStoredSettings } from "../../src/recalc/storedSettings";
import { ADDIN_ID, chooseSettings, documentSetting, storedSettings } from "../../src/recalc/workbookSettings";
import { fixture, row, runCli, values } from "./helpers";

describe("documentSetting", () => {
  it("returns the value as Office.js would: the JSON string the task pane stored", () => {
    const xml = '<we:properties><we:property name="mps.settings" value="&quot;{\\&quot;backward\\&quot;:2}&quot;"/></we:properties>';
    expect(documentSetting(xml, "mps.settings")).toBe('{"backward":2}');
  });

  it("returns undefined when the setting is absent", () => {
    expect(documentSetting('<we:properties><we:property name="other" value="1"/></we:properties>', "mps.settings")).toBeUndefined();
  });
});

describe("settings in a workbook", () => {
  it("are found in xl/webextensions/webextension1.xml", async () => {
    const stored = await storedSettings(await fs.readFile(fixture("settings.xlsx")));
    expect(JSON.parse(stored as string)).toMatchObject({ backward: 2 });
  });

  it("change the results: a backward window of 2 lets week 4's order consume week 3", async () => {
    const v = await values(fixture("settings.xlsx"));
    expect(row(v, "Plan", "B", 3, 4)).toEqual([30, 30, 10, 0]);
    // An argument given in the formula still wins over the workbook setting.
    expect(row(v, "Plan", "B", 4, 4)).toEqual([30, 30, 30, 0]);
  });

  it("are the defaults when the workbook has none", async () => {
    const v = await values(fixture("settings-none.xlsx"));
    expect(row(v, "Plan", "B", 3, 4)).toEqual([30, 30, 30, 0]);
    const chosen = await chooseSettings(await fs.readFile(fixture("settings-none.xlsx")));
    expect(chosen).toEqual({ ok: true, value: { settings: DEFAULT_SETTINGS, source: "defaults" } });
  });

  it("give way to a --settings file", async () => {
    const v = await values(fixture("settings.xlsx"), { settingsFile: fixture("settings-window0.json") });
    expect(row(v, "Plan", "B", 3, 4)).toEqual([30, 30, 30, 0]);
  });

  it("fall back to defaults, with a notice, when the stored value is corrupt", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Plan").getCell("A1").value = 1;
    const bytes = await withStoredSettings(Buffer.from(await workbook.xlsx.writeBuffer()), "{not json", ADDIN_ID);
    const chosen = await chooseSettings(bytes);
    expect(chosen.ok && chosen.value.settings).toEqual(DEFAULT_SETTINGS);
    expect(chosen.ok && chosen.value.notice).toMatch(/unreadable/);
  });

  it("refuses a --settings file that is not JSON, saying which file", async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "mps-settings-")), "bad.json");
    await fs.writeFile(file, "backward: 2");
    const chosen = await chooseSettings(Buffer.alloc(0), file);
    expect(chosen.ok).toBe(false);
    expect(!chosen.ok && chosen.problems[0]).toContain(`${file}: cannot read the settings`);
  });
});

/** A web-extension part for an add-in, holding `mps.settings` when `stored` is given. */
function webExtension(addinId: string, stored?: string): string {
  const property = stored === undefined ? "" : `<we:property name="mps.settings" value="${JSON.stringify(stored).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"/>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{${addinId}-part}">` +
    `<we:reference id="${addinId}" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/>` +
    `<we:properties>${property}</we:properties><we:bindings/></we:webextension>`
  );
}

/**
 * A workbook whose task panes are the given add-ins, listed in `taskpanes.xml` in this order;
 * each part's number is given, so listing order and part names can disagree.
 */
async function withAddins(addins: ReadonlyArray<{ part: number; id: string; stored?: string }>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Plan").getCell("A1").value = 1;
  // The fixture writer gives the package its relationship and content types; the parts are replaced below.
  const bytes = await withStoredSettings(Buffer.from(await workbook.xlsx.writeBuffer()), "{}", "placeholder");
  const zip = await JSZip.loadAsync(bytes);
  zip.remove("xl/webextensions/webextension1.xml");
  const refs = addins.map((_, i) => `<wetp:taskpane dockstate="right" visibility="0" width="350" row="${i}"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId${i + 1}"/></wetp:taskpane>`);
  zip.file("xl/webextensions/taskpanes.xml", `<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">${refs.join("")}</wetp:taskpanes>`);
  const rels = addins.map((a, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension${a.part}.xml"/>`);
  zip.file("xl/webextensions/_rels/taskpanes.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  for (const addin of addins) zip.file(`xl/webextensions/webextension${addin.part}.xml`, webExtension(addin.id, addin.stored));
  return zip.generateAsync({ type: "nodebuffer" });
}

const STORE_ADDIN = "wa104381504";

describe("settings provenance", () => {
  it("never takes another add-in's mps.settings as ours", async () => {
    const bytes = await withAddins([{ part: 1, id: STORE_ADDIN, stored: '{"backward":3}' }]);
    expect(await storedSettings(bytes)).toBeUndefined();
    expect(await chooseSettings(bytes)).toEqual({ ok: true, value: { settings: DEFAULT_SETTINGS, source: "defaults" } });
  });

  it("follows the relationships to this add-in's part, whatever the parts are numbered", async () => {
    // webextension1.xml (alphabetically first) belongs to another add-in; ours is webextension2.xml.
    const bytes = await withAddins([
      { part: 2, id: `{${ADDIN_ID.toUpperCase()}}`, stored: '{"version":1,"backward":2}' },
      { part: 1, id: STORE_ADDIN, stored: '{"backward":3}' },
    ]);
    const chosen = await chooseSettings(bytes);
    expect(chosen).toEqual({ ok: true, value: { settings: { ...DEFAULT_SETTINGS, backward: 2 }, source: "workbook" } });
  });

  it("reports a settings part that fails validation, naming the part", async () => {
    const bytes = await withAddins([{ part: 3, id: ADDIN_ID, stored: '{"version":1,"backward":-1,"model":"XYZ"}' }]);
    const chosen = await chooseSettings(bytes);
    if (!chosen.ok) throw new Error(chosen.problems.join("\n"));
    expect(chosen.value.settings).toEqual(DEFAULT_SETTINGS);
    expect(chosen.value.warnings).toEqual(["xl/webextensions/webextension3.xml: Some saved MPS settings were invalid (model, backward); defaults are used for them."]);
    expect(chosen.value.notice).toBe(chosen.value.warnings![0]);
  });
});

describe("a --settings file", () => {
  let dir: string;
  beforeAll(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-settings-file-"))));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const file = async (name: string, content: unknown): Promise<string> => {
    const at = path.join(dir, name);
    await fs.writeFile(at, JSON.stringify(content));
    return at;
  };

  it("accepts keys and choices in any case", async () => {
    const chosen = await chooseSettings(Buffer.alloc(0), await file("case.json", { Backward: 2, MODEL: "mto", atpmethod: "Cumulative", Mode: "FORWARD" }));
    expect(chosen).toEqual({ ok: true, value: { settings: { ...DEFAULT_SETTINGS, backward: 2, model: "MTO", atpMethod: "cumulative", mode: "forward" }, source: "settings file" } });
  });

  it("warns about unknown keys, naming them and the known ones", async () => {
    const at = await file("unknown.json", { backwards: 2, colour: "red", forward: 1 });
    const chosen = await chooseSettings(Buffer.alloc(0), at);
    if (!chosen.ok) throw new Error(chosen.problems.join("\n"));
    expect(chosen.value.settings).toEqual({ ...DEFAULT_SETTINGS, forward: 1 });
    expect(chosen.value.warnings).toEqual([
      `${at}: unknown settings 'backwards', 'colour' ignored; the settings are model, backward, forward, mode, demandTimeFence, planningTimeFence, atpMethod, capacityStrategy, planFrom.`,
    ]);
  });

  it("fails a --strict run on its warnings, and only warns without --strict", async () => {
    const at = await file("strict.json", { backward: 0, colour: "red" });
    const loose = await runCli([fixture("settings.xlsx"), "--json", "--settings", at]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toContain(`mps-recalc: Settings (settings file): ${at}: unknown setting 'colour' ignored;`);
    const strict = await runCli([fixture("settings.xlsx"), "--json", "--settings", at, "--strict"]);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toBe(loose.stdout);
  }, 60_000);
});

describe("ADDIN_ID", () => {
  it("is the manifest's <Id>, the reference Excel writes in the add-in's web-extension part", async () => {
    const manifest = await fs.readFile(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
    expect(/<Id>([^<]+)<\/Id>/.exec(manifest)?.[1]).toBe(ADDIN_ID);
  });
});
