import { type ItemInput, planItem } from "../../src/engine";
import { errorOf, list, repeat, unwrap } from "./helpers";

const FOQ70: ItemInput = {
  forecast: [30, 30, 30, 30, 40, 40, 40, 40],
  orders: [33, 20, 10, 4, 2, 0, 0, 0],
  onHand: 64,
  lotRule: "FOQ",
  lotSize: 70,
};

describe("planItem", () => {
  it("repeats the doc example: FOQ 70, on hand 64", () => {
    const r = unwrap(planItem(FOQ70));
    expect(list(r.demand)).toEqual([33, 30, 30, 30, 40, 40, 40, 40]);
    expect(list(r.projectedAvailable)).toEqual([31, 1, 41, 11, 41, 1, 31, 61]);
    expect(list(r.mps)).toEqual([0, 0, 70, 0, 70, 0, 70, 70]);
    expect(list(r.atp)).toEqual([11, 0, 56, 0, 68, 0, 70, 70]);
  });

  it("returns every row of the record", () => {
    const r = unwrap(planItem(FOQ70));
    expect(list(r.forecast)).toEqual([30, 30, 30, 30, 40, 40, 40, 40]);
    expect(list(r.orders)).toEqual([33, 20, 10, 4, 2, 0, 0, 0]);
    // 30-33 → 0 with 3 excess; 30-20=10; 30-10=20; 30-4=26; 40-2=38; 40; 40; 40
    expect(list(r.remainingForecast)).toEqual([0, 10, 20, 26, 38, 40, 40, 40]);
    expect(list(r.consumed)).toEqual([30, 20, 10, 4, 2, 0, 0, 0]);
    expect(list(r.excessOrders)).toEqual([3, 0, 0, 0, 0, 0, 0, 0]);
    expect(list(r.expiredForecast)).toEqual(repeat(0, 8));
    expect(list(r.receipts)).toEqual(repeat(0, 8));
    expect(r.finalAssembly).toBeNull();
    expect(r.actions).toEqual([]);
    expect(r.pegging).toEqual([]);
  });

  it("returns PAB 20,50,80,10 and MPS 100,100,100,0 for FOQ 100 on hand 0", () => {
    const r = unwrap(planItem({ forecast: repeat(70, 4), orders: [80, 50, 30, 10], onHand: 0, lotRule: "FOQ", lotSize: 100 }));
    expect(list(r.projectedAvailable)).toEqual([20, 50, 80, 10]);
    expect(list(r.mps)).toEqual([100, 100, 100, 0]);
  });

  it("returns demand 12,8,10,10,10,10 and the LFL plan for forecast 10 × 6 with dtf 2", () => {
    const r = unwrap(planItem({ forecast: repeat(10, 6), orders: [12, 8, 5, 0, 0, 0], onHand: 20, demandTimeFence: 2 }));
    expect(list(r.demand)).toEqual([12, 8, 10, 10, 10, 10]);
    expect(list(r.mps)).toEqual([0, 0, 10, 10, 10, 10]);
    expect(list(r.projectedAvailable)).toEqual([8, 0, 0, 0, 0, 0]);
  });

  describe("option model", () => {
    const input: ItemInput = {
      forecast: repeat(10, 6),
      orders: [12, 8, 5, 0, 0, 0],
      onHand: 20,
      safetyStock: 5,
      lotRule: "FOQ",
      lotSize: 25,
    };

    it("plans MTO on orders only, lot-for-lot, without safety stock", () => {
      // demand = orders; 20-12=8; 8-8=0; 0-5 → 5: 0; nothing more
      const r = unwrap(planItem({ ...input, model: "MTO" }));
      expect(list(r.demand)).toEqual([12, 8, 5, 0, 0, 0]);
      expect(list(r.mps)).toEqual([0, 0, 5, 0, 0, 0]);
      expect(list(r.projectedAvailable)).toEqual([8, 0, 0, 0, 0, 0]);
      expect(list(r.remainingForecast)).toEqual([0, 2, 5, 10, 10, 10]); // still shown, informational
      expect(r.finalAssembly).toBeNull();
    });

    it("plans ATO like MTS and returns the orders as final-assembly schedule", () => {
      const ato = unwrap(planItem({ ...input, model: "ATO" }));
      const mts = unwrap(planItem({ ...input, model: "MTS" }));
      expect(list(ato.mps)).toEqual(list(mts.mps));
      expect(list(ato.demand)).toEqual(list(mts.demand));
      expect(list(ato.finalAssembly ?? [])).toEqual([12, 8, 5, 0, 0, 0]);
    });
  });

  it("counts receipts as supply for PAB and ATP", () => {
    // demand 10, 10 (forecast only); receipts 15 in period 0 → PAB 5, then LFL 5 → 0
    // ATP: period 0: 0 + 15 − 0 orders; period 1 (MPS 5): 5
    const r = unwrap(planItem({ forecast: [10, 10], orders: [0, 0], onHand: 0, receipts: [15, 0] }));
    expect(list(r.mps)).toEqual([0, 5]);
    expect(list(r.projectedAvailable)).toEqual([5, 0]);
    expect(list(r.atp)).toEqual([15, 5]);
  });

  it("passes pegging, current period, fences and ATP method through to the steps", () => {
    const r = unwrap(
      planItem({
        forecast: repeat(100, 4),
        orders: [0, 50, 120, 0],
        onHand: 0,
        backward: 1,
        forward: 1,
        currentPeriod: 2,
        planningTimeFence: 1,
        atpMethod: "cumulative",
        pegging: true,
      }),
    );
    expect(list(r.expiredForecast)).toEqual([100, 100, 0, 0]);
    expect(r.pegging).toEqual([
      { orderPeriod: 1, forecastPeriod: 2, quantity: 50 },
      { orderPeriod: 2, forecastPeriod: 2, quantity: 50 },
      { orderPeriod: 2, forecastPeriod: 3, quantity: 70 },
    ]);
    // demand 0, 50, 120, 30; fence 1: PAB 0; then LFL 50, 120, 30
    expect(list(r.demand)).toEqual([0, 50, 120, 30]);
    expect(list(r.mps)).toEqual([0, 50, 120, 30]);
    // cumulative: blocks 0; 50-50=0; 120-120=0; 30-0=30 → running 0, 0, 0, 30
    expect(list(r.atp)).toEqual([0, 0, 0, 30]);
  });

  describe("invalid input", () => {
    it("names both lengths when forecast and orders differ", () => {
      expect(errorOf(planItem({ forecast: repeat(1, 12), orders: repeat(1, 13), onHand: 0 })).message).toBe(
        "forecast and orders differ in length: 12 vs 13",
      );
    });

    it("names the field and period of a negative order", () => {
      expect(errorOf(planItem({ forecast: [1, 1, 1, 1], orders: [0, 0, 0, -4], onHand: 0 }))).toEqual({
        code: "NUM",
        field: "orders",
        period: 3,
        value: -4,
        message: "orders[3] is negative (-4)",
      });
    });

    it("checks receipts and firmMps against the forecast length", () => {
      expect(errorOf(planItem({ forecast: [1, 1], orders: [1, 1], onHand: 0, receipts: [1] })).message).toBe(
        "forecast and receipts differ in length: 2 vs 1",
      );
      expect(errorOf(planItem({ forecast: [1], orders: [1], onHand: 0, firmMps: [Number.NaN] }))).toMatchObject({
        code: "NUM",
        field: "firmMps",
        period: 0,
      });
    });

    it("names each invalid option", () => {
      const base: ItemInput = { forecast: [1], orders: [1], onHand: 0 };
      expect(errorOf(planItem({ ...base, backward: -1 })).field).toBe("backward");
      expect(errorOf(planItem({ ...base, model: "ETO" as never })).field).toBe("model");
      expect(errorOf(planItem({ ...base, demandTimeFence: 1.5 })).field).toBe("demandTimeFence");
      expect(errorOf(planItem({ ...base, lotRule: "POQ", lotSize: 0 })).field).toBe("lotSize");
      expect(errorOf(planItem({ ...base, atpMethod: "fifo" as never })).message).toBe(
        "atpMethod must be one of discrete, cumulative, lookahead",
      );
      expect(errorOf(planItem({ ...base, onHand: undefined as never })).message).toBe("onHand is required");
    });

    it("refuses an input that is not an object", () => {
      expect(errorOf(planItem(undefined as never))).toMatchObject({ code: "VALUE", field: "input" });
    });
  });

  it("returns copies: changing the record leaves the input alone and vice versa", () => {
    const forecast = [10, 10];
    const orders = Float64Array.from([4, 0]);
    const r = unwrap(planItem({ forecast, orders, onHand: 0 }));
    r.orders[0] = 99;
    expect(list(orders)).toEqual([4, 0]);
    expect(forecast).toEqual([10, 10]);
  });
});
