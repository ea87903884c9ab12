/**
 * Builds assets/sample-plan.xlsx, the planning workbook a new user opens first: three items over
 * 52 weekly periods, inputs in labelled rows as a planner lays them out, and MPS.* formulas —
 * a make-to-stock item, an assemble-to-order family with its options and planning bill
 * (MPS.EXPLODE), and a make-to-order item. Formulas are written both as typed (`MPS.TABLE(…)`)
 * and as Excel saves an add-in's functions (`_xldudf_MPS_TABLE(…)`). The workbook is then
 * recalculated headless so it opens with values even before the add-in loads.
 *
 *   npx tsx scripts/make-sample.ts
 */
import path from "path";
import ExcelJS from "exceljs";
import { MAX_TABLE_ROWS, tableLabels, type ProductionModel } from "../src/engine";
import { DEFAULT_SETTINGS } from "../src/shared/settings";
import { columnName } from "../src/recalc/address";
import { recalcWorkbook } from "../src/recalc/recalc";

export const SAMPLE_PATH = path.join(__dirname, "..", "assets", "sample-plan.xlsx");

const WEEKS = 52;
const FIRST_WEEK = Date.UTC(2027, 0, 4); // a Monday
const FIRST_COL = 3; // C: week 1
const LAST = columnName(FIRST_COL + WEEKS - 2); // BB: week 52
const span = (row: number) => `C${row}:${LAST}${row}`;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };

/** A seasonal weekly forecast, deterministic: base ± amplitude over a 13-week season. */
function seasonal(base: number, amplitude: number, round = 5): number[] {
  return Array.from({ length: WEEKS }, (_, k) => Math.round((base + amplitude * Math.sin((2 * Math.PI * k) / 13)) / round) * round);
}

/** Customer orders: booked for the next weeks, thinning out further ahead. */
function bookedOrders(forecast: readonly number[], weeks: number, share: (k: number) => number): number[] {
  return forecast.map((f, k) => (k < weeks ? Math.round(f * share(k)) : 0));
}

interface Item {
  sheet: string;
  title: string;
  model: "MTS" | "ATO" | "MTO";
  onHand: number;
  safetyStock: number;
  lotRule: "LFL" | "FOQ" | "POQ";
  lotSize: number | null;
  forecast: number[];
  orders: number[];
  receipts: number[];
  /** How the MPS.TABLE formula is spelled in the file. */
  saved: boolean;
}

const TABLE_ROW = 14;
/** The first row left free under the largest record (row 25): what follows it on a sheet starts here. */
const BELOW = TABLE_ROW + MAX_TABLE_ROWS + 1;

/** The sheet row of a line of the MPS.TABLE record (engine/record.ts declares its rows). */
function recordRow(model: ProductionModel, label: string): number {
  const index = tableLabels({ model }).indexOf(label);
  if (index < 0) throw new Error(`MPS.TABLE has no ${label} row for ${model}`);
  return TABLE_ROW + index;
}

/** The item header, inputs and the MPS.TABLE record; returns the sheet. */
function itemSheet(wb: ExcelJS.Workbook, item: Item): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(item.sheet, { views: [{ state: "frozen", xSplit: 2, ySplit: 8 }] });
  ws.getColumn(1).width = 4;
  ws.getColumn(2).width = 24;
  for (let c = FIRST_COL; c < FIRST_COL + WEEKS; c++) ws.getColumn(c).width = 8;
  ws.getCell("B1").value = item.title;
  ws.getCell("B1").font = { bold: true, size: 14 };
  const inputs: Array<[string, ExcelJS.CellValue]> = [
    ["Production model", item.model],
    ["On hand", item.onHand],
    ["Safety stock", item.safetyStock],
    ["Lot rule", item.lotRule],
    ["Lot size", item.lotSize],
  ];
  inputs.forEach(([label, value], i) => {
    ws.getCell(2 + i, 2).value = label;
    const cell = ws.getCell(2 + i, 3);
    cell.value = value;
    cell.fill = INPUT_FILL;
  });
  ws.getCell("B8").value = "Week starting";
  for (let k = 0; k < WEEKS; k++) {
    const cell = ws.getCell(8, FIRST_COL + k);
    cell.value = new Date(FIRST_WEEK + k * 7 * 86_400_000);
    cell.numFmt = "dd-mmm";
  }
  ws.getRow(8).font = { bold: true };
  ws.getRow(8).fill = HEADER_FILL;
  const rows: Array<[number, string, number[]]> = [
    [9, "Forecast", item.forecast],
    [10, "Customer orders", item.orders],
    [11, "Scheduled receipts", item.receipts],
  ];
  for (const [row, label, values] of rows) {
    ws.getCell(row, 2).value = label;
    values.forEach((v, k) => {
      const cell = ws.getCell(row, FIRST_COL + k);
      cell.value = v;
      cell.fill = INPUT_FILL;
    });
  }
  ws.getCell("B13").value = "MPS record";
  ws.getCell("B13").font = { bold: true };
  const name = item.saved ? "_xldudf_MPS_TABLE" : "MPS.TABLE";
  ws.getCell(TABLE_ROW, 2).value = {
    formula: `${name}(${span(9)},${span(10)},C3,C4,C5,C6,C2,${span(11)})`,
  };
  ws.getCell("E2").value = "Total MPS";
  ws.getCell("F2").value = { formula: `SUM(${span(recordRow(item.model, "MPS"))})` };
  ws.getCell("E3").value = "Lowest PAB";
  ws.getCell("F3").value = { formula: `MIN(${span(recordRow(item.model, "PAB"))})` };
  ws.getCell("E4").value = "Earliest week for 100 more";
  ws.getCell("F4").value = { formula: `MPS.PROMISE(100,C3,${span(recordRow(item.model, "MPS"))},${span(10)})` };
  return ws;
}

/** Pegging at the foot of a sheet, where its spill area has room. */
function pegging(ws: ExcelJS.Worksheet, row: number, saved: boolean): void {
  ws.getCell(row, 2).value = "Pegging: which forecast each order consumed";
  ws.getCell(row, 2).font = { bold: true };
  ws.getCell(row + 1, 2).value = { formula: `${saved ? "_xldudf_MPS_PEG" : "MPS.PEG"}(${span(9)},${span(10)},1,1)` };
}

function readMe(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Settings");
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 90;
  const lines: Array<[string, string]> = [
    ["Chain Crafter MPS — sample planning workbook", ""],
    ["", ""],
    ["What is here", "Three items, 52 weekly periods each. Yellow cells are inputs; every other number is an MPS.* formula."],
    ["MTS - Bike", "Make to stock: MPS.TABLE plans against forecast and orders (FOQ lots), cumulative ATP, pegging."],
    ["ATO - Chair", "Assemble to order: the family MPS (with its Final assembly row) and a planning bill that explodes the family forecast into option forecasts with MPS.EXPLODE (10% hedge), planned lot for lot with MPS.PLAN."],
    ["MTO - Press", "Make to order: only customer orders drive the MPS."],
    ["", ""],
    ["Planning settings", "Arguments left empty (consumption window and mode, fences, ATP method, production model) take the workbook's settings, set in the MPS task pane and saved in the workbook. This sample has none saved, so the defaults apply:"],
    ...Object.entries(DEFAULT_SETTINGS).map(([name, value]): [string, string] => [`  ${name}`, String(value)]),
    ["", ""],
    ["Without Excel", "npm run recalc -- assets/sample-plan.xlsx   (add --json, --out <file>, --sheet <name>, --settings <file.json>)"],
    ["Regenerate", "npx tsx scripts/make-sample.ts"],
  ];
  lines.forEach(([a, b], i) => {
    ws.getCell(i + 1, 1).value = a;
    ws.getCell(i + 1, 2).value = b;
    ws.getCell(i + 1, 2).alignment = { wrapText: true, vertical: "top" };
  });
  ws.getCell("A1").font = { bold: true, size: 14 };
}

export async function buildSample(target = SAMPLE_PATH): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chain Crafter MPS";
  wb.created = new Date(Date.UTC(2027, 0, 1));
  wb.modified = wb.created;
  readMe(wb);

  const bikeForecast = seasonal(120, 30);
  const bike = itemSheet(wb, {
    sheet: "MTS - Bike",
    title: "BX-200 city bike (make to stock)",
    model: "MTS",
    onHand: 180,
    safetyStock: 40,
    lotRule: "FOQ",
    lotSize: 250,
    forecast: bikeForecast,
    orders: bookedOrders(bikeForecast, 8, (k) => 1.1 - k * 0.12),
    receipts: Array.from({ length: WEEKS }, (_, k) => (k === 1 ? 150 : 0)),
    saved: true,
  });
  bike.getCell(BELOW, 2).value = "Cumulative ATP";
  bike.getCell(BELOW, 3).value = { formula: `MPS.ATP(C3,${span(recordRow("MTS", "MPS"))},${span(10)},"cumulative")` };
  pegging(bike, BELOW + 2, true);

  const chairForecast = seasonal(200, 40, 10);
  const chair = itemSheet(wb, {
    sheet: "ATO - Chair",
    title: "Ergo chair family (assemble to order)",
    model: "ATO",
    onHand: 60,
    safetyStock: 0,
    lotRule: "LFL",
    lotSize: null,
    forecast: chairForecast,
    orders: bookedOrders(chairForecast, 4, (k) => 0.9 - k * 0.2),
    receipts: new Array(WEEKS).fill(0),
    saved: false,
  });
  chair.getCell(BELOW, 2).value = "Planning bill (attach rate)";
  chair.getCell(BELOW, 2).font = { bold: true };
  const options: Array<[string, number]> = [
    ["Mesh back", 0.6],
    ["Leather back", 0.4],
    ["Armrests", 0.75],
  ];
  const rates = BELOW + 1;
  const hedges = rates + options.length;
  options.forEach(([name, rate], i) => {
    chair.getCell(rates + i, 1).value = rate;
    chair.getCell(rates + i, 1).numFmt = "0%";
    chair.getCell(rates + i, 1).fill = INPUT_FILL;
    chair.getCell(rates + i, 2).value = name;
    chair.getCell(hedges + i, 2).value = `${name} (hedge)`;
  });
  chair.getColumn(1).width = 7;
  chair.getCell(rates, 3).value = { formula: `_xldudf_MPS_EXPLODE(${span(9)},A${rates}:A${hedges - 1},0.1)` };
  chair.getCell(hedges + options.length + 1, 2).value = "Mesh back MPS (base + hedge, LFL)";
  chair.getCell(hedges + options.length + 1, 3).value = { formula: `MPS.PLAN(${span(rates)}+${span(hedges)},25)` };

  const pressForecast = seasonal(12, 4, 1);
  const press = itemSheet(wb, {
    sheet: "MTO - Press",
    title: "HP-9 hydraulic press (make to order)",
    model: "MTO",
    onHand: 2,
    safetyStock: 0,
    lotRule: "LFL",
    lotSize: null,
    forecast: pressForecast,
    orders: bookedOrders(pressForecast, 12, (k) => (k % 3 === 0 ? 1.5 : 0.5)),
    receipts: new Array(WEEKS).fill(0),
    saved: true,
  });
  pegging(press, BELOW + 1, false);

  await wb.xlsx.writeFile(target);
  const recalculated = await recalcWorkbook(target, { out: target });
  if (!recalculated.ok) throw new Error(recalculated.problems.join("\n"));
}

if (require.main === module) {
  buildSample().then(
    () => process.stdout.write(`Wrote ${path.relative(process.cwd(), SAMPLE_PATH)}\n`),
    (error: unknown) => {
      process.stderr.write(`make-sample: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
