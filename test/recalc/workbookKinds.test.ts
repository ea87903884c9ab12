/**
 * Workbooks as Excel saves them in less common shapes: shared formulas over text that looks
 * like a reference, sheet names with quotes, unknown functions hidden by IFERROR, and the 1904
 * date system of Mac workbooks.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { openWorkbook } from "../../src/recalc/readWorkbook";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { toEngineInput } from "../../src/recalc/toSheets";
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

describe("what the file saved besides the cells evaluated", () => {
  it("keeps formulas' cached values, saved spills (clamped to the sheet), and hidden rows", async () => {
    const file = await saveWorkbook(
      dir,
      (book) => {
        book.addWorksheet("Plan").getCell("A1").value = 0;
      },
      async (zip) => {
        const part = "xl/worksheets/sheet1.xml";
        const xml = await zip.file(part)!.async("string");
        const sheetData =
          '<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" cm="1"><f t="array" ref="B1:B3">SEQUENCE(3)</f><v>1</v></c>' +
          '<c r="C1" cm="1"><f t="array" ref="C1:XFD1048576">SEQUENCE(2)</f><v>1</v></c></row>' +
          '<row r="2" hidden="1"><c r="B2"><v>2</v></c><c r="C2"><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c></row></sheetData>';
        zip.file(part, xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, sheetData));
      },
    );
    const opened = await openWorkbook(file);
    if (!opened.ok) throw new Error(opened.problems.join("\n"));
    const input = toEngineInput(opened.value.book, opened.value.budget);
    if (!input.ok) throw new Error(input.problems.join("\n"));
    const { saved, sheets } = input.value;
    expect(saved.value("Plan", 0, 0)).toBe(2);
    // B2 and B3 are the saved spill: emptied for HyperFormula, kept here.
    expect([sheets.Plan[1]?.[1], saved.value("Plan", 1, 1), saved.value("Plan", 2, 1)]).toEqual([undefined, 2, 3]);
    expect(saved.spill("Plan", 0, 1)).toEqual({ top: 0, left: 1, bottom: 2, right: 1 });
    expect(saved.spill("Plan", 0, 2)).toEqual({ top: 0, left: 2, bottom: 2, right: 2 });
    expect([saved.isHiddenRow("Plan", 1), saved.isHiddenRow("Plan", 2)]).toEqual([true, false]);
  });
});
