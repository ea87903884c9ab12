/**
 * Whatever a workbook hands them, the MPS.* functions answer with a result or an Excel error;
 * nothing else ever escapes (an uncaught exception would show as a bare #VALUE! with no reason).
 */
import fc from "fast-check";
import * as functions from "../../src/functions/functions";

const cell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 500 }),
  fc.constantFrom(null, "", 0, true, false, "abc", "12", undefined),
  fc.constant({ type: "DIV_BY_ZERO" }),
);
const range = fc.oneof(
  fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 6 }),
  fc.array(cell, { minLength: 1, maxLength: 8 }).map((r) => [r]),
  fc.array(cell, { minLength: 1, maxLength: 8 }).map((c) => c.map((v) => [v])),
);
const scalar = fc.oneof(cell, fc.constantFrom("FOQ", "poq", "ATO", "lookahead", "forward", "cumulative", "MTO"));
const argument = fc.oneof(range, scalar);

function outcome(call: () => unknown): "ok" | "excel-error" {
  try {
    const value = call();
    expect(Array.isArray(value) || typeof value === "number").toBe(true);
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    expect((error as Error).message.length).toBeGreaterThan(5);
    return "excel-error";
  }
}

describe.each(Object.entries(functions))("MPS.%s", (_name, fn) => {
  it("returns a result or a CustomFunctions.Error with a message for any arguments", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: 0, maxLength: 9 }), (args) => {
        outcome(() => (fn as (...a: unknown[]) => unknown)(...args));
      }),
      { numRuns: 300 },
    );
  });
});
