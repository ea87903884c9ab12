/**
 * Builds the workbooks the recalculation tests read (test/fixtures/*.xlsx), each laid out as a
 * planner would and using both spellings of the MPS functions: `MPS.X(…)` as typed, and
 * `_xldudf_MPS_X(…)` as Excel saves an add-in's function. The expected values live in
 * test/recalc/fixtures.test.ts, worked out by hand from the textbook examples.
 *
 *   npx tsx scripts/make-fixtures.ts
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { withStoredSettings } from "../src/recalc/storedSettings";

const DIR = path.join(__dirname, "..", "test", "fixtures");
const ADDIN_ID = "b804530d-7096-4bd9-affb-1610724f20b1";

type Formula = ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
const f = (formula: string, extra: Partial<Formula> = {}): Formula => ({ formula, ...extra }) as Formula;

function labelledRow(sheet: ExcelJS.Worksheet, row: number, label: string, values: ReadonlyArray<ExcelJS.CellValue>): void {
  sheet.getCell(row, 1).value = label;
  values.forEach((v, i) => (sheet.getCell(row, i + 2).value = v));
}

async function save(workbook: ExcelJS.Workbook, name: string): Promise<Buffer> {
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await fs.writeFile(path.join(DIR, name), bytes);
  return bytes;
}

/**
 * textbook.xlsx — the MTS textbook example in rows: forecast 30×4, 40×4; orders 33, 20, 10, 4, 2;
 * on hand 64; FOQ 70. Styles, named ranges and a second sheet are there for the round trip.
 */
async function textbook(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const plan = wb.addWorksheet("Textbook");
  labelledRow(plan, 1, "Week", [1, 2, 3, 4, 5, 6, 7, 8]);
  labelledRow(plan, 2, "Forecast", [30, 30, 30, 30, 40, 40, 40, 40]);
  labelledRow(plan, 3, "Orders", [33, 20, 10, 4, 2, 0, 0, 0]);
  labelledRow(plan, 4, "On hand", [64]);
  labelledRow(plan, 5, "Lot size (FOQ)", [70]);
  labelledRow(plan, 7, "Demand", [f("_xldudf_MPS_DEMAND(B2:I2,B3:I3)")]);
  labelledRow(plan, 8, "MPS", [f('MPS.PLAN(B7:I7,B4,,"FOQ",B5)')]);
  labelledRow(plan, 9, "PAB", [f("_xldudf_MPS_PAB(B7:I7,B4,B8:I8)")]);
  labelledRow(plan, 10, "ATP", [f("MPS.ATP(B4,B8:I8,B3:I3)")]);
  // Native formulas over the spills.
  labelledRow(plan, 11, "Total MPS", [f("SUM(B8:I8)")]);
  plan.getCell("C11").value = "Lowest PAB";
  plan.getCell("D11").value = f("MIN(B9:I9)");
  // A shared formula (as Excel saves a formula filled right): MPS + 1 per week.
  labelledRow(plan, 12, "MPS + 1", [f("B8+1")]);
  for (const col of ["C", "D", "E", "F", "G", "H", "I"]) plan.getCell(`${col}12`).value = { sharedFormula: "B12" } as ExcelJS.CellValue;
  // Named ranges as arguments.
  wb.definedNames.add("Textbook!$B$2:$I$2", "Forecast");
  wb.definedNames.add("Textbook!$B$3:$I$3", "Orders");
  labelledRow(plan, 13, "Remaining forecast", [f("_xldudf_MPS_CONSUME(Forecast,Orders,0,0)")]);
  labelledRow(plan, 14, "Promise 50 in week", [f("MPS.PROMISE(50,B4,B8:I8,B3:I3)")]);
  // The whole record, padded by HyperFormula to the 10-row bound (MTS has 9 rows).
  plan.getCell("A16").value = f('MPS.TABLE(B2:I2,B3:I3,B4,0,"FOQ",B5)');
  // Styles that must survive a round trip.
  plan.getRow(1).font = { bold: true };
  plan.getCell("A8").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  plan.getCell("B11").numFmt = "#,##0.00";
  plan.getColumn(1).width = 22;
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "This sheet has no formulas; it must survive a round trip.";
  notes.getCell("A2").value = new Date(Date.UTC(2026, 0, 5));
  await save(wb, "textbook.xlsx");
}

/**
 * consume-column.xlsx — column layout: forecast 350 in three weeks, orders 130, 100, 80 →
 * remaining forecast 220, 250, 270 (window 0). D2 is saved as Excel saves a dynamic array
 * (an array anchor over D2:D4, stale values below) and must spill again, not give #SPILL!.
 */
async function consumeColumn(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Weeks");
  sheet.addRow(["Week", "Forecast", "Orders", "Remaining (saved spill)", "Remaining (lower-case udf)"]);
  sheet.addRow([1, 350, 130]);
  sheet.addRow([2, 350, 100]);
  sheet.addRow([3, 350, 80]);
  sheet.getCell("D2").value = f("_xldudf_MPS_CONSUME(B2:B4,C2:C4,0,0)", { shareType: "array", ref: "D2:D4", result: 999 });
  sheet.getCell("D3").value = 999;
  sheet.getCell("D4").value = 999;
  sheet.getCell("E2").value = f("_xldudf_mps_consume(B2:B4,C2:C4)");
  labelledRow(sheet, 6, "Total remaining", [f("SUM(D2:D4)")]);
  sheet.getCell("C6").value = f("SUM(E2:E4)-SUM(D2:D4)");
  await save(wb, "consume-column.xlsx");
}

/** bad-inputs.xlsx — inputs a planner gets wrong, each giving the error Excel would show. */
async function badInputs(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Bad");
  labelledRow(sheet, 1, "Forecast", [30, 30, 30, 30]);
  labelledRow(sheet, 2, "Orders (text)", [10, "ten", 0, 0]);
  labelledRow(sheet, 3, "Orders (negative)", [10, -5, 0, 0]);
  labelledRow(sheet, 4, "Orders (error)", [10, f("1/0"), 0, 0]);
  labelledRow(sheet, 5, "Orders", [10, 0, 0, 0]);
  // One mistake a row from row 7: what it is, and the formula that meets it.
  const mistakes: Array<[label: string, formula: string]> = [
    ["text in orders", "MPS.CONSUME(B1:E1,B2:E2)"],
    ["negative order", "_xldudf_MPS_CONSUME(B1:E1,B3:E3)"],
    ["#DIV/0! in orders", "MPS.CONSUME(B1:E1,B4:E4)"],
    ["unknown lot rule", 'MPS.PLAN(B1:E1,0,0,"XYZ",10)'],
    ["missing on hand", "MPS.PAB(B1:E1,,B5:E5)"],
    ["two-dimensional forecast", "MPS.CONSUME(B1:E2,B5:E5)"],
    ["promise beyond horizon", "MPS.PROMISE(1000,0,B5:E5,B5:E5)"],
    ["blocked spill", "MPS.CONSUME(B1:E1,B5:E5)"],
    ["SUM over an error", "SUM(B7:E7)"],
  ];
  mistakes.forEach(([label, formula], i) => labelledRow(sheet, 7 + i, label, [f(formula)]));
  sheet.getCell("D14").value = "in the way"; // blocks the spill of row 14
  await save(wb, "bad-inputs.xlsx");
}

/**
 * settings.xlsx — the task pane saved a backward window of 2 in the workbook. Forecast 30 in
 * four weeks, one order of 50 in week 4: with window 0 the remaining forecast is 30, 30, 30, 0;
 * with 2 periods backward the order also consumes 20 of week 3 → 30, 30, 10, 0.
 */
async function settings(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Plan");
  labelledRow(sheet, 1, "Forecast", [30, 30, 30, 30]);
  labelledRow(sheet, 2, "Orders", [0, 0, 0, 50]);
  labelledRow(sheet, 3, "Remaining (workbook settings)", [f("_xldudf_MPS_CONSUME(B1:E1,B2:E2)")]);
  labelledRow(sheet, 4, "Remaining (window 0 given)", [f("MPS.CONSUME(B1:E1,B2:E2,0,0)")]);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const stored = JSON.stringify({ version: 1, model: "MTS", backward: 2, forward: 0, mode: "backward-forward", demandTimeFence: 0, planningTimeFence: 0, atpMethod: "discrete" });
  await fs.writeFile(path.join(DIR, "settings.xlsx"), await withStoredSettings(bytes, stored, ADDIN_ID));
  // Same workbook without the settings part: defaults apply.
  await fs.writeFile(path.join(DIR, "settings-none.xlsx"), bytes);
  // A --settings file that puts the window back to 0.
  await fs.writeFile(path.join(DIR, "settings-window0.json"), JSON.stringify({ version: 1, backward: 0, forward: 0 }, null, 2) + "\n");
}

/** Workbooks the CLI must refuse with a clear message. */
async function refusals(): Promise<void> {
  const unknown = new ExcelJS.Workbook();
  const u = unknown.addWorksheet("Plan");
  labelledRow(u, 1, "Forecast", [30, 30]);
  u.getCell("B2").value = f("MPS.FORECASTX(B1:C1)");
  u.getCell("B3").value = f("NOSUCHFUNCTION(1)");
  await save(unknown, "unknown-function.xlsx");

  const circular = new ExcelJS.Workbook();
  const c = circular.addWorksheet("Plan");
  labelledRow(c, 1, "Forecast", [f("B2+1"), 30]);
  labelledRow(c, 2, "Orders", [f("B1*2"), 0]);
  await save(circular, "circular.xlsx");

  // What an encrypted (password-protected) .xlsx starts with: an OLE compound file holding an
  // "EncryptionInfo" stream. Only the parts the check reads are real; Excel would not open it.
  const ole = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole, 0);
  Buffer.from("EncryptionInfo", "utf16le").copy(ole, 1024);
  await fs.writeFile(path.join(DIR, "encrypted.xlsx"), ole);
  await fs.writeFile(path.join(DIR, "not-a-workbook.xlsx"), "Week,Forecast\n1,30\n");
}

async function main(): Promise<void> {
  await fs.mkdir(DIR, { recursive: true });
  await textbook();
  await consumeColumn();
  await badInputs();
  await settings();
  await refusals();
  process.stdout.write(`Fixtures written to ${path.relative(process.cwd(), DIR)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`make-fixtures: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
