/**
 * Whatever a workbook hands them, the MPS.* functions answer with a result or an Excel error
 * that says which argument is wrong; nothing else ever escapes (an uncaught exception would show
 * as a bare #VALUE! with no reason), and no input reaches a crash that invoke's safety net turns
 * into "MPS.X failed unexpectedly" (that net would otherwise hide a TypeError from this test).
 */
import fc from "fast-check";
import { CATALOG } from "../../src/functions/catalog";
import * as functions from "../../src/functions/functions";
import { messages } from "../../src/functions/messages";
import { cell, invocation, plausibleCall } from "./arbitraries";

const range = fc.oneof(
  fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 6 }),
  fc.array(cell, { minLength: 1, maxLength: 8 }).map((r) => [r]),
  fc.array(cell, { minLength: 1, maxLength: 8 }).map((c) => c.map((v) => [v])),
);
const scalar = fc.oneof(cell, fc.constantFrom("FOQ", "poq", "ATO", "lookahead", "forward", "cumulative", "MTO"));
const argument = fc.oneof(range, scalar);

/** Every number a result shows is finite. */
function allFinite(value: unknown[][]): boolean {
  return value.every((line) => line.every((c) => typeof c !== "number" || Number.isFinite(c)));
}

/**
 * What a call came to: a result, an answer past the argument checks that is #N/A (a promise
 * beyond the horizon: only planning can tell), or a refusal.
 */
function outcome(id: string, call: () => unknown): "ok" | "planned-na" | "excel-error" {
  try {
    const value = call();
    // Every function returns a matrix (Excel requires it with parameter addresses).
    expect(Array.isArray(value) && allFinite(value as unknown[][])).toBe(true);
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    // Excel shows a message only on #VALUE! and #N/A.
    expect(["#VALUE!", "#N/A"]).toContain((error as { code: string }).code);
    const message = (error as Error).message;
    expect(message.length).toBeGreaterThan(5);
    expect(message).not.toContain(messages.internal(id, "").trim());
    return (error as { code: string }).code === "#N/A" ? "planned-na" : "excel-error";
  }
}

describe.each(Object.entries(functions))("MPS.%s", (name, fn) => {
  it("returns a result or a CustomFunctions.Error with a message for any arguments, never an internal failure", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: 0, maxLength: 9 }), (args) => {
        outcome(name.toUpperCase(), () => (fn as (...a: unknown[]) => unknown)(...args));
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(Object.entries(functions))("MPS.%s on plausible arguments", (name, fn) => {
  it("plans or refuses with a message, never fails internally, in rows and in columns", () => {
    const id = name.toUpperCase();
    const seen = { ok: 0, "planned-na": 0, "excel-error": 0 };
    const numRuns = 200;
    fc.assert(
      fc.property(plausibleCall(id, CATALOG[id].params), fc.option(invocation), (args, site) => {
        seen[outcome(id, () => (fn as (...a: unknown[]) => unknown)(...args, site ?? undefined))]++;
      }),
      { numRuns },
    );
    // Only worth its runs if many get past the argument checks: a sixth (LEVEL) to four fifths do,
    // over 1,000 runs; the bound is far enough below that no seed fails it by chance.
    expect(seen.ok + seen["planned-na"]).toBeGreaterThanOrEqual(numRuns / 20);
  });
});

describe("the internal-failure check", () => {
  it("recognises invoke's message for a crash", () => {
    const crash = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, messages.internal("TABLE", "x is not a function"));
    expect(() => outcome("TABLE", () => {
      throw crash;
    })).toThrow(/failed unexpectedly/);
  });
});
