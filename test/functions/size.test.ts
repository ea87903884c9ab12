/**
 * The size each function declares for its result, which a host that sizes a spill before it
 * evaluates (the headless recalculation) relies on: a result never outgrows it, and a line or an
 * MPS.TABLE fills it exactly when the formula shows its arguments (a larger area would block
 * cells a planner uses, a smaller one cut the result). Checked against what `invoke` returns.
 */
import fc from "fast-check";
import { PRODUCTION_MODELS } from "../../src/engine";
import { isFunctionError } from "../../src/functions/cells";
import { CATALOG } from "../../src/functions/catalog";
import { NOT_LITERAL, type Shape } from "../../src/functions/define";
import { invoke } from "../../src/functions/invoke";
import type { ParamSpec } from "../../src/functions/params";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { plausibleCall } from "./arbitraries";

/** Functions whose result has exactly the declared size; the others' is an upper bound. */
const EXACT = new Set(["CONSUME", "DEMAND", "PLAN", "PAB", "ATP", "TABLE", "PROMISE", "LOAD", "LEVEL"]);

/**
 * What the formula text shows: each range's shape and each typed value, or only references
 * (`hidden`). The headless host reads the constants of an item master range (see plugin.ts).
 */
function formulaText(args: readonly unknown[], hidden: boolean, params: readonly ParamSpec[]) {
  const shapes = args.map((a): Shape | undefined =>
    a === null ? undefined : Array.isArray(a) ? { rows: a.length, columns: (a[0] as unknown[]).length } : { rows: 1, columns: 1 },
  );
  const literals = args.map((a, i) =>
    a === null ? undefined : hidden || (Array.isArray(a) && params[i].kind !== "item") ? NOT_LITERAL : a,
  );
  return { shapes, literals };
}

function shapeOf(result: unknown): Shape {
  return Array.isArray(result) ? { rows: result.length, columns: (result[0] as unknown[]).length } : { rows: 1, columns: 1 };
}

describe.each(Object.keys(CATALOG))("MPS.%s's declared size", (id) => {
  const spec = CATALOG[id];

  it("holds its result, in rows and in columns, whatever model the workbook has", () => {
    fc.assert(
      fc.property(plausibleCall(spec.id, spec.params), fc.boolean(), fc.constantFrom(...PRODUCTION_MODELS), (args, hidden, model) => {
        const settings = { ...DEFAULT_SETTINGS, model };
        const result = invoke(id, args, settings);
        if (isFunctionError(result)) return;
        const { shapes, literals } = formulaText(args, hidden, spec.params);
        const size = spec.maxSize(shapes, { literals, settings });
        const actual = shapeOf(result);
        if (EXACT.has(id) && !hidden) expect(actual).toEqual(size);
        else {
          expect(actual.rows).toBeLessThanOrEqual(size.rows);
          expect(actual.columns).toBeLessThanOrEqual(size.columns);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("MPS.TABLE's size", () => {
  const forecast = [[10], [10], [10], [10]];
  const size = (model: unknown, settingsModel: "MTS" | "ATO" = "MTS") =>
    CATALOG.TABLE.maxSize([{ rows: 4, columns: 1 }, { rows: 4, columns: 1 }, { rows: 1, columns: 1 }], {
      literals: [NOT_LITERAL, NOT_LITERAL, 0, undefined, undefined, undefined, model],
      settings: { ...DEFAULT_SETTINGS, model: settingsModel },
    });

  it("is a column per record row for column inputs: 9, 10 for ATO, 10 when only evaluation tells", () => {
    // forecast down a column of 4 → a header row of labels + 4 periods
    expect(size("MTS")).toEqual({ rows: 5, columns: 9 });
    expect(size("ato")).toEqual({ rows: 5, columns: 10 });
    expect(size(undefined, "ATO")).toEqual({ rows: 5, columns: 10 });
    expect(size(NOT_LITERAL)).toEqual({ rows: 5, columns: 10 });
    expect(invoke("TABLE", [forecast, forecast, 0, null, null, null, "ATO"], DEFAULT_SETTINGS)).toHaveLength(5);
  });
});
