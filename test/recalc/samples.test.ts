/**
 * The sample planning workbook (assets/sample-plan.xlsx, made by scripts/make-sample.ts) and
 * what `npm start` prints from it on a machine without Excel. Every number checked here is
 * worked out by hand in the comments (the first four weeks of each item), and compared with
 * the workbook recalculated now; a staleness check compares the file's cached values with that
 * recalculation, so the file a planner opens holds the same hand-checked numbers.
 *
 * Weeks start on Mondays from 4 January 2027, Excel serial 46391 (36526 for 1 Jan 2000 + 27 × 365
 * + 7 leap days + 3): week 2 is 46398, week 3 46405, week 6 46426.
 */
import { existsSync, promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { ITEM_MASTER_HEADERS } from "../../src/functions/itemMaster";
import type { ComputedCell, Shown } from "../../src/recalc/evaluate";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { printSamplePlans, SAMPLE_WORKBOOK } from "../../src/recalc/samples";
import { sampleLayout } from "../../src/taskpane/host/sampleSheet";
import { ITEM_HEADERS, ITEMS_SHEET, ORDERS_SHEET, recordRow } from "../../scripts/make-sample";
import { ROOT, saveWorkbook } from "./helpers";

const BIKE = "MTS - Bike";
const CHAIR = "ATO - Chair";
const PRESS = "MTO - Press";
const WEEK = [46391, 46398, 46405, 46412];

let workbook: ExcelJS.Workbook;
let formulas: string[];
let cells: ComputedCell[];
let computed: Map<string, Shown>;

beforeAll(async () => {
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE_WORKBOOK);
  formulas = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cell.formula && formulas.push(cell.formula))));
  const result = await recalcWorkbook(SAMPLE_WORKBOOK);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  cells = result.value.cells;
  computed = new Map(cells.map((cell) => [cell.key, cell.value]));
}, 60_000);

/** The first four weeks (columns C–F) of a sheet row, as recalculated now. */
const weeks = (sheet: string, row: number, count = 4) => "CDEFGHIJ".slice(0, count).split("").map((c) => computed.get(`${sheet}!${c}${row}`));
/** A row of the item's MPS record, by its label. */
const record = (sheet: string, code: string, label: string) => weeks(sheet, recordRow(code, label));
const at = (sheet: string, address: string) => computed.get(`${sheet}!${address}`);

describe("assets/sample-plan.xlsx", () => {
  it("is a file in assets/, where npm start finds it", () => {
    expect(path.relative(ROOT, path.dirname(SAMPLE_WORKBOOK))).toBe("assets");
    expect(existsSync(SAMPLE_WORKBOOK)).toBe(true);
  });

  it("has an item master, order lines, an MTS item, an ATO family, an MTO item and the capacity sheet", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Read me", ITEMS_SHEET, ORDERS_SHEET, BIKE, CHAIR, PRESS, "Capacity - Line"]);
    for (const name of [BIKE, CHAIR, PRESS]) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.getCell("C8").value).toEqual(new Date(Date.UTC(2027, 0, 4)));
      expect(sheet.getCell("BB8").value).toBeInstanceOf(Date);
      expect(sheet.getCell("BC8").value).toBeNull();
    }
  });

  it("heads the Items sheet with item master headers MPS.TABLE reads (and three it ignores)", () => {
    const items = workbook.getWorksheet(ITEMS_SHEET)!;
    expect(ITEM_HEADERS.map((_, c) => items.getCell(1, c + 1).value)).toEqual([...ITEM_HEADERS]);
    const planning = ITEM_HEADERS.filter((header) => !["Item", "Description", "Sheet"].includes(header));
    expect(planning.filter((header) => !ITEM_MASTER_HEADERS.includes(header))).toEqual([]);
    // the item sheet links its item master row and hands it to MPS.TABLE in place of on hand
    expect(at(BIKE, "C2")).toBe("Item");
    expect(at(BIKE, "C3")).toBe("BX-200");
    expect(at(BIKE, "G2")).toBe("On hand");
    expect(at(BIKE, "G3")).toBe(180);
    expect(workbook.getWorksheet(BIKE)!.getCell("B14").formula).toBe("_xldudf_MPS_TABLE(C9:BB9,C10:BB10,C2:R3,,,,,C11:BB11)");
  });

  it("shows the workbook settings as a copy for reading, not as input cells", () => {
    const readMe = workbook.getWorksheet("Read me")!;
    let heading = 0;
    readMe.eachRow((row, r) => {
      if (String(row.getCell(1).value).startsWith("Workbook settings")) heading = r;
    });
    expect(heading).toBeGreaterThan(0);
    expect(String(readMe.getCell(heading, 2).value)).toMatch(/task pane.*changes nothing/s);
    const fill = readMe.getCell(heading + 1, 2).fill as ExcelJS.FillPattern | undefined;
    expect(fill?.fgColor?.argb).not.toBe("FFFFF2CC"); // not the yellow of the inputs
    expect(readMe.getCell(heading + 1, 1).value).toBe("  Production model");
  });

  it("uses order lines, the item master, pegging, quotes and a planning bill, in both spellings", () => {
    const all = formulas.join("\n");
    expect(all).toMatch(/^MPS\.TABLE\(/m);
    expect(all).toMatch(/^_xldudf_MPS_TABLE\(/m);
    expect(all).toMatch(/^_xldudf_MPS_BUCKET\(Orders!\$D\$2:\$D\$200,\(Orders!\$C\$2:\$C\$200=\$C\$3\)\*Orders!\$E\$2:\$E\$200,C8:BB8\)$/m);
    expect(all).toMatch(/PEG\(/);
    expect(all).toMatch(/^_xldudf_MPS_EXPLODE\(/m);
  });

  it("evaluates every formula headless, with no refused cell and no error value", async () => {
    const result = await recalcWorkbook(SAMPLE_WORKBOOK);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.value.refused).toEqual([]);
    expect(cells.filter((cell) => cell.error).map((cell) => `${cell.key}: ${cell.error?.message}`)).toEqual([]);
  });

  it("is not stale: its cached values are what the workbook computes now (else: npm run make:sample)", () => {
    const stale: string[] = [];
    for (const cell of cells) {
      const saved = workbook.getWorksheet(cell.sheet)!.getCell(cell.row + 1, cell.col + 1);
      const cached = cell.formula ? saved.result : saved.value;
      const value = cached instanceof Date ? (cached.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : cached;
      const shown = value !== null && typeof value === "object" && "error" in value ? value.error : value;
      if (shown !== cell.value) stale.push(`${cell.key}: saved ${String(shown)}, computed ${String(cell.value)}`);
    }
    expect(stale.slice(0, 5)).toEqual([]);
  });

  it("opens with values cached in its formulas", () => {
    const sheet = workbook.getWorksheet(BIKE)!;
    expect(sheet.getCell("B14").result).toBe("Forecast");
    expect(sheet.getCell("C4").result).toEqual(expect.any(Number));
  });
});

describe("the Orders sheet, bucketed per item with MPS.BUCKET", () => {
  // Weeks 1–4, the lines of each item by date (Orders sheet):
  //   BX-200: 66 (30 Dec 2026, past due: week 1) + 40 + 26 = 132; 26 + 66 + 40 = 132; 24 + 63 + 38 = 125; 33 + 22 + 56 = 111
  //   CH-10:  90 + 54 + 36 = 180; 31 + 77 + 46 = 154; 22 + 58 + 35 = 115; 29 + 43 = 72
  //   HP-9:   18; 7; 8; 10 + 14 = 24
  it("sums each item's order lines per week, the past-due line in week 1", () => {
    expect(weeks(BIKE, 10)).toEqual([132, 132, 125, 111]);
    expect(weeks(CHAIR, 10)).toEqual([180, 154, 115, 72]);
    expect(weeks(PRESS, 10)).toEqual([18, 7, 8, 24]);
  });

  it("holds order numbers, customers, items and dates", () => {
    const orders = workbook.getWorksheet(ORDERS_SHEET)!;
    expect([1, 2, 3, 4, 5].map((c) => orders.getCell(1, c).value)).toEqual(["Order", "Customer", "Item", "Order date", "Quantity"]);
    expect([1, 2, 3, 4, 5].map((c) => orders.getCell(2, c).value)).toEqual(["SO-27001", "Velo City", "BX-200", new Date(Date.UTC(2026, 11, 30)), 66]);
  });

  it("adds up, over every line, to the orders of the three records", () => {
    const orders = workbook.getWorksheet(ORDERS_SHEET)!;
    const total: Record<string, number> = {};
    orders.eachRow((row, r) => {
      if (r > 1) total[String(row.getCell(3).value)] = (total[String(row.getCell(3).value)] ?? 0) + Number(row.getCell(5).value);
    });
    const sum = (sheet: string) => "CDEFGHIJKLMNOPQRSTUVWXYZ".split("").reduce((s, c) => s + Number(computed.get(`${sheet}!${c}10`) ?? 0), 0);
    expect(total).toEqual({ "BX-200": sum(BIKE), "CH-10": sum(CHAIR), "HP-9": sum(PRESS) });
  });
});

// MTS - Bike, from its item master row: on hand 180, safety stock 40, FOQ 250, lead time 1,
// demand fence 2, planning fence 2, window backward 1 / forward 1 (backward-forward), discrete ATP.
// Weeks 1–4: forecast 120, 135, 145, 150; orders 132, 132, 125, 111; a receipt of 150 in week 2.
//   consumption  week 1: 120 of its own, then 12 of week 2 (no week 0; forward) → week 2 has 123
//                week 2: 123 of its own, week 1 is used up, 9 of week 3 → week 3 has 136
//                week 3: 125 of 136 → 11 left; week 4: 111 of 150 → 39 left. Remaining 0, 0, 11, 39
//   demand       weeks 1–2 inside the demand fence: orders only 132, 132; then 125 + 11 = 136, 111 + 39 = 150
//   PAB/MPS      180 − 132 = 48; 48 + 150 − 132 = 66 (frozen: no new MPS in weeks 1–2);
//                66 − 136 = −70 < 40 → one lot of 250: 180; 180 − 150 = 30 < 40 → 250: 280
//                MPS 0, 0, 250, 250
//   planned start (lead time 1): week 3's lot starts in week 2, week 4's in week 3 → 0, 250, 250, 0
//                (week 5 plans nothing: 280 − 150 = 130 ≥ 40)
//   ATP (discrete, supply = MPS + receipts 0, 150, 250, 250): week 1: 180 − 132 = 48; week 2: 150 − 132 = 18;
//                week 3: 250 − 125 = 125; week 4 until the next supply (week 6): 250 − 111 − 93 = 46
//   cumulative ATP: 48, 66, 191, 237 (the sample, supply without receipts, said −84 in week 1)
//   100 more: running ATP 48, 66, 191 → week 3 (18 Jan, 46405)
describe("MTS - Bike against hand-worked values", () => {
  it("plans the record from the item master row with its own fences and window", () => {
    expect(record(BIKE, "BX-200", "Remaining forecast")).toEqual([0, 0, 11, 39]);
    expect(record(BIKE, "BX-200", "Demand")).toEqual([132, 132, 136, 150]);
    expect(record(BIKE, "BX-200", "Receipts")).toEqual([0, 150, 0, 0]);
    expect(record(BIKE, "BX-200", "PAB")).toEqual([48, 66, 180, 280]);
    expect(record(BIKE, "BX-200", "MPS")).toEqual([0, 0, 250, 250]);
    expect(record(BIKE, "BX-200", "Planned start")).toEqual([0, 250, 250, 0]);
    expect(record(BIKE, "BX-200", "ATP")).toEqual([48, 18, 125, 46]);
  });

  it("heads the record with the week dates", () => {
    expect(weeks(BIKE, 13)).toEqual(WEEK);
  });

  it("counts receipts as supply: cumulative ATP from 48, 100 more in week 3", () => {
    expect(weeks(BIKE, 32)).toEqual([48, 66, 191, 237]);
    expect(at(BIKE, "C6")).toBe(3);
    expect(at(BIKE, "D6")).toBe(46405);
  });

  // Quotes, first come, first served, on the discrete ATP 48, 18, 125, 46, 0, 132 (weeks 1–6):
  //   Q-101 100, as soon as possible: running 48, 66, 191 → week 3; booked there: week 3 ATP 25
  //   Q-102 60, wanted in week 2: running 48, 66 ≥ 60 → week 2; booked: week 2's block 150 − 192 = −42
  //         nets against week 1 → ATP 6, 0, 25, 46, 0, 132
  //   Q-103 80, wanted in week 4: running 6, 6, 31, 77 (week 4), 77 (week 5), 209 (week 6) → week 6
  it("promises three quotes line by line from the record, as dates", () => {
    const quotes = workbook.getWorksheet(BIKE)!;
    expect(quotes.getCell("E36").formula).toBe("_xldudf_MPS_PROMISE(C36:C38,B14:BB23,,,R3,D36:D38,C8:BB8)");
    expect(["E36", "E37", "E38"].map((a) => at(BIKE, a))).toEqual([46405, 46398, 46426]);
  });

  // Window 1/1, as the record: week 1's 132 takes 120 of its own and 12 of week 2; week 2's 132 takes
  // 123 of its own and 9 of week 3; weeks 3 and 4 take their own.
  it("pegs with the record's window, periods as dates", () => {
    const peg = [41, 42, 43, 44, 45, 46, 47].map((r) => ["B", "C", "D"].map((c) => at(BIKE, `${c}${r}`)));
    expect(peg).toEqual([
      ["Order period", "Forecast period", "Quantity"],
      [WEEK[0], WEEK[0], 120],
      [WEEK[0], WEEK[1], 12],
      [WEEK[1], WEEK[1], 123],
      [WEEK[1], WEEK[2], 9],
      [WEEK[2], WEEK[2], 125],
      [WEEK[3], WEEK[3], 111],
    ]);
    expect(workbook.getWorksheet(BIKE)!.getCell("B41").formula).toBe("_xldudf_MPS_PEG(C9:BB9,C10:BB10,P3,Q3,,C8:BB8)");
  });
});

// ATO - Chair family: on hand 60, LFL, min lot 200, max lot 220, lead time 1, fences 1/1, window 0/0;
// a receipt of 150 in week 1. Weeks 1–4: forecast 200, 220, 230, 240; orders 180, 154, 115, 72.
//   remaining    20, 66, 115, 168
//   demand       week 1 inside the demand fence: 180; 154 + 66 = 220; 230; 240
//   PAB/MPS      60 + 150 − 180 = 30 (frozen); 30 − 220 = −190 → 190 raised to the min lot 200: 10;
//                10 − 230 → 220: 0; 0 − 240 → 240: 0.  MPS 0, 200, 220, 240
//   Lots         ⌈MPS / 220⌉: 0, 1, 1, 2 (240 = 220 + 20)
//   planned start: next week's MPS: 200, 220, 240, 240 (week 5: forecast 240, no orders → 240)
//   ATP          every week has supply: 60 + 150 − 180 = 30; 200 − 154 = 46; 220 − 115 = 105; 240 − 72 = 168
//   100 more     running 30, 76, 181 → week 3
// Planning bill, 10 % hedge: mesh back 0.6 × 200, 220, 230, 240 = 120, 132, 138, 144, hedge 12, 13.2, 13.8, 14.4;
// leather 0.4 → 80, 88, 92, 96; armrests 0.75 → 150, 165, 172.5, 180.
// Mesh back option (its own item master row: on hand 25, LFL): demand 132, 145.2, 151.8, 158.4 →
// 25 − 132 → 107, then lot for lot 145.2, 151.8, 158.4.
describe("ATO - Chair against hand-worked values", () => {
  it("plans the family with a min lot, a max lot (Lots) and its own fences", () => {
    expect(record(CHAIR, "CH-10", "Demand")).toEqual([180, 220, 230, 240]);
    expect(record(CHAIR, "CH-10", "PAB")).toEqual([30, 10, 0, 0]);
    expect(record(CHAIR, "CH-10", "MPS")).toEqual([0, 200, 220, 240]);
    expect(record(CHAIR, "CH-10", "Lots")).toEqual([0, 1, 1, 2]);
    expect(record(CHAIR, "CH-10", "Planned start")).toEqual([200, 220, 240, 240]);
    expect(record(CHAIR, "CH-10", "ATP")).toEqual([30, 46, 105, 168]);
    expect(record(CHAIR, "CH-10", "Final assembly")).toEqual([180, 154, 115, 72]);
    expect(at(CHAIR, "C6")).toBe(3);
  });

  it("explodes the family forecast through the planning bill, dated", () => {
    expect(weeks(CHAIR, 32)).toEqual(WEEK);
    expect(workbook.getWorksheet(CHAIR)!.getCell("B33").value).toBe("Mesh back");
    expect(weeks(CHAIR, 33)).toEqual([120, 132, 138, 144]);
    expect(weeks(CHAIR, 34)).toEqual([80, 88, 92, 96]);
    expect(weeks(CHAIR, 35)).toEqual([150, 165, 172.5, 180]);
    weeks(CHAIR, 36).forEach((value, i) => expect(value).toBeCloseTo([12, 13.2, 13.8, 14.4][i], 9));
  });

  it("plans the mesh-back option with MPS.PLAN from its own item master row", () => {
    expect(at(CHAIR, "C41")).toBe("CH-10-M");
    expect(workbook.getWorksheet(CHAIR)!.getCell("C44").formula).toBe("MPS.PLAN(C33:BB33+C36:BB36,C40:R41)");
    expect(weeks(CHAIR, 43)).toEqual(WEEK);
    weeks(CHAIR, 44).forEach((value, i) => expect(value).toBeCloseTo([107, 145.2, 151.8, 158.4][i], 9));
  });
});

// MTO - Press: on hand 2, lead time 2, planning fence 2, window 0/0; work in progress as receipts
// 16 and 7 in weeks 1–2. Weeks 1–4: forecast 12, 14, 15, 16; orders 18, 7, 8, 24.
//   demand       make to order: orders only, 18, 7, 8, 24 (remaining forecast 0, 7, 7, 0 is shown, not planned)
//   PAB/MPS      2 + 16 − 18 = 0; 0 + 7 − 7 = 0 (frozen); then lot for lot: MPS 0, 0, 8, 24, PAB 0
//   planned start (lead time 2): the MPS two weeks later: 8, 24, 8, 8 (weeks 5, 6 order 8 each)
//   ATP          supply 16, 7, 8, 24 against the same orders: 2 + 16 − 18 = 0, then 0, 0, 0
//   a quote of 5 by lead time: the later of week 1 and 1 + 2 → week 3, 18 Jan (46405)
//   pegging      week 1: 12 of its own forecast, 6 excess; week 2: 7; week 3: 8; week 4: 16 and 8 excess
describe("MTO - Press against hand-worked values", () => {
  it("plans the orders only, with work in progress inside its fence", () => {
    expect(record(PRESS, "HP-9", "Remaining forecast")).toEqual([0, 7, 7, 0]);
    expect(record(PRESS, "HP-9", "Excess orders")).toEqual([6, 0, 0, 8]);
    expect(record(PRESS, "HP-9", "Demand")).toEqual([18, 7, 8, 24]);
    expect(record(PRESS, "HP-9", "PAB")).toEqual([0, 0, 0, 0]);
    expect(record(PRESS, "HP-9", "MPS")).toEqual([0, 0, 8, 24]);
    expect(record(PRESS, "HP-9", "Planned start")).toEqual([8, 24, 8, 8]);
    expect(record(PRESS, "HP-9", "ATP")).toEqual([0, 0, 0, 0]);
  });

  it("promises a quote by lead time, as a date", () => {
    expect(at(PRESS, "C33")).toBe(46405);
  });

  it("pegs with the item's window 0/0, excess shown", () => {
    const peg = [36, 37, 38, 39, 40, 41, 42].map((r) => ["B", "C", "D"].map((c) => at(PRESS, `${c}${r}`)));
    expect(peg).toEqual([
      ["Order period", "Forecast period", "Quantity"],
      [WEEK[0], WEEK[0], 12],
      [WEEK[0], "excess", 6],
      [WEEK[1], WEEK[1], 7],
      [WEEK[2], WEEK[2], 8],
      [WEEK[3], WEEK[3], 16],
      [WEEK[3], "excess", 8],
    ]);
  });
});

// The task pane's Insert sample sheet (MTS), recalculated headless: on hand 40, safety stock 10,
// FOQ 50, window 0/0, no fences; periods 1–4 forecast 100 × 4, orders 110, 85, 60, 30, a receipt
// of 60 in period 2.
//   demand   110 (10 excess), 100, 100, 100
//   PAB/MPS  40 − 110 = −70 < 10 → 80 → two lots: 100, PAB 30; 30 + 60 − 100 = −10 → 50: 40;
//            40 − 100 → 100: 40; again 100: 40.  MPS 100, 50, 100, 100
//   ATP      supply = MPS + receipts 100, 110, 100, 100: 40 + 100 − 110 = 30; 110 − 85 = 25; 40; 70
//   100 more running 30, 55, 95, 165 → period 4
describe("the task pane's sample sheet, recalculated headless", () => {
  it("plans its record and promises from the block with supply = MPS + Receipts", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-pane-sample-"));
    try {
      const file = await saveWorkbook(dir, (book) => {
        const sheet = book.addWorksheet("MPS sample");
        for (const write of sampleLayout("MTS").writes) {
          const [first] = write.address.split(":");
          const origin = sheet.getCell(first);
          (write.values ?? write.formulas)!.forEach((line, r) =>
            line.forEach((cell, c) => {
              const target = sheet.getCell(Number(origin.row) + r, Number(origin.col) + c);
              target.value = typeof cell === "string" && cell.startsWith("=") ? ({ formula: cell.slice(1) } as ExcelJS.CellFormulaValue) : cell;
            }),
          );
        }
      });
      const result = await recalcWorkbook(file);
      if (!result.ok) throw new Error(result.problems.join("\n"));
      const value = new Map(result.value.cells.map((cell) => [cell.key, cell.value]));
      const row = (r: number) => ["B", "C", "D", "E"].map((c) => value.get(`MPS sample!${c}${r}`));
      expect(value.get("MPS sample!A18")).toBe("Demand");
      expect(row(18)).toEqual([110, 100, 100, 100]);
      expect(row(20)).toEqual([30, 40, 40, 40]);
      expect(row(21)).toEqual([100, 50, 100, 100]);
      expect(row(22)).toEqual([30, 25, 40, 70]);
      expect(value.get("MPS sample!B12")).toBe(4);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("printSamplePlans", () => {
  it("prints each item's MPS record, weeks across, dated", async () => {
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
    expect(text).not.toMatch(/\n\s*\n\s*\n/); // no empty rows of a block padded to its largest size
  });

  it("says why and returns false when the workbook cannot be recalculated", async () => {
    let text = "";
    const ok = await printSamplePlans({ path: "no-such-sample.xlsx", write: (t) => (text += t) });
    expect(ok).toBe(false);
    expect(text).toContain("no-such-sample.xlsx: no such file.");
  });
});
