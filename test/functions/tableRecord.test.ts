/**
 * MPS.TABLE's and MPS.PLAN's new trailing arguments through the Excel adapter (the exported
 * functions, with ranges as Excel passes them): lead time, lot limits, plan from, capacity,
 * firm MPS, and their refusals. Every number is worked out by hand in the comment above it.
 */
import { plan as planRange, table as tableRange } from "../../src/functions/functions";
import { DEFAULT_SETTINGS, toStored, type MpsSettings } from "../../src/shared/settings";
import { setFunctionsSettingsForTests } from "../../src/shared/settingsStore";
import { fixedSettingsSource } from "../../src/shared/settingsSource";

const plan = planRange as (...args: unknown[]) => unknown[][];
const table = tableRange as (...args: unknown[]) => unknown[][];

const _ = null; // an omitted argument, as Excel passes it
const row = (...values: unknown[]) => [values];
const column = (...values: unknown[]) => values.map((v) => [v]);

function excelError(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    const e = error as { code: string; message: string };
    return `${e.code} ${e.message}`;
  }
  throw new Error("expected an Excel error");
}

/** The block's rows by label. */
function byLabel(block: unknown[][]): Record<string, unknown[]> {
  return Object.fromEntries(block.map((r) => [r[0] as string, r.slice(1)]));
}

const BASE = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS"];

function withSettings(settings: Partial<MpsSettings>): void {
  setFunctionsSettingsForTests(fixedSettingsSource(toStored({ ...DEFAULT_SETTINGS, ...settings })));
}

afterEach(() => setFunctionsSettingsForTests(fixedSettingsSource(undefined)));

describe("MPS.TABLE(…, lead_time)", () => {
  // demand 10 × 5, on hand 15, LFL → MPS 0, 5, 10, 10, 10; lead time 2: 5 + 10 start in period 1
  // (the 5 was due to start before it), then 10, 10 → Planned start 15, 10, 10, 0, 0
  const block = table(row(10, 10, 10, 10, 10), row(0, 0, 0, 0, 0), 15, _, _, _, _, _, _, _, 2);

  it("adds a Planned start row after MPS", () => {
    expect(block.map((r) => r[0])).toEqual([...BASE, "Planned start", "ATP"]);
    expect(byLabel(block)["MPS"]).toEqual([0, 5, 10, 10, 10]);
    expect(byLabel(block)["Planned start"]).toEqual([15, 10, 10, 0, 0]);
  });

  it("lays it out as a column for column inputs", () => {
    const down = table(column(10, 10, 10, 10, 10), column(0, 0, 0, 0, 0), 15, _, _, _, _, _, _, _, 2);
    expect(down[0]).toEqual([...BASE, "Planned start", "ATP"]);
    expect(down.slice(1).map((r) => r[8])).toEqual([15, 10, 10, 0, 0]);
  });

  it("refuses a negative or fractional lead time with #VALUE!", () => {
    expect(excelError(() => table(row(10), row(0), 0, _, _, _, _, _, _, _, -1))).toBe(
      "#VALUE! lead_time must be a whole number of periods, 0 or more (got -1)",
    );
    expect(excelError(() => table(row(10), row(0), 0, _, _, _, _, _, _, _, 1.5))).toBe(
      "#VALUE! lead_time must be a whole number of periods, 0 or more (got 1.5)",
    );
  });
});

describe("lot limits: min_lot, max_lot, multiple", () => {
  // demand 100, 250, 40, 0, on hand 0, LFL, min 50, max 100, multiple 30:
  // 100 → 120 (multiple of 30; 2 lots of ≤ 100), PAB 20; 20 − 250 → 230 → 240 (3 lots), PAB 10;
  // 10 − 40 → 30 → min 50 → 60 (1 lot), PAB 30
  it("reach MPS.PLAN", () => {
    expect(plan(row(100, 250, 40, 0), 0, _, _, _, _, _, _, 50, 100, 30)).toEqual([[120, 240, 60, 0]]);
  });

  it("reach MPS.TABLE, with a Lots row when a maximum lot splits", () => {
    const block = table(row(100, 250, 40, 0), row(0, 0, 0, 0), 0, _, _, _, _, _, _, _, _, 50, 100, 30);
    expect(block.map((r) => r[0])).toEqual([...BASE, "Lots", "ATP"]);
    expect(byLabel(block)["MPS"]).toEqual([120, 240, 60, 0]);
    expect(byLabel(block)["Lots"]).toEqual([2, 3, 1, 0]);
    expect(byLabel(block)["PAB"]).toEqual([20, 10, 30, 30]);
  });

  it("refuse a minimum above the maximum with #VALUE!", () => {
    expect(excelError(() => plan(row(10), 0, _, _, _, _, _, _, 150, 100))).toBe("#VALUE! min_lot (150) is greater than max_lot (100)");
    expect(excelError(() => table(row(10), row(0), 0, _, _, _, _, _, _, _, _, 150, 100))).toBe(
      "#VALUE! min_lot (150) is greater than max_lot (100)",
    );
  });

  it("refuse a maximum lot or multiple of 0 with #VALUE!", () => {
    expect(excelError(() => plan(row(10), 0, _, _, _, _, _, _, _, 0))).toBe("#VALUE! max_lot must be greater than 0 (got 0)");
    expect(excelError(() => plan(row(10), 0, _, _, _, _, _, _, _, _, -3))).toBe("#VALUE! multiple must be greater than 0 (got -3)");
  });
});

describe("MPS.TABLE(…, plan_from)", () => {
  // forecast 100 × 4, orders 0, 50, 120, 0, window 1/1 (workbook), plan from period 3:
  // periods 1–2 expire (100, 100); period 2's order takes 50 from period 3; period 3's 120 takes
  // its remaining 50 and 70 of period 4 → demand 0, 50, 120, 30; on hand 100: PAB 100, 50, −70
  // → MPS 70, then −30 → MPS 30
  it("lets earlier forecast expire and shows it", () => {
    withSettings({ backward: 1, forward: 1 });
    const block = table(row(100, 100, 100, 100), row(0, 50, 120, 0), 100, _, _, _, _, _, _, _, _, _, _, _, 3);
    expect(block.map((r) => r[0])).toEqual([
      "Forecast", "Orders", "Remaining forecast", "Excess orders", "Expired forecast", "Demand", "Receipts", "PAB", "MPS", "ATP",
    ]);
    expect(byLabel(block)["Expired forecast"]).toEqual([100, 100, 0, 0]);
    expect(byLabel(block)["Remaining forecast"]).toEqual([0, 0, 0, 30]);
    expect(byLabel(block)["MPS"]).toEqual([0, 0, 70, 30]);
  });

  it("plans from period 1 as before when given 1", () => {
    expect(table(row(10, 10), row(0, 0), 0, _, _, _, _, _, _, _, _, _, _, _, 1)).toEqual(table(row(10, 10), row(0, 0), 0));
  });

  it("refuses what is not a period number with #VALUE!", () => {
    expect(excelError(() => table(row(10), row(0), 0, _, _, _, _, _, _, _, _, _, _, _, 0))).toBe(
      "#VALUE! plan_from: 0 is not a period number; plan from period 1, 2, 3, …",
    );
    expect(excelError(() => table(row(10), row(0), 0, _, _, _, _, _, _, _, _, _, _, _, 2.5))).toMatch(/^#VALUE! plan_from: 2.5/);
  });
});

describe("MPS.TABLE(…, capacity, hours_per_unit)", () => {
  const forecast = row(20, 40, 80, 30);
  const orders = row(0, 0, 0, 0);

  it("checks the plan against capacity: Load, Capacity and Utilization % rows, plan unchanged", () => {
    // LFL MPS = demand 20, 40, 80, 30 on capacity 50 → 40, 80, 160, 60 %
    const block = table(forecast, orders, 0, _, _, _, _, _, 50);
    expect(block.map((r) => r[0])).toEqual([...BASE, "ATP", "Load", "Capacity", "Utilization %"]);
    const rows = byLabel(block);
    expect(rows["MPS"]).toEqual([20, 40, 80, 30]);
    expect(rows["Load"]).toEqual([20, 40, 80, 30]);
    expect(rows["Capacity"]).toEqual([50, 50, 50, 50]);
    expect(rows["Utilization %"]).toEqual([40, 80, 160, 60]);
  });

  it("counts hours with hours_per_unit against capacity per period", () => {
    // 2 h per unit: load 40, 80, 160, 60 on 100, 100, 200, 50 h → 40, 80, 80, 120 %
    const rows = byLabel(table(forecast, orders, 0, _, _, _, _, _, row(100, 100, 200, 50), 2));
    expect(rows["Load"]).toEqual([40, 80, 160, 60]);
    expect(rows["Utilization %"]).toEqual([40, 80, 80, 120]);
  });

  it("shows 'no capacity' where there is load on no capacity", () => {
    // load 20 on 0 cannot be a percentage; no load on 0 is 0 %
    const rows = byLabel(table(row(20, 0), row(0, 0), 0, _, _, _, _, _, row(0, 0)));
    expect(rows["Utilization %"]).toEqual(["no capacity", 0]);
  });

  it("levels the MPS with the item's capacity strategy (item master)", () => {
    // build-ahead within 50: 40, 50, 50, 30; utilization 80, 100, 100, 60
    const item = [["On hand", "Capacity strategy"], [0, "build-ahead"]];
    const rows = byLabel(table(forecast, orders, item, _, _, _, _, _, 50));
    expect(rows["MPS"]).toEqual([40, 50, 50, 30]);
    expect(rows["PAB"]).toEqual([20, 30, 0, 0]);
    expect(rows["Utilization %"]).toEqual([80, 100, 100, 60]);
  });

  it("refuses bad capacity input with #VALUE! naming the argument and cell", () => {
    expect(excelError(() => table(forecast, orders, 0, _, _, _, _, _, row(50, "lots", 50, 50)))).toBe(
      "#VALUE! capacity: cell 2 is text 'lots'; enter a number (numbers stored as text are not read)",
    );
    expect(excelError(() => table(forecast, orders, 0, _, _, _, _, _, row(50, 50, -5, 50)))).toBe(
      "#VALUE! capacity: cell 3 is -5; quantities must be 0 or more",
    );
    expect(excelError(() => table(forecast, orders, 0, _, _, _, _, _, -5))).toBe("#VALUE! capacity is negative (-5)");
    expect(excelError(() => table(forecast, orders, 0, _, _, _, _, _, row(50, 50)))).toBe(
      "#VALUE! capacity (2 cells) is shorter than forecast (4): extend capacity to 4 cells",
    );
    expect(excelError(() => table(forecast, orders, 0, _, _, _, _, _, 50, 0))).toBe("#VALUE! hours_per_unit must be greater than 0 (got 0)");
  });

  it("refuses a lot rule with a levelling strategy, saying why", () => {
    const item = [["On hand", "Capacity strategy", "Lot rule", "Lot size"], [0, "level", "FOQ", 60]];
    expect(excelError(() => table(forecast, orders, item, _, _, _, _, _, 50))).toMatch(
      /^#VALUE! item master "Lot rule" \(on_hand row 2, column 3\) FOQ cannot be used with the capacity strategy level/,
    );
  });
});

describe("MPS.TABLE(…, firm_mps)", () => {
  it("keeps the firm MPS in the MPS row, the only MPS inside the planning time fence", () => {
    // fence 1 (workbook), firm 60 in period 1: PAB 40; 40 − 40 = 0; −80 → 80; −30 → 30
    withSettings({ planningTimeFence: 1 });
    const rows = byLabel(table(row(20, 40, 80, 30), row(0, 0, 0, 0), 0, _, _, _, _, _, _, _, _, _, _, _, _, row(60, 0, 0, 0)));
    expect(rows["MPS"]).toEqual([60, 0, 80, 30]);
    expect(rows["PAB"]).toEqual([40, 0, 0, 0]);
    // ATP from supply = MPS: 60 − 0 orders
    expect(rows["ATP"]).toEqual([60, 0, 80, 30]);
  });

  it("refuses a firm MPS of another length with #VALUE!", () => {
    expect(excelError(() => table(row(10, 10), row(0, 0), 0, _, _, _, _, _, _, _, _, _, _, _, _, row(5)))).toBe(
      "#VALUE! firm_mps (1 cell) is shorter than forecast (2): extend firm_mps to 2 cells",
    );
  });
});

describe("every new row at once", () => {
  it("orders the rows as the record declares them", () => {
    const block = table(row(10, 10, 10), row(0, 0, 0), 0, _, _, _, "ATO", _, 20, _, 1, _, 8, _, 2);
    expect(block.map((r) => r[0])).toEqual([
      "Forecast", "Orders", "Remaining forecast", "Excess orders", "Expired forecast", "Demand", "Receipts", "PAB", "MPS",
      "Lots", "Planned start", "ATP", "Final assembly", "Load", "Capacity", "Utilization %",
    ]);
  });
});

describe("the workbook settings Capacity strategy and Plan from period", () => {
  const forecast = row(20, 40, 80, 30);
  const orders = row(0, 0, 0, 0);

  it("level the MPS of every table with capacity when the workbook says so", () => {
    // chase within 50: 20, 40, 50, 50 (30 of period 3 late)
    withSettings({ capacityStrategy: "chase" });
    expect(byLabel(table(forecast, orders, 0, _, _, _, _, _, 50))["MPS"]).toEqual([20, 40, 50, 50]);
    // without capacity the strategy has nothing to level: the plan is the LFL plan
    expect(byLabel(table(forecast, orders, 0))["MPS"]).toEqual([20, 40, 80, 30]);
  });

  it("give way to the item master's Capacity strategy", () => {
    withSettings({ capacityStrategy: "level" });
    const item = [["On hand", "Capacity strategy"], [0, "check"]];
    expect(byLabel(table(forecast, orders, item, _, _, _, _, _, 50))["MPS"]).toEqual([20, 40, 80, 30]);
  });

  it("plan from the workbook's period when plan_from is left empty, and from the argument when given", () => {
    // plan from 2: period 1's forecast 20 expires → demand 0, 40, 80, 30
    withSettings({ planFrom: 2 });
    const rows = byLabel(table(forecast, orders, 0));
    expect(rows["Expired forecast"]).toEqual([20, 0, 0, 0]);
    expect(rows["MPS"]).toEqual([0, 40, 80, 30]);
    expect(table(forecast, orders, 0, _, _, _, _, _, _, _, _, _, _, _, 1)).toEqual(
      (withSettings({}), table(forecast, orders, 0)),
    );
  });
});
