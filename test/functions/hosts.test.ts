/**
 * What real Excel hands the MPS functions, and what a planner sees back, through the exported
 * functions as Excel calls them (issue #10, "same answer on every Excel"; #16 §6, messages
 * that point):
 * - an empty referenced cell arrives as 0 (older desktop builds) or null (Excel on the web,
 *   current desktop builds; office-js#4702), a left-out argument as null; Excel passes the
 *   invocation last, with `parameterAddresses` ("Plan!B3:M3", CustomFunctionsRuntime 1.3) for
 *   functions declared @requiresParameterAddresses and `address` for @requiresAddress;
 * - data-type cells arrive as `{ type: "Double", basicValue }` objects (CustomFunctionsRuntime 1.4);
 * - Excel shows a custom message only on #VALUE! and #N/A (learn.microsoft.com,
 *   "Handle and return errors from your custom function").
 */
import * as engine from "../../src/engine";
import { consume, demand, explode, pab, peg, plan as planRange, promise as promiseRange, table as tableRange } from "../../src/functions/functions";
import { MAX_CELLS, resultLimit } from "../../src/functions/define";
import { invoke } from "../../src/functions/invoke";
import { fixedSettingsSource } from "../../src/shared/settingsSource";
import { setFunctionsSettingsForTests } from "../../src/shared/settingsStore";
import { DEFAULT_SETTINGS, toStored } from "../../src/shared/settings";
import { at, column, excelError, row } from "./excelCalls";

/** What Excel passes for an argument left out. */
const LEFT_OUT = null as never;
/** An empty referenced cell: desktop (older builds) and web. */
const EMPTY_ON = { desktop: 0, web: null } as const;

// on_hand of PLAN, TABLE and PROMISE and PROMISE's quantity are declared ranges (an item master,
// a TABLE block, order lines); Excel passes one cell as [[64]], and the number alone reads the same.
const plan = planRange as (...args: unknown[]) => unknown[][];
const table = tableRange as (...args: unknown[]) => unknown[][];
const promise = promiseRange as (...args: unknown[]) => unknown[][];
/** PLAN's and PROMISE's optional arguments after the ones these tests give, left out: the invocation comes last. */
const PLAN_LOT_LIMITS = [LEFT_OUT, LEFT_OUT, LEFT_OUT];
const PROMISE_BY_DATE_AND_MTO = [LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT];


const FORECAST = row(350, 350, 350, 350);
const ORDERS = row(300, 500, 280, 0);
// Window 0/0: 50, 0, 70, 350. Window 1/1 (the saved settings below): 0, 0, 0, 320.
const WINDOW_0 = [[50, 0, 70, 350]];
const WINDOW_1 = [[0, 0, 0, 320]];

beforeEach(() => setFunctionsSettingsForTests(fixedSettingsSource(toStored({ ...DEFAULT_SETTINGS, backward: 1, forward: 1 }))));
afterEach(() => setFunctionsSettingsForTests(fixedSettingsSource(undefined)));

describe("an empty cell given as an argument: 0, on desktop and on the web alike", () => {
  const site = at("Plan!A10", "Plan!B1:E1", "Plan!B2:E2", "Plan!P1", "Plan!P2");

  it.each(Object.entries(EMPTY_ON))("plans a window from empty cells as 0 on %s (%p), not with the workbook's window", (_, empty) => {
    expect(consume(FORECAST, ORDERS, empty, empty, LEFT_OUT, site)).toEqual(WINDOW_0);
  });

  it("takes the workbook's window for arguments left out, on both, with or without addresses", () => {
    expect(consume(FORECAST, ORDERS, LEFT_OUT, LEFT_OUT, LEFT_OUT, at("Plan!A10", "Plan!B1:E1", "Plan!B2:E2", "", ""))).toEqual(WINDOW_1);
    expect(consume(FORECAST, ORDERS, LEFT_OUT, LEFT_OUT)).toEqual(WINDOW_1);
    // Empty text, e.g. from IF(…, 2, ""), is left out too.
    expect(consume(FORECAST, ORDERS, "", "", LEFT_OUT, site)).toEqual(WINDOW_1);
  });

  it.each(Object.entries(EMPTY_ON))("plans with on hand 0 from an empty on-hand cell on %s, instead of refusing it on the web", (_, empty) => {
    // demand 10, 10: on hand 0 → LFL MPS 10, 10
    expect(plan(row(10, 10), empty, LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT, ...PLAN_LOT_LIMITS, at("Plan!A9", "Plan!B5:C5", "Plan!P3"))).toEqual([[10, 10]]);
    expect(pab(row(10, 10), empty, row(10, 10), at("Plan!A9", "Plan!B5:C5", "Plan!P3", "Plan!B6:C6"))).toEqual([[0, 0]]);
  });

  it.each(Object.entries(EMPTY_ON))("takes the workbook's model for an option in an empty cell on %s", (_, empty) => {
    setFunctionsSettingsForTests(fixedSettingsSource(toStored({ ...DEFAULT_SETTINGS, model: "MTO" })));
    // MTO plans orders only: 12, 8, 5
    expect(demand(row(10, 10, 10), row(12, 8, 5), empty, LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT, at("Plan!A9", "Plan!B1:D1", "Plan!B2:D2", "Plan!P4"))).toEqual([
      [12, 8, 5],
    ]);
  });

  it("treats a requested period in an empty cell as 0, refused with a message, on both", () => {
    const supply = row(0, 60);
    const orders = row(0, 0);
    for (const empty of Object.values(EMPTY_ON)) {
      expect(excelError(() => promise(10, 0, supply, orders, LEFT_OUT, empty, ...PROMISE_BY_DATE_AND_MTO, at("Plan!A9", "", "", "Plan!B6:C6", "Plan!B3:C3", "", "Plan!P5")))).toBe(
        "#VALUE! requested_period: 0 is not a period number; periods count 1, 2, 3, …",
      );
    }
    expect(promise(10, 0, supply, orders, LEFT_OUT, LEFT_OUT, ...PROMISE_BY_DATE_AND_MTO, at("Plan!A9", "", "", "Plan!B6:C6", "Plan!B3:C3", "", ""))).toEqual([[2]]);
  });
});

describe("refusals Excel can show: #VALUE! or #N/A, with the message", () => {
  it("shows the engine's out-of-range refusals (its NUM) as #VALUE!", () => {
    expect(excelError(() => plan(row(10), 0, 0, "FOQ", 0))).toMatch(/^#VALUE! lot_size must be greater than 0/);
    expect(excelError(() => consume(row(1), row(1), 0, 1.5))).toMatch(/^#VALUE! forward must be a whole number/);
    expect(excelError(() => plan(row(10), -1))).toMatch(/^#VALUE! on_hand is negative/);
    expect(excelError(() => consume(row(1, NaN), row(0, 0)))).toBe("#VALUE! forecast: cell 2 is NaN");
    expect(excelError(() => plan(row(10), Infinity))).toBe("#VALUE! on_hand: Infinity is not a finite number");
    // The adapter both hosts share gives VALUE itself (the headless host maps codes one to one).
    expect(invoke("PLAN", [row(10), -1], DEFAULT_SETTINGS)).toMatchObject({ kind: "error", code: "VALUE" });
    expect(invoke("CONSUME", [row(1), row(1), 0, 1.5], DEFAULT_SETTINGS)).toMatchObject({ kind: "error", code: "VALUE" });
  });

  it("quotes at most 30 characters of what a cell holds", () => {
    const note = "Confirmed by phone, ship only after the customer's credit check";
    expect(excelError(() => consume(row(1, note), row(0, 0)))).toBe(
      "#VALUE! forecast: cell 2 is text 'Confirmed by phone, ship only …'; enter a number (numbers stored as text are not read)",
    );
    expect(excelError(() => demand(row(1), row(1), note))).toBe(
      "#VALUE! model: 'Confirmed by phone, ship only …' is not valid; use one of MTS, ATO, MTO",
    );
  });
});

describe("messages that point at the cell", () => {
  it("name a series cell by its address, with the sheet only when it is not the formula's", () => {
    const site = (caller: string) => at(caller, "Plan!B1:E1", "Plan!B2:E2");
    expect(excelError(() => consume(row(1, 2, 3, 4), row(1, 2, "ten", 4), LEFT_OUT, LEFT_OUT, LEFT_OUT, site("Plan!A10")))).toMatch(
      /^#VALUE! orders: cell D2 is text 'ten'/,
    );
    expect(excelError(() => consume(row(1, 2, 3, 4), row(1, 2, "ten", 4), LEFT_OUT, LEFT_OUT, LEFT_OUT, site("Summary!A1")))).toMatch(
      /^#VALUE! orders: cell Plan!D2 is text 'ten'/,
    );
  });

  it("name the cell of an engine refusal, down a column too", () => {
    expect(excelError(() => consume(column(1, 2, -4), column(0, 0, 0), LEFT_OUT, LEFT_OUT, LEFT_OUT, at("Plan!D1", "Plan!B3:B5", "Plan!C3:C5")))).toBe(
      "#VALUE! forecast: cell B5 is -4; quantities must be 0 or more",
    );
  });

  it("say which range to extend, and to which cells, when two series differ in length", () => {
    const forecast = row(...new Array(10).fill(10));
    const orders = row(...new Array(9).fill(1));
    expect(excelError(() => consume(forecast, orders, LEFT_OUT, LEFT_OUT, LEFT_OUT, at("Plan!A10", "Plan!B2:K2", "Plan!B3:J3")))).toBe(
      "#VALUE! orders (B3:J3, 9 cells) is shorter than forecast (10): extend orders to 10 cells (B3:K3)",
    );
    expect(excelError(() => consume(forecast, orders))).toBe("#VALUE! orders (9 cells) is shorter than forecast (10): extend orders to 10 cells");
  });

  it("keep counting cells in the range when the argument is no reference (an array, an expression)", () => {
    expect(excelError(() => consume(row(1, "x"), row(0, 0), LEFT_OUT, LEFT_OUT, LEFT_OUT, at("Plan!A1", "", "")))).toMatch(/^#VALUE! forecast: cell 2 is text 'x'/);
  });
});

describe("data-type cells (CustomFunctionsRuntime 1.4): read for the value they show", () => {
  const double = (basicValue: number) => ({ type: "Double", basicType: "Double", basicValue });
  const formatted = (basicValue: number) => ({ type: "FormattedNumber", basicType: "Double", basicValue, numberFormat: "0%" });

  it("reads number and formatted-number data types in series and single cells", () => {
    // forecast 350 (a Double data type) and 350; orders 300 (formatted) and 0: remaining 50, 350
    expect(consume(row(double(350), 350), row(formatted(300), 0))).toEqual([[50, 350]]);
    expect(pab(row(10, 10), double(30), row(0, 0))).toEqual([[20, 10]]);
    expect(consume(FORECAST, ORDERS, double(0), double(0))).toEqual(WINDOW_0);
  });

  it("reads a text data type as its text, for an option", () => {
    expect(demand(row(10, 10, 10), row(12, 8, 5), { type: "String", basicType: "String", basicValue: "MTO" })).toEqual([[12, 8, 5]]);
  });

  it("refuses an entity card naming the cell, and an error data type as that error", () => {
    const entity = { type: "Entity", text: "Contoso bike", properties: {}, basicType: "Error", basicValue: "#VALUE!" };
    expect(excelError(() => consume(row(1, entity), row(0, 0)))).toBe(
      "#VALUE! forecast: cell 2 holds a data type (Entity 'Contoso bike'), not a number; enter the quantity itself",
    );
    const error = { type: "Error", basicType: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    expect(excelError(() => consume(row(1, error), row(0, 0)))).toBe("#VALUE! forecast: cell 2 is the error #DIV/0!; fix that cell first");
  });
});

describe("results: finite, and no larger than a sheet or the cell budget", () => {
  it("refuses a result beyond Excel's largest number instead of showing it", () => {
    // 1e300 × 1e300 overflows to Infinity (an engine that refuses such inputs never gets here)
    const result = excelError(() => explode(row(1e300), column(1e300)));
    expect(result).toMatch(/^#VALUE! /);
    expect(result).not.toMatch(/Infinity|NaN/);
  });

  it("never shows a NaN or an infinite number, whatever the engine computed", () => {
    const explodeForecast = jest.spyOn(engine, "explodeForecast");
    try {
      for (const bad of [NaN, Infinity, -Infinity]) {
        explodeForecast.mockReturnValue({ ok: true, value: { base: [Float64Array.of(1, bad)], hedge: [Float64Array.of(0, 0)] } });
        expect(excelError(() => explode(row(1, 2), column(1)))).toBe(
          "#VALUE! MPS.EXPLODE: a result is too large to show (beyond Excel's largest number); check the inputs for huge quantities or rates",
        );
      }
    } finally {
      explodeForecast.mockRestore();
    }
  });

  it("never shows a NaN or an infinite number in MPS.TABLE, whichever row holds it and however it is laid out", () => {
    const realPlanItem = engine.planItem;
    const planItem = jest.spyOn(engine, "planItem");
    const refused =
      "#VALUE! MPS.TABLE: a result is too large to show (beyond Excel's largest number); check the inputs for huge quantities or rates";
    try {
      for (const bad of [NaN, Infinity, -Infinity]) {
        for (const field of ["projectedAvailable", "atp", "utilization"] as const) {
          planItem.mockImplementation((input) => {
            const result = realPlanItem(input);
            if (result.ok) (result.value[field] as Float64Array)[1] = bad;
            return result;
          });
          const shown = field === "utilization" && bad === Infinity; // load on no capacity: a text cell
          for (const [forecast, orders, capacity] of [
            [row(10, 10), row(0, 5), row(20, 20)],
            [column(10, 10), column(0, 5), column(20, 20)],
          ]) {
            const call = () => table(forecast, orders, 0, LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT, capacity);
            if (shown) expect(call().flat()).toContain("no capacity");
            else expect(excelError(call)).toBe(refused);
          }
        }
      }
    } finally {
      planItem.mockRestore();
    }
  });

  it("refuses MPS.EXPLODE over whole columns before computing it", () => {
    const explodeForecast = jest.spyOn(engine, "explodeForecast");
    try {
      const wholeColumn = new Array(1_048_576).fill(null).map(() => [1]);
      expect(excelError(() => explode(wholeColumn, wholeColumn))).toBe(
        "#VALUE! MPS.EXPLODE: the result would take 1,048,576 rows × 1,048,576 columns, more than the 16,384 columns of a sheet; " +
          "give the ranges of the periods and options you plan, not whole columns or rows",
      );
      const options = column(...new Array(3).fill(0.5));
      expect(excelError(() => explode(wholeColumn, options))).toMatch(/more than the 1,048,576 cells one MPS function may return/);
      expect(explodeForecast).not.toHaveBeenCalled();
    } finally {
      explodeForecast.mockRestore();
    }
  });

  it("refuses an MPS.TABLE down a whole column, one header row more than a sheet has", () => {
    const wholeColumn = new Array(1_048_576).fill(null).map(() => [0]);
    expect(excelError(() => table(wholeColumn, wholeColumn, 0))).toMatch(/1,048,577 rows × 9 columns, more than the 1,048,576 rows of a sheet/);
  });

  it("keeps a whole column of periods within the budget: a line result is never refused", () => {
    expect(resultLimit({ rows: MAX_CELLS, columns: 1 })).toBeUndefined();
    expect(resultLimit({ rows: 1, columns: 16_384 })).toBeUndefined();
    expect(resultLimit({ rows: MAX_CELLS, columns: 2 })).toBe("the 1,048,576 cells one MPS function may return");
    expect(peg(row(10), row(5))).toEqual([
      ["Order period", "Forecast period", "Quantity"],
      [1, 1, 5],
    ]);
  });
});
