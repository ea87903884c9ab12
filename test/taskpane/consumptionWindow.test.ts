import { CONSUMPTION_MODES, consumeForecast, type ConsumptionMode } from "../../src/engine";
import {
  consumptionOrder,
  describeWindow,
  windowCells,
} from "../../src/taskpane/window/consumptionWindow";

const show = (backward: number, forward: number, mode: ConsumptionMode) =>
  windowCells(backward, forward, mode).map((cell) => `${cell.label}:${cell.step ?? cell.steps ?? "-"}`);

describe("consumptionOrder", () => {
  it("takes t, then each side nearest first, in the order the mode names them", () => {
    expect(consumptionOrder(2, 2, "backward-forward")).toEqual([0, -1, -2, 1, 2]);
    expect(consumptionOrder(2, 2, "forward-backward")).toEqual([0, 1, 2, -1, -2]);
    expect(consumptionOrder(2, 2, "backward")).toEqual([0, -1, -2]);
    expect(consumptionOrder(2, 2, "forward")).toEqual([0, 1, 2]);
    expect(consumptionOrder(0, 0, "backward-forward")).toEqual([0]);
  });

  it.each(CONSUMPTION_MODES)("matches the engine's consumption order in mode %s", (mode) => {
    // One unit of forecast per period and one big order in period 5: the pegging lists the
    // forecast periods in the order the engine consumed them.
    for (const [backward, forward] of [
      [0, 0],
      [2, 1],
      [1, 3],
      [4, 4],
    ]) {
      const orders = Array(11).fill(0);
      orders[5] = 100;
      const result = consumeForecast(Array(11).fill(1), orders, { backward, forward, mode, pegging: true });
      if (!result.ok) throw new Error(result.error.message);
      const consumed = result.value.pegging.filter((peg) => peg.forecastPeriod !== null).map((peg) => peg.forecastPeriod! - 5);
      expect(consumed).toEqual(consumptionOrder(backward, forward, mode));
    }
  });
});

describe("windowCells", () => {
  it("repeats its example", () => {
    expect(show(1, 2, "backward-forward")).toEqual(["t-2:-", "t-1:2", "t:1", "t+1:3", "t+2:4", "t+3:-"]);
  });

  it("draws ignored sides as outside the window", () => {
    expect(show(2, 1, "forward")).toEqual(["t-3:-", "t-2:-", "t-1:-", "t:1", "t+1:2", "t+2:-"]);
  });

  it("ends long windows in a … cell carrying the hidden steps", () => {
    expect(show(5, 4, "forward-backward")).toEqual([
      "…:9–10",
      "t-3:8",
      "t-2:7",
      "t-1:6",
      "t:1",
      "t+1:2",
      "t+2:3",
      "t+3:4",
      "…:5–5",
    ]);
    expect(show(6, 0, "forward")).toEqual(["…:-", "t-3:-", "t-2:-", "t-1:-", "t:1", "t+1:-"]);
  });

  it("marks the example period and the window's periods", () => {
    expect(windowCells(1, 0, "backward").map((cell) => cell.kind)).toEqual(["outside", "window", "own", "outside"]);
  });
});

describe("describeWindow", () => {
  it("repeats its example", () => {
    expect(describeWindow(2, 1, "backward-forward")).toBe(
      "An order in period t consumes forecast from t first, then t-1 back to t-2, then t+1. What is left is excess.",
    );
  });

  it("names the forward side first in forward-backward mode", () => {
    expect(describeWindow(1, 3, "forward-backward")).toBe(
      "An order in period t consumes forecast from t first, then t+1 up to t+3, then t-1. What is left is excess.",
    );
  });

  it("says t only for an empty window, and which side a one-sided mode ignores", () => {
    expect(describeWindow(0, 0, "backward-forward")).toBe(
      "An order in period t consumes forecast from t only. What is left is excess.",
    );
    expect(describeWindow(0, 2, "backward")).toBe(
      "An order in period t consumes forecast from t only. What is left is excess. Forward periods are ignored in this mode.",
    );
    expect(describeWindow(3, 0, "forward")).toMatch(/Backward periods are ignored in this mode\.$/);
  });
});
