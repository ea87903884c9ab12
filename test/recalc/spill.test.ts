/**
 * Spill areas as Excel has them: an MPS.TABLE takes exactly its rows (9, or 10 for ATO), so a
 * planner's note right under it stays a note; the area is only kept larger where the formula
 * text cannot tell (the model comes from a cell).
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { values } from "./helpers";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "mps-spill-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A sheet with forecast in B1:E1, orders in B2:E2, a formula in A4 and a note under its 9 rows. */
async function workbook(formula: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Plan");
  sheet.getRow(1).values = ["Forecast", 10, 10, 10, 10];
  sheet.getRow(2).values = ["Orders", 4, 12, 0, 0];
  sheet.getCell("G1").value = "ATO";
  sheet.getCell("H1").value = "MTS";
  sheet.getCell("I1").value = { formula: 'LOWER("MTS")' } as ExcelJS.CellFormulaValue;
  sheet.getCell("A4").value = { formula } as ExcelJS.CellFormulaValue;
  sheet.getCell("A13").value = "note under the table";
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

describe("MPS.TABLE spill area", () => {
  it("takes 9 rows for MTS, leaving the cell below free", async () => {
    const v = await values(await workbook("MPS.TABLE(B1:E1,B2:E2,10)"));
    expect(v["Plan!A4"]).toBe("Forecast");
    expect(v["Plan!A12"]).toBe("ATP");
    expect(v["Plan!A13"]).toBeUndefined(); // a plain value, not a formula result
  });

  it("sizes a table without a model argument from the settings' model", async () => {
    const file = await workbook("MPS.TABLE(B1:E1,B2:E2,10,0,\"LFL\")");
    const settingsFile = path.join(dir, "ato.json");
    writeFileSync(settingsFile, JSON.stringify({ model: "ATO" }));
    expect((await values(file))["Plan!A12"]).toBe("ATP");
    expect((await values(file, { settingsFile }))["Plan!A4"]).toBe("#SPILL!");
  });

  it("takes 10 rows for a literal ATO, so a note in the 10th row blocks the spill", async () => {
    const v = await values(await workbook("MPS.TABLE(B1:E1,B2:E2,10,0,\"LFL\",,\"ATO\")"));
    expect(v["Plan!A4"]).toBe("#SPILL!");
  });

  it("names the cell in the way of a blocked spill, as Excel's 'Spill range isn't blank' does", async () => {
    const result = await recalcWorkbook(await workbook("MPS.TABLE(B1:E1,B2:E2,10,0,\"LFL\",,\"ATO\")"));
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const anchor = result.value.cells.find((cell) => cell.key === "Plan!A4");
    // forecast of 4 periods: a label column and 4 period columns, 10 rows for ATO from A4 → A4:E13
    expect(anchor?.error).toEqual({
      type: "SPILL",
      message: "Plan!A4: the result needs A4:E13 (10 × 5 cells), but A13 is not empty; clear A13 or move the formula.",
    });
  });

  it("reads the model from the cell it comes from: ATO there takes 10 rows", async () => {
    // G1 holds "ATO"
    const v = await values(await workbook("MPS.TABLE(B1:E1,B2:E2,10,0,\"LFL\",,G1)"));
    expect(v["Plan!A4"]).toBe("#SPILL!");
  });

  it("reads the model from the cell it comes from: MTS there takes 9 rows", async () => {
    // H1 holds "MTS"
    const v = await values(await workbook("MPS.TABLE(B1:E1,B2:E2,10,0,\"LFL\",,H1)"));
    expect(v["Plan!A12"]).toBe("ATP");
  });

  it("keeps room for Final assembly when the model is computed by a formula", async () => {
    // I1 is a formula; only evaluation could tell its value
    const v = await values(await workbook("MPS.TABLE(B1:E1,B2:E2,10,0,\"LFL\",,I1)"));
    expect(v["Plan!A4"]).toBe("#SPILL!");
  });
});
