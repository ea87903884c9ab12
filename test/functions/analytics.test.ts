/**
 * Forecast health through the Excel entry points: MPS.ACCURACY and MPS.SAFETY against numbers
 * worked out by hand (the example). Excel's own statistics formulas are compared
 * headless in test/recalc/orders.test.ts.
 */
import { accuracy, safety } from "../../src/functions/functions";
import { column, excelError, row } from "./excelCalls";

// Forecast 100 × 5, actual 110, 95, 100, 115, 90: errors 10, −5, 0, 15, −10.
const FORECAST = row(100, 100, 100, 100, 100);
const ACTUAL = row(110, 95, 100, 115, 90);

describe("MPS.ACCURACY", () => {
  it("gives MAD, MAPE %, bias and tracking signal, labelled, in two columns", () => {
    const result = accuracy(FORECAST, ACTUAL);
    expect(result.map((r) => r[0])).toEqual(["MAD", "MAPE %", "Bias", "Tracking signal", "MAPE periods left out (actual 0)"]);
    // MAD 40 / 5 = 8; bias 10 / 5 = 2; tracking signal 10 / 8 = 1.25
    // MAPE (0.090909 + 0.052632 + 0 + 0.130435 + 0.111111) / 5 × 100 = 7.7017 %
    expect(result[0][1]).toBe(8);
    expect(result[1][1]).toBeCloseTo(7.7017, 4);
    expect(result[2][1]).toBe(2);
    expect(result[3][1]).toBe(1.25);
    expect(result[4][1]).toBe(0);
    expect(accuracy(column(100, 100, 100, 100, 100), column(110, 95, 100, 115, 90))).toEqual(result);
  });

  it("leaves periods with actual 0 out of MAPE and says how many", () => {
    // errors −10, 2, −2: MAD 14/3; MAPE over 12 and 8 only: (2/12 + 2/8) / 2 × 100 = 20.83 %
    const result = accuracy(row(10, 10, 10), row(0, 12, 8));
    expect(result[0][1]).toBeCloseTo(14 / 3, 12);
    expect(result[1][1]).toBeCloseTo(20.8333, 4);
    expect(result[4]).toEqual(["MAPE periods left out (actual 0)", 1]);
  });

  it("shows #VALUE! with a reason in the MAPE cell alone when every actual is 0", () => {
    const result = accuracy(row(5, 5), row(0, 0));
    expect(result[0][1]).toBe(5);
    expect(result[1][1]).toBeInstanceOf(CustomFunctions.Error);
    expect((result[1][1] as unknown as Error).message).toBe("MAPE %: every actual is 0, so there is no percentage error to average");
  });

  it("refuses histories of different lengths or with negative quantities with #VALUE!", () => {
    expect(excelError(() => accuracy(row(1, 2), row(1)))).toBe(
      "#VALUE! actual_history (1 cell) is shorter than forecast_history (2): extend actual_history to 2 cells",
    );
    expect(excelError(() => accuracy(row(1, -2), row(1, 1)))).toBe("#VALUE! forecast_history: cell 2 is -2; quantities must be 0 or more");
  });
});

describe("MPS.SAFETY", () => {
  it("is z × sample σ of the errors × √lead time (the issue's example: 34.1)", () => {
    // mean error 2, squares 64 + 49 + 4 + 169 + 144 = 430, σ = √(430/4) = 10.368; z(0.95) = 1.644854
    expect(safety(FORECAST, ACTUAL, 0.95, 4)[0][0]).toBeCloseTo(1.6448536269514722 * Math.sqrt(430 / 4) * 2, 10);
    expect(safety(FORECAST, ACTUAL, 0.95, 4)[0][0]).toBeCloseTo(34.11, 2);
    // lead time left out: 1 period
    expect(safety(FORECAST, ACTUAL, 0.95)[0][0]).toBeCloseTo(17.05, 2);
    expect(safety(FORECAST, ACTUAL, 0.95, 0)).toEqual([[0]]);
  });

  it("keeps no safety stock below a 50 % service level", () => {
    expect(safety(FORECAST, ACTUAL, 0.3)).toEqual([[0]]);
  });

  it("refuses a service level outside (0, 1) with #VALUE!, showing the convention", () => {
    expect(excelError(() => safety(FORECAST, ACTUAL, 95))).toBe(
      "#VALUE! service_level must be strictly between 0 and 1, e.g. 0.95 for 95 % (got 95)",
    );
    expect(excelError(() => safety(FORECAST, ACTUAL, 1))).toMatch(/^#VALUE! service_level must be strictly between 0 and 1/);
    expect(excelError(() => safety(FORECAST, ACTUAL, null))).toBe("#VALUE! service_level is required");
  });

  it("needs two periods for a standard deviation", () => {
    expect(excelError(() => safety(row(1), row(2), 0.95))).toMatch(/^#VALUE! forecast_history: the history must hold at least two periods/);
  });
});
