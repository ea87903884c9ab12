/**
 * The MPS.* functions as Excel calls them: 2-D ranges in (rows or columns, with empty cells
 * as desktop and web pass them), spilled arrays or CustomFunctions.Error out.
 */
import { atp, consume, demand, explode, pab, peg, plan as planRange, promise, table as tableRange } from "../../src/functions/functions";
import { setFunctionsSettingsForTests } from "../../src/shared/settingsStore";
import { fixedSettingsSource, officeSettingsSource } from "../../src/shared/settingsSource";
import { DEFAULT_SETTINGS, toStored } from "../../src/shared/settings";
import { excelError } from "./excelCall";

// on_hand of PLAN and TABLE is declared a range (it may be an item master); Excel passes one
// cell as [[64]], and the number alone is read the same way.
const plan = planRange as (...args: unknown[]) => unknown[][];
const table = tableRange as (...args: unknown[]) => unknown[][];

/** What Excel passes for an omitted optional argument. */
const OMITTED = null as never;
const row = (...values: unknown[]) => [values];
const column = (...values: unknown[]) => values.map((v) => [v]);


afterEach(() => setFunctionsSettingsForTests(fixedSettingsSource(undefined)));

/** What a call that may return a promise came to, without ever leaving a rejection unhandled. */
function settled(result: unknown): Promise<{ value: unknown } | { error: unknown }> {
  return Promise.resolve(result).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

// Textbook item: on hand 64, FOQ 70, forecast 30×4 then 40×4, orders 33,20,10,4,2.
const FORECAST = [30, 30, 30, 30, 40, 40, 40, 40];
const ORDERS = [33, 20, 10, 4, 2, 0, 0, 0];

describe("MPS.CONSUME", () => {
  it("returns the remaining forecast in the orientation of the input", () => {
    // 350 - 130 = 220, 350 - 100 = 250, 350 - 80 = 270
    expect(consume(row(350, 350, 350), row(130, 100, 80))).toEqual([[220, 250, 270]]);
    expect(consume(column(350, 350, 350), column(130, 100, 80))).toEqual([[220], [250], [270]]);
  });

  it("lets orders consume nearby periods inside the window", () => {
    // window 0/0: 50, 0, 70, 350; window 1/1: period 2's extra 150 takes 50 from p1 (backward), then 100 from p3
    expect(consume(row(350, 350, 350, 350), row(300, 500, 280, 0))).toEqual([[50, 0, 70, 350]]);
    expect(consume(row(350, 350, 350, 350), row(300, 500, 280, 0), 1, 1)).toEqual([[0, 0, 0, 320]]);
  });

  it("reads empty cells as 0 however the host passes them (0, null, \"\" from a formula)", () => {
    expect(consume(row(100, null, "", 0), row(null, 0, "", 30))).toEqual([[100, 0, 0, 0]]);
  });

  it("accepts option names in any case and spelling", () => {
    const expected = consume(row(10, 10), row(0, 15), 1, 0, "backward");
    expect(consume(row(10, 10), row(0, 15), 1, 0, "BACKWARD")).toEqual(expected);
    expect(consume(row(10, 10), row(0, 15), 1, 0, "Backward")).toEqual([[5, 0]]);
  });

  it("refuses text, booleans and error values in a series with #VALUE! naming the cell", () => {
    expect(excelError(() => consume(row(1, 2, 3, 4, 5), row(1, 2, 3, 4, "abc")))).toBe(
      "#VALUE! orders: cell 5 is text 'abc'; enter a number (numbers stored as text are not read)",
    );
    expect(excelError(() => consume(row(1, "12"), row(0, 0)))).toMatch(/^#VALUE! forecast: cell 2 is text '12'/);
    expect(excelError(() => consume(row(1, true), row(0, 0)))).toMatch(/^#VALUE! forecast: cell 2 is TRUE/);
    expect(excelError(() => consume(row(1, { type: "DIV_BY_ZERO" }), row(0, 0)))).toMatch(
      /^#VALUE! forecast: cell 2 is the error #DIV_BY_ZERO/,
    );
  });

  it("refuses negative quantities with #VALUE!, the error Excel shows a message on", () => {
    expect(excelError(() => consume(row(1, 2, -4), row(0, 0, 0)))).toBe("#VALUE! forecast: cell 3 is -4; quantities must be 0 or more");
  });

  it("refuses series of different lengths, saying which one to extend and to how many cells", () => {
    expect(excelError(() => consume(row(1, 2, 3), row(1, 2)))).toBe(
      "#VALUE! orders (2 cells) is shorter than forecast (3): extend orders to 3 cells",
    );
    expect(excelError(() => consume(row(1), row(1, 2)))).toBe("#VALUE! forecast (1 cell) is shorter than orders (2): extend forecast to 2 cells");
  });

  it("refuses a block that is neither a row nor a column", () => {
    expect(excelError(() => consume([[1, 2], [3, 4]], row(1, 2)))).toBe(
      "#VALUE! forecast: expected one row or one column, got 2×2 cells",
    );
  });

  it("refuses an unknown mode, listing the valid ones", () => {
    expect(excelError(() => consume(row(1), row(1), 0, 0, "sideways"))).toBe(
      "#VALUE! mode: 'sideways' is not valid; use one of backward-forward, forward-backward, backward, forward",
    );
  });

  it("refuses a negative or fractional window with #VALUE!", () => {
    expect(excelError(() => consume(row(1), row(1), -1))).toMatch(/^#VALUE! backward/);
    expect(excelError(() => consume(row(1), row(1), 0, 1.5))).toMatch(/^#VALUE! forward/);
  });
});

describe("MPS.DEMAND", () => {
  it("plans orders only inside the demand time fence, orders + remaining forecast after", () => {
    // forecast 10×6, orders 12,8,5: dtf 2 → 12, 8, then max(10, orders) → 10,10,10,10
    expect(demand(row(10, 10, 10, 10, 10, 10), row(12, 8, 5, 0, 0, 0), "MTS", 2)).toEqual([[12, 8, 10, 10, 10, 10]]);
  });

  it("plans orders only for make to order", () => {
    expect(demand(row(10, 10, 10), row(12, 8, 5), "mto")).toEqual([[12, 8, 5]]);
  });

  it("reads an option from an empty cell as not given, as desktop (0) or web (null) passes it", () => {
    // MTO from the settings would plan orders only; the default MTS plans max(forecast, orders)
    expect(demand(row(10, 10, 10), row(12, 8, 5), 0)).toEqual([[12, 10, 10]]);
    expect(demand(row(10, 10, 10), row(12, 8, 5), OMITTED)).toEqual([[12, 10, 10]]);
  });

  it("refuses an unknown model", () => {
    expect(excelError(() => demand(row(1), row(1), "JIT"))).toBe("#VALUE! model: 'JIT' is not valid; use one of MTS, ATO, MTO");
  });
});

describe("MPS.PLAN and MPS.PAB", () => {
  const demandRow = row(33, 30, 30, 30, 40, 40, 40, 40);

  it("plans fixed order quantities when PAB would go below safety stock", () => {
    // 64-33=31, 31-30=1, 1-30<0 → +70 → 41, 11, 11-40<0 → +70 → 41, 1, 1-40<0 → 31, 31-40<0 → 61
    expect(plan(demandRow, 64, 0, "FOQ", 70)).toEqual([[0, 0, 70, 0, 70, 0, 70, 70]]);
    expect(pab(demandRow, 64, row(0, 0, 70, 0, 70, 0, 70, 70))).toEqual([[31, 1, 41, 11, 41, 1, 31, 61]]);
  });

  it("plans lot for lot, with and without safety stock, and POQ", () => {
    const d = column(12, 8, 10, 10, 10, 10);
    expect(plan(d, 20)).toEqual(column(0, 0, 10, 10, 10, 10));
    expect(plan(d, 20, 5, "lfl")).toEqual(column(0, 5, 10, 10, 10, 10));
    expect(plan(d, 20, 0, "POQ", 2)).toEqual(column(0, 0, 20, 0, 20, 0));
  });

  it("uses the firm MPS inside the planning time fence", () => {
    // fence 3: no new lots in periods 1-3, only the firm 10 in period 2. PAB -5, -5, -15 (the
    // engine asks to expedite), so period 4, the first one free, plans the catch-up: 15 + 10 = 25
    expect(plan(row(10, 10, 10, 10), 5, 0, "LFL", OMITTED, OMITTED, 3, row(0, 10, 0, 0))).toEqual([[0, 10, 0, 25]]);
  });

  it("asks for the FOQ quantity in the words of the spreadsheet", () => {
    expect(excelError(() => plan(demandRow, 64, 0, "FOQ"))).toMatch(/^#VALUE! lot_size is required for FOQ/);
  });

  it("refuses a range where one cell is expected", () => {
    expect(excelError(() => plan(demandRow, [[1, 2]]))).toBe("#VALUE! on_hand: expected one cell, got 1×2 cells");
    expect(excelError(() => plan(demandRow, 64, 0, [["FOQ"], ["LFL"]]))).toBe("#VALUE! lot_rule: expected one cell, got 2×1 cells");
  });

  it("refuses text as on_hand and a missing on_hand", () => {
    expect(excelError(() => plan(demandRow, "lots" as unknown as number))).toMatch(/^#VALUE! on_hand: 'lots' is text/);
    expect(excelError(() => plan(demandRow, null as unknown as number))).toBe("#VALUE! on_hand is required");
  });
});

describe("MPS.ATP and MPS.PROMISE", () => {
  const supply = row(0, 0, 60, 0, 0, 60, 0, 0);
  const orders = row(30, 25, 30, 10, 0, 35, 0, 0);

  it("computes discrete and cumulative ATP", () => {
    // 80-30-25 = 25; 60-30-10-0 = 20; 60-35 = 25
    expect(atp(80, supply, orders)).toEqual([[25, 0, 20, 0, 0, 25, 0, 0]]);
    expect(atp(80, supply, orders, "Cumulative")).toEqual([[25, 25, 45, 45, 45, 70, 70, 70]]);
  });

  // PROMISE takes ranges (a quantity or a column of order lines), so Excel hands a typed 40 over
  // as [[40]] and shows the 1×1 result as the one value it holds.
  const cell = (value: unknown) => [[value]];

  it("finds the earliest period a quantity can be promised, counted from 1", () => {
    // lookahead ATP 25,25,45,45,45,70,70,70 → 40 first fits in period 3
    expect(promise(cell(40), cell(80), supply, orders, "lookahead")).toEqual([[3]]);
  });

  it("promises no earlier than the customer's requested period", () => {
    // lookahead ATP 25,25,45,45,45,70,70,70: 40 asked for period 4 → 4; 60 asked for 2 → 6
    expect(promise(cell(40), cell(80), supply, orders, "lookahead", cell(4))).toEqual([[4]]);
    expect(promise(cell(60), cell(80), supply, orders, "lookahead", cell(2))).toEqual([[6]]);
  });

  it("refuses a requested period that is not a period number", () => {
    expect(excelError(() => promise(cell(40), cell(80), supply, orders, "lookahead", cell(0)))).toBe(
      "#VALUE! requested_period: 0 is not a period number; periods count 1, 2, 3, …",
    );
    expect(excelError(() => promise(cell(40), cell(80), supply, orders, "lookahead", cell(2.5)))).toMatch(/^#VALUE! requested_period/);
  });

  it("answers #N/A 'not within horizon' when nothing covers the quantity", () => {
    expect(excelError(() => promise(cell(500), cell(80), supply, orders, "lookahead"))).toBe("#N/A not within horizon");
  });
});

describe("MPS.TABLE", () => {
  it("spills the labelled record of the textbook item", () => {
    const block = table(row(...FORECAST), row(...ORDERS), 64, 0, "FOQ", 70);
    expect(block.map((r) => r[0])).toEqual([
      "Forecast",
      "Orders",
      "Remaining forecast",
      "Excess orders",
      "Demand",
      "Receipts",
      "PAB",
      "MPS",
      "ATP",
    ]);
    const byLabel = Object.fromEntries(block.map((r) => [r[0], r.slice(1)]));
    expect(byLabel["PAB"]).toEqual([31, 1, 41, 11, 41, 1, 31, 61]);
    expect(byLabel["MPS"]).toEqual([0, 0, 70, 0, 70, 0, 70, 70]);
    expect(byLabel["ATP"]).toEqual([11, 0, 56, 0, 68, 0, 70, 70]);
    expect(byLabel["Excess orders"]).toEqual([3, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("adds the final-assembly row for ATO and transposes for column inputs", () => {
    const block = table(column(10, 10), column(4, 12), 0, 0, "LFL", OMITTED, "ATO");
    expect(block[0]).toEqual(["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP", "Final assembly"]);
    expect(block).toHaveLength(3);
    expect(block[1][9]).toBe(4);
    expect(block[2][9]).toBe(12);
  });
});

describe("MPS.PEG", () => {
  it("lists each allocation with 1-based periods and the excess", () => {
    // window 0/0: period 1 order 12 takes 10 of its forecast, 2 are excess; period 2 order 5 takes 5
    expect(peg(row(10, 10), row(12, 5))).toEqual([
      ["Order period", "Forecast period", "Quantity"],
      [1, 1, 10],
      [1, "excess", 2],
      [2, 2, 5],
    ]);
  });
});

describe("MPS.EXPLODE", () => {
  it("explodes a family forecast by attach rate: option quantity per family unit", () => {
    // 100 × 0.6 = 60, 200 × 0.6 = 120; 100 × 0.4 = 40, 200 × 0.4 = 80
    expect(explode(row(100, 200), column(0.6, 0.4))).toEqual([[60, 120], [40, 80]]);
  });

  it("reads a rate as typed, never as a percentage guessed from its size", () => {
    // 200 % formatted arrives as 2: two per family unit, 100 × 2 = 200 (it once read as 2 %);
    // a typed 60 is 60 per unit: 100 × 60 = 6000
    expect(explode(row(100), column(2))).toEqual([[200]]);
    expect(explode(row(100), column(60))).toEqual([[6000]]);
  });

  it("takes {150%;50%}, rates above and below 1 together (it was refused as mixed)", () => {
    // 100 × 1.5 = 150, 100 × 0.5 = 50
    expect(explode(row(100), column(1.5, 0.5))).toEqual([[150], [50]]);
  });

  it("reads the hedge as a share as typed: 0.5 (50 %) is half, 1 (100 %) doubles", () => {
    // 60 × 0.5 = 30; 60 × 1 = 60 (a hedge of 1 once read as 1 %)
    expect(explode(row(100), column(0.6), 0.5)).toEqual([[60], [30]]);
    expect(explode(row(100), column(0.6), 1)).toEqual([[60], [60]]);
  });

  it("reports the hedge in its own rows after the base rows", () => {
    // 10 % of 60, 120, 40, 80
    expect(explode(row(100, 200), column(0.6, 0.4), 0.1)).toEqual([[60, 120], [40, 80], [6, 12], [4, 8]]);
  });

  it("lays options out as columns when the family forecast runs down a column", () => {
    expect(explode(column(100, 200), column(0.5))).toEqual([[50], [100]]);
  });
});

describe("workbook defaults", () => {
  const stored = toStored({ ...DEFAULT_SETTINGS, backward: 1, forward: 1, model: "MTO", atpMethod: "cumulative" });

  it("take the saved window, model and ATP method for arguments left empty", () => {
    setFunctionsSettingsForTests(fixedSettingsSource(stored));
    expect(consume(row(350, 350, 350, 350), row(300, 500, 280, 0))).toEqual([[0, 0, 0, 320]]);
    expect(demand(row(10, 10, 10), row(12, 8, 5))).toEqual([[12, 8, 5]]);
    expect(atp(80, row(0, 0, 60), row(30, 25, 30), OMITTED)).toEqual([[25, 25, 55]]);
  });

  it("are taken for a number argument left out (null) or given as empty text (\"\", e.g. from IF)", () => {
    setFunctionsSettingsForTests(fixedSettingsSource(stored));
    expect(consume(row(350, 350, 350, 350), row(300, 500, 280, 0), "", "")).toEqual([[0, 0, 0, 320]]);
    expect(consume(row(350, 350, 350, 350), row(300, 500, 280, 0), OMITTED, OMITTED)).toEqual([[0, 0, 0, 320]]);
  });

  it("are overridden by an argument given in the formula", () => {
    setFunctionsSettingsForTests(fixedSettingsSource(stored));
    expect(consume(row(350, 350, 350, 350), row(300, 500, 280, 0), 0, 0)).toEqual([[50, 0, 70, 350]]);
  });

  it("are read from the document's add-in settings inside Office", () => {
    const get = jest.fn().mockReturnValue(stored);
    Object.assign(globalThis, { Office: { context: { document: { settings: { get } } } } });
    try {
      setFunctionsSettingsForTests(officeSettingsSource());
      expect(consume(row(350, 350, 350, 350), row(300, 500, 280, 0))).toEqual([[0, 0, 0, 320]]);
      expect(get).toHaveBeenCalledWith("mps.settings");
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it("are waited for while Office.js is still starting, instead of planning with the defaults", async () => {
    let start: () => void = () => undefined;
    const onReady = jest.fn(() => new Promise<void>((resolve) => (start = resolve)));
    const get = jest.fn().mockReturnValue(stored);
    Object.assign(globalThis, { Office: { onReady, context: { document: { settings: { get } } } } });
    try {
      setFunctionsSettingsForTests(officeSettingsSource());
      const calls = [consume(row(350, 350, 350, 350), row(300, 500, 280, 0)), consume(row(1), row(-1))];
      // Both outcomes are taken at once: a rejection nobody awaits yet (because an expectation
      // below failed first) would end the whole jest run without a report.
      const outcomes = Promise.all(calls.map(settled));
      expect(calls[0]).toBeInstanceOf(Promise);
      expect(calls[1]).toBeInstanceOf(Promise);
      expect(get).not.toHaveBeenCalled();
      start();
      const [pending, refused] = await outcomes;
      expect(pending).toEqual({ value: [[0, 0, 0, 320]] });
      expect(refused).toMatchObject({ error: { code: "#VALUE!", message: "orders: cell 1 is -1; quantities must be 0 or more" } });
      // Once Office is ready, calls compute at once again.
      expect(consume(row(350, 350), row(300, 500))).toEqual([[0, 0]]);
      expect(onReady).toHaveBeenCalledTimes(1);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });

  it("fall back to the defaults when the saved value is corrupt, never an error", () => {
    setFunctionsSettingsForTests(fixedSettingsSource("{not json"));
    expect(consume(row(350, 350), row(300, 500))).toEqual([[50, 0]]);
    setFunctionsSettingsForTests(fixedSettingsSource(JSON.stringify({ backward: -3, mode: "nope" })));
    expect(consume(row(350, 350), row(300, 500))).toEqual([[50, 0]]);
  });
});
