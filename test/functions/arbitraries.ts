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

/** Where a parameter's kind says too little of what a planner types, by "ID param". */
const PLAUSIBLE: Record<string, { value?: fc.Arbitrary<unknown>; given?: "always" | "seldom" }> = {
  "SAFETY service_level": { value: fc.double({ min: 0.5, max: 0.999, noNaN: true }) },
  // supply and orders come with on hand typed in; capacity, hours and lead time with model MTO only
  "PROMISE supply": { given: "always" },
  "PROMISE orders": { given: "always" },
  "PROMISE capacity": { given: "seldom" },
  "PROMISE hours_per_unit": { given: "seldom" },
  "PROMISE lead_time": { given: "seldom" },
};

/** Excel's invocation, as a function with @requiresAddress and @requiresParameterAddresses gets it. */
export const invocation = fc.record({
  address: fc.constantFrom("Plan!A20", "Summary!B2", "'My plan'!C3"),
  parameterAddresses: fc.array(
    fc.constantFrom("", "Plan!B2:M2", "Plan!B3:B14", "Plan!P1", "A:A", "Name", "'My plan'!$B$2:$E$2", "Items!A1:H2", "Plan!B14:M29"),
    {
      maxLength: 16,
    },
  ),
});

/**
 * Arguments a planner could type: series of one length laid out as rows or as columns, small
 * whole numbers, options in any case, optional ones sometimes left out, now and then a bad cell.
 * These reach the planning and layout code that random arguments are refused before.
 */
export function plausible(id: string, param: ParamSpec, n: number, column: boolean): fc.Arbitrary<unknown> {
  const omitted = fc.constant(null);
  const known = PLAUSIBLE[`${id} ${param.name}`] ?? {};
  const quantity = fc.oneof({ weight: 19, arbitrary: fc.integer({ min: 0, max: 200 }) }, { weight: 1, arbitrary: cell });
  let value: fc.Arbitrary<unknown>;
  switch (param.kind) {
    case "series":
      value = fc
        .array(quantity, { minLength: n, maxLength: n })
        .map((line) => (column ? line.map((v) => [v]) : [line]));
      break;
    case "block": {
      // One cell (most often: a per-item value given once), a line like a series, or a block of
      // such lines (one per item or resource). Left out more often than a series: a range that
      // must match another's shape (receipts, per-item values) is refused when it does not.
      const line = fc.array(quantity, { minLength: n, maxLength: n });
      const range = fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 20 }) },
        { weight: 2, arbitrary: line.map((values) => (column ? values.map((v) => [v]) : [values])) },
        {
          weight: 1,
          arbitrary: fc
            .array(line, { minLength: 2, maxLength: 3 })
            .map((lines) => (column ? lines[0].map((_, t) => lines.map((l) => l[t])) : lines)),
        },
      );
      return param.optional ? fc.oneof({ weight: 2, arbitrary: omitted }, { weight: 1, arbitrary: range }) : range;
    }
    case "number":
      value = fc.integer({ min: 0, max: 20 });
      break;
    case "lines":
      // order lines as typed: dates (or numbers) rising down the list, now and then a bad cell
      value = fc
        .array(quantity, { minLength: n, maxLength: n })
        .map((steps) => steps.map((step, i) => (typeof step === "number" ? 45_000 + 7 * i + (step % 7) : step)))
        .map((line) => (column ? line.map((v) => [v]) : [line]));
      break;
    case "range":
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
  if (known.value) value = known.value;
  if (!param.optional || known.given === "always") return value;
  return known.given === "seldom" ? fc.oneof({ weight: 4, arbitrary: omitted }, { weight: 1, arbitrary: value }) : fc.oneof(omitted, value);
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

/** A whole plausible call of MPS.`id` with these parameters: its series all of one length and layout. */
export const plausibleCall = (id: string, params: readonly ParamSpec[]) =>
  fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.boolean())
    .chain(([n, column]) => fc.tuple(...params.map((param) => plausible(id, param, n, column))));
