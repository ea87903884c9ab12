import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { forecastAccuracy, safetyStock } from "../../src/engine";
import { lowerNormalCdf, standardNormalQuantile } from "../../src/engine/accuracy";
import { errorOf, unwrap } from "./helpers";

// Errors 10, −5, 0, 15, −10 (issue #15): forecast 100 every period.
const FORECAST = [100, 100, 100, 100, 100];
const ACTUAL = [110, 95, 100, 115, 90];

describe("forecastAccuracy", () => {
  it("repeats the doc example: MAD 8, MAPE 7.70 %, bias 2, tracking signal 1.25", () => {
    const a = unwrap(forecastAccuracy(FORECAST, ACTUAL));
    expect(a).toMatchObject({ periods: 5, mad: 8, bias: 2, cumulativeError: 10, trackingSignal: 1.25, mapePeriodsLeftOut: 0 });
    // (10/110 + 5/95 + 0/100 + 15/115 + 10/90) / 5 × 100
    expect(a.mape).toBeCloseTo(7.701731271525322, 12);
  });

  it("leaves periods with actual 0 out of MAPE and counts them", () => {
    // errors −10, 10, −20: only period 1 has actual > 0 → MAPE 10/20 = 50 %; MAD 40/3 over all three
    const a = unwrap(forecastAccuracy([10, 10, 20], [0, 20, 0]));
    expect(a).toMatchObject({ mapePeriodsLeftOut: 2, mape: 50, mad: 40 / 3, cumulativeError: -20 });
    expect(unwrap(forecastAccuracy([5, 5], [0, 0]))).toMatchObject({ mape: null, mapePeriodsLeftOut: 2 });
  });

  it("gives tracking signal 0 for a perfect forecast (MAD 0), and ±n for an error always on one side", () => {
    expect(unwrap(forecastAccuracy([4, 5], [4, 5]))).toMatchObject({ mad: 0, bias: 0, trackingSignal: 0, mape: 0 });
    // the forecast is always too high: every error negative → tracking signal −n, beyond the ±4 limit
    expect(unwrap(forecastAccuracy([50, 60, 70, 80, 90], [40, 50, 60, 70, 80])).trackingSignal).toBe(-5);
  });

  describe("invalid input", () => {
    it("refuses histories of different lengths, an empty history and negative values", () => {
      expect(errorOf(forecastAccuracy([1, 2], [1])).message).toBe("forecastHistory and actualHistory differ in length: 2 vs 1");
      expect(errorOf(forecastAccuracy([], []))).toMatchObject({ code: "VALUE", message: "forecastHistory must hold at least one period" });
      expect(errorOf(forecastAccuracy([1, 2], [1, -2]))).toMatchObject({ code: "NUM", field: "actualHistory", period: 1 });
      expect(errorOf(forecastAccuracy([1, "2" as never], [1, 2]))).toMatchObject({ code: "VALUE", field: "forecastHistory", period: 1 });
    });
  });

  it("keeps |bias| ≤ MAD and |tracking signal| ≤ n, and agrees with the textbook formulas", () => {
    const histories = fc
      .integer({ min: 1, max: 30 })
      .chain((n) => fc.tuple(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 500 }), { minLength: n, maxLength: n })));
    fc.assert(
      fc.property(histories, ([forecast, actual]) => {
        const a = unwrap(forecastAccuracy(forecast, actual));
        const errors = actual.map((x, t) => x - forecast[t]);
        const n = errors.length;
        expect(a.mad).toBeCloseTo(errors.reduce((s, e) => s + Math.abs(e), 0) / n, 9);
        expect(a.bias).toBeCloseTo(errors.reduce((s, e) => s + e, 0) / n, 9);
        expect(Math.abs(a.bias)).toBeLessThanOrEqual(a.mad + 1e-9);
        expect(Math.abs(a.trackingSignal)).toBeLessThanOrEqual(n + 1e-9);
        const kept = actual.map((x, t) => [x, errors[t]]).filter(([x]) => x > 0);
        expect(a.mapePeriodsLeftOut).toBe(n - kept.length);
        if (kept.length === 0) expect(a.mape).toBeNull();
        else expect(a.mape).toBeCloseTo((100 * kept.reduce((s, [x, e]) => s + Math.abs(e) / x, 0)) / kept.length, 9);
      }),
    );
  });
});

describe("safetyStock", () => {
  it("repeats the doc example from the issue: σ 10.37, z 1.6449, lead time 4 → 34.1", () => {
    const s = unwrap(safetyStock(FORECAST, ACTUAL, 0.95, 4));
    expect(s.sigma).toBeCloseTo(10.36822067666386, 12); // √(430 / 4)
    expect(s.z).toBeCloseTo(1.6448536269514722, 12);
    expect(s.safetyStock).toBeCloseTo(34.108410770087595, 10);
    expect(s.safetyStock.toFixed(1)).toBe("34.1");
    expect(s.leadTime).toBe(4);
  });

  it("covers one period by default and none with lead time 0", () => {
    expect(unwrap(safetyStock(FORECAST, ACTUAL, 0.95)).safetyStock).toBeCloseTo(17.054205385043797, 10);
    expect(unwrap(safetyStock(FORECAST, ACTUAL, 0.95, null)).leadTime).toBe(1);
    expect(unwrap(safetyStock(FORECAST, ACTUAL, 0.95, 0)).safetyStock).toBe(0);
    // a fractional lead time (1.5 weeks) scales by its square root
    expect(unwrap(safetyStock(FORECAST, ACTUAL, 0.95, 1.5)).safetyStock).toBeCloseTo(17.054205385043797 * Math.sqrt(1.5), 10);
  });

  it("needs no safety stock at a 50 % service level or below", () => {
    expect(unwrap(safetyStock(FORECAST, ACTUAL, 0.5)).safetyStock).toBe(0);
    const low = unwrap(safetyStock(FORECAST, ACTUAL, 0.3));
    expect(low.z).toBeLessThan(0);
    expect(low.safetyStock).toBe(0);
  });

  it("is 0 when errors never vary, whatever the bias", () => {
    expect(unwrap(safetyStock([10, 10, 10], [15, 15, 15], 0.99)).safetyStock).toBe(0);
  });

  describe("invalid input", () => {
    it("refuses a service level outside (0, 1), naming the 95 % convention", () => {
      for (const level of [0, 1, 95, -0.1]) {
        expect(errorOf(safetyStock(FORECAST, ACTUAL, level))).toMatchObject({ code: "NUM", field: "serviceLevel" });
      }
      expect(errorOf(safetyStock(FORECAST, ACTUAL, 95)).message).toBe("serviceLevel must be strictly between 0 and 1, e.g. 0.95 for 95 % (got 95)");
      expect(errorOf(safetyStock(FORECAST, ACTUAL, null as never))).toMatchObject({ code: "VALUE", message: "serviceLevel is required" });
      expect(errorOf(safetyStock(FORECAST, ACTUAL, "95%" as never))).toMatchObject({ code: "VALUE", field: "serviceLevel" });
    });

    it("refuses a history of one period and a negative lead time", () => {
      expect(errorOf(safetyStock([1], [2], 0.9))).toMatchObject({
        code: "VALUE",
        message: "the history must hold at least two periods for a standard deviation (got 1)",
      });
      expect(errorOf(safetyStock(FORECAST, ACTUAL, 0.9, -1))).toMatchObject({ code: "NUM", field: "leadTime" });
    });
  });
});

describe("standardNormalQuantile", () => {
  // Reference values: the exact quantile of each double p (mpmath, 40 digits; SciPy agrees).
  const KNOWN: Array<[number, number]> = [
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798407],
    [1e-10, -6.361340902404057],
    [0.001, -3.0902323061678136],
    [0.01, -2.326347874040841],
    [0.02425, -1.972961051311885],
    [0.05, -1.6448536269514726],
    [0.1, -1.2815515655446004],
    [0.3, -0.5244005127080408],
    [0.5, 0],
    [0.8, 0.8416212335729144],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
    [0.999, 3.090232306167813],
    [0.9999999, 5.199337582290661],
  ];

  it.each(KNOWN)("z(%p) = %p to 1e-12", (p, z) => {
    expect(Math.abs(standardNormalQuantile(p) - z)).toBeLessThan(1e-12 * Math.max(1, Math.abs(z)));
  });

  it("repeats the doc example", () => {
    expect(standardNormalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
  });

  it("is NaN outside (0, 1)", () => {
    for (const p of [0, 1, -1, 2, NaN]) expect(standardNormalQuantile(p)).toBeNaN();
  });

  it("inverts Φ and is antisymmetric around ½", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 0.5, noNaN: true }), (p) => {
        const z = standardNormalQuantile(p);
        expect(Math.abs(lowerNormalCdf(z) - p)).toBeLessThanOrEqual(1e-12 * p);
        expect(standardNormalQuantile(1 - p)).toBeCloseTo(-standardNormalQuantile(1 - (1 - p)), 9);
      }),
    );
  });

  it("agrees with NORM.S.INV and STDEV.S evaluated headless", () => {
    const hf = HyperFormula.buildFromArray([["=NORM.S.INV(0.95)", "=NORM.S.INV(0.001)", "=NORM.S.INV(0.8)", "=STDEV.S(10,-5,0,15,-10)"]], {
      licenseKey: "gpl-v3",
    });
    const [[z95, z001, z80, sigma]] = hf.getSheetValues(0) as number[][];
    hf.destroy();
    expect(standardNormalQuantile(0.95)).toBeCloseTo(z95, 8);
    expect(standardNormalQuantile(0.001)).toBeCloseTo(z001, 8);
    expect(standardNormalQuantile(0.8)).toBeCloseTo(z80, 8);
    expect(unwrap(safetyStock(FORECAST, ACTUAL, 0.95)).sigma).toBeCloseTo(sigma, 8);
  });
});

describe("lowerNormalCdf", () => {
  it("repeats the doc example and matches known tail values on both sides of the switch at −3", () => {
    expect(lowerNormalCdf(-1.6448536269514722)).toBeCloseTo(0.05, 15);
    const known: Array<[number, number]> = [
      [-1, 0.15865525393145705],
      [-2.9999, 0.0013503412829549248],
      [-3, 0.0013498980316300946],
      [-6, 9.86587645037698e-10],
      [-20, 2.7536241186062337e-89],
    ];
    for (const [x, value] of known) expect(Math.abs(lowerNormalCdf(x) - value)).toBeLessThan(1e-13 * value);
  });
});
