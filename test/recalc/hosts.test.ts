/**
 * The headless recalculation follows Excel's rules for the MPS functions (issue #10, #16 §6):
 * an argument that refers to an empty cell is 0 and one left out takes the workbook's
 * setting; an error value in an input is shown as it is (Excel does not call a custom function
 * with an error input); messages name cells by address; a result larger than a sheet or the
 * cell budget is refused in one cell instead of sizing a spill for it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { values } from "./helpers";

let dir: string;
let settingsFile: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mps-hosts-"));
  // The workbook's window is 1/1: an argument left out takes it.
  settingsFile = path.join(dir, "window.json");
  writeFileSync(settingsFile, JSON.stringify({ backward: 1, forward: 1 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Forecast 350 × 4 in B1:E1, orders 300, 500, 280, 0 in B2:E2, an empty P1, formulas from A4 down. */
async function workbook(formulas: readonly string[], extra?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Plan");
  sheet.getRow(1).values = ["Forecast", 350, 350, 350, 350];
  sheet.getRow(2).values = ["Orders", 300, 500, 280, 0];
  formulas.forEach((formula, i) => (sheet.getCell(`A${4 + 2 * i}`).value = { formula } as ExcelJS.CellFormulaValue));
  extra?.(sheet);
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

const line = (v: Record<string, unknown>, r: number) => ["A", "B", "C", "D"].map((c) => v[`Plan!${c}${r}`]);

describe("the headless host and empty cells", () => {
  it("plans with 0 from an empty referenced cell and with the workbook's window for an argument left out", async () => {
    const file = await workbook(["MPS.CONSUME(B1:E1,B2:E2,P1,P1)", "MPS.CONSUME(B1:E1,B2:E2,,)", "MPS.CONSUME(B1:E1,B2:E2)"]);
    const v = await values(file, { settingsFile });
    // window 0/0: 50, 0, 70, 350; window 1/1: 0, 0, 0, 320
    expect(line(v, 4)).toEqual([50, 0, 70, 350]);
    expect(line(v, 6)).toEqual([0, 0, 0, 320]);
    expect(line(v, 8)).toEqual([0, 0, 0, 320]);
  });

  it("plans with on hand 0 from an empty on-hand cell, as Excel does", async () => {
    const file = await workbook(["MPS.PAB(B1:E1,P1,B2:E2)"]);
    // 0 + 300 − 350 = −50, −50 + 500 − 350 = 100, 100 + 280 − 350 = 30, 30 − 350 = −320
    expect(line(await values(file), 4)).toEqual([-50, 100, 30, -320]);
  });
});

describe("the headless host and errors", () => {
  it("shows an input's error value as it is, as Excel does without calling the function", async () => {
    const file = await workbook(["MPS.CONSUME(B1:E1,B3:E3)"], (sheet) => {
      sheet.getRow(3).values = ["Orders", 1, { formula: "1/0" } as ExcelJS.CellFormulaValue, 0, 0];
    });
    expect((await values(file))["Plan!A4"]).toBe("#DIV/0!");
  });

  it("names the refused cell by its address, with its sheet when it is another one", async () => {
    const file = await workbook(["MPS.CONSUME(B1:E1,B3:E3)"], (sheet) => {
      sheet.getRow(3).values = ["Orders", 1, 2, "ten", 0];
      const other = sheet.workbook.addWorksheet("Summary");
      other.getCell("A1").value = { formula: "MPS.CONSUME(Plan!B1:E1,Plan!B3:E3)" } as ExcelJS.CellFormulaValue;
      other.getCell("A3").value = { formula: "MPS.CONSUME(Plan!B1:E1,Plan!B3:C3)" } as ExcelJS.CellFormulaValue;
    });
    const result = await recalcWorkbook(file);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const message = (key: string) => result.value.cells.find((c) => c.key === key)?.error?.message;
    expect(message("Plan!A4")).toMatch(/^orders: cell D3 is text 'ten'/);
    expect(message("Summary!A1")).toMatch(/^orders: cell Plan!D3 is text 'ten'/);
    expect(message("Summary!A3")).toBe("orders (Plan!B3:C3, 2 cells) is shorter than forecast (4): extend orders to 4 cells (Plan!B3:E3)");
  });
});

describe("the headless host and ranges of any shape", () => {
  it("names an order line and a cell of a block by address, and reads an empty on-hand cell of MPS.LEVEL as 0", async () => {
    const file = await workbook(["MPS.BUCKET(G1:G3,H1:H3,J1:L1)", "MPS.LOAD(B1:C1,J3:K4)", "MPS.LEVEL(J6:K6,P1,J7:K7)"], (sheet) => {
      sheet.getCell("G1").value = 45292;
      sheet.getCell("G2").value = 45293;
      sheet.getCell("G3").value = "next week";
      for (const [i, quantity] of [1, 2, 3].entries()) sheet.getCell(`H${i + 1}`).value = quantity;
      sheet.getRow(1).getCell("J").value = 45292;
      sheet.getRow(1).getCell("K").value = 45299;
      sheet.getRow(1).getCell("L").value = 45306;
      sheet.getCell("J3").value = 1;
      sheet.getCell("K3").value = 2;
      sheet.getCell("J4").value = 3;
      sheet.getCell("K4").value = -4;
      sheet.getCell("J6").value = 20;
      sheet.getCell("K6").value = 40;
      sheet.getCell("J7").value = 50;
      sheet.getCell("K7").value = 50;
    });
    const result = await recalcWorkbook(file);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const message = (key: string) => result.value.cells.find((c) => c.key === key)?.error?.message;
    expect(message("Plan!A4")).toBe("dates: cell G3 is text 'next week'; enter a date (a date typed as text is not read)");
    expect(message("Plan!A6")).toBe("bill: cell K4 is -4; quantities must be 0 or more");
    // demand 20, 40 within a capacity of 50 from on hand 0 (P1 is empty): 20, 40
    const v = await values(file);
    expect([v["Plan!A8"], v["Plan!B8"]]).toEqual([20, 40]);
  });
});

describe("the headless host and results too large for a sheet", () => {
  it("refuses MPS.EXPLODE over whole columns in its own cell, with the message, instead of sizing a spill", async () => {
    const file = await workbook(["MPS.EXPLODE(B:B,C:C)"]);
    const result = await recalcWorkbook(file);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const cell = result.value.cells.find((c) => c.key === "Plan!A4");
    expect(cell?.value).toBe("#VALUE!");
    expect(cell?.error?.message).toMatch(/^MPS.EXPLODE: the result would take 1,048,576 rows × 1,048,576 columns, more than the 16,384 columns of a sheet/);
  });
});
