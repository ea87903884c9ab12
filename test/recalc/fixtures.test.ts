/**
 * The fixture workbooks (scripts/make-fixtures.ts) recalculated without Excel, against values
 * worked out by hand from the textbook examples.
 */
import { fixture, row, values } from "./helpers";

describe("textbook.xlsx (row layout, both spellings)", () => {
  let v: Awaited<ReturnType<typeof values>>;
  beforeAll(async () => {
    v = await values(fixture("textbook.xlsx"));
  });

  // Forecast 30,30,30,30,40,40,40,40; orders 33,20,10,4,2,0,0,0; on hand 64; FOQ 70.
  it("gives demand as orders plus remaining forecast (window 0)", () => {
    expect(row(v, "Textbook", "B", 7, 8)).toEqual([33, 30, 30, 30, 40, 40, 40, 40]);
  });

  it("plans FOQ lots of 70 when PAB would go below zero", () => {
    expect(row(v, "Textbook", "B", 8, 8)).toEqual([0, 0, 70, 0, 70, 0, 70, 70]);
  });

  it("projects the available balance from on hand 64", () => {
    expect(row(v, "Textbook", "B", 9, 8)).toEqual([31, 1, 41, 11, 41, 1, 31, 61]);
  });

  it("gives discrete ATP per MPS receipt", () => {
    expect(row(v, "Textbook", "B", 10, 8)).toEqual([11, 0, 56, 0, 68, 0, 70, 70]);
  });

  it("lets native formulas read the spilled results", () => {
    expect(v["Textbook!B11"]).toBe(280); // SUM of the MPS row
    expect(v["Textbook!D11"]).toBe(1); // MIN of the PAB row
  });

  it("evaluates shared formulas filled across, each relative to its own column", () => {
    expect(row(v, "Textbook", "B", 12, 8)).toEqual([1, 1, 71, 1, 71, 1, 71, 71]);
  });

  it("accepts named ranges as arguments and sizes the spill from them", () => {
    expect(row(v, "Textbook", "B", 13, 8)).toEqual([0, 10, 20, 26, 38, 40, 40, 40]);
    expect(v["Textbook!J13"]).toBeUndefined();
  });

  it("promises 50 units in week 3, the first week with ATP of 50", () => {
    expect(v["Textbook!B14"]).toBe(3);
  });

  it("spills MPS.TABLE as a labelled block with only the rows an MTS record has", () => {
    expect(row(v, "Textbook", "A", 16, 9)).toEqual(["Forecast", 30, 30, 30, 30, 40, 40, 40, 40]);
    expect(row(v, "Textbook", "A", 22, 9)).toEqual(["PAB", 31, 1, 41, 11, 41, 1, 31, 61]);
    expect(row(v, "Textbook", "A", 24, 9)).toEqual(["ATP", 11, 0, 56, 0, 68, 0, 70, 70]);
    // The 10th row (Final assembly) is ATO only: HyperFormula's padding is not reported.
    expect(v["Textbook!A25"]).toBeUndefined();
  });

  it("reports only formula and spilled cells", () => {
    expect(v["Textbook!B2"]).toBeUndefined();
    expect(Object.keys(v).every((key) => key.startsWith("Textbook!"))).toBe(true);
  });
});

describe("consume-column.xlsx (column layout)", () => {
  let v: Awaited<ReturnType<typeof values>>;
  beforeAll(async () => {
    v = await values(fixture("consume-column.xlsx"));
  });

  // Forecast 350×3, orders 130, 100, 80, window 0 → 350 − order in each week.
  it("spills the remaining forecast down a column", () => {
    expect([v["Weeks!D2"], v["Weeks!D3"], v["Weeks!D4"]]).toEqual([220, 250, 270]);
  });

  it("re-spills a dynamic array saved by Excel over its stale values", () => {
    expect(v["Weeks!B6"]).toBe(740);
  });

  it("reads the saved spelling in any case", () => {
    expect([v["Weeks!E2"], v["Weeks!E3"], v["Weeks!E4"]]).toEqual([220, 250, 270]);
    expect(v["Weeks!C6"]).toBe(0);
  });
});

describe("bad-inputs.xlsx", () => {
  let v: Awaited<ReturnType<typeof values>>;
  beforeAll(async () => {
    v = await values(fixture("bad-inputs.xlsx"));
  });

  it.each([
    ["B7", "#VALUE!", "text in orders"],
    ["B8", "#VALUE!", "a negative order (Excel shows a message only on #VALUE! and #N/A)"],
    ["B9", "#DIV/0!", "an error cell in orders (passed on, as Excel does without calling the function)"],
    ["B10", "#VALUE!", "an unknown lot rule"],
    ["B11", "#VALUE!", "a missing on hand"],
    ["B12", "#VALUE!", "a forecast of two rows"],
    ["B13", "#N/A", "a promise beyond the horizon"],
    ["B14", "#SPILL!", "a spill blocked by a cell"],
    ["B15", "#VALUE!", "a SUM over an error"],
  ])("%s shows %s for %s", (cell, error) => {
    expect(v[`Bad!${cell}`]).toBe(error);
  });

  it("does not spill an error over the cells beside it", () => {
    expect(v["Bad!C7"]).toBeUndefined();
  });

  it("keeps the adapter's message, naming the argument and the cell by its address", async () => {
    const { recalcWorkbook } = await import("../../src/recalc/recalc");
    const result = await recalcWorkbook(fixture("bad-inputs.xlsx"));
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const message = (key: string) => result.value.cells.find((c) => c.key === key)?.error?.message;
    expect(message("Bad!B7")).toBe("orders: cell C2 is text 'ten'; enter a number (numbers stored as text are not read)");
    expect(message("Bad!B8")).toBe("orders: cell C3 is -5; quantities must be 0 or more");
    expect(message("Bad!B11")).toBe("on_hand is required");
    expect(message("Bad!B12")).toBe("forecast: expected one row or one column, got 2×4 cells");
  });
});
