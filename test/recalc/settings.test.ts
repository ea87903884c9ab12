/**
 * Settings: read from the workbook's web-extension part (where Excel keeps the task pane's
 * document settings), overridden by --settings, else the defaults.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { withStoredSettings } from "../../src/recalc/packageParts";
import { ADDIN_ID, chooseSettings, documentSetting, storedSettings } from "../../src/recalc/workbookSettings";
import { fixture, row, values } from "./helpers";

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
