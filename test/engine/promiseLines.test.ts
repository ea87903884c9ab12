import fc from "fast-check";
import { ATP_METHODS, type AtpMethod, availableToPromise, promise, promiseLines, promiseLinesByLeadTime } from "../../src/engine";
import { errorOf, list, sum, unwrap } from "./helpers";

const SUPPLY = [0, 0, 60, 0, 0, 60, 0, 0];
const ORDERS = [30, 25, 30, 10, 0, 35, 0, 0];

describe("promiseLines", () => {
  it("repeats the doc example: each line booked before the next is promised", () => {
    const p = unwrap(promiseLines([20, 20, 40], 80, SUPPLY, ORDERS));
    expect(p.periods).toEqual([0, 2, null]);
    expect(list(p.orders)).toEqual([50, 25, 50, 10, 0, 35, 0, 0]);
    expect(list(p.atp)).toEqual([5, 0, 0, 0, 0, 25, 0, 0]);
  });

  it("answers a single line as promise does", () => {
    for (const method of ATP_METHODS) {
      expect(unwrap(promiseLines([40], 80, SUPPLY, ORDERS, { method })).periods).toEqual([unwrap(promise(40, 80, SUPPLY, ORDERS, method))]);
    }
  });

  it("serves lines in order: the same lines in another order get other periods", () => {
    // look-ahead ATP 25,25,45,45,45,70,70,70
    expect(unwrap(promiseLines([40, 25], 80, SUPPLY, ORDERS, { method: "lookahead" })).periods).toEqual([2, 5]);
    expect(unwrap(promiseLines([25, 40], 80, SUPPLY, ORDERS, { method: "lookahead" })).periods).toEqual([0, 5]);
  });

  it("offers no period before a line's requested period; an empty request is period 0", () => {
    // discrete ATP 25,0,20,0,0,25,0,0: 10 wanted in period 3 → 3 (running total 45); 10 as soon as possible → 0
    const p = unwrap(promiseLines([10, 10], 80, SUPPLY, ORDERS, { requestedPeriods: [3, null] }));
    expect(p.periods).toEqual([3, 0]);
    expect(list(p.orders)).toEqual([40, 25, 30, 20, 0, 35, 0, 0]);
  });

  it("books nothing for a line it cannot promise, so a smaller line after it can still be promised", () => {
    const p = unwrap(promiseLines([100, 30], 80, SUPPLY, ORDERS));
    expect(p.periods).toEqual([null, 2]);
    expect(sum(p.orders)).toBe(sum(ORDERS) + 30);
  });

  it("promises a line of 0 in its requested period, and nothing beyond the horizon", () => {
    expect(unwrap(promiseLines([0, 0, 5], 80, SUPPLY, ORDERS, { requestedPeriods: [6, 8, 8] })).periods).toEqual([6, null, null]);
  });

  it("shows cumulative ATP promising what a later order needs, which look-ahead refuses", () => {
    // on hand 50, supply 0,40,0, orders 10,0,70: cumulative 40,10,10 lets 30 go in period 0, then
    // 10 more (period 0 still shows 10): the order of 70 in period 2 is now 30 short
    const cumulative = unwrap(promiseLines([30, 10], 50, [0, 40, 0], [10, 0, 70], { method: "cumulative" }));
    expect(cumulative.periods).toEqual([0, 0]);
    expect(list(cumulative.atp)).toEqual([0, -30, -30]);
    // look-ahead ATP 10,10,10: 30 cannot be promised, 10 can
    expect(unwrap(promiseLines([30, 10], 50, [0, 40, 0], [10, 0, 70], { method: "lookahead" })).periods).toEqual([null, 0]);
  });

  it("returns empty results for no lines and the unchanged ATP", () => {
    const p = unwrap(promiseLines([], 80, SUPPLY, ORDERS));
    expect(p.periods).toEqual([]);
    expect(p.atp).toEqual(unwrap(availableToPromise(80, SUPPLY, ORDERS)));
  });

  describe("invalid input", () => {
    it("names the line of a bad requested period", () => {
      expect(errorOf(promiseLines([1, 2], 80, SUPPLY, ORDERS, { requestedPeriods: [0, 1.5] }))).toEqual({
        code: "NUM",
        field: "requestedPeriods",
        period: 1,
        value: 1.5,
        message: "requestedPeriods[1] must be a whole number of periods, 0 or more (got 1.5)",
      });
      expect(errorOf(promiseLines([1], 80, SUPPLY, ORDERS, { requestedPeriods: ["soon" as never] }))).toMatchObject({ code: "VALUE", period: 0 });
      expect(errorOf(promiseLines([1], 80, SUPPLY, ORDERS, { requestedPeriods: [-1] }))).toMatchObject({ code: "NUM", period: 0 });
    });

    it("refuses requested periods of another length, an unknown method and bad quantities", () => {
      expect(errorOf(promiseLines([1, 2], 80, SUPPLY, ORDERS, { requestedPeriods: [0] })).message).toBe(
        "quantities and requestedPeriods differ in length: 2 vs 1",
      );
      expect(errorOf(promiseLines([1], 80, SUPPLY, ORDERS, { method: "fifo" as never }))).toMatchObject({ field: "method" });
      expect(errorOf(promiseLines([1, -3], 80, SUPPLY, ORDERS))).toMatchObject({ code: "NUM", field: "quantities", period: 1 });
      expect(errorOf(promiseLines([1], 80, SUPPLY, [1]))).toMatchObject({ field: "orders" });
      expect(errorOf(promiseLines([1], 80, SUPPLY, ORDERS, { requestedPeriods: 3 as never }))).toMatchObject({ field: "requestedPeriods" });
    });
  });

  it("does not mutate its inputs", () => {
    const orders = [...ORDERS];
    unwrap(promiseLines([20, 20], 80, SUPPLY, orders));
    expect(orders).toEqual(ORDERS);
  });
});

describe("promiseLines properties", () => {
  const qty = fc.integer({ min: 0, max: 60 });
  const input = fc.integer({ min: 0, max: 16 }).chain((n) =>
    fc.record({
      onHand: fc.integer({ min: 0, max: 100 }),
      supply: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100 })), { minLength: n, maxLength: n }),
      orders: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n, maxLength: n }),
      lines: fc.array(fc.record({ quantity: qty, requested: fc.option(fc.integer({ min: 0, max: n + 1 }), { nil: null }) }), { maxLength: 8 }),
      method: fc.constantFrom<AtpMethod>(...ATP_METHODS),
    }),
  );

  it("promises each line as promise would against the orders booked so far, within the ATP it consumes", () => {
    fc.assert(
      fc.property(input, ({ onHand, supply, orders, lines, method }) => {
        const quantities = lines.map((l) => l.quantity);
        const requestedPeriods = lines.map((l) => l.requested);
        const result = unwrap(promiseLines(quantities, onHand, supply, orders, { method, requestedPeriods }));
        const booked = [...orders];
        lines.forEach(({ quantity, requested }, line) => {
          const period = unwrap(promise(quantity, onHand, supply, booked, method, requested ?? 0));
          expect(result.periods[line]).toBe(period);
          if (period === null) return;
          // the ATP this line consumes: the row before it is booked, as a running total for discrete
          const atp = list(unwrap(availableToPromise(onHand, supply, booked, method)));
          const promisable = method === "discrete" ? sum(atp.slice(0, period + 1)) : atp[period];
          if (quantity > 0) expect(quantity).toBeLessThanOrEqual(promisable);
          booked[period] += quantity;
        });
        expect(list(result.orders)).toEqual(booked);
        expect(result.atp).toEqual(unwrap(availableToPromise(onHand, supply, booked, method)));
        // with look-ahead (and netted discrete ATP) the promises together never exceed what was free
        if (method !== "cumulative" && supply.length > 0) {
          const promised = sum(lines.filter((_, i) => result.periods[i] !== null).map((l) => l.quantity));
          expect(promised).toBeLessThanOrEqual(Math.max(0, onHand + sum(supply) - sum(orders)));
        }
      }),
    );
  });
});

describe("promiseLinesByLeadTime", () => {
  it("repeats the doc example: lead time, capacity, load already booked, a request beyond the horizon", () => {
    const p = unwrap(
      promiseLinesByLeadTime([20, 30, 10, 5], 5, {
        leadTime: 2,
        capacity: [100, 100, 100, 100, 100],
        load: [0, 0, 60, 0, 0],
        hoursPerUnit: 2,
        requestedPeriods: [0, null, 3, 9],
      }),
    );
    expect(p.periods).toEqual([2, 3, 3, null]);
    expect(p.reasons).toEqual([null, null, null, "horizon"]);
    expect(list(p.load!)).toEqual([0, 0, 100, 80, 0]);
  });

  it("promises the later of the requested period and the lead time without capacity", () => {
    const p = unwrap(promiseLinesByLeadTime([100, 100, 100], 6, { leadTime: 3, requestedPeriods: [0, 5, 6] }));
    expect(p.periods).toEqual([3, 5, null]);
    expect(p.reasons).toEqual([null, null, "horizon"]);
    expect(p.load).toBeNull();
  });

  it("promises in period 0 with no lead time, whatever ATP says (MTO has none)", () => {
    expect(unwrap(promiseLinesByLeadTime([50], 4)).periods).toEqual([0]);
  });

  it("gives capacity as the reason when no period from the earliest one holds the whole line", () => {
    // capacity in units (hours per unit 1): 40 per period; 50 never fits in one period; 30 fits
    const p = unwrap(promiseLinesByLeadTime([50, 30, 30], 3, { leadTime: 1, capacity: [40, 40, 40] }));
    expect(p.periods).toEqual([null, 1, 2]);
    expect(p.reasons).toEqual(["capacity", null, null]);
    expect(list(p.load!)).toEqual([0, 30, 30]);
  });

  it("needs no capacity for a line of 0", () => {
    expect(unwrap(promiseLinesByLeadTime([0], 2, { capacity: [0, 0] })).periods).toEqual([0]);
  });

  describe("invalid input", () => {
    it("refuses a bad horizon, lead time, capacity or hours per unit", () => {
      expect(errorOf(promiseLinesByLeadTime([1], null as never))).toMatchObject({ code: "VALUE", field: "periods" });
      expect(errorOf(promiseLinesByLeadTime([1], 2.5))).toMatchObject({ code: "NUM", field: "periods" });
      expect(errorOf(promiseLinesByLeadTime([1], 3, { leadTime: -1 }))).toMatchObject({ code: "NUM", field: "leadTime" });
      expect(errorOf(promiseLinesByLeadTime([1], 3, { capacity: [1, 2] })).message).toBe("periods and capacity differ in length: 3 vs 2");
      expect(errorOf(promiseLinesByLeadTime([1], 3, { capacity: [1, 2, -1] }))).toMatchObject({ code: "NUM", field: "capacity", period: 2 });
      expect(errorOf(promiseLinesByLeadTime([1], 3, { capacity: [1, 2, 3], hoursPerUnit: 0 }))).toMatchObject({
        code: "NUM",
        field: "hoursPerUnit",
        message: "hoursPerUnit must be greater than 0 (got 0)",
      });
      expect(errorOf(promiseLinesByLeadTime([1], 3, { requestedPeriods: [0.5] }))).toMatchObject({ field: "requestedPeriods", period: 0 });
    });
  });

  it("does not mutate its inputs", () => {
    const load = [0, 10];
    unwrap(promiseLinesByLeadTime([5], 2, { capacity: [20, 20], load }));
    expect(load).toEqual([0, 10]);
  });

  it("never loads above capacity and promises each line in the first period from its earliest that holds it", () => {
    const input = fc.integer({ min: 0, max: 12 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        leadTime: fc.integer({ min: 0, max: 4 }),
        hoursPerUnit: fc.integer({ min: 1, max: 3 }),
        capacity: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }),
        lines: fc.array(fc.record({ quantity: fc.integer({ min: 0, max: 40 }), requested: fc.option(fc.integer({ min: 0, max: n + 1 }), { nil: null }) }), {
          maxLength: 10,
        }),
      }),
    );
    fc.assert(
      fc.property(input, ({ n, leadTime, hoursPerUnit, capacity, lines }) => {
        const p = unwrap(
          promiseLinesByLeadTime(
            lines.map((l) => l.quantity),
            n,
            { leadTime, hoursPerUnit, capacity, requestedPeriods: lines.map((l) => l.requested) },
          ),
        );
        const load = new Array<number>(n).fill(0);
        lines.forEach(({ quantity, requested }, line) => {
          const earliest = Math.max(requested ?? 0, leadTime);
          const hours = quantity * hoursPerUnit;
          let expected: number | null = null;
          for (let t = earliest; t < n && expected === null; t++) if (hours === 0 || capacity[t] - load[t] >= hours) expected = t;
          expect(p.periods[line]).toBe(expected);
          expect(p.reasons[line]).toBe(expected !== null ? null : earliest >= n ? "horizon" : "capacity");
          if (expected !== null) load[expected] += hours;
        });
        expect(list(p.load!)).toEqual(load);
        load.forEach((l, t) => expect(l).toBeLessThanOrEqual(capacity[t]));
      }),
    );
  });
});
