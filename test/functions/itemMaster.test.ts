/**
 * Item master rows given in place of on_hand: reading (layouts, header spellings, blanks,
 * refusals), which value wins (argument > item master > workbook setting), and the same record
 * as the positional arguments.
 */
import fc from "fast-check";
import { plan as planRange, table as tableRange } from "../../src/functions/functions";
import { ITEM_MASTER_HEADERS, readItem, withItemSettings } from "../../src/functions/itemMaster";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { byLabel, excelError, resetSettings, row, withSettings } from "./excelCalls";

const plan = planRange as (...args: unknown[]) => unknown[][];
const table = tableRange as (...args: unknown[]) => unknown[][];

const _ = null;

afterEach(resetSettings);

// The textbook item: forecast 30 × 4 then 40 × 4, orders 33, 20, 10, 4, 2, on hand 64, FOQ 70.
const FORECAST = row(30, 30, 30, 30, 40, 40, 40, 40);
const ORDERS = row(33, 20, 10, 4, 2, 0, 0, 0);
const TEXTBOOK = table(FORECAST, ORDERS, 64, 0, "FOQ", 70);

describe("readItem", () => {
  it("repeats the doc example", () => {
    expect(readItem("on_hand", [["Item", "On hand", "Lead time"], ["Bike", 64, 2]])).toEqual({
      kind: "item-master",
      values: { onHand: 64, leadTime: 2 },
      settings: {},
      sources: { on_hand: 'item master "On hand" (on_hand row 2, column 2)', lead_time: 'item master "Lead time" (on_hand row 2, column 3)' },
    });
    expect(readItem("on_hand", [[64]])).toBe(64);
  });

  it("puts per-item settings apart from the item's values", () => {
    const item = readItem("on_hand", [["On hand", "Model", "Planning time fence", "ATP method"], [5, "mto", 2, "Look-ahead"]]);
    expect(item).toMatchObject({ values: { onHand: 5 }, settings: { model: "MTO", planningTimeFence: 2, atpMethod: "lookahead" } });
  });

  it("documents every header it reads", () => {
    expect(ITEM_MASTER_HEADERS).toEqual([
      "On hand", "Safety stock", "Lot rule", "Lot size", "Min lot", "Max lot", "Multiple", "Lead time", "Model", "Capacity",
      "Hours per unit", "Plan from", "Demand time fence", "Planning time fence", "Backward", "Forward", "Consumption mode",
      "ATP method", "Capacity strategy",
    ]);
  });
});

describe("an item master row in place of on_hand", () => {
  it("gives the record the positional arguments give", () => {
    const item = [["Item", "On hand", "Safety stock", "Lot rule", "Lot size"], ["Bike", 64, 0, "FOQ", 70]];
    expect(table(FORECAST, ORDERS, item)).toEqual(TEXTBOOK);
  });

  it("reads a header column and a value column (a parameter card) the same way", () => {
    const card = [["On hand", 64], ["Lot rule", "FOQ"], ["Lot size", 70]];
    expect(table(FORECAST, ORDERS, card)).toEqual(TEXTBOOK);
  });

  it("matches headers in any case, with spaces, underscores or dashes, and ignores unknown ones", () => {
    const item = [["ON_HAND", "lot-rule", "LotSize", "Description", 42], [64, "foq", 70, "red bike", "x"]];
    expect(table(FORECAST, ORDERS, item)).toEqual(TEXTBOOK);
  });

  it("accepts the task pane's labels for per-item settings", () => {
    const item = [["On hand", "Production model", "Backward periods"], [0, "ATO", 1]];
    expect(table(row(10, 10), row(4, 12), item).map((r) => r[0])).toContain("Final assembly");
  });

  it("reaches MPS.PLAN", () => {
    // the textbook demand 33, 30, 30, 30, 40, 40, 40, 40 with FOQ 70 from the item master
    const item = [["On hand", "Lot rule", "Lot size", "Lead time"], [64, "FOQ", 70, 2]];
    expect(plan(row(33, 30, 30, 30, 40, 40, 40, 40), item)).toEqual([[0, 0, 70, 0, 70, 0, 70, 70]]);
  });

  it("brings lead time, lot limits, capacity and plan from, each adding its rows", () => {
    const item = [["On hand", "Lead time", "Max lot", "Capacity", "Plan from"], [0, 1, 8, 20, 2]];
    expect(table(row(10, 10, 10), row(0, 0, 0), item).map((r) => r[0])).toEqual([
      "Forecast", "Orders", "Remaining forecast", "Excess orders", "Expired forecast", "Demand", "Receipts", "PAB", "MPS",
      "Lots", "Planned start", "ATP", "Load", "Capacity", "Utilization %",
    ]);
  });
});

describe("which value wins", () => {
  it("an argument in the formula wins over the item master", () => {
    // FOQ 50 typed in: 64 − 33 = 31, 1, 1 − 30 → 50 → 21, 21 − 30 → 50 → 41, 1, 1 − 40 → 50 → 11, …
    const item = [["On hand", "Lot rule", "Lot size"], [64, "FOQ", 70]];
    expect(table(FORECAST, ORDERS, item, _, _, 50)).toEqual(table(FORECAST, ORDERS, 64, _, "FOQ", 50));
    expect(table(FORECAST, ORDERS, item, _, "LFL")).toEqual(table(FORECAST, ORDERS, 64, _, "LFL"));
  });

  it("the item master wins over the workbook setting", () => {
    // workbook MTO would plan orders only; the item is MTS
    withSettings({ model: "MTO", planningTimeFence: 3 });
    const item = [["On hand", "Model", "Planning time fence", "Lot rule", "Lot size"], [64, "MTS", 0, "FOQ", 70]];
    expect(table(FORECAST, ORDERS, item)).toEqual(TEXTBOOK);
  });

  it("a blank value cell is not given: the argument, else the setting, applies", () => {
    withSettings({ model: "ATO" });
    const item = [["On hand", "Model", "Lead time", "Max lot", "Capacity"], [0, null, "", 0, 0]];
    // Model blank → the workbook's ATO; Lead time blank, Max lot and Capacity 0 (a blank cell on desktop) → no rows
    expect(table(row(10, 10), row(4, 12), item).map((r) => r[0])).toEqual([
      "Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP", "Final assembly",
    ]);
  });

  it("the item's consumption window replaces the workbook's", () => {
    // window 1/1 from the item: period 2's extra 150 takes 50 from period 1, 100 from period 3
    const item = [["On hand", "Backward", "Forward"], [0, 1, 1]];
    const rows = byLabel(table(row(350, 350, 350, 350), row(300, 500, 280, 0), item));
    expect(rows["Remaining forecast"]).toEqual([0, 0, 0, 320]);
  });
});

describe("item master refusals", () => {
  it("asks for On hand, naming it", () => {
    expect(excelError(() => table(FORECAST, ORDERS, [["Safety stock", "Lot rule"], [5, "LFL"]]))).toBe(
      '#VALUE! on_hand: the item master has no "On hand" header; On hand is required',
    );
    expect(excelError(() => table(FORECAST, ORDERS, [["Item", "On hand"], ["Bike", null]]))).toBe(
      '#VALUE! on_hand: the item master\'s "On hand" (on_hand row 2, column 2) is empty; On hand is required',
    );
  });

  it("names the header and cell of a value that is not a number or not a choice", () => {
    expect(excelError(() => table(FORECAST, ORDERS, [["On hand", "Lead time"], [64, "two"]]))).toBe(
      '#VALUE! item master "Lead time" (on_hand row 2, column 2): \'two\' is text; enter a number (numbers stored as text are not read)',
    );
    expect(excelError(() => table(FORECAST, ORDERS, [["On hand", "Lot rule"], [64, "EOQ"]]))).toBe(
      "#VALUE! item master \"Lot rule\" (on_hand row 2, column 2): 'EOQ' is not valid; use one of LFL, FOQ, POQ",
    );
  });

  it("names the header and cell of a value the plan refuses", () => {
    expect(excelError(() => table(FORECAST, ORDERS, [["On hand", "Lead time"], [64, -1]]))).toBe(
      '#VALUE! item master "Lead time" (on_hand row 2, column 2) must be a whole number of periods, 0 or more (got -1)',
    );
    expect(excelError(() => table(FORECAST, ORDERS, [["On hand", "Min lot", "Max lot"], [64, 50, 10]]))).toBe(
      '#VALUE! item master "Min lot" (on_hand row 2, column 2) (50) is greater than item master "Max lot" (on_hand row 2, column 3) (10)',
    );
    expect(excelError(() => table(FORECAST, ORDERS, [["On hand", "Plan from"], [64, 1.5]]))).toBe(
      '#VALUE! item master "Plan from" (on_hand row 2, column 2): 1.5 is not a period number; plan from period 1, 2, 3, …',
    );
    expect(excelError(() => table(FORECAST, ORDERS, [["On hand", "Capacity", "Hours per unit"], [64, 50, -2]]))).toBe(
      '#VALUE! item master "Hours per unit" (on_hand row 2, column 3) must be greater than 0 (got -2)',
    );
    expect(excelError(() => table(FORECAST, ORDERS, [["On hand", "Backward"], [64, -1]]))).toBe(
      '#VALUE! item master "Backward" (on_hand row 2, column 2) must be a whole number of periods, 0 or more (got -1)',
    );
  });

  it("refuses a header given twice", () => {
    expect(excelError(() => table(FORECAST, ORDERS, [["On hand", "Lead time", "lead_time"], [64, 1, 2]]))).toBe(
      '#VALUE! on_hand: the item master has "Lead time" twice (on_hand row 1, column 2 and on_hand row 1, column 3); keep one',
    );
  });

  it("refuses a range that is neither one cell nor an item master as before", () => {
    expect(excelError(() => table(FORECAST, ORDERS, [[1, 2, 3]]))).toBe("#VALUE! on_hand: expected one cell, got 1×3 cells");
  });
});

describe("item master and positional arguments (property)", () => {
  const quantities = (n: number) => fc.array(fc.integer({ min: 0, max: 60 }), { minLength: n, maxLength: n });
  const item = fc.integer({ min: 1, max: 10 }).chain((n) =>
    fc.record({
      forecast: quantities(n),
      orders: quantities(n),
      onHand: fc.integer({ min: 0, max: 100 }),
      safetyStock: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      lotRule: fc.option(fc.constantFrom("LFL", "FOQ"), { nil: undefined }),
      leadTime: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      minLot: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      maxLot: fc.option(fc.integer({ min: 10, max: 50 }), { nil: undefined }),
      multiple: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      model: fc.option(fc.constantFrom("MTS", "ATO", "MTO"), { nil: undefined }),
      capacity: fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
      hoursPerUnit: fc.option(fc.constantFrom(0.5, 1, 2), { nil: undefined }),
      planFrom: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    }),
  );

  it("give the same record", () => {
    fc.assert(
      fc.property(item, (x) => {
        const lotSize = x.lotRule === "FOQ" ? 25 : undefined;
        const positional = [
          row(...x.forecast), row(...x.orders), x.onHand, x.safetyStock, x.lotRule, lotSize, x.model, _, x.capacity, x.hoursPerUnit,
          x.leadTime, x.minLot, x.maxLot, x.multiple, x.planFrom,
        ].map((v) => (v === undefined ? _ : v));
        const headers = ["On hand", "Safety stock", "Lot rule", "Lot size", "Model", "Capacity", "Hours per unit", "Lead time",
          "Min lot", "Max lot", "Multiple", "Plan from"];
        const values = [x.onHand, x.safetyStock, x.lotRule, lotSize, x.model, x.capacity, x.hoursPerUnit, x.leadTime, x.minLot,
          x.maxLot, x.multiple, x.planFrom].map((v) => (v === undefined ? "" : v));
        const outcome = (call: () => unknown) => {
          try {
            return call();
          } catch (error) {
            return String((error as { message: string }).message.replace(/item master "([^"]+)" \([^)]*\)/g, "$1"));
          }
        };
        const byArguments = outcome(() => table(...positional));
        const byItemMaster = outcome(() => table(row(...x.forecast), row(...x.orders), [headers, values]));
        if (typeof byArguments === "string") expect(typeof byItemMaster).toBe("string");
        else expect(byItemMaster).toEqual(byArguments);
      }),
    );
  });
});

describe("the help page", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build's CommonJS script, as webpack loads it
  const help = require("../../scripts/helpPage.js") as { renderHelpPage(m: { functions: [] }): string; ITEM_MASTER_HEADERS: string[] };

  it("lists every header the item master reader accepts", () => {
    expect(help.ITEM_MASTER_HEADERS).toEqual(ITEM_MASTER_HEADERS);
    const page = help.renderHelpPage({ functions: [] });
    for (const header of ITEM_MASTER_HEADERS) expect(page).toContain(header);
  });
});

describe("withItemSettings", () => {
  it("repeats the doc example: the item's settings over the workbook's", () => {
    const master = readItem("on_hand", [["On hand", "Planning time fence"], [0, 3]]);
    expect(withItemSettings(DEFAULT_SETTINGS, master)).toEqual({ ...DEFAULT_SETTINGS, planningTimeFence: 3 });
    expect(withItemSettings(DEFAULT_SETTINGS, 64)).toBe(DEFAULT_SETTINGS);
  });
});
