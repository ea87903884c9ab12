/**
 * The adapter's floor (bench/engine.ts `tableFloor`) must make exactly the cells MPS.TABLE
 * returns, or "MPS.TABLE ÷ planItem can be no less than this" compares two different jobs.
 * No timing here.
 */
import { makePortfolio, inputOf, WINDOW, type Portfolio } from "../../bench/data";
import { excelRow, tableFloor } from "../../bench/engine";
import { invoke } from "../../src/functions/invoke";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";

const settings = { ...DEFAULT_SETTINGS, ...WINDOW, atpMethod: "lookahead" as const };

function bothWays(portfolio: Portfolio, empty: null | "") {
  return portfolio.items.map((item, i) => {
    const forecast = excelRow(item.forecast, empty);
    const orders = excelRow(item.orders, empty);
    const table = invoke("TABLE", [forecast, orders, item.onHand, item.safetyStock, "FOQ", item.lotSize, null, null], settings);
    const floor = tableFloor(forecast, orders, inputOf(portfolio, i)).checked("row");
    return { table, floor };
  });
}

describe("tableFloor", () => {
  it.each([
    [null, 7],
    ["", 3],
  ] as const)("makes MPS.TABLE's cells, empty order cells as %j (seed %i)", (empty, seed) => {
    const portfolio = makePortfolio(40, 26, seed);
    for (const { table, floor } of bothWays(portfolio, empty)) {
      expect(floor.finite).toBe(true);
      expect(floor.rows).toEqual(table);
    }
    // The bench's items leave most order cells empty, so reading them is part of the work.
    const empties = portfolio.items.reduce((n, item) => n + item.orders.filter((v) => v === 0).length, 0);
    expect(empties).toBeGreaterThan(0);
  });
});
