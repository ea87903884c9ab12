/**
 * Arguments for the MPS.* functions, as fast-check generates them: any cell a workbook can hold,
 * and calls a planner could type.
 */
import fc from "fast-check";
import type { ParamSpec } from "../../src/functions/params";

/** Any one cell: numbers (NaN and infinities too), empties as each host passes them, text, booleans, an error. */
export const cell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 500 }),
  fc.constantFrom(null, "", 0, true, false, "abc", "12", undefined),
  fc.constant({ type: "DIV_BY_ZERO" }),
);

/**
 * Arguments a planner could type: series of one length laid out as rows or as columns, small
 * whole numbers, options in any case, optional ones sometimes left out, now and then a bad cell.
 * These reach the planning and layout code that random arguments are refused before.
 */
export function plausible(param: ParamSpec, n: number, column: boolean): fc.Arbitrary<unknown> {
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
      value = fc.oneof(fc.integer({ min: 0, max: 200 }), itemMaster);
      break;
  }
  return param.optional ? fc.oneof(omitted, value) : value;
}

/** An item master row as a planner could type it: a header row and a value row, On hand first. */
const itemMaster = fc
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
  );

/** A whole plausible call of a function with these parameters: its series all of one length and layout. */
export const plausibleCall = (params: readonly ParamSpec[]) =>
  fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.boolean())
    .chain(([n, column]) => fc.tuple(...params.map((param) => plausible(param, n, column))));

