import { availableToPromise, consumeForecast, explodeForecast, planItem, planMps, promise } from "../../src/engine";
import { MAX_QUANTITY, MIN_LOT } from "../../src/engine/numeric";
import { errorOf, unwrap } from "./helpers";

describe("the largest quantity the engine accepts", () => {
  it("accepts 1e15 everywhere a quantity goes", () => {
    const most = [MAX_QUANTITY, MAX_QUANTITY];
    unwrap(planItem({ forecast: most, orders: most, receipts: most, firmMps: most, onHand: MAX_QUANTITY, safetyStock: MAX_QUANTITY, minLot: MAX_QUANTITY, maxLot: MAX_QUANTITY, multiple: MAX_QUANTITY }));
    unwrap(planMps(most, { onHand: 0, lotRule: "FOQ", lotSize: MAX_QUANTITY }));
    unwrap(promise(MAX_QUANTITY, MAX_QUANTITY, most, most));
    unwrap(explodeForecast(most, most, MAX_QUANTITY));
  });

  it("refuses an element above it, naming the row and the period", () => {
    expect(errorOf(consumeForecast([0, 2e15], [0, 0]))).toEqual({
      code: "NUM",
      field: "forecast",
      period: 1,
      value: 2e15,
      message: "forecast[1] is too large (2000000000000000): quantities are at most 1e+15",
    });
    expect(errorOf(availableToPromise(0, new Float64Array([1, 1e308]), [0, 0]))).toMatchObject({ field: "supply", period: 1, value: 1e308 });
    expect(errorOf(planItem({ forecast: [1], orders: [1], onHand: 0, firmMps: [1e16] }))).toMatchObject({ field: "firmMps", period: 0 });
    expect(errorOf(explodeForecast([1], [1, 1e300]))).toMatchObject({ field: "attachRates", period: 1 });
  });

  it("refuses a scalar above it, naming the option", () => {
    expect(errorOf(planMps([1], { onHand: 1e300 }))).toEqual({
      code: "NUM",
      field: "onHand",
      value: 1e300,
      message: "onHand is too large (1e+300): quantities are at most 1e+15",
    });
    for (const field of ["safetyStock", "minLot", "maxLot", "multiple"]) {
      expect(errorOf(planMps([1], { onHand: 0, [field]: Number.MAX_VALUE }))).toMatchObject({ code: "NUM", field });
    }
    expect(errorOf(planMps([1], { onHand: 0, lotRule: "FOQ", lotSize: 1e16 }))).toMatchObject({ code: "NUM", field: "lotSize" });
    expect(errorOf(promise(1e16, 0, [1], [0]))).toMatchObject({ code: "NUM", field: "quantity" });
    expect(errorOf(explodeForecast([1], [1], 1e16))).toMatchObject({ code: "NUM", field: "hedge" });
  });
});

describe("the smallest lot-size quantity", () => {
  it("refuses an FOQ lot size, maxLot or multiple below 1e-9", () => {
    expect(errorOf(planMps([1], { onHand: 0, maxLot: 5e-324 }))).toEqual({
      code: "NUM",
      field: "maxLot",
      value: 5e-324,
      message: "maxLot must be at least 1e-9 (got 5e-324)",
    });
    expect(errorOf(planMps([1], { onHand: 0, multiple: 1e-12 }))).toMatchObject({ field: "multiple" });
    expect(errorOf(planMps([1], { onHand: 0, lotRule: "FOQ", lotSize: 1e-10 }))).toMatchObject({ field: "lotSize" });
  });

  it("accepts 1e-9", () => {
    const plan = unwrap(planMps([1], { onHand: 0, lotRule: "FOQ", lotSize: MIN_LOT, maxLot: 1, multiple: MIN_LOT }));
    expect(plan.mps[0]).toBeCloseTo(1, 12);
  });
});
