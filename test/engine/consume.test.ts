import { CONSUMPTION_MODES, consumeForecast } from "../../src/engine";
import { errorOf, list, repeat, unwrap } from "./helpers";

describe("consumeForecast", () => {
  it("repeats the doc example: window 1/1 backward-forward", () => {
    const c = unwrap(consumeForecast([350, 350, 350, 350], [300, 500, 280, 0], { backward: 1, forward: 1 }));
    expect(list(c.remainingForecast)).toEqual([0, 0, 0, 320]);
    expect(list(c.consumed)).toEqual([350, 350, 350, 30]);
    expect(list(c.excessOrders)).toEqual([0, 0, 0, 0]);
  });

  describe("worked examples from the issue", () => {
    it("returns remaining 400 when orders 600 meet forecast 1000 in one period", () => {
      const c = unwrap(consumeForecast([1000], [600]));
      expect(list(c.remainingForecast)).toEqual([400]);
      expect(list(c.consumed)).toEqual([600]);
      expect(list(c.excessOrders)).toEqual([0]);
    });

    it("returns remaining 220,250,270 when orders 130,100,80 meet forecast 350 with window 0/0", () => {
      const c = unwrap(consumeForecast(repeat(350, 3), [130, 100, 80]));
      expect(list(c.remainingForecast)).toEqual([220, 250, 270]);
    });

    it("returns remaining 50,0,70,350 and excess 150 in period 1 with window 0/0", () => {
      // 350-300=50; 500 > 350 → 0 left, 150 excess; 350-280=70; nothing ordered in period 3
      const c = unwrap(consumeForecast(repeat(350, 4), [300, 500, 280, 0]));
      expect(list(c.remainingForecast)).toEqual([50, 0, 70, 350]);
      expect(list(c.excessOrders)).toEqual([0, 150, 0, 0]);
    });

    it("returns remaining 0,0,0,320 and no excess with window backward 1 / forward 1", () => {
      // period 0: 300 of 350 → 50 left
      // period 1: 350 own, 50 from period 0 (backward first), 100 from period 2 → 250 left there
      // period 2: 250 own, period 1 is exhausted, 30 from period 3 → 320 left
      const c = unwrap(
        consumeForecast(repeat(350, 4), [300, 500, 280, 0], { backward: 1, forward: 1, mode: "backward-forward" }),
      );
      expect(list(c.remainingForecast)).toEqual([0, 0, 0, 320]);
      expect(list(c.excessOrders)).toEqual([0, 0, 0, 0]);
    });
  });

  describe("option mode", () => {
    // forecast 50 in each of 5 periods, one order of 200 in period 2, window 2/2
    const forecast = repeat(50, 5);
    const orders = [0, 0, 200, 0, 0];

    it("defaults to backward-forward", () => {
      expect(CONSUMPTION_MODES[0]).toBe("backward-forward");
      const byDefault = unwrap(consumeForecast(forecast, orders, { backward: 2, forward: 2 }));
      const explicit = unwrap(consumeForecast(forecast, orders, { backward: 2, forward: 2, mode: "backward-forward" }));
      expect(byDefault).toEqual(explicit);
    });

    it("takes own, then earlier nearest first, then later with backward-forward", () => {
      // 50 own (2), 50 from 1, 50 from 0, 50 from 3 → 200 placed, period 4 untouched
      const c = unwrap(consumeForecast(forecast, orders, { backward: 2, forward: 2, mode: "backward-forward", pegging: true }));
      expect(list(c.remainingForecast)).toEqual([0, 0, 0, 0, 50]);
      expect(c.pegging.map((p) => p.forecastPeriod)).toEqual([2, 1, 0, 3]);
    });

    it("takes own, then later nearest first, then earlier with forward-backward", () => {
      // 50 own (2), 50 from 3, 50 from 4, 50 from 1 → period 0 untouched
      const c = unwrap(consumeForecast(forecast, orders, { backward: 2, forward: 2, mode: "forward-backward", pegging: true }));
      expect(list(c.remainingForecast)).toEqual([50, 0, 0, 0, 0]);
      expect(c.pegging.map((p) => p.forecastPeriod)).toEqual([2, 3, 4, 1]);
    });

    it("takes only earlier periods with backward, leaving the rest as excess", () => {
      // 50 own + 50 + 50 from periods 1, 0 = 150; 50 excess; the forward window is ignored
      const c = unwrap(consumeForecast(forecast, orders, { backward: 2, forward: 2, mode: "backward" }));
      expect(list(c.remainingForecast)).toEqual([0, 0, 0, 50, 50]);
      expect(list(c.excessOrders)).toEqual([0, 0, 50, 0, 0]);
    });

    it("takes only later periods with forward, leaving the rest as excess", () => {
      const c = unwrap(consumeForecast(forecast, orders, { backward: 2, forward: 2, mode: "forward" }));
      expect(list(c.remainingForecast)).toEqual([50, 50, 0, 0, 0]);
      expect(list(c.excessOrders)).toEqual([0, 0, 50, 0, 0]);
    });
  });

  describe("options backward and forward", () => {
    it("default to 0: an order consumes its own period only", () => {
      const c = unwrap(consumeForecast([50, 50, 50], [0, 80, 0]));
      expect(list(c.remainingForecast)).toEqual([50, 0, 50]);
      expect(list(c.excessOrders)).toEqual([0, 30, 0]);
    });

    it("stop the search at the window edge", () => {
      // forward 1: 50 own + 50 from period 3 = 100; period 4 is outside the window → 100 excess
      const c = unwrap(consumeForecast(repeat(50, 5), [0, 0, 200, 0, 0], { forward: 1, mode: "forward" }));
      expect(list(c.remainingForecast)).toEqual([50, 50, 0, 0, 50]);
      expect(list(c.excessOrders)).toEqual([0, 0, 100, 0, 0]);
    });

    it("skip exhausted and zero-forecast periods inside the window", () => {
      // order 50 in period 2: own 0, period 1 has none, 40 from period 0, then 10 from period 3
      const c = unwrap(consumeForecast([40, 0, 0, 30], [0, 0, 50, 0], { backward: 2, forward: 1, pegging: true }));
      expect(list(c.remainingForecast)).toEqual([0, 0, 0, 20]);
      expect(c.pegging).toEqual([
        { orderPeriod: 2, forecastPeriod: 0, quantity: 40 },
        { orderPeriod: 2, forecastPeriod: 3, quantity: 10 },
      ]);
    });

    it("give the same result for any window beyond the horizon", () => {
      const forecast = [10, 0, 30, 5, 0, 20];
      const orders = [0, 25, 0, 40, 10, 0];
      const atHorizon = unwrap(consumeForecast(forecast, orders, { backward: 5, forward: 5 }));
      const beyond = unwrap(consumeForecast(forecast, orders, { backward: 1e9, forward: 52 }));
      expect(beyond).toEqual(atHorizon);
    });
  });

  it("serves earlier orders first", () => {
    // period 0 orders 60: own 0, takes 60 of period 1's 100; period 2 orders 60: own 0,
    // only 40 left in period 1 → 20 excess
    const c = unwrap(consumeForecast([0, 100, 0], [60, 0, 60], { backward: 1, forward: 1 }));
    expect(list(c.remainingForecast)).toEqual([0, 0, 0]);
    expect(list(c.excessOrders)).toEqual([0, 0, 20]);
  });

  describe("option currentPeriod", () => {
    it("expires forecast before the current period and keeps it out of reach", () => {
      // forecast 100 × 4, current period 2 → periods 0-1 expire (100, 100)
      // order 50 in period 1: own and period 0 expired, 50 from period 2 (forward 1)
      // order 120 in period 2: 50 own, period 1 expired, 70 from period 3 → 30 left
      const c = unwrap(consumeForecast(repeat(100, 4), [0, 50, 120, 0], { backward: 1, forward: 1, currentPeriod: 2 }));
      expect(list(c.expiredForecast)).toEqual([100, 100, 0, 0]);
      expect(list(c.remainingForecast)).toEqual([0, 0, 0, 30]);
      expect(list(c.consumed)).toEqual([0, 0, 100, 70]);
      expect(list(c.excessOrders)).toEqual([0, 0, 0, 0]);
    });

    it("expires every period when the current period is past the horizon", () => {
      const c = unwrap(consumeForecast([5, 5], [1, 0], { currentPeriod: 10 }));
      expect(list(c.expiredForecast)).toEqual([5, 5]);
      expect(list(c.remainingForecast)).toEqual([0, 0]);
      expect(list(c.excessOrders)).toEqual([1, 0]);
    });
  });

  describe("option pegging", () => {
    it("returns an empty list by default", () => {
      expect(unwrap(consumeForecast([350], [300])).pegging).toEqual([]);
    });

    it("lists every allocation and one null entry per excess", () => {
      const c = unwrap(consumeForecast(repeat(350, 4), [300, 500, 280, 0], { pegging: true }));
      expect(c.pegging).toEqual([
        { orderPeriod: 0, forecastPeriod: 0, quantity: 300 },
        { orderPeriod: 1, forecastPeriod: 1, quantity: 350 },
        { orderPeriod: 1, forecastPeriod: null, quantity: 150 },
        { orderPeriod: 2, forecastPeriod: 2, quantity: 280 },
      ]);
    });

    it("does not change the rows", () => {
      const withPegs = unwrap(consumeForecast(repeat(350, 4), [300, 500, 280, 0], { backward: 1, forward: 1, pegging: true }));
      const without = unwrap(consumeForecast(repeat(350, 4), [300, 500, 280, 0], { backward: 1, forward: 1 }));
      expect({ ...withPegs, pegging: [] }).toEqual(without);
    });
  });

  it("accepts Float64Array rows and empty rows", () => {
    const c = unwrap(consumeForecast(Float64Array.from([10, 10]), Float64Array.from([4, 0])));
    expect(list(c.remainingForecast)).toEqual([6, 10]);
    expect(list(unwrap(consumeForecast([], [])).remainingForecast)).toEqual([]);
  });

  it("treats null options as not given", () => {
    const options = { backward: null, forward: null, mode: null } as unknown as Parameters<typeof consumeForecast>[2];
    expect(unwrap(consumeForecast([10], [4], options))).toEqual(unwrap(consumeForecast([10], [4])));
  });

  describe("invalid input", () => {
    it("names both lengths when forecast and orders differ", () => {
      const e = errorOf(consumeForecast(repeat(1, 12), repeat(1, 13)));
      expect(e).toMatchObject({ code: "VALUE", field: "orders", message: "forecast and orders differ in length: 12 vs 13" });
    });

    it("names the period of a negative order", () => {
      const e = errorOf(consumeForecast([1, 1, 1, 1], [0, 0, 0, -4]));
      expect(e).toEqual({ code: "NUM", field: "orders", period: 3, value: -4, message: "orders[3] is negative (-4)" });
    });

    it("names the period of an element that is not a number or not finite", () => {
      expect(errorOf(consumeForecast([1, 1, 1], [0, 0, "abc"] as never))).toEqual({
        code: "VALUE",
        field: "orders",
        period: 2,
        value: "abc",
        message: 'orders[2] is not a number ("abc")',
      });
      expect(errorOf(consumeForecast([1, Number.NaN], [0, 0]))).toMatchObject({
        code: "NUM",
        field: "forecast",
        period: 1,
        message: "forecast[1] is not a finite number (NaN)",
      });
      expect(errorOf(consumeForecast([Infinity], [0]))).toMatchObject({ code: "NUM", field: "forecast", period: 0 });
    });

    it("refuses a row that is not a list of numbers", () => {
      expect(errorOf(consumeForecast("350" as never, [1]))).toEqual({
        code: "VALUE",
        field: "forecast",
        message: "forecast must be a row of numbers",
      });
    });

    it("refuses a window that is negative or fractional", () => {
      expect(errorOf(consumeForecast([1], [1], { backward: -1 }))).toMatchObject({ code: "NUM", field: "backward", value: -1 });
      expect(errorOf(consumeForecast([1], [1], { forward: 1.5 }))).toMatchObject({ code: "NUM", field: "forward", value: 1.5 });
      expect(errorOf(consumeForecast([1], [1], { currentPeriod: -2 }))).toMatchObject({ code: "NUM", field: "currentPeriod" });
    });

    it("lists the valid modes for an unknown mode", () => {
      const e = errorOf(consumeForecast([1], [1], { mode: "sideways" as never }));
      expect(e).toMatchObject({
        code: "VALUE",
        field: "mode",
        value: "sideways",
        message: "mode must be one of backward-forward, forward-backward, backward, forward",
      });
    });

    it("refuses a pegging switch that is not true or false", () => {
      expect(errorOf(consumeForecast([1], [1], { pegging: "yes" as never }))).toMatchObject({ code: "VALUE", field: "pegging" });
    });
  });

  it("does not mutate its inputs", () => {
    const forecast = [350, 350, 350, 350];
    const orders = Float64Array.from([300, 500, 280, 0]);
    const options = { backward: 1, forward: 1, pegging: true };
    consumeForecast(forecast, orders, options);
    expect(forecast).toEqual([350, 350, 350, 350]);
    expect(list(orders)).toEqual([300, 500, 280, 0]);
    expect(options).toEqual({ backward: 1, forward: 1, pegging: true });
  });
});
