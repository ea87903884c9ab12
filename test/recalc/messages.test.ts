/**
 * MPS.MESSAGES in the headless recalculation (HyperFormula, a real .xlsx, as the recalc CLI runs
 * it): the worked examples of test/functions/messages.test.ts, one sheet each, with the settings
 * each needs from a settings file. Same lines as through the Excel adapter; the spill is sized
 * from the inputs' shapes (types × periods + 1 rows), the unused part left empty.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import type ExcelJS from "exceljs";
import type { Shown } from "../../src/recalc/evaluate";
import { saveWorkbook, values } from "./helpers";

const HEADER = ["Period", "Type", "Quantity", "Message"];

/** One example: inputs in rows 1–3 (forecast, orders, receipts), the formula in A5. */
interface Example {
  sheet: string;
  forecast: number[];
  orders: number[];
  receipts?: number[];
  /** The MPS.MESSAGES arguments after forecast and orders (B1:…, B2:… are put in front). */
  rest: string;
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "mps-messages-"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lastColumn = (n: number) => String.fromCharCode(65 + n);

/** Recalculates the examples with these settings; returns each sheet's lines (header first, until the first empty row). */
async function linesOf(examples: Example[], settings: Record<string, unknown> = {}): Promise<Record<string, Shown[][]>> {
  const file = await saveWorkbook(dir, (book: ExcelJS.Workbook) => {
    for (const example of examples) {
      const sheet = book.addWorksheet(example.sheet);
      const rows = [example.forecast, example.orders, example.receipts ?? example.forecast.map(() => 0)];
      rows.forEach((values, r) => values.forEach((v, c) => (sheet.getCell(r + 1, c + 2).value = v)));
      const last = lastColumn(example.forecast.length);
      sheet.getCell("A5").value = { formula: `MPS.MESSAGES(B1:${last}1,B2:${last}2,${example.rest})` } as ExcelJS.CellFormulaValue;
    }
  });
  const settingsFile = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(settingsFile, JSON.stringify({ version: 1, ...settings }));
  const all = await values(file, { settingsFile });
  const result: Record<string, Shown[][]> = {};
  for (const { sheet } of examples) {
    const lines: Shown[][] = [];
    for (let r = 5; all[`${sheet}!B${r}`] !== undefined && all[`${sheet}!B${r}`] !== ""; r++) {
      lines.push(["A", "B", "C", "D"].map((c) => all[`${sheet}!${c}${r}`] ?? ""));
    }
    result[sheet] = lines;
  }
  return result;
}

describe("headless MPS.MESSAGES, default settings", () => {
  let lines: Record<string, Shown[][]>;
  beforeAll(async () => {
    lines = await linesOf([
      { sheet: "Low", forecast: [100, 100, 100], orders: [50, 100, 140], rest: "200" },
      { sheet: "Split", forecast: [250], orders: [0], rest: "0,,,,,,,,,,100" },
      { sheet: "Receipts", forecast: [10, 10, 10, 10, 10, 10], orders: [0, 0, 0, 0, 0, 0], receipts: [20, 0, 0, 0, 30, 40], rest: "10,,,,,B3:G3" },
      { sheet: "Overload", forecast: [100, 50, 100], orders: [0, 0, 0], rest: "0,,,,,,160,2" },
      { sheet: "Release", forecast: [10, 5, 30, 40, 50], orders: [0, 0, 0, 0, 0], rest: "0,,,,,,,,2" },
      { sheet: "MTO", forecast: [0], orders: [10], rest: '5,20,,,"MTO"' },
      { sheet: "None", forecast: [350, 350, 350, 350], orders: [300, 150, 280, 0], rest: "400" },
    ]);
  }, 60_000);

  it("forecast-low", () => {
    expect(lines.Low).toEqual([HEADER, [3, "forecast-low", 40, "Period 3: orders exceed forecast by 40"]]);
  });

  it("split-lot", () => {
    expect(lines.Split).toEqual([HEADER, [1, "split-lot", 250, "Period 1: release 250 as 3 lots, it is above the maximum lot size"]]);
  });

  it("reschedule-out, reschedule-in, cancel", () => {
    expect(lines.Receipts).toEqual([
      HEADER,
      [1, "reschedule-out", 20, "Period 1: move the receipt of 20 out to Period 2, it is not needed before"],
      [5, "reschedule-in", 30, "Period 5: move the receipt of 30 in to Period 4, it is needed then"],
      [6, "cancel", 40, "Period 6: cancel the receipt of 40, it is not needed within the horizon"],
    ]);
  });

  it("overload (check)", () => {
    expect(lines.Overload).toEqual([
      HEADER,
      [1, "overload", 40, "Period 1: load 200 exceeds capacity 160 by 40"],
      [3, "overload", 40, "Period 3: load 200 exceeds capacity 160 by 40"],
    ]);
  });

  it("release-past-due", () => {
    expect(lines.Release).toEqual([
      HEADER,
      [1, "release-past-due", 15, "Period 1: start 15 now, the lead time puts its start before Period 1 (due by Period 2)"],
    ]);
  });

  it("none, for make to order and for a record on plan", () => {
    const none = [HEADER, ["", "none", "", expect.stringContaining("Nothing to act on")]];
    expect(lines.MTO).toEqual(none);
    expect(lines.None).toEqual(none);
  });
});

describe("headless MPS.MESSAGES with the workbook's settings", () => {
  it("expedite and shortage inside the planning time fence; overpromised", async () => {
    const lines = await linesOf(
      [
        { sheet: "Fence", forecast: [5, 0, 0], orders: [0, 0, 0], rest: "0" },
        { sheet: "ATP", forecast: [0, 10, 0], orders: [5, 10, 0], rest: "0" },
      ],
      { planningTimeFence: 3 },
    );
    expect(lines.Fence).toEqual([
      HEADER,
      [1, "expedite", 5, "Period 1: expedite 5, firm supply leaves projected available -5"],
      [2, "shortage", 5, "Period 2: short 5, projected available -5 inside the planning time fence"],
      [3, "shortage", 5, "Period 3: short 5, projected available -5 inside the planning time fence"],
    ]);
    // demand 5, 10, 0 all frozen: PAB −5, −15, −15; expedites 5 and 10; ATP −15 in period 1 (no supply
    // before the orders of periods 1–3 are due)
    expect(lines.ATP).toEqual([
      HEADER,
      [1, "expedite", 5, "Period 1: expedite 5, firm supply leaves projected available -5"],
      [1, "overpromised", 15, "Period 1: orders promised 15 beyond supply (ATP -15)"],
      [1, "forecast-low", 5, "Period 1: orders exceed forecast by 5"],
      [2, "expedite", 10, "Period 2: expedite 10, firm supply leaves projected available -15"],
      [3, "shortage", 15, "Period 3: short 15, projected available -15 inside the planning time fence"],
    ]);
  }, 60_000);

  it("late and below-safety-stock (build-ahead); late and shortage (chase)", async () => {
    const buildAhead = await linesOf(
      [{ sheet: "Ahead", forecast: [30, 30, 30, 30], orders: [0, 0, 0, 0], receipts: [0, 20, 0, 0], rest: "10,10,,,,B3:E3,25" }],
      { capacityStrategy: "build-ahead" },
    );
    expect(buildAhead.Ahead).toEqual([
      HEADER,
      [1, "late", 5, "Period 1: 5 cannot be built in time, built late in Period 2"],
      [1, "below-safety-stock", 5, "Period 1: projected available 5 is 5 below safety stock 10"],
      [2, "reschedule-in", 20, "Period 2: move the receipt of 20 in to Period 1, it is needed then"],
    ]);
    const chase = await linesOf([{ sheet: "Chase", forecast: [20, 40, 80, 30], orders: [0, 0, 0, 0], rest: "0,,,,,,50" }], {
      capacityStrategy: "chase",
    });
    expect(chase.Chase).toEqual([
      HEADER,
      [3, "shortage", 30, "Period 3: short 30, projected available -30"],
      [3, "late", 30, "Period 3: 30 cannot be built in time, 20 built late in Period 4, 10 after the horizon"],
      [4, "shortage", 10, "Period 4: short 10, projected available -10"],
    ]);
  }, 60_000);

  it("forecast-unconsumed inside the demand time fence", async () => {
    const lines = await linesOf([{ sheet: "Fence", forecast: [10, 10, 10, 10, 10, 10], orders: [12, 8, 5, 0, 0, 0], rest: "20" }], {
      demandTimeFence: 2,
      planningTimeFence: 2,
    });
    expect(lines.Fence).toEqual([
      HEADER,
      [1, "forecast-low", 2, "Period 1: orders exceed forecast by 2"],
      [2, "forecast-unconsumed", 2, "Period 2: 2 of forecast not taken by orders inside the demand time fence, it drops out of demand"],
    ]);
  }, 60_000);

  it("overload of a levelled plan: a firm MPS inside the fence", async () => {
    const lines = await linesOf(
      [{ sheet: "Firm", forecast: [20, 40, 80, 30], orders: [0, 0, 0, 0], receipts: [60, 0, 0, 0], rest: "0,,,,,,50,,,,,,,B3:E3" }],
      { planningTimeFence: 1, capacityStrategy: "build-ahead" },
    );
    // firm MPS 60 (row 3, given as firm_mps) in period 1, fence 1 → MPS 60, 30, 50, 30: only the firm 60 is over
    expect(lines.Firm).toEqual([HEADER, [1, "overload", 10, "Period 1: firm MPS loads 60 on capacity 50, 10 over"]]);
  }, 60_000);
});
