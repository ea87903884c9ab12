import { consumeForecast, planItem } from "../../src/engine";
import { sum, unwrap } from "./helpers";

// Generous bounds: these catch O(N × window) or O(N²) behaviour (hours at this size), not
// slow machines. No tight timing is asserted.
const N = 1_000_000;
const BOUND_MS = 20_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = Date.now();
  const value = run();
  return { value, ms: Date.now() - start };
}

describe("performance on 1e6 periods", () => {
  it("consumes with a window as wide as the horizon in linear time", () => {
    // forecast 1 and orders 2 everywhere: every order searches past exhausted periods, which a
    // plain window scan would walk again and again (~1e12 steps); skip pointers jump them.
    const forecast = new Float64Array(N).fill(1);
    const orders = new Float64Array(N).fill(2);
    const { value: c, ms } = timed(() => unwrap(consumeForecast(forecast, orders, { backward: N, forward: N })));
    expect(sum(c.remainingForecast)).toBe(0);
    expect(sum(c.excessOrders)).toBe(N);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("plans a whole item with a 52/52 window, FOQ and look-ahead ATP in linear time", () => {
    const forecast = new Float64Array(N);
    const orders = new Float64Array(N);
    for (let t = 0; t < N; t++) {
      forecast[t] = 100 + (t % 7) * 10;
      orders[t] = (t * 37) % 180;
    }
    const { value: r, ms } = timed(() =>
      unwrap(
        planItem({ forecast, orders, onHand: 500, backward: 52, forward: 52, lotRule: "FOQ", lotSize: 400, safetyStock: 50, atpMethod: "lookahead" }),
      ),
    );
    expect(r.mps.length).toBe(N);
    expect(Math.min(...r.projectedAvailable.subarray(0, 1000))).toBeGreaterThanOrEqual(50);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
