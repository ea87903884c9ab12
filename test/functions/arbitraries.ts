/**
 * Arguments for the MPS.* functions, as fast-check generates them: any cell a workbook can hold,
 * and calls a planner could type.
 */
import fc from "fast-check";
import type { ParamSpec } from "../../src/functions/params";

/** Numbers at the edges: not finite, the largest and smallest doubles, beyond any quantity. */
export const extremeNumber = fc.constantFrom(NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, 1e300, 1e16, Number.MIN_VALUE, -0);

/** Data-type cells as Excel passes them from CustomFunctionsRuntime 1.4 (Excel.CellValue). */
export const dataTypeCell = fc.oneof(
  fc.oneof(fc.double(), extremeNumber).map((basicValue) => ({ type: "Double", basicType: "Double", basicValue })),
  fc.integer({ min: -5, max: 500 }).map((basicValue) => ({ type: "FormattedNumber", basicType: "Double", basicValue, numberFormat: "0%" })),
  fc.string({ maxLength: 40 }).map((basicValue) => ({ type: "String", basicType: "String", basicValue })),
  fc.boolean().map((basicValue) => ({ type: "Boolean", basicType: "Boolean", basicValue })),
  fc.constant({ type: "Empty", basicType: "Empty", basicValue: "" }),
  fc.constant({ type: "Error", basicType: "Error", basicValue: "#N/A", errorType: "NotAvailable" }),
  fc.constant({ type: "Entity", text: "Contoso", properties: {}, basicType: "Error", basicValue: "#VALUE!" }),
  fc.constant({ type: "WebImage", address: "https://example.com/a.png", basicType: "Error", basicValue: "#VALUE!" }),
);

/**
 * Any one cell: numbers (NaN, infinities, huge ones too), empties as each host passes them,
 * text (short and long), booleans, an error, data types.
 */
export const cell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 500 }),
  extremeNumber,
  fc.constantFrom(null, "", 0, true, false, "abc", "12", undefined, "x".repeat(200)),
  fc.constant({ type: "DIV_BY_ZERO" }),
  dataTypeCell,
);

/** Excel's invocation, as a function with @requiresAddress and @requiresParameterAddresses gets it. */
export const invocation = fc.record({
  address: fc.constantFrom("Plan!A20", "Summary!B2", "'My plan'!C3"),
  parameterAddresses: fc.array(fc.constantFrom("", "Plan!B2:M2", "Plan!B3:B14", "Plan!P1", "A:A", "Name", "'My plan'!$B$2:$E$2"), {
    maxLength: 12,
  }),
});

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
  }
  return param.optional ? fc.oneof(omitted, value) : value;
}

/** A whole plausible call of a function with these parameters: its series all of one length and layout. */
export const plausibleCall = (params: readonly ParamSpec[]) =>
  fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.boolean())
    .chain(([n, column]) => fc.tuple(...params.map((param) => plausible(param, n, column))));

