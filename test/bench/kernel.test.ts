/**
 * The benchmark's floor (bench/kernel.ts) must compute exactly what planItem computes, or the
 * ratio `planItem ÷ kernel` it reports compares two different things. No timing here.
 */
import { makePortfolio, type Portfolio } from "../../bench/data";
import { flatRecords, flatten, planKernel, verifyKernel } from "../../bench/kernel";

function kernelAgainstPlanItem(portfolio: Portfolio) {
  const out = flatRecords(portfolio.items.length, portfolio.periods);
  planKernel(flatten(portfolio), out, new Int32Array(portfolio.periods));
  return verifyKernel(portfolio, out);
}

/** The same portfolio in tenths: quantities that are not whole, so the engine's tolerances matter. */
function inTenths(portfolio: Portfolio): Portfolio {
  const tenth = (row: Float64Array) => row.map((v) => v / 10);
  return {
    periods: portfolio.periods,
    items: portfolio.items.map((item) => ({
      forecast: tenth(item.forecast),
      orders: tenth(item.orders),
      onHand: item.onHand / 10,
      safetyStock: item.safetyStock / 10,
      lotSize: item.lotSize / 10,
    })),
  };
}

describe("planKernel", () => {
  it.each([
    [200, 104, 7],
    [300, 13, 3],
    [20, 1_000, 11],
  ])("equals planItem on every row of %i items × %i periods (seed %i)", (items, periods, seed) => {
    const result = kernelAgainstPlanItem(makePortfolio(items, periods, seed));
    expect(result.differences).toEqual([]);
    expect(result.compared).toBe(items * periods * 7);
  });

  it("equals planItem on fractional quantities", () => {
    expect(kernelAgainstPlanItem(inTenths(makePortfolio(200, 52, 5))).differences).toEqual([]);
  });

  it("reports a difference when a row is off", () => {
    const portfolio = makePortfolio(3, 8, 1);
    const out = flatRecords(3, 8);
    planKernel(flatten(portfolio), out, new Int32Array(8));
    out.mps[2 * 8 + 5] += 1;
    expect(verifyKernel(portfolio, out).differences).toEqual([expect.stringMatching(/^item 3 mps period 6: kernel/)]);
  });
});
