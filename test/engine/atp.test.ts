import { ATP_METHODS, availableToPromise, promise } from "../../src/engine";
import { errorOf, list, unwrap } from "./helpers";

const SUPPLY = [0, 0, 60, 0, 0, 60, 0, 0];
const ORDERS = [30, 25, 30, 10, 0, 35, 0, 0];

describe("availableToPromise", () => {
  it("repeats the doc example: discrete and cumulative", () => {
    expect(list(unwrap(availableToPromise(80, SUPPLY, ORDERS)))).toEqual([25, 0, 20, 0, 0, 25, 0, 0]);
    expect(list(unwrap(availableToPromise(80, SUPPLY, ORDERS, "cumulative")))).toEqual([25, 25, 45, 45, 45, 70, 70, 70]);
  });

  describe("worked examples from the issue", () => {
    it("returns 11,0,56,0,68,0,70,70 discrete for on hand 64 and MPS 0,0,70,0,70,0,70,70", () => {
      // 64-33-20=11; 70-10-4=56; 70-2-0=68; 70; 70
      const atp = unwrap(availableToPromise(64, [0, 0, 70, 0, 70, 0, 70, 70], [33, 20, 10, 4, 2, 0, 0, 0], "discrete"));
      expect(list(atp)).toEqual([11, 0, 56, 0, 68, 0, 70, 70]);
    });

    it("returns 25,0,20,0,0,25,0,0 discrete for on hand 80", () => {
      // 80-30-25=25; 60-30-10-0=20; 60-35-0-0=25
      expect(list(unwrap(availableToPromise(80, SUPPLY, ORDERS, "discrete")))).toEqual([25, 0, 20, 0, 0, 25, 0, 0]);
    });

    it("returns 25,25,45,45,45,70,70,70 cumulative for on hand 80", () => {
      expect(list(unwrap(availableToPromise(80, SUPPLY, ORDERS, "cumulative")))).toEqual([25, 25, 45, 45, 45, 70, 70, 70]);
    });
  });

  describe("option method", () => {
    it("defaults to discrete", () => {
      expect(ATP_METHODS[0]).toBe("discrete");
      expect(unwrap(availableToPromise(80, SUPPLY, ORDERS))).toEqual(unwrap(availableToPromise(80, SUPPLY, ORDERS, "discrete")));
    });

    describe("discrete", () => {
      it("nets a negative ATP against the earlier ATP", () => {
        // blocks: 50-10=40 in period 0; 40-0-70=-30 in period 1 → take 30 from period 0 → 10, 0
        expect(list(unwrap(availableToPromise(50, [0, 40, 0], [10, 0, 70])))).toEqual([10, 0, 0]);
      });

      it("nets against the nearest earlier ATP first", () => {
        // blocks 10, 10, 10-15=-5 → the 5 comes from period 1, not period 0
        expect(list(unwrap(availableToPromise(10, [0, 10, 10], [0, 0, 15])))).toEqual([10, 5, 0]);
      });

      it("leaves a shortage nothing earlier covers negative in its own period", () => {
        // period 0: 0-5=-5, nothing earlier → stays; period 1: 10 left; period 3: 20-30=-10 → from period 1 → 0
        expect(list(unwrap(availableToPromise(0, [0, 10, 0, 20], [5, 0, 0, 30])))).toEqual([-5, 0, 0, 0]);
      });

      it("counts supply in period 0 together with on hand", () => {
        expect(list(unwrap(availableToPromise(5, [10, 0], [3, 4])))).toEqual([8, 0]);
      });
    });

    describe("cumulative", () => {
      it("does not look ahead: a later shortage leaves earlier periods as they are", () => {
        // un-netted blocks 40, -30, 0 → running 40, 10, 10
        expect(list(unwrap(availableToPromise(50, [0, 40, 0], [10, 0, 70], "cumulative")))).toEqual([40, 10, 10]);
      });
    });

    describe("lookahead", () => {
      it("returns the lowest future balance", () => {
        // balances 50-10=40, 40+40=80, 80-70=10 → min from each period on: 10, 10, 10
        expect(list(unwrap(availableToPromise(50, [0, 40, 0], [10, 0, 70], "lookahead")))).toEqual([10, 10, 10]);
      });

      it("equals cumulative when no later shortage exists", () => {
        expect(list(unwrap(availableToPromise(80, SUPPLY, ORDERS, "lookahead")))).toEqual([25, 25, 45, 45, 45, 70, 70, 70]);
      });
    });
  });

  describe("invalid input", () => {
    it("names both lengths when supply and orders differ", () => {
      expect(errorOf(availableToPromise(0, [1, 2], [1])).message).toBe("supply and orders differ in length: 2 vs 1");
    });

    it("lists the valid methods for an unknown method", () => {
      expect(errorOf(availableToPromise(0, [1], [1], "fifo" as never))).toMatchObject({
        code: "VALUE",
        field: "method",
        message: "method must be one of discrete, cumulative, lookahead",
      });
    });

    it("refuses a negative on hand", () => {
      expect(errorOf(availableToPromise(-1, [1], [1]))).toMatchObject({ code: "NUM", field: "onHand" });
    });
  });

  it("does not mutate its inputs", () => {
    const supply = [0, 40, 0];
    const orders = [10, 0, 70];
    availableToPromise(50, supply, orders);
    expect(supply).toEqual([0, 40, 0]);
    expect(orders).toEqual([10, 0, 70]);
  });
});

describe("promise", () => {
  it("repeats the doc example: 40 with look-ahead is first covered in period 2", () => {
    expect(unwrap(promise(40, 80, SUPPLY, ORDERS, "lookahead"))).toBe(2);
  });

  it("returns the first period whose discrete ATP covers the quantity", () => {
    expect(unwrap(promise(20, 80, SUPPLY, ORDERS))).toBe(0);
    expect(unwrap(promise(25, 80, SUPPLY, ORDERS, "discrete"))).toBe(0);
  });

  it("lets discrete ATP not promised in its period carry into later periods", () => {
    // discrete 25, 0, 20, 0, 0, 25, 0, 0: 25 + 20 = 45 ≥ 30 by period 2; 25 + 20 + 25 = 70 ≥ 60 by period 5
    expect(unwrap(promise(30, 80, SUPPLY, ORDERS, "discrete"))).toBe(2);
    expect(unwrap(promise(60, 80, SUPPLY, ORDERS, "discrete"))).toBe(5);
  });

  it("returns null when no period covers the quantity", () => {
    // at most 25 + 20 + 25 = 70 is ever uncommitted
    expect(unwrap(promise(71, 80, SUPPLY, ORDERS, "discrete"))).toBeNull();
    expect(unwrap(promise(71, 80, SUPPLY, ORDERS, "cumulative"))).toBeNull();
  });

  it("promises a quantity of 0 at once, even when the first period is short", () => {
    // discrete ATP -5, 0: nothing can be promised, but nothing is asked
    expect(unwrap(promise(0, 0, [0, 0], [5, 0], "discrete"))).toBe(0);
    expect(unwrap(promise(0, 0, [0, 0], [5, 0], "lookahead"))).toBe(0);
  });

  it("returns a later period with cumulative ATP", () => {
    expect(unwrap(promise(30, 80, SUPPLY, ORDERS, "cumulative"))).toBe(2);
  });

  it("protects later orders with look-ahead and netted discrete ATP, not with cumulative", () => {
    // cumulative shows 40 in period 0, but 70 ordered in period 2 needs 30 of it;
    // discrete nets that shortage back (10, 0, 0), so it promises no more than 10
    expect(unwrap(promise(30, 50, [0, 40, 0], [10, 0, 70], "cumulative"))).toBe(0);
    expect(unwrap(promise(30, 50, [0, 40, 0], [10, 0, 70], "discrete"))).toBeNull();
    expect(unwrap(promise(30, 50, [0, 40, 0], [10, 0, 70], "lookahead"))).toBeNull();
  });

  it("repeats the doc example: asked for period 4, 40 with look-ahead is promised in period 4", () => {
    expect(unwrap(promise(40, 80, SUPPLY, ORDERS, "lookahead", 4))).toBe(4);
  });

  it("offers no period before the requested one, and the first one after it that covers the quantity", () => {
    // discrete running total 25, 25, 45, 45, 45, 70, 70, 70: 60 asked for period 1 → period 5
    expect(unwrap(promise(60, 80, SUPPLY, ORDERS, "discrete", 1))).toBe(5);
    expect(unwrap(promise(0, 80, SUPPLY, ORDERS, "discrete", 3))).toBe(3);
    expect(unwrap(promise(1, 80, SUPPLY, ORDERS, "discrete", 8))).toBeNull();
  });

  it("refuses a requested period that is not a whole number of periods", () => {
    expect(errorOf(promise(1, 80, SUPPLY, ORDERS, "discrete", -1))).toMatchObject({ code: "NUM", field: "requestedPeriod" });
    expect(errorOf(promise(1, 80, SUPPLY, ORDERS, "discrete", 1.5))).toMatchObject({ code: "NUM", field: "requestedPeriod" });
  });

  it("returns null for an empty horizon", () => {
    expect(unwrap(promise(1, 10, [], []))).toBeNull();
  });

  it("refuses a negative quantity", () => {
    expect(errorOf(promise(-5, 0, [1], [1]))).toMatchObject({ code: "NUM", field: "quantity", value: -5 });
  });
});
