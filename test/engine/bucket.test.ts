import fc from "fast-check";
import { bucketOrders, orderLinePeriods } from "../../src/engine";
import { errorOf, list, sum, unwrap } from "./helpers";

// Weekly periods from Monday 1 January 2024 (serial 45292 in the 1900 system).
const WEEKS = [45292, 45299, 45306];

describe("bucketOrders", () => {
  it("repeats the doc example: past due in period 0, the horizon end left out", () => {
    const b = unwrap(bucketOrders([45290, 45292.5, 45300, 45306, 45313], [5, 10, 20, 30, 40], WEEKS));
    expect(list(b.orders)).toEqual([15, 20, 30]);
    expect(b).toMatchObject({ pastDue: 5, leftOut: 40, linesLeftOut: 1, blankLines: 0, horizonEnd: 45313 });
  });

  describe("periods", () => {
    it("puts a line dated on a period start into that period, the day before into the previous one", () => {
      const b = unwrap(bucketOrders([45298, 45299, 45305, 45306, 45312], [1, 2, 4, 8, 16], WEEKS));
      expect(list(b.orders)).toEqual([1, 6, 24]);
    });

    it("counts a time of day in its day, also late in the last day of the horizon", () => {
      // 45312.99 is the evening of the last day (horizon end 45313): still inside
      const b = unwrap(bucketOrders([45298.75, 45312.99, 45313.01], [1, 2, 4], WEEKS));
      expect(list(b.orders)).toEqual([1, 0, 2]);
      expect(b.leftOut).toBe(4);
    });

    it("lets the last period last as long as the one before it by default (monthly periods)", () => {
      // 1 Jan 45292, 1 Feb 45323, 1 Mar 45352 (29 days later) → the horizon ends on 45381 (30 March)
      const b = unwrap(bucketOrders([45380, 45381], [7, 9], [45292, 45323, 45352]));
      expect(list(b.orders)).toEqual([0, 0, 7]);
      expect(b).toMatchObject({ horizonEnd: 45381, leftOut: 9, linesLeftOut: 1 });
    });

    it("ends the last period at horizonEnd when given", () => {
      const b = unwrap(bucketOrders([45320, 45400], [3, 5], [45292, 45299], 45350));
      expect(list(b.orders)).toEqual([0, 3]);
      expect(b).toMatchObject({ horizonEnd: 45350, leftOut: 5 });
    });

    it("takes horizonEnd as a day: a time of day on it does not extend the horizon", () => {
      const b = unwrap(bucketOrders([45306, 45306.5], [3, 5], [45292, 45299], 45306.5));
      expect(b.horizonEnd).toBe(45306);
      expect(b.leftOut).toBe(8);
    });

    it("needs horizonEnd with a single period start, and then works", () => {
      expect(errorOf(bucketOrders([45292], [1], [45292]))).toMatchObject({
        code: "VALUE",
        field: "horizonEnd",
        message: "horizonEnd is required with a single period start: the length of the only period cannot be inferred",
      });
      const b = unwrap(bucketOrders([45200, 45295, 45299], [1, 2, 4], [45292], 45299));
      expect(list(b.orders)).toEqual([3]);
      expect(b).toMatchObject({ pastDue: 1, leftOut: 4 });
    });

    it("accepts typed arrays and works in any date system (the serials are only compared)", () => {
      // the same week in the 1904 system is 1462 days earlier
      const shifted = WEEKS.map((d) => d - 1462);
      const b = unwrap(bucketOrders(Float64Array.from([45290, 45300].map((d) => d - 1462)), Float64Array.of(5, 20), shifted));
      expect(list(b.orders)).toEqual([5, 20, 0]);
    });
  });

  describe("blank lines", () => {
    it("skips lines with neither date nor quantity, and lines with quantity 0 but no date", () => {
      const b = unwrap(bucketOrders([null, 45300, undefined, null], [null, 20, 0, undefined], WEEKS));
      expect(list(b.orders)).toEqual([0, 20, 0]);
      expect(b.blankLines).toBe(3);
    });

    it("counts a dated line without quantity as 0, as SUMIFS does", () => {
      const b = unwrap(bucketOrders([45300, 45301], [null, 4], WEEKS));
      expect(list(b.orders)).toEqual([0, 4, 0]);
      expect(b.blankLines).toBe(0);
    });

    it("returns zeros for an empty order list", () => {
      expect(list(unwrap(bucketOrders([], [], WEEKS)).orders)).toEqual([0, 0, 0]);
    });
  });

  describe("invalid input", () => {
    it("names the line of a text date", () => {
      expect(errorOf(bucketOrders([45300, 45301, "next week" as never], [1, 2, 3], WEEKS))).toEqual({
        code: "VALUE",
        field: "dates",
        period: 2,
        value: "next week",
        message: 'dates[2] is not a date ("next week")',
      });
    });

    it("names the line of a quantity without a date", () => {
      expect(errorOf(bucketOrders([45300, null], [1, 40], WEEKS))).toMatchObject({
        code: "VALUE",
        field: "dates",
        period: 1,
        message: "dates[1] is empty but quantities[1] is 40: an order line needs a date",
      });
    });

    it("names the line of a text, negative or non-finite quantity, or a non-finite date", () => {
      expect(errorOf(bucketOrders([45300], ["ten" as never], WEEKS))).toMatchObject({ code: "VALUE", field: "quantities", period: 0 });
      expect(errorOf(bucketOrders([45300, 45300], [1, -4], WEEKS))).toMatchObject({
        code: "NUM",
        field: "quantities",
        period: 1,
        message: "quantities[1] is negative (-4)",
      });
      expect(errorOf(bucketOrders([45300, NaN], [1, 2], WEEKS))).toMatchObject({ code: "NUM", field: "dates", period: 1 });
      expect(errorOf(bucketOrders([45300], [Infinity], WEEKS))).toMatchObject({ code: "NUM", field: "quantities", period: 0 });
    });

    it("reports the first bad line", () => {
      expect(errorOf(bucketOrders([45300, "x" as never], [-1, 2], WEEKS))).toMatchObject({ field: "quantities", period: 0 });
    });

    it("refuses unsorted or repeated period starts, naming the start", () => {
      expect(errorOf(bucketOrders([], [], [45292, 45306, 45299]))).toMatchObject({
        code: "VALUE",
        field: "periodStarts",
        period: 2,
        message:
          "periodStarts[2] (45299) is not after periodStarts[1] (45306): period starts must be sorted, earliest first, one period per day at most",
      });
      // two starts on the same day (one with a time of day) make an empty period
      expect(errorOf(bucketOrders([], [], [45292, 45292.5]))).toMatchObject({ field: "periodStarts", period: 1 });
    });

    it("refuses no period starts, a horizon end not after the last start, and lines of different lengths", () => {
      expect(errorOf(bucketOrders([], [], []))).toMatchObject({ code: "VALUE", field: "periodStarts" });
      expect(errorOf(bucketOrders([], [], WEEKS, 45306))).toMatchObject({
        code: "NUM",
        field: "horizonEnd",
        message: "horizonEnd (45306) must be after the last period start (45306)",
      });
      expect(errorOf(bucketOrders([1, 2], [1], WEEKS)).message).toBe("dates and quantities differ in length: 2 vs 1");
      expect(errorOf(bucketOrders(5 as never, [1], WEEKS))).toMatchObject({ code: "VALUE", field: "dates", message: "dates must be a list of cells" });
    });
  });

  it("does not mutate its inputs", () => {
    const dates = [45290, 45300];
    const quantities = [1, 2];
    const starts = [45292.5, 45299];
    unwrap(bucketOrders(dates, quantities, starts));
    expect([dates, quantities, starts]).toEqual([[45290, 45300], [1, 2], [45292.5, 45299]]);
  });
});

describe("orderLinePeriods", () => {
  it("repeats the doc example", () => {
    expect(unwrap(orderLinePeriods([45290, 45292.5, 45300, null, 45313], [5, 10, 20, null, 40], WEEKS))).toEqual([0, 0, 1, null, null]);
  });

  it("refuses what bucketOrders refuses", () => {
    expect(errorOf(orderLinePeriods([null], [3], WEEKS))).toMatchObject({ field: "dates", period: 0 });
  });
});

describe("bucketing properties", () => {
  // days around a 10-period calendar with periods 1 to 9 days long
  const calendar = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 10 }).chain((lengths) => {
    const starts = lengths.reduce<number[]>((acc, l) => [...acc, (acc.at(-1) ?? 40000) + l], []);
    return fc.record({
      starts: fc.constant(starts),
      end: fc.option(fc.integer({ min: starts.at(-1)! + 1, max: starts.at(-1)! + 20 }), { nil: undefined }),
      lines: fc.array(
        fc.record({
          date: fc.option(fc.double({ min: 39990, max: starts.at(-1)! + 30, noNaN: true }), { nil: null }),
          quantity: fc.integer({ min: 0, max: 100 }),
        }),
        { maxLength: 40 },
      ),
    });
  });

  /** The textbook way: each dated line walks the periods. */
  function naive(starts: number[], end: number, lines: Array<{ date: number | null; quantity: number }>) {
    const orders = starts.map(() => 0);
    let leftOut = 0;
    for (const { date, quantity } of lines) {
      if (date === null) continue;
      const day = Math.floor(date);
      if (day >= end) {
        leftOut += quantity;
        continue;
      }
      let period = 0;
      for (let p = 0; p < starts.length; p++) if (starts[p] <= day) period = p;
      orders[period] += quantity;
    }
    return { orders, leftOut };
  }

  it("keeps totals inside the horizon and agrees with a line-by-line walk", () => {
    fc.assert(
      fc.property(calendar, ({ starts, end, lines }) => {
        if (starts.length === 1 && end === undefined) return;
        const dates = lines.map((l) => l.date);
        const quantities = lines.map((l) => (l.date === null ? 0 : l.quantity));
        const b = unwrap(bucketOrders(dates, quantities, starts, end));
        const horizonEnd = end ?? 2 * starts.at(-1)! - starts.at(-2)!;
        const reference = naive(starts, horizonEnd, lines.map((l, i) => ({ date: l.date, quantity: quantities[i] })));
        expect(list(b.orders)).toEqual(reference.orders);
        expect(b.leftOut).toBe(reference.leftOut);
        expect(sum(b.orders) + b.leftOut).toBe(sum(quantities));
        const inside = lines.reduce((s, l, i) => s + (l.date !== null && Math.floor(l.date) < horizonEnd ? quantities[i] : 0), 0);
        expect(sum(b.orders)).toBe(inside);
        const periods = unwrap(orderLinePeriods(dates, quantities, starts, end));
        const again = starts.map(() => 0);
        periods.forEach((p, i) => p !== null && (again[p] += quantities[i]));
        expect(again).toEqual(reference.orders);
      }),
    );
  });
});
