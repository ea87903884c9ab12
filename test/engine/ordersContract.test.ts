import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import {
  bucketOrders,
  forecastAccuracy,
  orderLinePeriods,
  pegLines,
  plannedStarts,
  promiseLines,
  promiseLinesByLeadTime,
  safetyStock,
} from "../../src/engine";

// The order-line steps keep the engine's contract: a result for any input, never a throw, and
// a doc comment with summary, params, returns and a worked example (repeated by their tests).
const STEPS: Record<string, string[]> = {
  "bucket.ts": ["bucketOrders", "orderLinePeriods"],
  "release.ts": ["plannedStarts"],
  "promiseLines.ts": ["promiseLines", "promiseLinesByLeadTime"],
  "pegLines.ts": ["pegLines"],
  "accuracy.ts": ["forecastAccuracy", "safetyStock", "standardNormalQuantile", "lowerNormalCdf"],
};

describe("order-line steps", () => {
  it.each(Object.entries(STEPS))("%s documents each step with params, returns and an example", (file, names) => {
    const code = readFileSync(join(__dirname, "../../src/engine", file), "utf8");
    for (const name of names) {
      const at = code.search(new RegExp(`export function ${name}\\b`));
      expect(at).toBeGreaterThan(0);
      const before = code.slice(0, at).trimEnd();
      expect(before.endsWith("*/")).toBe(true);
      const doc = before.slice(before.lastIndexOf("/**"));
      expect(doc).toMatch(/^\/\*\*\s*\n\s*\* \S/);
      for (const tag of ["@param", "@returns", "@example"]) expect(doc).toContain(tag);
    }
  });

  it("return a result and never throw, whatever they are given", () => {
    const anything = fc.anything();
    fc.assert(
      fc.property(anything, anything, anything, anything, anything, (a, b, c, d, e) => {
        const calls: Array<() => { ok: boolean }> = [
          () => bucketOrders(a as never, b as never, c as never, d as never),
          () => bucketOrders([1, 2], [a, b] as never, [0, 5] as never, c as never),
          () => orderLinePeriods(a as never, b as never, c as never, d as never),
          () => plannedStarts(a as never, b as never),
          () => promiseLines(a as never, b as never, c as never, d as never, e as never),
          () => promiseLines([1, 2], 5, [1, 2], [0, 1], { method: a, requestedPeriods: b } as never),
          () => promiseLinesByLeadTime(a as never, b as never, c as never),
          () => promiseLinesByLeadTime([1], 2, { leadTime: a, capacity: b, hoursPerUnit: c, load: d, requestedPeriods: e } as never),
          () => pegLines(a as never, b as never, c as never, d as never, e as never),
          () => pegLines([1, 2], ["A", "B"], [a, b] as never, [c, d] as never, { dates: e } as never),
          () => forecastAccuracy(a as never, b as never),
          () => safetyStock(a as never, b as never, c as never, d as never),
          () => safetyStock([1, 2], [3, 5], a as never, b as never),
        ];
        for (const call of calls) expect(typeof call().ok).toBe("boolean");
      }),
    );
  });
});
