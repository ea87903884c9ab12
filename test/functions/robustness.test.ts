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
import type { ParamSpec } from "../../src/functions/params";

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

function outcome(id: string, call: () => unknown): "ok" | "excel-error" {
  try {
    const value = call();
    expect(Array.isArray(value) || typeof value === "number").toBe(true);
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    const message = (error as Error).message;
    expect(message.length).toBeGreaterThan(5);
    expect(message).not.toContain(messages.internal(id, "").trim());
    return "excel-error";
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

/**
 * Arguments a planner could type: series of one length laid out as rows or as columns, small
 * whole numbers, options in any case, optional ones sometimes left out, now and then a bad cell.
 * These reach the planning and layout code that random arguments are refused before.
 */
function plausible(param: ParamSpec, n: number, column: boolean): fc.Arbitrary<unknown> {
  const omitted = fc.constant(null);
  const quantity = fc.oneof({ weight: 19, arbitrary: fc.integer({ min: 0, max: 200 }) }, { weight: 1, arbitrary: cell });
  let value: fc.Arbitrary<unknown>;
  switch (param.kind) {
    case "series":
      value = fc
        .array(quantity, { minLength: n, maxLength: n })
        .map((line) => (column ? line.map((v) => [v]) : [line]));
      break;
    case "number":
      value = fc.integer({ min: 0, max: 20 });
      break;
    case "option": {
      const choices = param.choices ?? [];
      value = fc.constantFrom(...choices, ...choices.map((c) => c.toLowerCase()));
      break;
    }
    case "item":
      // On hand, or an item master row: On hand and a few other headers with plausible values.
      value = fc.oneof(
        fc.integer({ min: 0, max: 200 }),
        fc
          .tuple(
            fc.integer({ min: 0, max: 200 }),
            fc.subarray([
              ["Safety stock", fc.integer({ min: 0, max: 20 })],
              ["Lead time", fc.integer({ min: 0, max: 3 })],
              ["Max lot", fc.integer({ min: 1, max: 80 })],
              ["Capacity", fc.integer({ min: 1, max: 150 })],
              ["Model", fc.constantFrom("MTS", "ATO", "MTO")],
              ["Plan from", fc.integer({ min: 1, max: 3 })],
            ] as const),
          )
          .chain(([onHand, fields]) =>
            fc.tuple(...fields.map(([, arbitrary]) => arbitrary as fc.Arbitrary<unknown>)).map((values) => [
              ["On hand", ...fields.map(([header]) => header)],
              [onHand, ...values],
            ]),
          ),
      );
      break;
  }
  return param.optional ? fc.oneof(omitted, value) : value;
}

const plausibleCall = (params: readonly ParamSpec[]) =>
  fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.boolean())
    .chain(([n, column]) => fc.tuple(...params.map((param) => plausible(param, n, column))));

describe.each(Object.entries(functions))("MPS.%s on plausible arguments", (name, fn) => {
  it("plans or refuses with a message, never fails internally, in rows and in columns", () => {
    const id = name.toUpperCase();
    const seen = { ok: 0, "excel-error": 0 };
    const numRuns = 200;
    fc.assert(
      fc.property(plausibleCall(CATALOG[id].params), (args) => {
        seen[outcome(id, () => (fn as (...a: unknown[]) => unknown)(...args))]++;
      }),
      { numRuns },
    );
    // Only worth its runs if many get past the argument checks (a third to nine tenths do).
    expect(seen.ok).toBeGreaterThanOrEqual(numRuns / 10);
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
