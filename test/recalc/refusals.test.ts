/**
 * A formula that cannot be recalculated as Excel would is refused for that cell only: it keeps
 * the value Excel saved, the formulas that read it compute from that value, and `--out` leaves it
 * as it was. Everything else in the workbook is recalculated.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { saveWorkbook } from "./helpers";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-refusals-"));
  file = await saveWorkbook(dir, (book) => {
    const sheet = book.addWorksheet("Plan");
    sheet.getCell("A1").value = 4;
    // As Excel saved it: FOOBAR (an add-in this machine lacks) showed 5.
    sheet.getCell("B1").value = { formula: "FOOBAR(A1)", result: 5 } as never;
    sheet.getCell("C1").value = { formula: "B1*10", result: 50 } as never;
    sheet.getCell("D1").value = { formula: "C1+A1", result: 54 } as never;
    sheet.getCell("E1").value = { formula: "A1*2", result: 0 } as never; // stale: recalculated to 8
  });
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("a refused cell", () => {
  it("keeps its saved value, and its dependents compute from it", async () => {
    const result = await recalcWorkbook(file);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const { cells, refused } = result.value.evaluation;
    expect(refused).toEqual([
      expect.objectContaining({ key: "Plan!B1", reason: "Plan!B1: unknown function FOOBAR.", cached: 5, dependents: ["Plan!C1", "Plan!D1"] }),
    ]);
    expect(Object.fromEntries(cells.map((c) => [c.key, c.value]))).toEqual({ "Plan!C1": 50, "Plan!D1": 54, "Plan!E1": 8 });
  });

  it("is left as it was by --out, while the others get their new values", async () => {
    const out = path.join(dir, "out.xlsx");
    const result = await recalcWorkbook(file, { out });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet("Plan")!;
    expect([sheet.getCell("B1").formula, sheet.getCell("B1").result]).toEqual(["FOOBAR(A1)", 5]);
    expect(sheet.getCell("E1").result).toBe(8);
  });
});
