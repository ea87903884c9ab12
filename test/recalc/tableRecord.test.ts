/**
 * MPS.TABLE's and MPS.PLAN's new arguments and item master rows in the headless host
 * (HyperFormula with the MPS plugin, as the recalc CLI runs them): the same numbers as through
 * the Excel adapter, refusals as #VALUE! with their message, and spill areas that take exactly
 * the rows the formula text shows.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { excelConfig } from "../../src/recalc/evaluate";
import { registerMpsFunctions } from "../../src/recalc/plugin";
import { DEFAULT_SETTINGS, type MpsSettings } from "../../src/shared/settings";

type Shown = number | string | null | { error: string; message: string };

/** Recalculates one sheet and returns what each cell shows (errors with their message). */
function recalc(content: RawCellContent[][], settings: Partial<MpsSettings> = {}): Shown[][] {
  registerMpsFunctions();
  const typed = (_sheet: number, row: number, col: number): unknown => content[row]?.[col];
  const hf = HyperFormula.buildFromArray(content, excelConfig({ settings: { ...DEFAULT_SETTINGS, ...settings }, names: new Map(), typed }));
  try {
    return hf.getSheetValues(0).map((line) =>
      line.map((v) => (v instanceof DetailedCellError ? { error: v.value, message: v.message } : (v as number | string | null))),
    );
  } finally {
    hf.destroy();
  }
}

/** Column A from `from` (1-based) down: the labels of a block anchored in column A. */
function labels(sheet: Shown[][], from: number, count: number): Shown[] {
  return Array.from({ length: count }, (_, i) => sheet[from - 1 + i]?.[0] ?? null);
}

/** The values right of a label in column A. */
function rowOf(sheet: Shown[][], label: string, periods: number): Shown[] {
  const line = sheet.find((r) => r[0] === label);
  if (!line) throw new Error(`no row ${label}`);
  return line.slice(1, 1 + periods);
}

const BASE = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS"];

describe("headless MPS.TABLE with a lead time", () => {
  // forecast 10 × 5 in B1:F1, orders 0 in B2:F2, on hand 15, lead time 2 (see the Excel tests)
  const top: RawCellContent[][] = [
    ["Forecast", 10, 10, 10, 10, 10],
    ["Orders", 0, 0, 0, 0, 0],
    [],
    ["=MPS.TABLE(B1:F1,B2:F2,15,,,,,,,,2)"],
  ];

  it("spills the Planned start row and takes exactly ten rows", () => {
    // the block fills rows 4–13; the note sits in row 14
    const sheet = recalc([...top, ...Array.from({ length: 9 }, () => []), ["note under the table"]]);
    expect(labels(sheet, 4, 10)).toEqual([...BASE, "Planned start", "ATP"]);
    expect(rowOf(sheet, "Planned start", 5)).toEqual([15, 10, 10, 0, 0]);
    expect(sheet[13][0]).toBe("note under the table");
  });

  it("is blocked by a note in its tenth row", () => {
    const sheet = recalc([...top, ...Array.from({ length: 8 }, () => []), ["note in the way"]]); // row 13
    expect(sheet[3][0]).toMatchObject({ error: "#SPILL!" });
  });

  it("refuses a negative lead time with #VALUE! and its message", () => {
    const sheet = recalc([["Forecast", 10], ["Orders", 0], [], ["=MPS.TABLE(B1:B1,B2:B2,0,,,,,,,,-1)"]]);
    expect(sheet[3][0]).toEqual({ error: "#VALUE!", message: "lead_time must be a whole number of periods, 0 or more (got -1)" });
  });
});

describe("headless MPS.TABLE with capacity", () => {
  const content: RawCellContent[][] = [
    ["Forecast", 20, 40, 80, 30],
    ["Orders", 0, 0, 0, 0],
    ["Capacity", 50, 50, 0, 50],
    ["=MPS.TABLE(B1:E1,B2:E2,0,,,,,,B3:E3)"],
  ];

  it("adds Load, Capacity and Utilization %, with 'no capacity' for load on none", () => {
    // LFL MPS 20, 40, 80, 30 on 50, 50, 0, 50 → 40 %, 80 %, no capacity, 60 %
    const sheet = recalc(content);
    expect(labels(sheet, 4, 12)).toEqual([...BASE, "ATP", "Load", "Capacity", "Utilization %"]);
    expect(rowOf(sheet, "Load", 4)).toEqual([20, 40, 80, 30]);
    expect(rowOf(sheet, "Utilization %", 4)).toEqual([40, 80, "no capacity", 60]);
  });

  it("levels with the workbook's item master strategy, never above capacity", () => {
    const sheet = recalc([
      ["Forecast", 20, 40, 80, 30],
      ["Orders", 0, 0, 0, 0],
      ["On hand", "Capacity", "Capacity strategy"],
      [0, 50, "build-ahead"],
      ["=MPS.TABLE(B1:E1,B2:E2,A3:C4)"],
    ]);
    expect(rowOf(sheet, "MPS", 4)).toEqual([40, 50, 50, 30]);
    expect(rowOf(sheet, "Utilization %", 4)).toEqual([80, 100, 100, 60]);
  });

  it("refuses a capacity as long as nothing with #VALUE!", () => {
    const sheet = recalc([["Forecast", 20, 40], ["Orders", 0, 0], ["Capacity", 50, 50, 50], ["=MPS.TABLE(B1:C1,B2:C2,0,,,,,,B3:D3)"]]);
    expect(sheet[3][0]).toEqual({
      error: "#VALUE!",
      message: "forecast (B1:C1, 2 cells) is shorter than capacity (3): extend forecast to 3 cells (B1:D1)",
    });
  });
});

describe("headless MPS.TABLE and MPS.PLAN with an item master row", () => {
  // The textbook item: forecast 30 × 4, 40 × 4, orders 33, 20, 10, 4, 2, on hand 64, FOQ 70
  const data: RawCellContent[][] = [
    ["Forecast", 30, 30, 30, 30, 40, 40, 40, 40],
    ["Orders", 33, 20, 10, 4, 2, 0, 0, 0],
    ["Item", "On hand", "Lot rule", "Lot size", "Lead time"],
    ["Bike", 64, "FOQ", 70, 1],
  ];

  it("gives the record the positional arguments give, sized exactly from the item master's constants", () => {
    const sheet = recalc([
      ...data,
      ["=MPS.TABLE(B1:I1,B2:I2,A3:E4)"],
      ...Array.from({ length: 9 }, () => []),
      ["=MPS.TABLE(B1:I1,B2:I2,64,,\"FOQ\",70,,,,,1)"],
      ...Array.from({ length: 10 }, () => []),
    ]);
    const byMaster = sheet.slice(4, 14);
    const byArguments = sheet.slice(14, 24);
    expect(byMaster.map((r) => r[0])).toEqual([...BASE, "Planned start", "ATP"]);
    expect(byMaster).toEqual(byArguments);
    // MPS 0, 0, 70, 0, 70, 0, 70, 70 started one period earlier, the first 70 in period 2
    expect(rowOf(byMaster, "Planned start", 8)).toEqual([0, 70, 0, 70, 0, 70, 70, 0]);
  });

  it("keeps room for the largest table when the item master holds a formula", () => {
    const sheet = recalc([
      ["Forecast", 10, 10],
      ["Orders", 0, 0],
      ["On hand", "Lead time"],
      ["=5+5", 1],
      ["=MPS.TABLE(B1:C1,B2:C2,A3:B4)"],
      ...Array.from({ length: 12 }, () => []),
      ["note within sixteen rows"],
    ]);
    expect(sheet[4][0]).toMatchObject({ error: "#SPILL!" });
  });

  it("reaches MPS.PLAN with lot limits from the item master", () => {
    // demand 100, 250, 40, 0 with min 50, max 100, multiple 30 → 120, 240, 60, 0
    const sheet = recalc([
      ["Demand", 100, 250, 40, 0],
      ["On hand", "Min lot", "Max lot", "Multiple"],
      [0, 50, 100, 30],
      ["=MPS.PLAN(B1:E1,A2:D3)", null, null, null, null, "=MPS.PLAN(B1:E1,0,,,,,,,50,100,30)"],
    ]);
    expect(sheet[3].slice(0, 4)).toEqual([120, 240, 60, 0]);
    expect(sheet[3].slice(5, 9)).toEqual([120, 240, 60, 0]);
  });

  it("names the item master's header and cell in a refusal", () => {
    const sheet = recalc([["Forecast", 10], ["Orders", 0], ["On hand", "Lead time"], [5, -2], ["=MPS.TABLE(B1:B1,B2:B2,A3:B4)"]]);
    expect(sheet[4][0]).toEqual({
      error: "#VALUE!",
      message: 'item master "Lead time" (cell B4) must be a whole number of periods, 0 or more (got -2)',
    });
  });
});

describe("headless MPS.TABLE planning from a later period", () => {
  it("shows Expired forecast when plan_from is given, and plans as the Excel adapter does", () => {
    // see test/functions/tableRecord.test.ts: window 1/1, plan from 3 → MPS 0, 0, 70, 30
    const sheet = recalc(
      [["Forecast", 100, 100, 100, 100], ["Orders", 0, 50, 120, 0], [], ["=MPS.TABLE(B1:E1,B2:E2,100,,,,,,,,,,,,3)"]],
      { backward: 1, forward: 1 },
    );
    expect(labels(sheet, 4, 10)).toEqual([
      "Forecast", "Orders", "Remaining forecast", "Excess orders", "Expired forecast", "Demand", "Receipts", "PAB", "MPS", "ATP",
    ]);
    expect(rowOf(sheet, "Expired forecast", 4)).toEqual([100, 100, 0, 0]);
    expect(rowOf(sheet, "MPS", 4)).toEqual([0, 0, 70, 30]);
  });
});

describe("headless MPS.TABLE with the workbook's capacity strategy and a firm MPS", () => {
  it("levels with the workbook's strategy (chase within 50: 20, 40, 50, 50)", () => {
    const sheet = recalc([["Forecast", 20, 40, 80, 30], ["Orders", 0, 0, 0, 0], [], ["=MPS.TABLE(B1:E1,B2:E2,0,,,,,,50)"]], {
      capacityStrategy: "chase",
    });
    expect(rowOf(sheet, "MPS", 4)).toEqual([20, 40, 50, 50]);
  });

  it("keeps the firm MPS inside the planning time fence (60 firm in period 1 → MPS 60, 0, 80, 30)", () => {
    const sheet = recalc(
      [["Forecast", 20, 40, 80, 30], ["Orders", 0, 0, 0, 0], ["Firm", 60, 0, 0, 0], ["=MPS.TABLE(B1:E1,B2:E2,0,,,,,,,,,,,,,B3:E3)"]],
      { planningTimeFence: 1 },
    );
    expect(rowOf(sheet, "MPS", 4)).toEqual([60, 0, 80, 30]);
  });
});
