import fc from "fast-check";
import { bucketOrders, CONSUMPTION_MODES, consumeForecast, orderLinePeriods, pegLines, type LinePeg, type Peg } from "../../src/engine";
import { errorOf, list, unwrap } from "./helpers";

const brief = (pegs: LinePeg[]) => pegs.map((p) => [p.orderId, p.orderPeriod, p.forecastPeriod, p.quantity]);

describe("pegLines", () => {
  it("repeats the doc example: lines of one period by date, each in the mode's search order", () => {
    const p = unwrap(pegLines([100, 100], ["A", "B", "C"], [1, 1, 0], [60, 80, 30], { backward: 1, dates: [45300, 45299, 45292] }));
    expect(brief(p.pegs)).toEqual([
      ["C", 0, 0, 30],
      ["B", 1, 1, 80],
      ["A", 1, 1, 20],
      ["A", 1, 0, 40],
    ]);
    expect(p.pegs.map((peg) => peg.line)).toEqual([2, 1, 0, 0]);
    expect(list(p.orders)).toEqual([30, 140]);
    expect(list(p.consumption.remainingForecast)).toEqual([30, 0]);
  });

  it("takes the lines of a period in line order without dates, and gives the excess to the last ones", () => {
    // the textbook case: forecast 350 × 4, orders 300, 500 (as 200 + 300), 280, 0, window 0/0
    const p = unwrap(pegLines([350, 350, 350, 350], ["SO-1", "SO-2", "SO-3", "SO-4"], [0, 1, 1, 2], [300, 200, 300, 280]));
    expect(brief(p.pegs)).toEqual([
      ["SO-1", 0, 0, 300],
      ["SO-2", 1, 1, 200],
      ["SO-3", 1, 1, 150],
      ["SO-3", 1, null, 150],
      ["SO-4", 2, 2, 280],
    ]);
  });

  it("takes lines of one day by line order, and a time of day before a later one", () => {
    const p = unwrap(pegLines([50], [1, 2, 3], [0, 0, 0], [30, 30, 30], { dates: [45300.5, 45300, 45300] }));
    expect(brief(p.pegs)).toEqual([
      [2, 0, 0, 30],
      [3, 0, 0, 20],
      [3, 0, null, 10],
      [1, 0, null, 30],
    ]);
  });

  it("skips lines without a period or quantity, and lines of 0", () => {
    const p = unwrap(pegLines([100], ["A", "B", "C", "D"], [0, null, 0, 0], [10, 20, null, 0], { dates: [1, null, null, null] }));
    expect(brief(p.pegs)).toEqual([["A", 0, 0, 10]]);
  });

  it("follows the consumption options: mode and current period", () => {
    // forecast 50 × 3, one line of 120 in period 1, window 1/1: forward-backward takes 1, 2, 0
    const p = unwrap(pegLines([50, 50, 50], ["X"], [1], [120], { backward: 1, forward: 1, mode: "forward-backward" }));
    expect(p.pegs.map((peg) => [peg.forecastPeriod, peg.quantity])).toEqual([
      [1, 50],
      [2, 50],
      [0, 20],
    ]);
    // from period 1 on, period 0's forecast has expired and cannot be consumed
    const expired = unwrap(pegLines([50, 50, 50], ["X"], [1], [120], { backward: 1, forward: 1, currentPeriod: 1 }));
    expect(expired.pegs.map((peg) => [peg.forecastPeriod, peg.quantity])).toEqual([
      [1, 50],
      [2, 50],
      [null, 20],
    ]);
  });

  describe("invalid input", () => {
    it("names the line of a period outside the forecast or not a whole number", () => {
      expect(errorOf(pegLines([1, 1], ["A", "B"], [0, 2], [1, 1]))).toEqual({
        code: "NUM",
        field: "periods",
        period: 1,
        value: 2,
        message: "periods[1] is period 2, outside the 2 periods of the forecast",
      });
      expect(errorOf(pegLines([1, 1], ["A"], [0.5], [1]))).toMatchObject({ code: "NUM", field: "periods", period: 0 });
      expect(errorOf(pegLines([1, 1], ["A"], ["1" as never], [1]))).toMatchObject({ code: "VALUE", field: "periods", period: 0 });
    });

    it("names the line of a bad quantity or date, or a missing date when dates are given", () => {
      expect(errorOf(pegLines([1], ["A"], [0], ["x" as never]))).toMatchObject({ code: "VALUE", field: "quantities", period: 0 });
      expect(errorOf(pegLines([1], ["A"], [0], [1], { dates: ["monday" as never] }))).toMatchObject({ code: "VALUE", field: "dates", period: 0 });
      expect(errorOf(pegLines([1], ["A", "B"], [0, 0], [1, 2], { dates: [45300, null] }))).toMatchObject({
        field: "dates",
        period: 1,
        message: "dates[1] is empty but quantities[1] is 2: an order line needs a date",
      });
    });

    it("refuses lists of different lengths and bad consumption options", () => {
      expect(errorOf(pegLines([1], ["A", "B"], [0], [1, 1])).message).toBe("orderIds and periods differ in length: 2 vs 1");
      expect(errorOf(pegLines([1], ["A"], [0], [1], { dates: [] })).message).toBe("orderIds and dates differ in length: 1 vs 0");
      expect(errorOf(pegLines([1], ["A"], [0], [1], { mode: "nearest" as never }))).toMatchObject({ field: "mode" });
      expect(errorOf(pegLines([1], ["A"], [0], [1], { backward: -1 }))).toMatchObject({ field: "backward" });
    });
  });

  it("does not mutate its inputs", () => {
    const periods = [1, 0];
    const quantities = [5, 6];
    unwrap(pegLines([10, 10], ["A", "B"], periods, quantities));
    expect([periods, quantities]).toEqual([
      [1, 0],
      [5, 6],
    ]);
  });
});

describe("pegLines properties", () => {
  /** Sum of quantity per "orderPeriod→forecastPeriod". */
  function totals(pegs: Array<Peg | LinePeg>): Map<string, number> {
    const map = new Map<string, number>();
    for (const p of pegs) {
      const key = `${p.orderPeriod}→${p.forecastPeriod}`;
      map.set(key, (map.get(key) ?? 0) + p.quantity);
    }
    return map;
  }

  const starts = [45292, 45299, 45306, 45313, 45320, 45327];
  const input = fc.record({
    forecast: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: starts.length, maxLength: starts.length }),
    lines: fc.array(fc.record({ date: fc.integer({ min: 45280, max: 45340 }), quantity: fc.integer({ min: 0, max: 80 }) }), { maxLength: 25 }),
    backward: fc.integer({ min: 0, max: 3 }),
    forward: fc.integer({ min: 0, max: 3 }),
    mode: fc.constantFrom(...CONSUMPTION_MODES),
    currentPeriod: fc.integer({ min: 0, max: 2 }),
  });

  it("adds up per period to consumeForecast's pegging on the bucketed orders, and per line to each line", () => {
    fc.assert(
      fc.property(input, ({ forecast, lines, ...options }) => {
        const dates = lines.map((l) => l.date);
        const quantities = lines.map((l) => l.quantity);
        const periods = unwrap(orderLinePeriods(dates, quantities, starts));
        const p = unwrap(pegLines(forecast, lines.map((_, i) => `SO-${i}`), periods, quantities, { ...options, dates }));
        const bucketed = unwrap(bucketOrders(dates, quantities, starts));
        const c = unwrap(consumeForecast(forecast, bucketed.orders, { ...options, pegging: true }));
        expect(list(p.orders)).toEqual(list(bucketed.orders));
        expect(totals(p.pegs)).toEqual(totals(c.pegging));
        const byLine = new Map<number, number>();
        for (const peg of p.pegs) {
          expect(peg.quantity).toBeGreaterThan(0);
          expect(peg.orderPeriod).toBe(periods[peg.line]);
          byLine.set(peg.line, (byLine.get(peg.line) ?? 0) + peg.quantity);
        }
        lines.forEach((l, i) => expect(byLine.get(i) ?? 0).toBe(periods[i] === null ? 0 : l.quantity));
        // chronological: by period, then date, then line; each line's pegs together
        const sequence = [...new Set(p.pegs.map((peg) => peg.line))];
        const keys = sequence.map((line) => [periods[line]!, dates[line], line]);
        const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
        expect(keys).toEqual(sorted);
        expect(p.pegs.length).toBeLessThanOrEqual(2 * forecast.length + lines.length);
      }),
    );
  });

  it("keeps each line's total with fractional quantities, adding no pegs of rounding noise", () => {
    const real = fc.double({ min: 0.001, max: 100, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(real, { minLength: 3, maxLength: 3 }),
        fc.array(fc.record({ period: fc.integer({ min: 0, max: 2 }), quantity: real }), { maxLength: 12 }),
        (forecast, lines) => {
          const p = unwrap(pegLines(forecast, lines.map((_, i) => i), lines.map((l) => l.period), lines.map((l) => l.quantity), { backward: 2, forward: 2 }));
          const byLine = new Array<number>(lines.length).fill(0);
          for (const peg of p.pegs) {
            expect(peg.quantity).toBeGreaterThan(0);
            byLine[peg.line] += peg.quantity;
          }
          // splitting adds at most one peg per line boundary: no extra pegs made of rounding noise
          expect(p.pegs.length).toBeLessThanOrEqual(p.consumption.pegging.length + Math.max(0, lines.length - 1));
          lines.forEach((l, i) => expect(byLine[i]).toBeCloseTo(l.quantity, 6));
        },
      ),
    );
  });
});
