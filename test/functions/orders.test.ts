/**
 * Order lines through the Excel entry points: MPS.BUCKET, MPS.PEGLINES, and MPS.PROMISE with
 * order lines, record blocks, period dates and make-to-order lead times; MPS.PEG with dates.
 * Ranges arrive as Excel passes them (2-D arrays, a typed value as [[value]], empty cells null).
 */
import fc from "fast-check";
import { atp, bucket, peg, peglines, promise, table } from "../../src/functions/functions";
import { OMITTED, cell, column, excelError, row } from "./excelCalls";

/** A result cell as Excel shows it: the value, or "#CODE message" for an error in that cell. */
function shown(value: unknown): unknown {
  if (value instanceof CustomFunctions.Error) return `${(value as { code: string }).code} ${value.message}`;
  return value;
}
const shownAll = (rows: unknown[][]) => rows.map((r) => r.map(shown));

// Weekly periods from Monday 1 January 2024 (serial 45292 in the 1900 date system).
const WEEKS = [45292, 45299, 45306];

describe("MPS.BUCKET", () => {
  // The engine's worked example: 45290 is past due (period 1), noon on 45292 is day 45292,
  // 45313 is the horizon end (45306 + 7) and is left out.
  const DATES = column(45290, 45292.5, 45300, 45306, 45313);
  const QUANTITIES = column(5, 10, 20, 30, 40);

  it("sums dated lines into the periods, laid out like period_starts whatever the lines' layout", () => {
    expect(bucket(DATES, QUANTITIES, row(...WEEKS))).toEqual([[15, 20, 30]]);
    expect(bucket(DATES, QUANTITIES, column(...WEEKS))).toEqual([[15], [20], [30]]);
    expect(bucket(row(45290, 45292.5, 45300, 45306, 45313), row(5, 10, 20, 30, 40), column(...WEEKS))).toEqual([[15], [20], [30]]);
  });

  it("lets horizon_end decide where the last period ends", () => {
    // 45313 falls inside a last period that ends on 45320
    expect(bucket(DATES, QUANTITIES, row(...WEEKS), 45320)).toEqual([[15, 20, 70]]);
    expect(bucket(column(45306), column(5), cell(45306), 45307)).toEqual([[5]]);
  });

  it("skips blank lines (web: null, desktop: 0) and counts a dated line without quantity as 0", () => {
    expect(bucket(column(45292, null, 0, 45300, 45299), column(5, null, 0, 7, null), row(...WEEKS))).toEqual([[5, 7, 0]]);
  });

  it("counts the same weeks in the 1904 date system (serials 1462 lower)", () => {
    const shift = (line: unknown[][]) => line.map((r) => r.map((v) => (v as number) - 1462));
    expect(bucket(shift(DATES), QUANTITIES, shift(row(...WEEKS)))).toEqual([[15, 20, 30]]);
  });

  it("refuses a text date, naming the argument and the line", () => {
    expect(excelError(() => bucket(column(45292, 45293, "next week"), column(1, 2, 3), row(...WEEKS)))).toBe(
      "#VALUE! dates: line 3 is text 'next week'; enter a date (a date typed as text is not read)",
    );
    expect(excelError(() => bucket(column(45292, true), column(1, 2), row(...WEEKS)))).toMatch(/^#VALUE! dates: line 2 is TRUE/);
    expect(excelError(() => bucket(column(45292, { type: "NA" }), column(1, 2), row(...WEEKS)))).toMatch(
      /^#VALUE! dates: line 2 is the error #NA; fix that cell first/,
    );
  });

  it("refuses a quantity without a date, naming the line", () => {
    expect(excelError(() => bucket(column(45292, null), column(1, 40), row(...WEEKS)))).toBe(
      "#VALUE! dates line 2 is empty but quantities line 2 is 40: an order line needs a date",
    );
  });

  it("refuses unsorted period starts, naming the cell and the one before it", () => {
    expect(excelError(() => bucket(column(45292), column(1), row(45292, 45306, 45299)))).toBe(
      "#VALUE! period_starts: cell 3 (45299) is not after cell 2 (45306); sort the period starts, earliest first, one period a day at most",
    );
  });

  it("refuses negative or text quantities and lists of different lengths with #VALUE!", () => {
    expect(excelError(() => bucket(column(45292, 45293), column(1, -2), row(...WEEKS)))).toBe(
      "#VALUE! quantities: line 2 is -2; quantities must be 0 or more",
    );
    expect(excelError(() => bucket(column(45292, 45293), column(1, "2"), row(...WEEKS)))).toMatch(/^#VALUE! quantities: line 2 is text '2'/);
    expect(excelError(() => bucket(column(45292, 45293), column(1), row(...WEEKS)))).toBe(
      "#VALUE! quantities has 1 lines but dates has 2; give one quantities per line of dates",
    );
  });

  it("needs horizon_end with a single period start, and after it", () => {
    expect(excelError(() => bucket(column(45292), column(1), cell(45292)))).toMatch(/^#VALUE! horizon_end is required with a single period start/);
    expect(excelError(() => bucket(column(45292), column(1), row(...WEEKS), 45300))).toMatch(/^#VALUE! horizon_end \(45300\) must be after/);
  });

  it("keeps every quantity dated before the horizon end, as a line-by-line SUMIFS would (property)", () => {
    const line = fc.record({ day: fc.integer({ min: 45280, max: 45330 }), quantity: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        const result = bucket(
          column(...lines.map((l) => l.day)),
          column(...lines.map((l) => l.quantity)),
          row(...WEEKS),
        )[0] as number[];
        // SUMIFS per period, past due in the first: date < next start (and ≥ start, but for period 1)
        const expected = WEEKS.map((start, p) =>
          lines
            .filter((l) => l.day < (WEEKS[p + 1] ?? 45313) && (p === 0 || l.day >= start))
            .reduce((sum, l) => sum + l.quantity, 0),
        );
        expect(result).toEqual(expected);
        const inside = lines.filter((l) => l.day < 45313).reduce((sum, l) => sum + l.quantity, 0);
        expect(result.reduce((a, b) => a + b, 0)).toBe(inside);
      }),
      { numRuns: 100 },
    );
  });
});

describe("MPS.PROMISE with order lines", () => {
  // The engine's worked example: discrete ATP 25,0,20,0,0,25,0,0.
  const ON_HAND = cell(80);
  const SUPPLY = row(0, 0, 60, 0, 0, 60, 0, 0);
  const ORDERS = row(30, 25, 30, 10, 0, 35, 0, 0);

  it("promises lines first come, first served, each booked before the next; #N/A in the cell of a line beyond the horizon", () => {
    // 20 → period 1 (ATP 25); 20 → period 3 (5 + 20 left); 40 → nothing left for it (5 + 25 = 30)
    expect(shownAll(promise(column(20, 20, 40), ON_HAND, SUPPLY, ORDERS, "discrete"))).toEqual([[1], [3], ["#N/A not within horizon"]]);
    expect(shownAll(promise(row(20, 20, 40), ON_HAND, SUPPLY, ORDERS, "discrete"))).toEqual([[1, 3, "#N/A not within horizon"]]);
  });

  it("lets a smaller line after an unpromisable one still be promised", () => {
    expect(shownAll(promise(column(40, 5), ON_HAND, SUPPLY, ORDERS, "discrete"))).toEqual([[3], [1]]);
  });

  it("takes one requested period per line, or one for every line; an empty one means as soon as possible", () => {
    expect(promise(column(5, 5, 5), ON_HAND, SUPPLY, ORDERS, "discrete", column(2, null, 7))).toEqual([[2], [1], [7]]);
    expect(promise(column(5, 5), ON_HAND, SUPPLY, ORDERS, "discrete", cell(4))).toEqual([[4], [4]]);
  });

  it("leaves a blank line blank", () => {
    expect(promise(column(20, null, 20), ON_HAND, SUPPLY, ORDERS, "discrete")).toEqual([[1], [""], [3]]);
  });

  it("behaves as before for a single quantity, on every method", () => {
    for (const method of ["discrete", "cumulative", "lookahead"]) {
      for (const quantity of [0, 20, 40, 70]) {
        const single = promise(cell(quantity), ON_HAND, SUPPLY, ORDERS, method);
        const lines = promise(column(quantity, 0), ON_HAND, SUPPLY, ORDERS, method);
        expect(single).toEqual([[lines[0][0]]]);
      }
    }
  });

  it("refuses requested periods that are not period numbers, or not one per line, with #VALUE! naming the line", () => {
    expect(excelError(() => promise(column(5, 5), ON_HAND, SUPPLY, ORDERS, OMITTED, column(1, 1.5)))).toBe(
      "#VALUE! requested_period: line 2 is 1.5, not a period number; periods count 1, 2, 3, …",
    );
    expect(excelError(() => promise(column(5, 5), ON_HAND, SUPPLY, ORDERS, OMITTED, cell(-1)))).toBe(
      "#VALUE! requested_period: -1 is not a period number; periods count 1, 2, 3, …",
    );
    expect(excelError(() => promise(column(5, 5), ON_HAND, SUPPLY, ORDERS, OMITTED, cell("soon")))).toBe(
      "#VALUE! requested_period: 'soon' is text; enter a number (numbers stored as text are not read)",
    );
    expect(excelError(() => promise(column(5, 5), ON_HAND, SUPPLY, ORDERS, OMITTED, column(2, "soon")))).toMatch(
      /^#VALUE! requested_period: line 2 is text 'soon'/,
    );
    expect(excelError(() => promise(column(5, 5), ON_HAND, SUPPLY, ORDERS, OMITTED, column(1, 2, 3)))).toBe(
      "#VALUE! requested_period has 3 lines but quantity has 2; give one requested_period per line of quantity",
    );
    expect(excelError(() => promise(column(5, "x"), ON_HAND, SUPPLY, ORDERS))).toMatch(/^#VALUE! quantity: line 2 is text 'x'/);
    expect(excelError(() => promise([[1, 2], [3, 4]], ON_HAND, SUPPLY, ORDERS))).toMatch(/^#VALUE! quantity: expected one cell, or one row or one column/);
  });

  it("never promises more than the ATP it consumes, the orders booked so far counted (property)", () => {
    const quantity = fc.integer({ min: 0, max: 60 });
    const periods = fc.integer({ min: 1, max: 8 });
    const item = periods.chain((n) =>
      fc.record({
        onHand: fc.integer({ min: 0, max: 100 }),
        supply: fc.array(fc.integer({ min: 0, max: 80 }), { minLength: n, maxLength: n }),
        orders: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: n, maxLength: n }),
        lines: fc.array(quantity, { minLength: 2, maxLength: 6 }),
      }),
    );
    fc.assert(
      fc.property(item, ({ onHand, supply, orders, lines }) => {
        const result = promise(column(...lines), cell(onHand), row(...supply), row(...orders), "discrete");
        const booked = [...orders];
        lines.forEach((q, i) => {
          const before = (atp(onHand, row(...supply), row(...booked), "discrete") as number[][])[0];
          const running = before.map((_, t) => before.slice(0, t + 1).reduce((a, b) => a + b, 0));
          const answer = result[i][0];
          if (q === 0) expect(answer).toBe(1); // nothing asked: promised as requested
          else if (typeof answer === "number") {
            // the line fits the ATP left to it by its period, and no earlier period had enough
            expect(running[answer - 1]).toBeGreaterThanOrEqual(q - 1e-9);
            for (let t = 0; t < answer - 1; t++) expect(running[t]).toBeLessThan(q - 1e-9);
            booked[answer - 1] += q;
          } else {
            expect(shown(answer)).toBe("#N/A not within horizon");
            for (const available of running) expect(available).toBeLessThan(q);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe("MPS.PROMISE from an MPS.TABLE block", () => {
  // Textbook item: on hand 64, FOQ 70, receipts 50 in period 2.
  const FORECAST = [30, 30, 30, 30, 40, 40, 40, 40];
  const ORDERS = [33, 20, 10, 4, 2, 0, 0, 0];
  const RECEIPTS = [0, 50, 0, 0, 0, 0, 0, 0];
  const block = table(row(...FORECAST), row(...ORDERS), cell(64), 0, "FOQ", 70, "MTS", row(...RECEIPTS));
  const mps = block.find((r) => r[0] === "MPS")!.slice(1) as number[];
  const supply = mps.map((q, t) => q + RECEIPTS[t]);

  it("reads on hand, supply (MPS + Receipts) and orders from the block, as if typed in", () => {
    for (const quantity of [10, 50, 100, 200]) {
      expect(promise(cell(quantity), block)).toEqual(promise(cell(quantity), cell(64), row(...supply), row(...ORDERS)));
    }
    // Discrete ATP: period 1: 64 − 33 − 20 = 11; period 2: 50 − 10 − 4 − 2 = 34 (the receipt)…
    expect(promise(cell(40), block, OMITTED, OMITTED, "discrete")).toEqual([[2]]);
  });

  it("reads a block laid out in columns (labels in the first row), and lines promised from it", () => {
    const columns = table(column(...FORECAST), column(...ORDERS), cell(64), 0, "FOQ", 70, "MTS", column(...RECEIPTS));
    expect(promise(column(10, 50, 100), columns)).toEqual(promise(column(10, 50, 100), cell(64), row(...supply), row(...ORDERS)));
  });

  it("names the missing row, and refuses supply or orders typed beside a block", () => {
    const noMps = block.filter((r) => r[0] !== "MPS");
    expect(excelError(() => promise(cell(10), noMps))).toBe(
      "#VALUE! on_hand: the MPS.TABLE block has no 'MPS' row (or column); give the whole block, labels included, e.g. B14#",
    );
    expect(excelError(() => promise(cell(10), block, row(...supply)))).toMatch(/^#VALUE! supply: leave it out when on_hand is an MPS.TABLE block/);
    expect(excelError(() => promise(cell(10), cell(64)))).toBe("#VALUE! supply is required, unless on_hand is an MPS.TABLE block to promise from");
    expect(excelError(() => promise(cell(10), row(64, 1)))).toMatch(/^#VALUE! on_hand: expected one cell \(on hand\) or a whole MPS.TABLE block/);
  });
});

describe("MPS.PROMISE and MPS.PEG with period dates", () => {
  const STARTS = row(45292, 45299, 45306, 45313, 45320, 45327, 45334, 45341);

  it("answers with the start date of the promised period", () => {
    const supply = row(0, 0, 60, 0, 0, 60, 0, 0);
    const orders = row(30, 25, 30, 10, 0, 35, 0, 0);
    expect(promise(cell(20), cell(80), supply, orders, "discrete", OMITTED, STARTS)).toEqual([[45292]]);
    expect(shownAll(promise(column(20, 20, 40), cell(80), supply, orders, "discrete", OMITTED, STARTS))).toEqual([
      [45292],
      [45306],
      ["#N/A not within horizon"],
    ]);
    expect(excelError(() => promise(cell(20), cell(80), supply, orders, OMITTED, OMITTED, row(45292, 45299)))).toBe(
      "#VALUE! period_starts has 2 start dates for the 8 periods of supply; give one start date per period",
    );
  });

  it("shows the pegging's order and forecast periods as dates", () => {
    const forecast = row(350, 350, 350, 350);
    const orders = row(300, 500, 280, 0);
    const numbered = peg(forecast, orders, 1, 1);
    const dated = peg(forecast, orders, 1, 1, OMITTED, row(45292, 45299, 45306, 45313));
    const date = (p: unknown) => (typeof p === "number" ? [45292, 45299, 45306, 45313][p - 1] : p);
    expect(dated).toEqual(numbered.map((r, i) => (i === 0 ? r : [date(r[0]), date(r[1]), r[2]])));
  });
});

describe("MPS.PROMISE for make to order, by lead time and capacity", () => {
  it("promises at 1 + lead time (or the requested period, if later) where ATP would say #N/A", () => {
    // MTO supply is the orders themselves: ATP is 0
    const supply = row(10, 20, 0, 0, 0, 0);
    const orders = row(10, 20, 0, 0, 0, 0);
    expect(excelError(() => promise(cell(40), cell(0), supply, orders))).toBe("#N/A not within horizon");
    expect(promise(cell(40), cell(0), supply, orders, OMITTED, OMITTED, OMITTED, "MTO", OMITTED, OMITTED, 2)).toEqual([[3]]);
    expect(promise(cell(40), cell(0), supply, orders, OMITTED, cell(5), OMITTED, "MTO", OMITTED, OMITTED, 2)).toEqual([[5]]);
    expect(promise(column(40, 10), cell(0), supply, orders, OMITTED, OMITTED, OMITTED, "mto")).toEqual([[1], [1]]);
    expect(excelError(() => promise(cell(40), cell(0), supply, orders, OMITTED, OMITTED, OMITTED, "MTO", OMITTED, OMITTED, 6))).toBe("#N/A not within horizon");
  });

  it("with capacity, takes the first period from there with room for the whole line (the engine's example)", () => {
    // Lead time 2, capacity 100 h a period, 2 h a unit; production of 30 in period 3 already takes 60 h.
    // 20 (40 h) → period 3 (full); 30 (60 h) → period 4; 10 wanted in 4 → period 4; 5 wanted in 10 → beyond the horizon.
    const supply = row(0, 0, 30, 0, 0);
    const result = promise(column(20, 30, 10, 5), cell(0), supply, row(0, 0, 30, 0, 0), OMITTED, column(1, null, 4, 10), OMITTED, "MTO", row(100, 100, 100, 100, 100), 2, 2);
    expect(shownAll(result)).toEqual([[3], [4], [4], ["#N/A not within horizon"]]);
  });

  it("says when capacity, not the lead time, keeps a line out of the horizon", () => {
    const call = (quantity: unknown[][]) => promise(quantity, cell(0), row(0, 0, 0), row(0, 0, 0), OMITTED, OMITTED, OMITTED, "MTO", row(100, 100, 100), 2, 1);
    const message = "#N/A not within horizon: no period from period 2 on has 120 of capacity to spare for this line";
    expect(shownAll(call(column(60, 10)))).toEqual([[message], [2]]);
    expect(excelError(() => call(cell(60)))).toBe(message);
  });

  it("refuses MTO arguments without model MTO, and capacity of another length", () => {
    expect(excelError(() => promise(cell(5), cell(0), row(0, 0), row(0, 0), OMITTED, OMITTED, OMITTED, OMITTED, OMITTED, OMITTED, 2))).toBe(
      '#VALUE! lead_time: only make-to-order promises use it (model "MTO"); leave it out or set model to "MTO"',
    );
    expect(excelError(() => promise(cell(5), cell(0), row(0, 0), row(0, 0), OMITTED, OMITTED, OMITTED, "MTO", row(1, 2, 3)))).toBe(
      "#VALUE! capacity has 3 periods but supply has 2; give one value per period",
    );
    expect(excelError(() => promise(column(5, 5), cell(0), row(0, 0), row(0, 0), OMITTED, OMITTED, OMITTED, "MTO", OMITTED, OMITTED, -1))).toMatch(
      /^#VALUE! lead_time must be a whole number of periods/,
    );
  });
});

describe("MPS.PEGLINES", () => {
  it("pegs order lines, by date within a period (the engine's example)", () => {
    // Forecast 100, 100; A 60 (9 Jan) and B 80 (8 Jan) in week 2, C 30 (1 Jan) in week 1; window 1 back.
    const result = peglines(row(100, 100), row(45292, 45299), column("A", "B", "C"), column(45300, 45299, 45292), column(60, 80, 30), 1, 0);
    expect(result).toEqual([
      ["Order", "Order period", "Forecast period", "Quantity"],
      ["C", 1, 1, 30],
      ["B", 2, 2, 80],
      ["A", 2, 2, 20],
      ["A", 2, 1, 40],
    ]);
  });

  it("splits an order between forecast and excess (textbook, window 0/0)", () => {
    const result = peglines(
      row(350, 350, 350, 350),
      row(45292, 45299, 45306, 45313),
      column("SO-1", "SO-2", "SO-3", "SO-4"),
      column(45293, 45300, 45301, 45307),
      column(300, 200, 300, 280),
      0,
      0,
    );
    expect(result.slice(1)).toEqual([
      ["SO-1", 1, 1, 300],
      ["SO-2", 2, 2, 200],
      ["SO-3", 2, 2, 150],
      ["SO-3", 2, "excess", 150],
      ["SO-4", 3, 3, 280],
    ]);
  });

  it("refuses text dates and lists of different lengths, naming the argument and the line", () => {
    const args = (dates: unknown[][], quantities: unknown[][]) => () =>
      peglines(row(100, 100), row(45292, 45299), column("A", "B"), dates, quantities);
    expect(excelError(args(column(45292, "soon"), column(1, 2)))).toMatch(/^#VALUE! order_dates: line 2 is text 'soon'/);
    expect(excelError(args(column(45292), column(1, 2)))).toBe(
      "#VALUE! order_dates has 1 lines but order_ids has 2; give one order_dates per line of order_ids",
    );
    expect(excelError(args(column(45292, null), column(1, 2)))).toBe(
      "#VALUE! order_dates line 2 is empty but quantities line 2 is 2: an order line needs a date",
    );
  });

  it("adds up to each order, and per period to MPS.PEG on the bucketed orders (property)", () => {
    const starts = [45292, 45299, 45306, 45313, 45320];
    const line = fc.record({ day: fc.integer({ min: 45285, max: 45330 }), quantity: fc.integer({ min: 0, max: 200 }) });
    const window = fc.record({ backward: fc.integer({ min: 0, max: 2 }), forward: fc.integer({ min: 0, max: 2 }) });
    const forecast = fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 5, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), forecast, window, (lines, f, { backward, forward }) => {
        const ids = lines.map((_, i) => `SO-${i + 1}`);
        const dates = column(...lines.map((l) => l.day));
        const quantities = column(...lines.map((l) => l.quantity));
        const pegs = peglines(row(...f), row(...starts), column(...ids), dates, quantities, backward, forward).slice(1);
        expect(pegs.length).toBeLessThanOrEqual(2 * starts.length + lines.length);
        // each order inside the horizon (before 45327) is pegged in full
        lines.forEach((l, i) => {
          const pegged = pegs.filter((p) => p[0] === ids[i]).reduce((sum, p) => sum + (p[3] as number), 0);
          expect(pegged).toBeCloseTo(l.day < 45327 ? l.quantity : 0, 9);
        });
        // per (order period, forecast period), the line pegs add up to MPS.PEG on the bucketed orders
        const bucketed = bucket(dates, quantities, row(...starts));
        const total = new Map<string, number>();
        for (const p of pegs) total.set(`${p[1]}→${p[2]}`, (total.get(`${p[1]}→${p[2]}`) ?? 0) + (p[3] as number));
        const perPeriod = peg(row(...f), bucketed, backward, forward).slice(1);
        expect(total.size).toBe(new Set(perPeriod.map((p) => `${p[0]}→${p[1]}`)).size);
        for (const p of perPeriod) expect(total.get(`${p[0]}→${p[1]}`)).toBeCloseTo(p[2] as number, 9);
      }),
      { numRuns: 100 },
    );
  });
});
