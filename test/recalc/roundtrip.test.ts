/**
 * `--out`: the workbook written back keeps its formulas (as the file spelled them), caches every
 * computed value, and loses nothing else — styles, other sheets, named ranges, the add-in's
 * settings part — and recalculating the written file gives the same values.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { storedSettings } from "../../src/recalc/workbookSettings";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { fixture, values } from "./helpers";

let dir: string;
let out: string;
let reopened: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-recalc-"));
  out = path.join(dir, "textbook-out.xlsx");
  const result = await recalcWorkbook(fixture("textbook.xlsx"), { out });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  reopened = new ExcelJS.Workbook();
  await reopened.xlsx.readFile(out);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("recalc --out", () => {
  it("keeps each formula as the file spelled it and caches its value", () => {
    const sheet = reopened.getWorksheet("Textbook")!;
    expect(sheet.getCell("B7").formula).toBe("_xldudf_MPS_DEMAND(B2:I2,B3:I3)");
    expect(sheet.getCell("B7").result).toBe(33);
    expect(sheet.getCell("B8").formula).toBe('MPS.PLAN(B7:I7,B4,,"FOQ",B5)');
    expect(sheet.getCell("B8").result).toBe(0); // a cached 0 is still a cached value
    expect(sheet.getCell("B11").formula).toBe("SUM(B8:I8)");
    expect(sheet.getCell("B11").result).toBe(280);
    expect(sheet.getCell("B14").result).toBe(3);
  });

  it("writes spilled values into the cells a formula fills, as Excel saves a spill", () => {
    const sheet = reopened.getWorksheet("Textbook")!;
    expect(["C9", "D9", "E9", "I9"].map((a) => sheet.getCell(a).value)).toEqual([1, 41, 11, 61]);
    expect(sheet.getCell("A24").value).toBe("ATP");
    expect(sheet.getCell("I24").value).toBe(70);
    expect(sheet.getCell("A25").value).toBeNull();
  });

  it("marks spilling formulas as dynamic arrays over their spill range", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(out));
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).toMatch(/<c r="B7" cm="1"><f t="array" ref="B7:I7">_xldudf_MPS_DEMAND\(B2:I2,B3:I3\)<\/f><v>33<\/v>/);
    expect(sheetXml).toMatch(/<c r="A16"[^>]* cm="1"><f t="array" ref="A16:I24">/);
    expect(zip.file("xl/metadata.xml")).not.toBeNull();
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/metadata.xml"');
  });

  it("keeps styles, column widths, named ranges and the other sheets", () => {
    const sheet = reopened.getWorksheet("Textbook")!;
    expect(sheet.getCell("B1").font?.bold).toBe(true);
    expect(sheet.getCell("A8").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } });
    expect(sheet.getCell("B11").numFmt).toBe("#,##0.00");
    expect(sheet.getColumn(1).width).toBe(22);
    expect(reopened.definedNames.model).toEqual(
      expect.arrayContaining([
        { name: "Forecast", ranges: ["Textbook!$B$2:$I$2"] },
        { name: "Orders", ranges: ["Textbook!$B$3:$I$3"] },
      ]),
    );
    const notes = reopened.getWorksheet("Notes")!;
    expect(notes.getCell("A1").value).toBe("This sheet has no formulas; it must survive a round trip.");
    expect(notes.getCell("A2").value).toEqual(new Date(Date.UTC(2026, 0, 5)));
  });

  it("gives the same values when the written workbook is recalculated", async () => {
    expect(await values(out)).toEqual(await values(fixture("textbook.xlsx")));
  });

  it("keeps the add-in's settings part, so the settings still apply", async () => {
    const settingsOut = path.join(dir, "settings-out.xlsx");
    const result = await recalcWorkbook(fixture("settings.xlsx"), { out: settingsOut });
    expect(result.ok).toBe(true);
    const stored = await storedSettings(await fs.readFile(settingsOut));
    expect(JSON.parse(stored as string)).toMatchObject({ backward: 2 });
    expect((await values(settingsOut))["Plan!D3"]).toBe(10);
  });

  it("says why when the output cannot be written", async () => {
    const result = await recalcWorkbook(fixture("consume-column.xlsx"), { out: path.join(dir, "no-such-dir", "x.xlsx") });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/x\.xlsx: cannot write the workbook/);
  });
});
