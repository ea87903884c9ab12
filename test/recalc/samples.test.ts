/**
 * The sample planning workbook (assets/sample-plan.xlsx, made by scripts/make-sample.ts) and
 * what `npm start` prints from it on a machine without Excel.
 */
import path from "path";
import ExcelJS from "exceljs";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { printSamplePlans, SAMPLE_WORKBOOK } from "../../src/recalc/samples";
import { ROOT } from "./helpers";

describe("assets/sample-plan.xlsx", () => {
  let workbook: ExcelJS.Workbook;
  let formulas: string[];
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE_WORKBOOK);
    formulas = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula))));
  });

  it("is the checked-in asset", () => {
    expect(path.relative(ROOT, SAMPLE_WORKBOOK)).toBe(path.join("assets", "sample-plan.xlsx"));
  });

  it("plans an MTS item, an ATO family and an MTO item over 52 dated weeks", () => {
    for (const [name, model] of [["MTS - Bike", "MTS"], ["ATO - Chair", "ATO"], ["MTO - Press", "MTO"]]) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.getCell("C2").value).toBe(model);
      expect(sheet.getCell("C8").value).toBeInstanceOf(Date);
      expect(sheet.getCell("BB8").value).toBeInstanceOf(Date);
      expect(sheet.getCell("BC8").value).toBeNull();
    }
    expect(workbook.getWorksheet("Settings")).toBeDefined();
  });

  it("uses MPS.TABLE, MPS.PEG and a planning bill with MPS.EXPLODE, in both spellings", () => {
    const all = formulas.join("\n");
    expect(all).toMatch(/^MPS\.TABLE\(/m);
    expect(all).toMatch(/^_xldudf_MPS_TABLE\(/m);
    expect(all).toMatch(/PEG\(/);
    expect(all).toMatch(/^_xldudf_MPS_EXPLODE\(/m);
  });

  it("holds the values today's engine computes (else: npx tsx scripts/make-sample.ts)", async () => {
    const result = await recalcWorkbook(SAMPLE_WORKBOOK);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const stale: string[] = [];
    for (const cell of result.value.cells) {
      const saved = workbook.getWorksheet(cell.sheet)!.getCell(cell.row + 1, cell.col + 1);
      const cached = cell.formula ? saved.result : saved.value;
      const value = cached !== null && typeof cached === "object" && "error" in cached ? cached.error : cached;
      if (value !== cell.value) stale.push(`${cell.key}: saved ${String(value)}, computed ${String(cell.value)}`);
    }
    expect(stale.slice(0, 5)).toEqual([]);
  });

  it("opens with values cached in its formulas", () => {
    const sheet = workbook.getWorksheet("MTS - Bike")!;
    expect(sheet.getCell("B14").result).toBe("Forecast");
    expect(typeof sheet.getCell("F2").result).toBe("number");
  });
});

describe("printSamplePlans", () => {
  it("prints each item's MPS record, weeks across", async () => {
    let text = "";
    const ok = await printSamplePlans({ write: (t) => (text += `${t}\n`), width: 100 });
    expect(ok).toBe(true);
    for (const title of ["BX-200 city bike (make to stock)", "Ergo chair family (assemble to order)", "HP-9 hydraulic press (make to order)"]) {
      expect(text).toContain(title);
    }
    expect(text).toMatch(/^Week\s+1\s+2\s+3/m);
    expect(text).toMatch(/^\s+04-Jan\s+11-Jan/m);
    expect(text).toMatch(/^Final assembly\s+\d/m); // the ATO family's extra row
    expect(text.match(/^MPS\s+\d/gm)).toHaveLength(3);
    expect(text).toMatch(/… \d+ more weeks/);
  });

  it("says why and returns false when the workbook cannot be recalculated", async () => {
    let text = "";
    const ok = await printSamplePlans({ path: "no-such-sample.xlsx", write: (t) => (text += t) });
    expect(ok).toBe(false);
    expect(text).toContain("no-such-sample.xlsx: no such file.");
  });
});
