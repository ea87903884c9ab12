import fc from "fast-check";
import { compareLoad, loadOf } from "../../src/engine";
import { errorOf, list, rounded, sum, unwrap } from "./helpers";

describe("loadOf", () => {
  describe("worked examples from the issue (resource profile: 1 h in the due period, 2 h one period before)", () => {
    it("repeats the doc example: MPS 0,100,0,50 → load 200,100,100,50", () => {
      // period 0: 2 × 100 (one period before the 100 due in period 1); period 1: 1 × 100;
      // period 2: 2 × 50; period 3: 1 × 50
      const l = unwrap(loadOf([0, 100, 0, 50], [[1, 2]]));
      expect(l.load.map(list)).toEqual([[200, 100, 100, 50]]);
      expect(list(l.pastDue)).toEqual([0]);
      expect(l.pastDueFrom.map(list)).toEqual([[0, 0, 0, 0]]);
    });

    it("adds load that falls before period 0 to period 0 and reports it: MPS 80,0,0,0 → 240 (160 past due)", () => {
      const l = unwrap(loadOf([80, 0, 0, 0], [[1, 2]]));
      expect(l.load.map(list)).toEqual([[240, 0, 0, 0]]);
      expect(list(l.pastDue)).toEqual([160]);
      expect(l.pastDueFrom.map(list)).toEqual([[160, 0, 0, 0]]);
    });
  });

  describe("the three textbook methods", () => {
    it("overall factor: one resource, one offset: load = factor × MPS", () => {
      // 0.5 h per unit: 100 → 50, 60 → 30
      const l = unwrap(loadOf([100, 0, 60], [[0.5]]));
      expect(l.load.map(rounded)).toEqual([[50, 0, 30]]);
    });

    it("bill of capacity: one row per resource, all in the due period", () => {
      // assembly 2 h, test 0.5 h per unit; MPS 10, 20
      const l = unwrap(loadOf([10, 20], [[2], [0.5]]));
      expect(l.load.map(rounded)).toEqual([
        [20, 40],
        [5, 10],
      ]);
      expect(list(l.pastDue)).toEqual([0, 0]);
    });

    it("resource profile: rows with their own number of offsets", () => {
      // machining 3 h two periods before, 1 h one before; assembly 2 h in the due period
      // MPS 0, 0, 10, 20: machining period 0: 3 × 10 = 30; period 1: 1 × 10 + 3 × 20 = 70;
      // period 2: 1 × 20 = 20; assembly 0, 0, 20, 40
      const l = unwrap(
        loadOf(
          [0, 0, 10, 20],
          [
            [0, 1, 3],
            [2],
          ],
        ),
      );
      expect(l.load.map(rounded)).toEqual([
        [30, 70, 20, 0],
        [0, 0, 20, 40],
      ]);
      expect(list(l.pastDue)).toEqual([0, 0]);
    });

    it("reports past-due load per resource and per MPS period", () => {
      // 3 offsets: MPS 10 in period 0 needs 1 × 10 one period before and 2 × 10 two before:
      // 30 past due; MPS 20 in period 1 needs 1 × 20 in period 0 and 2 × 20 before period 0: 40.
      // Period 0: 1 × 10 + 1 × 20 + 30 + 40 = 100; period 1: 1 × 20
      const l = unwrap(loadOf([10, 20, 0], [[1, 1, 2], [4]]));
      expect(l.load.map(rounded)).toEqual([
        [100, 20, 0],
        [40, 80, 0],
      ]);
      expect(list(l.pastDue)).toEqual([70, 0]);
      expect(l.pastDueFrom.map(list)).toEqual([
        [30, 40, 0],
        [0, 0, 0],
      ]);
    });
  });

  it("returns rows of length 0 for an empty MPS", () => {
    const l = unwrap(loadOf([], [[1, 2]]));
    expect(l.load.map(list)).toEqual([[]]);
    expect(list(l.pastDue)).toEqual([0]);
  });

  it("accepts typed arrays", () => {
    const l = unwrap(loadOf(Float64Array.of(0, 100, 0, 50), [Float64Array.of(1, 2)]));
    expect(l.load.map(list)).toEqual([[200, 100, 100, 50]]);
  });

  it("does not mutate its inputs", () => {
    const mps = [80, 0, 0, 0];
    const bill = [[1, 2]];
    loadOf(mps, bill);
    expect(mps).toEqual([80, 0, 0, 0]);
    expect(bill).toEqual([[1, 2]]);
  });

  describe("invalid input", () => {
    it("names the MPS period of a bad quantity", () => {
      expect(errorOf(loadOf([1, -5], [[1]]))).toMatchObject({ code: "NUM", field: "mps", period: 1, message: "mps[1] is negative (-5)" });
    });

    it("names the resource and offset of a negative or non-finite bill entry", () => {
      expect(errorOf(loadOf([1], [[1], [1, -2]]))).toEqual({
        code: "NUM",
        field: "bill",
        row: 1,
        period: 1,
        value: -2,
        message: "bill[1][1] is negative (-2)",
      });
      expect(errorOf(loadOf([1], [[Infinity]]))).toMatchObject({ code: "NUM", field: "bill", row: 0, period: 0, message: "bill[0][0] is not a finite number (Infinity)" });
      expect(errorOf(loadOf([1], [["2" as never]]))).toMatchObject({ code: "VALUE", field: "bill", row: 0, period: 0, message: 'bill[0][0] is not a number ("2")' });
    });

    it("refuses an empty bill, a resource without offsets, and a bill that is not rows", () => {
      expect(errorOf(loadOf([1], []))).toEqual({ code: "VALUE", field: "bill", message: "bill needs at least one resource" });
      expect(errorOf(loadOf([1], [[1], []]))).toEqual({ code: "VALUE", field: "bill", row: 1, message: "bill[1] needs at least one offset" });
      expect(errorOf(loadOf([1], 2 as never))).toMatchObject({ code: "VALUE", field: "bill", message: "bill must be a list of rows of numbers" });
      expect(errorOf(loadOf([1], [3] as never))).toMatchObject({ code: "VALUE", field: "bill", row: 0, message: "bill[0] must be a row of numbers" });
    });

    it("checks the MPS before the bill", () => {
      expect(errorOf(loadOf("x" as never, []))).toMatchObject({ field: "mps" });
    });
  });
});

describe("compareLoad", () => {
  it("repeats the doc example: load 200,100,100,50 against 150 per period", () => {
    const c = unwrap(compareLoad([200, 100, 100, 50], 150));
    expect(list(c.capacity)).toEqual([150, 150, 150, 150]);
    expect(list(c.load)).toEqual([200, 100, 100, 50]);
    expect(list(c.spare)).toEqual([0, 50, 50, 100]);
    expect(list(c.overload)).toEqual([50, 0, 0, 0]);
    expect(c.utilization.map((u) => Math.round(u * 100) / 100)).toEqual(Float64Array.of(133.33, 66.67, 66.67, 33.33));
  });

  it("sums the loads of several items with a plain addition first (the issue's native SUM)", () => {
    const a = unwrap(loadOf([0, 100, 0, 50], [[1, 2]])).load[0];
    const b = unwrap(loadOf([10, 10, 10, 10], [[3]])).load[0];
    const c = unwrap(compareLoad(a.map((x, t) => x + b[t]), [250, 100, 150, 100]));
    // 200 + 30, 100 + 30, 100 + 30, 50 + 30
    expect(list(c.load)).toEqual([230, 130, 130, 80]);
    expect(list(c.overload)).toEqual([0, 30, 0, 0]);
    expect(list(c.utilization)).toEqual([92, 130, (100 * 130) / 150, 80]);
  });

  it("shows utilization 0 for no load on no capacity, and Infinity for load on no capacity", () => {
    const c = unwrap(compareLoad([0, 5], [0, 0]));
    expect(list(c.utilization)).toEqual([0, Infinity]);
    expect(list(c.overload)).toEqual([0, 5]);
  });

  it("ignores floating-point noise: a load of 0.1 + 0.2 on capacity 0.3 is neither spare nor overload", () => {
    const c = unwrap(compareLoad([0.1 + 0.2], [0.3]));
    expect(list(c.spare)).toEqual([0]);
    expect(list(c.overload)).toEqual([0]);
  });

  it("refuses a bad load or capacity, naming it", () => {
    expect(errorOf(compareLoad([1, -1], 5))).toMatchObject({ code: "NUM", field: "load", period: 1 });
    expect(errorOf(compareLoad([1, 1], [5]))).toMatchObject({ code: "VALUE", field: "capacity", message: "load and capacity differ in length: 2 vs 1" });
    expect(errorOf(compareLoad([1], -5))).toMatchObject({ code: "NUM", field: "capacity", message: "capacity is negative (-5)" });
    expect(errorOf(compareLoad([1], "x" as never))).toMatchObject({ code: "VALUE", field: "capacity" });
    expect(errorOf(compareLoad([1], null as never))).toMatchObject({ code: "VALUE", field: "capacity", message: "capacity is required" });
  });

  it("returns copies, never the caller's rows", () => {
    const load = Float64Array.of(1, 2);
    const c = unwrap(compareLoad(load, 5));
    expect(c.load).not.toBe(load);
    c.load[0] = 99;
    expect(load[0]).toBe(1);
  });
});

/** Load by the definition, one sum per resource and period; past due swept into period 0. */
function naiveLoad(mps: number[], bill: number[][]): { load: number[][]; pastDue: number[] } {
  const n = mps.length;
  return {
    load: bill.map((hours) => {
      const load = mps.map((_, t) => hours.reduce((acc, h, k) => acc + (t + k < n ? h * mps[t + k] : 0), 0));
      if (n > 0) for (let s = 0; s < n; s++) for (let k = s + 1; k < hours.length; k++) load[0] += hours[k] * mps[s];
      return load;
    }),
    pastDue: bill.map((hours) => {
      let early = 0;
      for (let s = 0; s < n; s++) for (let k = s + 1; k < hours.length; k++) early += hours[k] * mps[s];
      return early;
    }),
  };
}

describe("loadOf properties", () => {
  const qty = fc.integer({ min: 0, max: 200 });
  const hours = fc.double({ min: 0, max: 10, noNaN: true });
  const input = fc.record({
    mps: fc.array(fc.oneof(fc.constant(0), qty), { maxLength: 25 }),
    bill: fc.array(fc.array(hours, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
  });

  it("agrees with the definition Load[r][t] = Σ_k bill[r][k] × MPS[t + k], past due in period 0", () => {
    fc.assert(
      fc.property(input, ({ mps, bill }) => {
        const l = unwrap(loadOf(mps, bill));
        const naive = naiveLoad(mps, bill);
        l.load.forEach((row, r) => row.forEach((x, t) => expect(x).toBeCloseTo(naive.load[r][t], 6)));
        l.pastDue.forEach((x, r) => expect(x).toBeCloseTo(naive.pastDue[r], 6));
      }),
    );
  });

  it("loses no load: Σ_t load = Σ_k bill × Σ_t MPS, and past due = Σ of its origins", () => {
    fc.assert(
      fc.property(input, ({ mps, bill }) => {
        const l = unwrap(loadOf(mps, bill));
        bill.forEach((row, r) => {
          expect(sum(l.load[r])).toBeCloseTo(sum(row) * sum(mps), 6);
          expect(sum(l.pastDueFrom[r])).toBeCloseTo(l.pastDue[r], 6);
          if (mps.length === 0) expect(l.pastDue[r]).toBe(0);
          else expect(l.load[r][0]).toBeGreaterThanOrEqual(l.pastDue[r] - 1e-9);
          // only the MPS of periods 0..K-2 can need hours before period 0
          l.pastDueFrom[r].forEach((x, t) => {
            if (t >= row.length - 1) expect(x).toBe(0);
          });
        });
      }),
    );
  });

  it("is linear in the MPS: the load of two items' MPS summed is the sum of their loads", () => {
    fc.assert(
      fc.property(input, fc.array(qty, { maxLength: 25 }), ({ mps, bill }, other) => {
        const b = mps.map((_, t) => other[t] ?? 0);
        const both = unwrap(loadOf(mps.map((x, t) => x + b[t]), bill));
        const a = unwrap(loadOf(mps, bill));
        const c = unwrap(loadOf(b, bill));
        both.load.forEach((row, r) => row.forEach((x, t) => expect(x).toBeCloseTo(a.load[r][t] + c.load[r][t], 6)));
      }),
    );
  });
});
