/**
 * The sample planning workbook (assets/sample-plan.xlsx, made by scripts/make-sample.ts) and
 * what `npm start` prints from it on a machine without Excel. The cached values are checked two
 * ways: against today's engine (a staleness check: the file was regenerated after the engine
 * changed) and, for a few cells, against numbers worked out by hand (a correctness check).
 */
import { existsSync } from "fs";
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

  it("is a file in assets/, where npm start finds it", () => {
    expect(path.relative(ROOT, path.dirname(SAMPLE_WORKBOOK))).toBe("assets");
    expect(existsSync(SAMPLE_WORKBOOK)).toBe(true);
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

  it("is not stale: its cached values are what today's engine computes (else: npx tsx scripts/make-sample.ts)", async () => {
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

  // MTS - Bike: on hand 180, safety stock 40, FOQ 250, window 0/0; weeks 1–3 forecast 120, 135,
  // 145, orders 132, 132, 125, a receipt of 150 in week 2.
  //   demand  = max(forecast, orders)         132, 135, 145
  //   PAB     = 180−132 = 48; 48+150−135 = 63; 63−145 = −82 < 40 → one lot of 250: 168
  //   MPS     = 0, 0, 250
  //   ATP     = week 1: 180 − 132 = 48; week 2 (the receipt starts a block): 150 − 132 = 18
  it("holds hand-worked numbers in the MTS item's record, weeks 1–3", async () => {
    const sheet = workbook.getWorksheet("MTS - Bike")!;
    const row = (r: number) => ["C", "D", "E"].map((c) => sheet.getCell(`${c}${r}`).value);
    const recalculated = await recalcWorkbook(SAMPLE_WORKBOOK);
    if (!recalculated.ok) throw new Error(recalculated.problems.join("\n"));
    const computed = (r: number) => ["C", "D", "E"].map((c) => recalculated.value.cells.find((x) => x.key === `MTS - Bike!${c}${r}`)?.value);
    for (const values of [row, computed]) {
      expect(values(18)).toEqual([132, 135, 145]);
      expect(values(20)).toEqual([48, 63, 168]);
      expect(values(21)).toEqual([0, 0, 250]);
      expect(values(22).slice(0, 2)).toEqual([48, 18]);
    }
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
