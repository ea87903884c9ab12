/**
 * Builds assets/sample-plan.xlsx, the planning workbook a new user opens first, laid out as a
 * planner's workbook is: an **Items** item master (one row per item, per-item fences, window
 * and ATP method), an **Orders** sheet of order lines (order number, customer, item, date,
 * quantity), and one sheet per item over 52 dated weeks where `MPS.BUCKET` sums the item's
 * order lines per week and `MPS.TABLE` plans from the item's item master row — a make-to-stock
 * bike (quotes promised line by line from its record, with dates), an assemble-to-order chair
 * family with a planning bill (`MPS.EXPLODE`) and its mesh-back option (`MPS.PLAN`), and a
 * make-to-order press (a quote promised by lead time); and a sheet where three bikes share one
 * assembly line (`MPS.LOAD`, `MPS.LEVEL`). Formulas are written both as typed (`MPS.TABLE(…)`)
 * and as Excel saves an add-in's functions (`_xldudf_MPS_TABLE(…)`). The workbook is then
 * recalculated headless so it opens with values even before the add-in loads; every number in
 * it is checked against hand-worked values in test/recalc/samples.test.ts.
 *
 *   npm run make:sample
 */
import path from "path";
import ExcelJS from "exceljs";
import { LARGEST_TABLE_ROWS, tableLabels, type ProductionModel, type RecordShape } from "../src/engine";
import { DEFAULT_SETTINGS, SETTING_DESCRIPTIONS } from "../src/shared/settings";
import { columnName } from "../src/recalc/address";
import { recalcWorkbook } from "../src/recalc/recalc";

export const SAMPLE_PATH = path.join(__dirname, "..", "assets", "sample-plan.xlsx");

const WEEKS = 52;
const DAY = 86_400_000;
const FIRST_WEEK = Date.UTC(2027, 0, 4); // a Monday
const FIRST_COL = 3; // C: week 1
const LAST = columnName(FIRST_COL + WEEKS - 2); // BB: week 52
const span = (row: number) => `C${row}:${LAST}${row}`;
const weekStart = (k: number) => new Date(FIRST_WEEK + k * 7 * DAY);

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const DATE_FORMAT = "dd-mmm";

/** A seasonal weekly forecast, deterministic: base ± amplitude over a 13-week season. */
function seasonal(base: number, amplitude: number, round = 5): number[] {
  return Array.from({ length: WEEKS }, (_, k) => Math.round((base + amplitude * Math.sin((2 * Math.PI * k) / 13)) / round) * round);
}

/** Customer orders per week: booked for the next weeks, thinning out further ahead. */
function bookedOrders(forecast: readonly number[], weeks: number, share: (k: number) => number): number[] {
  return forecast.map((f, k) => (k < weeks ? Math.round(f * share(k)) : 0));
}

// ---------------------------------------------------------------------------------------------
// The item master

export const ITEMS_SHEET = "Items";
export const ORDERS_SHEET = "Orders";

/** The Items sheet's columns: the item master headers MPS.TABLE and MPS.PLAN read (and three they ignore). */
export const ITEM_HEADERS = [
  "Item",
  "Description",
  "Sheet",
  "Model",
  "On hand",
  "Safety stock",
  "Lot rule",
  "Lot size",
  "Min lot",
  "Max lot",
  "Lead time",
  "Demand time fence",
  "Planning time fence",
  "Backward",
  "Forward",
  "ATP method",
] as const;
type ItemHeader = (typeof ITEM_HEADERS)[number];
type ItemRow = Record<ItemHeader, string | number | null>;

/** The items, in the Items sheet's order (row 2 on). */
export const ITEMS: readonly ItemRow[] = [
  {
    Item: "BX-200",
    Description: "BX-200 city bike",
    Sheet: "MTS - Bike",
    Model: "MTS",
    "On hand": 180,
    "Safety stock": 40,
    "Lot rule": "FOQ",
    "Lot size": 250,
    "Min lot": null,
    "Max lot": null,
    "Lead time": 1,
    "Demand time fence": 2,
    "Planning time fence": 2,
    Backward: 1,
    Forward: 1,
    "ATP method": "discrete",
  },
  {
    Item: "CH-10",
    Description: "Ergo chair family",
    Sheet: "ATO - Chair",
    Model: "ATO",
    "On hand": 60,
    "Safety stock": 0,
    "Lot rule": "LFL",
    "Lot size": null,
    "Min lot": 200,
    "Max lot": 220,
    "Lead time": 1,
    "Demand time fence": 1,
    "Planning time fence": 1,
    Backward: 0,
    Forward: 0,
    "ATP method": "discrete",
  },
  {
    Item: "CH-10-M",
    Description: "Chair option: mesh back",
    Sheet: "ATO - Chair",
    Model: "ATO",
    "On hand": 25,
    "Safety stock": 0,
    "Lot rule": "LFL",
    "Lot size": null,
    "Min lot": null,
    "Max lot": null,
    "Lead time": 1,
    "Demand time fence": 0,
    "Planning time fence": 0,
    Backward: 0,
    Forward: 0,
    "ATP method": "discrete",
  },
  {
    Item: "HP-9",
    Description: "HP-9 hydraulic press",
    Sheet: "MTO - Press",
    Model: "MTO",
    "On hand": 2,
    "Safety stock": 0,
    "Lot rule": "LFL",
    "Lot size": null,
    "Min lot": null,
    "Max lot": null,
    "Lead time": 2,
    "Demand time fence": 0,
    "Planning time fence": 2,
    Backward: 0,
    Forward: 0,
    "ATP method": "discrete",
  },
];

/** The Items sheet: headers in row 1, one item a row, inputs in yellow. */
function itemsSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(ITEMS_SHEET, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  ITEM_HEADERS.forEach((header, c) => {
    const cell = ws.getCell(1, c + 1);
    cell.value = header;
    cell.alignment = { wrapText: true, vertical: "top" };
    ws.getColumn(c + 1).width = c === 1 ? 24 : 12;
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  ws.getRow(1).height = 30;
  ITEMS.forEach((item, r) =>
    ITEM_HEADERS.forEach((header, c) => {
      const cell = ws.getCell(r + 2, c + 1);
      cell.value = item[header];
      if (c >= 3) cell.fill = INPUT_FILL;
    }),
  );
  const notes = [
    "The item master: MPS.TABLE and MPS.PLAN read an item's row by its headers when given a header row and the item's value row in place of on hand",
    "(each item sheet links its row in rows 2–3 and passes them: =MPS.TABLE(forecast, orders, C2:R3, , , , , receipts)).",
    "A value here wins over the workbook's settings for this item (fences, window, ATP method); an argument typed in a formula wins over it.",
    "Item, Description and Sheet are not planning headers: MPS.TABLE ignores them. A blank Lot size, Min lot or Max lot means none.",
  ];
  notes.forEach((note, i) => (ws.getCell(ITEMS.length + 3 + i, 1).value = note));
}

/** The Items sheet row of an item (1-based), and its column letter for a header. */
const itemRow = (code: string) => ITEMS.findIndex((item) => item.Item === code) + 2;

/** On an item sheet: the item master row linked from Items, headers in `row`, values below, columns C..R. */
const MASTER_FIRST = 3; // C
const masterColumn = (header: ItemHeader) => columnName(MASTER_FIRST + ITEM_HEADERS.indexOf(header) - 1);
const masterRange = (row: number) => `C${row}:${columnName(MASTER_FIRST + ITEM_HEADERS.length - 2)}${row + 1}`;

function linkItemMaster(ws: ExcelJS.Worksheet, row: number, code: string, label: string): void {
  ws.getCell(row, 2).value = label;
  ws.getCell(row, 2).font = { bold: true };
  ws.getCell(row + 1, 2).value = `(linked from ${ITEMS_SHEET}, row ${itemRow(code)})`;
  ITEM_HEADERS.forEach((_, c) => {
    const column = columnName(c);
    const header = ws.getCell(row, MASTER_FIRST + c);
    header.value = { formula: `${ITEMS_SHEET}!${column}$1` } as ExcelJS.CellFormulaValue;
    header.font = { bold: true, size: 8 };
    header.alignment = { wrapText: true, vertical: "top" };
    header.fill = HEADER_FILL;
    ws.getCell(row + 1, MASTER_FIRST + c).value = { formula: `${ITEMS_SHEET}!${column}${itemRow(code)}` } as ExcelJS.CellFormulaValue;
  });
  ws.getRow(row).height = 34;
}

// ---------------------------------------------------------------------------------------------
// The order lines

/** Who orders what: bike shops, offices, metal works. */
const CUSTOMERS: Record<string, readonly string[]> = {
  "BX-200": ["Velo City", "Cycle Hub", "Urban Ride", "Pedal & Co"],
  "CH-10": ["Nordic Office", "Workspace AG", "Deskline"],
  "HP-9": ["Metalform", "Stanzwerk Lutz", "Acier Nord"],
};

/** One order line as the Orders sheet holds it. */
export interface OrderLine {
  order: string;
  customer: string;
  item: string;
  date: Date;
  quantity: number;
}

/**
 * A week's booked quantity as the order lines that add up to it: one line below 20, two below
 * 100, three from 100, dated Monday to Friday of the week. The bike's first line is dated in
 * the week before the plan starts: a past-due order, still owed, which MPS.BUCKET counts in week 1.
 */
function linesOf(item: string, weekly: readonly number[]): Array<Omit<OrderLine, "order">> {
  const customers = CUSTOMERS[item];
  const shares = [[1], [0.6, 0.4], [0.5, 0.3, 0.2]];
  const lines: Array<Omit<OrderLine, "order">> = [];
  weekly.forEach((quantity, k) => {
    if (quantity <= 0) return;
    const split = shares[quantity < 20 ? 0 : quantity < 100 ? 1 : 2];
    let left = quantity;
    split.forEach((share, i) => {
      const part = i === split.length - 1 ? left : Math.round(quantity * share);
      left -= part;
      const pastDue = item === "BX-200" && k === 0 && i === 0;
      const day = pastDue ? -5 : (i * 2 + k) % 5;
      const customer = customers[(k + i) % customers.length];
      lines.push({ customer, item, date: new Date(weekStart(k).getTime() + day * DAY), quantity: part });
    });
  });
  return lines;
}

/** The Orders sheet: order lines sorted by date, numbered in that order. */
function ordersSheet(wb: ExcelJS.Workbook, lines: Array<Omit<OrderLine, "order">>): OrderLine[] {
  const ws = wb.addWorksheet(ORDERS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  const sorted = [...lines].sort((a, b) => a.date.getTime() - b.date.getTime() || a.item.localeCompare(b.item));
  const numbered = sorted.map((line, i) => ({ order: `SO-${27001 + i}`, ...line }));
  ["Order", "Customer", "Item", "Order date", "Quantity"].forEach((header, c) => (ws.getCell(1, c + 1).value = header));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = HEADER_FILL;
  [12, 18, 10, 12, 10].forEach((width, c) => (ws.getColumn(c + 1).width = width));
  numbered.forEach((line, r) => {
    const values: ExcelJS.CellValue[] = [line.order, line.customer, line.item, line.date, line.quantity];
    values.forEach((value, c) => {
      const cell = ws.getCell(r + 2, c + 1);
      cell.value = value;
      cell.fill = INPUT_FILL;
      if (c === 3) cell.numFmt = "dd-mmm-yyyy";
    });
  });
  ws.getCell(1, 7).value = "Order lines of every item. Each item sheet sums its own lines per week with MPS.BUCKET (row 10):";
  ws.getCell(2, 7).value = "MPS.BUCKET(Orders!$D$2:$D$200, (Orders!$C$2:$C$200=<the item>)*Orders!$E$2:$E$200, <the week starts>)";
  ws.getCell(3, 7).value = "A line dated before the first week is past due: still owed, it counts in week 1. Add lines below; blank lines are skipped.";
  return numbered;
}

/** Where the order lines are read: room for more lines below the sample's. */
const ORDER_LAST = 200;
const orderColumn = (column: string) => `${ORDERS_SHEET}!$${column}$2:$${column}$${ORDER_LAST}`;

// ---------------------------------------------------------------------------------------------
// The item sheets

const TABLE_ROW = 14;
/**
 * The first row left free under the record. The item master is read from cells, so a host that
 * sizes a spill before evaluating keeps room for the largest record (LARGEST_TABLE_ROWS).
 */
const BELOW = TABLE_ROW + LARGEST_TABLE_ROWS + 1;

interface ItemSheet {
  code: string;
  title: string;
  forecast: number[];
  receipts: number[];
  /** How the MPS.* formulas are spelled in the file. */
  saved: boolean;
}

/** The record's shape for an item of the master: which optional rows its MPS.TABLE shows. */
function shapeOf(code: string): RecordShape {
  const item = ITEMS[itemRow(code) - 2];
  return { model: item.Model as ProductionModel, leadTime: item["Lead time"] !== null, maxLot: item["Max lot"] !== null };
}

/** The sheet row of a line of the item's MPS.TABLE record (engine/record.ts declares its rows). */
export function recordRow(code: string, label: string): number {
  const index = tableLabels(shapeOf(code)).indexOf(label);
  if (index < 0) throw new Error(`MPS.TABLE has no ${label} row for ${code}`);
  return TABLE_ROW + index;
}

/** The whole spilled record of an item, labels included: what MPS.PROMISE reads from (B14# in Excel). */
export function recordBlock(code: string): string {
  return `B${TABLE_ROW}:${LAST}${TABLE_ROW + tableLabels(shapeOf(code)).length - 1}`;
}

/** A row of week-start dates (=C$8, …) above a block, labelled so (mps-recalc's report shows them as dates). */
function dateRow(ws: ExcelJS.Worksheet, row: number, label = "Week starting"): void {
  ws.getCell(row, 2).value = label;
  for (let k = 0; k < WEEKS; k++) {
    const column = columnName(FIRST_COL + k - 1);
    const cell = ws.getCell(row, FIRST_COL + k);
    cell.value = { formula: `${column}$8` } as ExcelJS.CellFormulaValue;
    cell.numFmt = DATE_FORMAT;
    cell.font = { bold: true, color: { argb: "FF595959" } };
  }
}

/** Formats the cells a spill will fill as dates (the host writes numbers; the format makes them dates). */
function dateCells(ws: ExcelJS.Worksheet, row: number, col: number, rows: number, cols = 1): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) ws.getCell(row + r, col + c).numFmt = DATE_FORMAT;
}

const fn = (saved: boolean, name: string) => (saved ? `_xldudf_MPS_${name}` : `MPS.${name}`);

/**
 * An item's sheet: its item master row (rows 2–3, linked from Items), a summary, the week
 * dates (row 8), forecast, orders (MPS.BUCKET of the Orders sheet) and receipts, and the
 * MPS.TABLE record from row 14 planned from the item master row.
 */
function itemSheet(wb: ExcelJS.Workbook, item: ItemSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(ITEMS[itemRow(item.code) - 2].Sheet as string, { views: [{ state: "frozen", xSplit: 2, ySplit: 8 }] });
  const method = `${masterColumn("ATP method")}3`;
  ws.getColumn(1).width = 4;
  ws.getColumn(2).width = 34;
  for (let c = FIRST_COL; c < FIRST_COL + WEEKS; c++) ws.getColumn(c).width = 9;
  ws.getCell("B1").value = item.title;
  ws.getCell("B1").font = { bold: true, size: 14 };
  linkItemMaster(ws, 2, item.code, "Item master row");

  const block = recordBlock(item.code);
  const promise = fn(item.saved, "PROMISE");
  const summary: Array<[string, string, string?]> = [
    ["Total MPS", `SUM(${span(recordRow(item.code, "MPS"))})`],
    ["Lowest PAB", `MIN(${span(recordRow(item.code, "PAB"))})`],
  ];
  // Make to order promises by lead time, below the record; the others by ATP, from the record.
  if (shapeOf(item.code).model !== "MTO") {
    summary.push(["Earliest week for 100 more (ATP)", `${promise}(100,${block},,,${method})`, `${promise}(100,${block},,,${method},,${span(8)})`]);
  }
  summary.forEach(([label, formula, asDate], i) => {
    ws.getCell(4 + i, 2).value = label;
    ws.getCell(4 + i, 3).value = { formula } as ExcelJS.CellFormulaValue;
    if (asDate) {
      ws.getCell(4 + i, 4).value = { formula: asDate } as ExcelJS.CellFormulaValue;
      ws.getCell(4 + i, 4).numFmt = DATE_FORMAT;
    }
  });

  ws.getCell("B8").value = "Week starting";
  for (let k = 0; k < WEEKS; k++) {
    const cell = ws.getCell(8, FIRST_COL + k);
    cell.value = weekStart(k);
    cell.numFmt = DATE_FORMAT;
  }
  ws.getRow(8).font = { bold: true };
  ws.getRow(8).fill = HEADER_FILL;
  const inputs: Array<[number, string, number[]]> = [
    [9, "Forecast", item.forecast],
    [11, "Scheduled receipts", item.receipts],
  ];
  for (const [row, label, values] of inputs) {
    ws.getCell(row, 2).value = label;
    values.forEach((v, k) => {
      const cell = ws.getCell(row, FIRST_COL + k);
      cell.value = v;
      cell.fill = INPUT_FILL;
    });
  }
  ws.getCell(10, 2).value = "Customer orders (from Orders)";
  ws.getCell(10, FIRST_COL).value = {
    formula: `${fn(item.saved, "BUCKET")}(${orderColumn("D")},(${orderColumn("C")}=$C$3)*${orderColumn("E")},${span(8)})`,
  } as ExcelJS.CellFormulaValue;

  ws.getCell(TABLE_ROW - 2, 2).value = "MPS record";
  ws.getCell(TABLE_ROW - 2, 2).font = { bold: true };
  dateRow(ws, TABLE_ROW - 1, "Week starting");
  ws.getCell(TABLE_ROW, 2).value = {
    formula: `${fn(item.saved, "TABLE")}(${span(9)},${span(10)},${masterRange(2)},,,,,${span(11)})`,
  } as ExcelJS.CellFormulaValue;
  return ws;
}

/**
 * Pegging at the foot of a sheet, where its spill has room: with the week dates, so its
 * periods show as dates, and the window from the item master row (the one MPS.TABLE plans
 * with), so the pegging and the record agree.
 */
function pegging(ws: ExcelJS.Worksheet, row: number, saved: boolean): void {
  ws.getCell(row, 2).value = "Pegging: which week's forecast each week's orders consumed (the item's window)";
  ws.getCell(row, 2).font = { bold: true };
  const backward = `${masterColumn("Backward")}3`;
  const forward = `${masterColumn("Forward")}3`;
  ws.getCell(row + 1, 2).value = { formula: `${fn(saved, "PEG")}(${span(9)},${span(10)},${backward},${forward},,${span(8)})` } as ExcelJS.CellFormulaValue;
  dateCells(ws, row + 2, 2, 2 * WEEKS, 2);
}

/** The MTS bike's quotes, promised line by line from its record. */
export const QUOTES: ReadonlyArray<[quote: string, quantity: number, requestedWeek: number | null]> = [
  ["Q-101 Cycle Hub", 100, null],
  ["Q-102 Velo City", 60, 2],
  ["Q-103 Urban Ride", 80, 4],
];

/** The bike's sheet, below the record: cumulative ATP on supply = MPS + Receipts, three quotes, pegging. */
function bikeExtras(ws: ExcelJS.Worksheet, code: string, saved: boolean): void {
  const mps = span(recordRow(code, "MPS"));
  const receipts = span(recordRow(code, "Receipts"));
  dateRow(ws, BELOW);
  ws.getCell(BELOW + 1, 2).value = "Cumulative ATP (supply = MPS + Receipts)";
  ws.getCell(BELOW + 1, FIRST_COL).value = {
    formula: `${fn(saved, "ATP")}(${masterColumn("On hand")}3,${mps}+${receipts},${span(10)},"cumulative")`,
  } as ExcelJS.CellFormulaValue;

  const top = BELOW + 3;
  ws.getCell(top, 2).value = "Quotes, promised line by line (first come, first served) from the record";
  ws.getCell(top, 2).font = { bold: true };
  ["Quote", "Quantity", "Wanted (week)", "Promised"].forEach((header, c) => {
    ws.getCell(top + 1, 2 + c).value = header;
    ws.getCell(top + 1, 2 + c).font = { bold: true };
  });
  QUOTES.forEach(([quote, quantity, week], i) => {
    ws.getCell(top + 2 + i, 2).value = quote;
    ws.getCell(top + 2 + i, 3).value = quantity;
    ws.getCell(top + 2 + i, 3).fill = INPUT_FILL;
    ws.getCell(top + 2 + i, 4).value = week;
    ws.getCell(top + 2 + i, 4).fill = INPUT_FILL;
  });
  const quotes = (c: string) => `${c}${top + 2}:${c}${top + 1 + QUOTES.length}`;
  ws.getCell(top + 2, 5).value = {
    formula: `${fn(saved, "PROMISE")}(${quotes("C")},${recordBlock(code)},,,${masterColumn("ATP method")}3,${quotes("D")},${span(8)})`,
  } as ExcelJS.CellFormulaValue;
  dateCells(ws, top + 2, 5, QUOTES.length);
  pegging(ws, top + 3 + QUOTES.length, saved);
}

/** The capacity sheet: three items sharing one assembly line (issue #14). */
export const CAPACITY_SHEET = "Capacity - Line";
const CAPACITY_WEEKS = 12;

/**
 * Three items share one assembly line: their unconstrained (lot-for-lot) MPS and its load per
 * item with MPS.LOAD, added up with SUM against the line's capacity; the same demand levelled
 * with one MPS.LEVEL block; and the overloads before and after (MAX(0, load − capacity)).
 * Items in rows 4–6 (on hand in C, hours per unit in D), 12 weeks across from E.
 */
function capacitySheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet(CAPACITY_SHEET, { views: [{ state: "frozen", xSplit: 4, ySplit: 3 }] });
  const first = 5; // E: week 1
  const last = columnName(first + CAPACITY_WEEKS - 2); // P: week 12
  const weeks = (row: number) => `E${row}:${last}${row}`;
  ws.getColumn(1).width = 4;
  ws.getColumn(2).width = 30;
  ws.getColumn(3).width = 9;
  ws.getColumn(4).width = 14;
  for (let c = first; c < first + CAPACITY_WEEKS; c++) ws.getColumn(c).width = 8;
  ws.getCell("B1").value = "Assembly line shared by three bikes: rough-cut load and a levelled MPS";
  ws.getCell("B1").font = { bold: true, size: 14 };
  ws.getCell("B2").value =
    "Lot-for-lot, the three MPS overload the line in weeks 4–6. MPS.LEVEL builds ahead in the latest weeks with spare hours, so no week is overloaded.";
  const header: ExcelJS.CellValue[] = ["Item", "On hand", "Hours per unit"];
  header.forEach((label, i) => (ws.getCell(3, 2 + i).value = label));
  for (let k = 0; k < CAPACITY_WEEKS; k++) {
    const cell = ws.getCell(3, first + k);
    cell.value = new Date(FIRST_WEEK + k * 7 * 86_400_000);
    cell.numFmt = "dd-mmm";
  }
  ws.getRow(3).font = { bold: true };
  ws.getRow(3).fill = HEADER_FILL;
  const items: Array<[string, number, number, number[]]> = [
    ["City bike", 0, 1, new Array(CAPACITY_WEEKS).fill(30)],
    ["Cargo bike", 10, 2, [20, 20, 20, 40, 40, 20, 20, 20, 30, 30, 20, 20]],
    ["Kids bike", 0, 0.5, new Array(CAPACITY_WEEKS).fill(40)],
  ];
  const input = (row: number, col: number, value: ExcelJS.CellValue) => {
    ws.getCell(row, col).value = value;
    ws.getCell(row, col).fill = INPUT_FILL;
  };
  items.forEach(([name, onHand, hours, demand], i) => {
    ws.getCell(4 + i, 2).value = `Demand: ${name}`;
    input(4 + i, 3, onHand);
    input(4 + i, 4, hours);
    demand.forEach((v, k) => input(4 + i, first + k, v));
  });
  ws.getCell("B8").value = "Line capacity (hours)";
  ws.getCell("C8").value = "week 6: holiday";
  for (let k = 0; k < CAPACITY_WEEKS; k++) input(8, first + k, k === 5 ? 80 : 110);

  const section = (row: number, title: string) => {
    ws.getCell(row, 2).value = title;
    ws.getCell(row, 2).font = { bold: true };
  };
  const perItem = (row: number, label: string, formula: (i: number) => string) =>
    items.forEach(([name], i) => {
      ws.getCell(row + i, 2).value = `${label}: ${name}`;
      ws.getCell(row + i, first).value = { formula: formula(i) } as ExcelJS.CellFormulaValue;
    });
  /** Total load (native SUM of the items' loads) and the overload against capacity, week by week. */
  const totals = (row: number, loads: number, overload: string) => {
    ws.getCell(row, 2).value = "Total load (SUM)";
    ws.getCell(row + 1, 2).value = overload;
    ws.getCell(row + 1, 2).font = { bold: true };
    for (let k = 0; k < CAPACITY_WEEKS; k++) {
      const col = columnName(first + k - 1);
      ws.getCell(row, first + k).value = { formula: `SUM(${col}${loads}:${col}${loads + 2})` } as ExcelJS.CellFormulaValue;
      ws.getCell(row + 1, first + k).value = { formula: `MAX(0,${col}${row}-${col}$8)` } as ExcelJS.CellFormulaValue;
    }
  };

  section(10, "Unconstrained MPS (lot for lot, MPS.PLAN) and its load (MPS.LOAD, hours)");
  perItem(11, "MPS", (i) => `MPS.PLAN(${weeks(4 + i)},C${4 + i})`);
  perItem(15, "Load", (i) => `MPS.LOAD(${weeks(11 + i)},D${4 + i})`);
  totals(18, 15, "Overload before");

  section(21, "Levelled MPS (MPS.LEVEL, build ahead) and its load");
  ws.getCell(22, 2).value = "MPS: City bike";
  ws.getCell(23, 2).value = "MPS: Cargo bike";
  ws.getCell(24, 2).value = "MPS: Kids bike";
  ws.getCell(22, first).value = { formula: `MPS.LEVEL(E4:${last}6,C4:C6,${weeks(8)},,D4:D6)` } as ExcelJS.CellFormulaValue;
  perItem(26, "Load", (i) => `MPS.LOAD(${weeks(22 + i)},D${4 + i})`);
  totals(29, 26, "Overload after");

  section(32, "Projected available of the levelled MPS (MPS.PAB): the stock built ahead");
  perItem(33, "PAB", (i) => `MPS.PAB(${weeks(4 + i)},C${4 + i},${weeks(22 + i)})`);

  section(37, "Summary");
  const summary: Array<[string, string]> = [
    ["Weeks overloaded before", `COUNTIF(${weeks(19)},">0")`],
    ["Weeks overloaded after", `COUNTIF(${weeks(30)},">0")`],
    ["Overload hours before", `SUM(${weeks(19)})`],
    ["Overload hours after", `SUM(${weeks(30)})`],
  ];
  summary.forEach(([label, formula], i) => {
    ws.getCell(38 + i, 2).value = label;
    ws.getCell(38 + i, 3).value = { formula } as ExcelJS.CellFormulaValue;
  });
}

/** The chair family's sheet, below the record: the planning bill (MPS.EXPLODE) and the mesh-back option's MPS (MPS.PLAN). */
function chairExtras(ws: ExcelJS.Worksheet): void {
  const options: Array<[string, number]> = [
    ["Mesh back", 0.6],
    ["Leather back", 0.4],
    ["Armrests", 0.75],
  ];
  ws.getCell(BELOW, 2).value = "Planning bill (attach rate in column A)";
  ws.getCell(BELOW, 2).font = { bold: true };
  dateRow(ws, BELOW + 1);
  const rates = BELOW + 2;
  const hedges = rates + options.length;
  options.forEach(([name, rate], i) => {
    ws.getCell(rates + i, 1).value = rate;
    ws.getCell(rates + i, 1).numFmt = "0%";
    ws.getCell(rates + i, 1).fill = INPUT_FILL;
    ws.getCell(rates + i, 2).value = name;
    ws.getCell(hedges + i, 2).value = `${name} (hedge)`;
  });
  ws.getColumn(1).width = 7;
  ws.getCell(rates, FIRST_COL).value = { formula: `_xldudf_MPS_EXPLODE(${span(9)},A${rates}:A${hedges - 1},0.1)` } as ExcelJS.CellFormulaValue;

  const master = hedges + options.length + 1;
  linkItemMaster(ws, master, "CH-10-M", "Mesh back option: item master row");
  dateRow(ws, master + 3);
  ws.getCell(master + 4, 2).value = "Mesh back MPS (base + hedge, MPS.PLAN)";
  ws.getCell(master + 4, FIRST_COL).value = { formula: `MPS.PLAN(${span(rates)}+${span(hedges)},${masterRange(master)})` } as ExcelJS.CellFormulaValue;
}

/** The press's sheet, below the record: a make-to-order quote promised by lead time, and pegging. */
function pressExtras(ws: ExcelJS.Worksheet, code: string): void {
  ws.getCell(BELOW, 2).value = "Make-to-order quote: promised by lead time (ATP is 0 in MTO)";
  ws.getCell(BELOW, 2).font = { bold: true };
  ws.getCell(BELOW + 1, 2).value = "Quantity";
  ws.getCell(BELOW + 1, 3).value = 5;
  ws.getCell(BELOW + 1, 3).fill = INPUT_FILL;
  ws.getCell(BELOW + 2, 2).value = "Earliest delivery (week 1 + lead time)";
  ws.getCell(BELOW + 2, 3).value = {
    formula: `MPS.PROMISE(C${BELOW + 1},${recordBlock(code)},,,,,${span(8)},"MTO",,,${masterColumn("Lead time")}3)`,
  } as ExcelJS.CellFormulaValue;
  ws.getCell(BELOW + 2, 3).numFmt = DATE_FORMAT;
  pegging(ws, BELOW + 4, false);
}

/** What the workbook is, and the workbook settings shown for what they are: a copy, for reading. */
function readMe(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Read me");
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 100;
  const lines: Array<[string, string]> = [
    ["Chain Crafter MPS — sample planning workbook", ""],
    ["", ""],
    ["What is here", "Four items over 52 weekly periods. Yellow cells are inputs; every other number is a formula."],
    [ITEMS_SHEET, "The item master: one row per item with its on hand, lot rule and limits, lead time and its own fences, consumption window and ATP method."],
    [ORDERS_SHEET, "Customer order lines (order, customer, item, date, quantity). Each item sheet sums its lines per week with MPS.BUCKET."],
    ["MTS - Bike", "Make to stock: MPS.TABLE from the item master row (FOQ 250, lead time 1, fences 2/2, window 1/1); cumulative ATP on supply = MPS + Receipts; three quotes promised line by line from the record, with dates; pegging."],
    ["ATO - Chair", "Assemble to order: the family's record (min lot 200, max lot 220: a Lots row), a planning bill that explodes the family forecast into option forecasts (MPS.EXPLODE, 10% hedge), and the mesh-back option planned with MPS.PLAN from its own item master row."],
    ["MTO - Press", "Make to order: only customer orders drive the MPS; work in progress as scheduled receipts inside the 2-week planning fence; a quote promised by lead time."],
    [CAPACITY_SHEET, "Three items share one assembly line: their loads (MPS.LOAD) added with SUM against capacity, one MPS.LEVEL block that builds ahead, and the overloads before and after."],
    ["", ""],
    ["Supply", "ATP and promises count MPS plus scheduled receipts: MPS 0, 70 with receipts 50, 0 is supply 50, 70. Give MPS.ATP the MPS row + the Receipts row, or give MPS.PROMISE the whole record block."],
    ["", ""],
    [
      "Workbook settings (a copy, for reading)",
      "What a formula uses where neither an argument nor the item master gives a value. They are set in the task pane (Home → MPS settings) and saved in the workbook; " +
        "this file has none saved, so the defaults below apply. Editing this table changes nothing: change the pane, or a column of the Items sheet.",
    ],
    ...Object.entries(DEFAULT_SETTINGS).map(([name, value]): [string, string] => [
      `  ${SETTING_DESCRIPTIONS[name as keyof typeof SETTING_DESCRIPTIONS]?.label ?? name}`,
      String(value),
    ]),
    ["", ""],
    ["Without Excel", "npm run recalc -- assets/sample-plan.xlsx   (add --json, --out <file>, --sheet <name>, --settings <file.json>)"],
    ["Regenerate", "npm run make:sample"],
  ];
  lines.forEach(([a, b], i) => {
    ws.getCell(i + 1, 1).value = a;
    ws.getCell(i + 1, 2).value = b;
    ws.getCell(i + 1, 2).alignment = { wrapText: true, vertical: "top" };
  });
  ws.getCell("A1").font = { bold: true, size: 14 };
  const settingsFrom = lines.findIndex(([a]) => a.startsWith("Workbook settings")) + 1;
  ws.getCell(settingsFrom, 1).font = { bold: true };
  for (let r = settingsFrom + 1; r <= settingsFrom + Object.keys(DEFAULT_SETTINGS).length; r++) {
    ws.getCell(r, 1).font = { italic: true, color: { argb: "FF7F7F7F" } };
    ws.getCell(r, 2).font = { italic: true, color: { argb: "FF7F7F7F" } };
  }
}

/** The weekly orders of the sample's items, as booked: the Orders sheet holds them as lines. */
export const BIKE_FORECAST = seasonal(120, 30);
export const CHAIR_FORECAST = seasonal(200, 40, 10);
export const PRESS_FORECAST = seasonal(12, 4, 1);
const BIKE_ORDERS = bookedOrders(BIKE_FORECAST, 8, (k) => 1.1 - k * 0.12);
const CHAIR_ORDERS = bookedOrders(CHAIR_FORECAST, 4, (k) => 0.9 - k * 0.2);
const PRESS_ORDERS = bookedOrders(PRESS_FORECAST, 12, (k) => (k % 3 === 0 ? 1.5 : 0.5));
const oneReceipt = (week: number, quantity: number) => Array.from({ length: WEEKS }, (_, k) => (k === week - 1 ? quantity : 0));

export async function buildSample(target = SAMPLE_PATH): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chain Crafter MPS";
  wb.created = new Date(Date.UTC(2027, 0, 1));
  wb.modified = wb.created;
  readMe(wb);
  itemsSheet(wb);
  ordersSheet(wb, [...linesOf("BX-200", BIKE_ORDERS), ...linesOf("CH-10", CHAIR_ORDERS), ...linesOf("HP-9", PRESS_ORDERS)]);

  const bike = itemSheet(wb, { code: "BX-200", title: "BX-200 city bike (make to stock)", forecast: BIKE_FORECAST, receipts: oneReceipt(2, 150), saved: true });
  bikeExtras(bike, "BX-200", true);

  const chair = itemSheet(wb, {
    code: "CH-10",
    title: "Ergo chair family (assemble to order)",
    forecast: CHAIR_FORECAST,
    receipts: oneReceipt(1, 150),
    saved: false,
  });
  chairExtras(chair);

  const pressReceipts = oneReceipt(1, 16);
  pressReceipts[1] = 7;
  const press = itemSheet(wb, { code: "HP-9", title: "HP-9 hydraulic press (make to order)", forecast: PRESS_FORECAST, receipts: pressReceipts, saved: true });
  pressExtras(press, "HP-9");
  capacitySheet(wb);

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
