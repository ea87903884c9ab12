/**
 * Workbooks as Excel saves them in less common shapes: shared formulas over text that looks
 * like a reference, sheet names with quotes, unknown functions hidden by IFERROR, and the 1904
 * date system of Mac workbooks.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { runCli, saveWorkbook, values } from "./helpers";

let dir: string;
beforeAll(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-kinds-"))));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("shared formulas", () => {
  it("move references but not text that looks like one", async () => {
    const file = await saveWorkbook(dir, (book) => {
      const sheet = book.addWorksheet("Plan");
      for (let r = 1; r <= 3; r++) sheet.getCell(r, 1).value = r;
      sheet.getCell("B1").value = { formula: 'A1*2&" A1"', shareType: "shared", ref: "B1:B3", result: "" } as never;
      for (let r = 2; r <= 3; r++) sheet.getCell(r, 2).value = { sharedFormula: "B1", result: "" } as never;
    });
    const v = await values(file);
    expect([v["Plan!B1"], v["Plan!B2"], v["Plan!B3"]]).toEqual(["2 A1", "4 A1", "6 A1"]);
  });
});

describe("sheet names in quotes", () => {
  it("may hold a double quote", async () => {
    const file = await saveWorkbook(dir, (book) => {
      book.addWorksheet('Pipe 5"').getCell("B2").value = 7;
      book.addWorksheet("Sum").getCell("A1").value = { formula: `'Pipe 5"'!B2+_xldudf_MPS_DEMAND('Pipe 5"'!B2:C2,'Pipe 5"'!B3:C3)&"x"` } as never;
    });
    expect((await values(file))["Sum!A1"]).toBe("14x");
  });
});

describe("unknown functions", () => {
  it("are refused even inside IFERROR or ISERROR", async () => {
    const file = await saveWorkbook(dir, (book) => {
      const sheet = book.addWorksheet("Plan");
      sheet.getCell("A1").value = 4;
      sheet.getCell("B1").value = { formula: "IFERROR(FOOBAR(A1),0)" } as never;
      sheet.getCell("B2").value = { formula: "ISERROR(_xldudf_MPS_TABEL(A1))" } as never;
      sheet.getCell("B3").value = { formula: 'IFERROR(A1,"NOPE(")' } as never;
    });
    const run = await runCli([file, "--strict"]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("mps-recalc: Plan!B1: unknown function FOOBAR.");
    expect(run.stderr).toContain("mps-recalc: Plan!B2: unknown function MPS.TABEL; the MPS functions are MPS.CONSUME");
    expect(run.stderr).not.toContain("NOPE");
  });
});

describe("the 1904 date system", () => {
  it("keeps dates and date arithmetic in the workbook's own serial numbers", async () => {
    const file = await saveWorkbook(dir, (book) => {
      book.properties.date1904 = true;
      const sheet = book.addWorksheet("Plan");
      sheet.getCell("A1").value = new Date(Date.UTC(2024, 0, 1));
      sheet.getCell("A2").value = 43_830; // 1 Jan 2024 as a 1904 serial
      sheet.getCell("B1").value = { formula: "A1+7" } as never;
      sheet.getCell("B2").value = { formula: "YEAR(A1)*10000+MONTH(A1)*100+DAY(A1)" } as never;
      sheet.getCell("B3").value = { formula: "DATE(2024,1,8)-A2" } as never;
    });
    const out = path.join(dir, "d1904-out.xlsx");
    const result = await recalcWorkbook(file, { out });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const v = Object.fromEntries(result.value.cells.map((c) => [c.key, c.value]));
    expect(v).toEqual({ "Plan!B1": 43_837, "Plan!B2": 20_240_101, "Plan!B3": 7 });
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.readFile(out);
    expect(reopened.properties.date1904).toBe(true);
    expect(reopened.getWorksheet("Plan")!.getCell("B1").result).toBe(43_837);
  });
});
