/**
 * The rules of hosts.test.ts (issue #10, #16 §6) for the arguments that take ranges of any
 * shape — on hand or an item master (item), a quantity or a TABLE block (range), per-item
 * blocks (block), order lines (lines) — and the functions that came with them (MPS.BUCKET,
 * PEGLINES, SAFETY, LOAD, LEVEL, PROMISE's order lines):
 * - an empty cell referred to is 0 (an empty line for order lines), an argument left out its
 *   default; Excel passes a range argument on one empty cell as [[null]], the headless host as null;
 * - a refused cell is named by its address when Excel gives the argument's, else by its
 *   position ("row 2, cell 3" in a block, "line 3" of order lines);
 * - data-type cells are read as their basic value.
 */
import { bucket, level as levelRange, load, promise as promiseRange, safety, table as tableRange } from "../../src/functions/functions";
import { fixedSettingsSource } from "../../src/shared/settingsSource";
import { setFunctionsSettingsForTests } from "../../src/shared/settingsStore";
import { at, excelError } from "./excelCall";

const row = (...values: unknown[]) => [values];
const column = (...values: unknown[]) => values.map((v) => [v]);
/** What Excel passes for an argument left out. */
const LEFT_OUT = null as never;
/** An empty cell as Excel passes it to a range argument, and as the headless host does. */
const EMPTY_RANGE_CELL = { excel: [[null]], headless: null } as const;
// on_hand of LEVEL and PROMISE, and PROMISE's quantity, are ranges; a number alone reads the same.
const level = levelRange as (...args: unknown[]) => unknown[][];
const promise = promiseRange as (...args: unknown[]) => unknown[][];
const table = tableRange as (...args: unknown[]) => unknown[][];
const double = (basicValue: number) => ({ type: "Double", basicType: "Double", basicValue });
const formatted = (basicValue: number) => ({ type: "FormattedNumber", basicType: "Double", basicValue, numberFormat: "0" });
/** Weekly periods: 1 Jan 2024 (serial 45292), 8 Jan, 15 Jan. */
const WEEKS = [45292, 45299, 45306];

beforeEach(() => setFunctionsSettingsForTests(fixedSettingsSource(undefined)));

describe("an empty cell given as a range argument: 0, on every host", () => {
  it.each(Object.entries(EMPTY_RANGE_CELL))("promises from on hand 0 for an empty on-hand cell (%s)", (_, empty) => {
    // discrete ATP from on hand 0: 0, 60 → 10 first fits in period 2
    const site = at("Plan!A9", "Plan!C1", "Plan!P1", "Plan!B6:C6", "Plan!B3:C3");
    expect(promise(10, empty, row(0, 60), row(0, 0), ...new Array(7).fill(LEFT_OUT), site)).toEqual([[2]]);
    // no address: an argument left out, which on hand cannot be
    expect(excelError(() => promise(10, empty, row(0, 60), row(0, 0)))).toBe("#VALUE! on_hand is required");
  });

  it.each(Object.entries(EMPTY_RANGE_CELL))("levels from on hand 0 for an empty on-hand cell of MPS.LEVEL (%s)", (_, empty) => {
    // demand 20, 40 within a capacity of 50: build 20, 40
    const site = at("Plan!A9", "Plan!B1:C1", "Plan!P1", "Plan!B3:C3");
    expect(level(row(20, 40), empty, row(50, 50), LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT, site)).toEqual([[20, 40]]);
    expect(excelError(() => level(row(20, 40), empty, row(50, 50)))).toBe("#VALUE! on_hand is required");
  });

  it("covers no lead time for an empty lead-time cell of MPS.SAFETY, one period when it is left out", () => {
    const [forecast, actual] = [row(10, 10, 10), row(12, 8, 13)];
    expect(safety(forecast, actual, 0.95, null, at("Plan!A9", "Plan!B1:D1", "Plan!B2:D2", "Plan!P1", "Plan!P2"))).toEqual([[0]]);
    expect(safety(forecast, actual, 0.95, null, at("Plan!A9", "Plan!B1:D1", "Plan!B2:D2", "Plan!P1", ""))[0][0]).toBeGreaterThan(0);
  });
});

describe("refused cells of blocks and order lines, named by address", () => {
  it("names the cell of a block: a refused cell, and an engine refusal of one", () => {
    const site = at("Plan!A20", "Plan!B2:C2", "Plan!F2:G3");
    expect(excelError(() => load(row(1, 2), [[1, 2], [3, "x"]], site))).toBe(
      "#VALUE! bill: cell G3 is text 'x'; enter a number (numbers stored as text are not read)",
    );
    expect(excelError(() => load(row(1, 2), [[1, 2], [3, -4]], site))).toBe("#VALUE! bill: cell G3 is -4; quantities must be 0 or more");
    // without an address, by its place in the range
    expect(excelError(() => load(row(1, 2), [[1, 2], [3, -4]]))).toBe("#VALUE! bill: row 2, cell 2 is -4; quantities must be 0 or more");
    // two items' demand, a row each: the second item's third period is D19
    const demand = [[1, 2, 3], [4, 5, -4]];
    expect(excelError(() => level(demand, 0, 50, LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT, at("Plan!A20", "Plan!B18:D19", "", "")))).toBe(
      "#VALUE! demand: cell D19 is -4; quantities must be 0 or more",
    );
  });

  it("names an order line's cell, with its sheet when it is not the formula's", () => {
    const site = at("Plan!H1", "Orders!C2:C4", "Orders!D2:D4", "Plan!B1:D1");
    expect(excelError(() => bucket(column(45292, 45293, "next week"), column(1, 2, 3), row(...WEEKS), LEFT_OUT, site))).toBe(
      "#VALUE! dates: cell Orders!C4 is text 'next week'; enter a date (a date typed as text is not read)",
    );
    expect(excelError(() => bucket(column(45292, 45293, 45294), column(1, -2, 3), row(...WEEKS), LEFT_OUT, site))).toBe(
      "#VALUE! quantities: cell Orders!D3 is -2; quantities must be 0 or more",
    );
    expect(excelError(() => bucket(column(45292, 45293, "next week"), column(1, 2, 3), row(...WEEKS)))).toMatch(/^#VALUE! dates: line 3 is text/);
  });

  it("names a period start that is not after the one before it", () => {
    const site = at("Plan!H1", "Orders!C2", "Orders!D2", "Plan!B1:D1");
    expect(excelError(() => bucket(column(45292), column(1), row(45292, 45306, 45299), LEFT_OUT, site))).toBe(
      "#VALUE! period_starts: cell D1 (45299) is not after the cell before it (45306); sort the period starts, earliest first, one period a day at most",
    );
  });

  it("names the requested period of an order line", () => {
    const site = at("Plan!E30", "Plan!C30:C31", "Plan!P1", "Plan!B6:C6", "Plan!B3:C3", "", "Plan!D30:D31");
    expect(excelError(() => promise(column(5, 5), 10, row(0, 10), row(0, 0), LEFT_OUT, column(1, "soon"), ...new Array(5).fill(LEFT_OUT), site))).toBe(
      "#VALUE! requested_period: cell D31 is text 'soon'; enter a number (numbers stored as text are not read)",
    );
  });
});

describe("an item master's cells, named by address", () => {
  const [forecast, orders] = [row(30, 30), row(0, 0)];
  /** TABLE(forecast, orders, item master) in Plan!B14, the item master at Items!A1:C2, the invocation after the 13 optional arguments. */
  const withMaster = (master: unknown[][], caller = "Plan!B14") =>
    table(forecast, orders, master, ...new Array(13).fill(LEFT_OUT), at(caller, "Plan!B2:C2", "Plan!B3:C3", "Items!A1:C2"));

  it("names the header's value cell of a value the plan refuses, and both cells of a header given twice", () => {
    expect(excelError(() => withMaster([["On hand", "Lead time", "Item"], [64, -1, "Bike"]]))).toBe(
      '#VALUE! item master "Lead time" (cell Items!B2) must be a whole number of periods, 0 or more (got -1)',
    );
    expect(excelError(() => withMaster([["On hand", "Lot rule", "Item"], [64, "EOQ", "Bike"]]))).toBe(
      "#VALUE! item master \"Lot rule\" (cell Items!B2): 'EOQ' is not valid; use one of LFL, FOQ, POQ",
    );
    expect(excelError(() => withMaster([["On hand", "Lead time", "lead_time"], [64, 1, 2]]))).toBe(
      '#VALUE! on_hand: the item master has "Lead time" twice (cell Items!B1 and cell Items!C1); keep one',
    );
    // on the item master's own sheet, no sheet name
    expect(excelError(() => withMaster([["On hand", "Lead time", "Item"], [null, 1, "Bike"]], "Items!E5"))).toBe(
      '#VALUE! on_hand: the item master\'s "On hand" (cell A2) is empty; On hand is required',
    );
  });
});

describe("data-type cells in blocks and order lines: read for the value they show", () => {
  it("reads a formatted number in a bill of capacity", () => {
    // one resource, 2 hours a unit: MPS 1, 2 → load 2, 4
    expect(load(row(1, 2), [[formatted(2)]])).toEqual([[2, 4]]);
  });

  it("reads number data types as order dates and quantities", () => {
    // 1 Jan (3) in week 1, 9 Jan (4) in week 2, nothing in week 3
    expect(bucket(column(double(45292), 45300), column(formatted(3), double(4)), row(...WEEKS))).toEqual([[3, 4, 0]]);
  });

  it("refuses an entity card as an order date, naming the line", () => {
    const entity = { type: "Entity", text: "Contoso", properties: {}, basicType: "Error", basicValue: "#VALUE!" };
    expect(excelError(() => bucket(column(entity), column(1), row(...WEEKS)))).toBe(
      "#VALUE! dates: line 1 is a data type (Entity 'Contoso'); enter a date (a date typed as text is not read)",
    );
  });
});
