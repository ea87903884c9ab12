import { explodeForecast } from "../../src/engine";
import { errorOf, rounded, unwrap } from "./helpers";

describe("explodeForecast", () => {
  it("repeats the doc example: family 100,200, attach rates 60 % / 40 %, hedge 10 %", () => {
    const x = unwrap(explodeForecast([100, 200], [0.6, 0.4], 0.1));
    expect(x.base.map(rounded)).toEqual([
      [60, 120],
      [40, 80],
    ]);
    expect(x.hedge.map(rounded)).toEqual([
      [6, 12],
      [4, 8],
    ]);
  });

  it("returns zero hedge rows by default", () => {
    const x = unwrap(explodeForecast([50], [1, 0.5]));
    expect(x.base.map(rounded)).toEqual([[50], [25]]);
    expect(x.hedge.map(rounded)).toEqual([[0], [0]]);
  });

  it("accepts attach rates that sum past 1 or exceed 1 (quantity per unit)", () => {
    // 2 speakers per unit and an optional case on 70 %: 10 × 2 = 20, 10 × 0.7 = 7
    const x = unwrap(explodeForecast([10], [2, 0.7]));
    expect(x.base.map(rounded)).toEqual([[20], [7]]);
  });

  it("returns no rows for no options", () => {
    expect(unwrap(explodeForecast([1, 2], []))).toEqual({ base: [], hedge: [] });
  });

  describe("invalid input", () => {
    it("refuses a negative hedge", () => {
      expect(errorOf(explodeForecast([1], [1], -0.1))).toMatchObject({ code: "NUM", field: "hedge", value: -0.1 });
    });

    it("names the option of a negative attach rate", () => {
      expect(errorOf(explodeForecast([1], [0.5, -0.2]))).toMatchObject({
        code: "NUM",
        field: "attachRates",
        period: 1,
        message: "attachRates[1] is negative (-0.2)",
      });
    });
  });

  it("does not mutate its inputs", () => {
    const family = [100, 200];
    const rates = [0.6, 0.4];
    explodeForecast(family, rates, 0.1);
    expect(family).toEqual([100, 200]);
    expect(rates).toEqual([0.6, 0.4]);
  });
});
