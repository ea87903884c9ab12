import { consumeForecast, demandFor, PRODUCTION_MODELS } from "../../src/engine";
import { errorOf, list, repeat, unwrap } from "./helpers";

describe("demandFor", () => {
  it("repeats the doc example: demand time fence 2", () => {
    expect(list(unwrap(demandFor([12, 8, 5, 0, 0, 0], [0, 2, 5, 10, 10, 10], { demandTimeFence: 2 })))).toEqual([
      12, 8, 10, 10, 10, 10,
    ]);
  });

  it("returns 1000 when orders 600 leave 400 of forecast 1000 (MTS)", () => {
    const c = unwrap(consumeForecast([1000], [600]));
    expect(list(unwrap(demandFor([600], c.remainingForecast)))).toEqual([1000]);
  });

  it("returns 12,8,10,10,10,10 for forecast 10 × 6, orders 12,8,5,0,0,0 and dtf 2", () => {
    // remaining forecast after consumption: 0, 2, 5, 10, 10, 10
    // inside the fence orders only: 12, 8; outside orders + remaining: 5+5, 0+10, 0+10, 0+10
    const orders = [12, 8, 5, 0, 0, 0];
    const c = unwrap(consumeForecast(repeat(10, 6), orders));
    expect(list(c.remainingForecast)).toEqual([0, 2, 5, 10, 10, 10]);
    expect(list(unwrap(demandFor(orders, c.remainingForecast, { demandTimeFence: 2 })))).toEqual([12, 8, 10, 10, 10, 10]);
  });

  describe("option model", () => {
    const orders = [12, 8, 5, 0];
    const remaining = [0, 2, 5, 10];

    it("defaults to MTS: orders + remaining forecast", () => {
      expect(PRODUCTION_MODELS[0]).toBe("MTS");
      expect(list(unwrap(demandFor(orders, remaining)))).toEqual([12, 10, 10, 10]);
    });

    it("plans ATO like MTS at the module level", () => {
      expect(list(unwrap(demandFor(orders, remaining, { model: "ATO", demandTimeFence: 1 })))).toEqual([12, 10, 10, 10]);
    });

    it("plans orders only for MTO: forecast is informational", () => {
      expect(list(unwrap(demandFor(orders, remaining, { model: "MTO" })))).toEqual([12, 8, 5, 0]);
    });
  });

  describe("option demandTimeFence", () => {
    it("defaults to 0: forecast counts from period 0", () => {
      expect(list(unwrap(demandFor([1, 1], [4, 4])))).toEqual([5, 5]);
    });

    it("plans orders only everywhere when the fence is past the horizon", () => {
      expect(list(unwrap(demandFor([1, 1], [4, 4], { demandTimeFence: 99 })))).toEqual([1, 1]);
    });
  });

  describe("invalid input", () => {
    it("names both lengths when the rows differ", () => {
      expect(errorOf(demandFor([1, 2], [1]))).toMatchObject({
        code: "VALUE",
        message: "orders and remainingForecast differ in length: 2 vs 1",
      });
    });

    it("lists the valid models for an unknown model", () => {
      expect(errorOf(demandFor([1], [1], { model: "ETO" as never }))).toMatchObject({
        code: "VALUE",
        field: "model",
        message: "model must be one of MTS, ATO, MTO",
      });
    });

    it("refuses a fractional demand time fence", () => {
      expect(errorOf(demandFor([1], [1], { demandTimeFence: 0.5 }))).toMatchObject({ code: "NUM", field: "demandTimeFence" });
    });
  });

  it("does not mutate its inputs", () => {
    const orders = [12, 8];
    const remaining = Float64Array.from([0, 2]);
    demandFor(orders, remaining, { demandTimeFence: 1 });
    expect(orders).toEqual([12, 8]);
    expect(list(remaining)).toEqual([0, 2]);
  });
});
