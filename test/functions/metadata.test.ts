/**
 * functions.json as the metadata generator makes it from the JSDoc in functions.ts: the
 * public contract of every MPS.* function (names, argument order, optional flags, ranges).
 */
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { CATALOG } from "../../src/functions/catalog";
import * as excelFunctions from "../../src/functions/functions";
import { invoke } from "../../src/functions/invoke";
import { helpText, takesRange } from "../../src/functions/params";

// Only what functions.ts hands the adapter matters here, not what the adapter computes.
jest.mock("../../src/functions/invoke", () => ({ invoke: jest.fn(() => [[0]]) }));

interface Param {
  name: string;
  type: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: Param[];
  options?: { requiresAddress?: boolean; requiresParameterAddresses?: boolean };
  result: { dimensionality?: string };
}

let functions: Fn[];
/** The JavaScript function behind each id, as the generator associates them. */
let functionNames: Record<string, string>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([join(__dirname, "..", "..", "src", "functions", "functions.ts")]);
  expect(generated.errors).toEqual([]);
  functions = JSON.parse(generated.metadataJson).functions;
  functionNames = Object.fromEntries(generated.associate.map((a) => [a.id, a.functionName]));
}, 60_000);

const signature = (f: Fn) =>
  f.parameters.map((p) => `${p.optional ? "[" : ""}${p.name}${p.optional ? "]" : ""}`).join(", ");

describe("functions.json", () => {
  it("declares exactly the documented functions with their public argument order", () => {
    const byId = Object.fromEntries(functions.map((f) => [f.id, signature(f)]));
    expect(byId).toEqual({
      CONSUME: "forecast, orders, [backward], [forward], [mode]",
      DEMAND: "forecast, orders, [model], [demand_time_fence], [backward], [forward], [mode]",
      PLAN: "demand, on_hand, [safety_stock], [lot_rule], [lot_size], [receipts], [planning_time_fence], [firm_mps], [min_lot], [max_lot], [multiple]",
      PAB: "demand, on_hand, supply",
      ATP: "on_hand, supply, orders, [method]",
      TABLE:
        "forecast, orders, on_hand, [safety_stock], [lot_rule], [lot_size], [model], [receipts], [capacity], [hours_per_unit], " +
        "[lead_time], [min_lot], [max_lot], [multiple], [plan_from], [firm_mps]",
      PEG: "forecast, orders, [backward], [forward], [mode], [period_starts]",
      EXPLODE: "family_forecast, attach_rates, [hedge]",
      PROMISE:
        "quantity, on_hand, [supply], [orders], [method], [requested_period], [period_starts], [model], [capacity], [hours_per_unit], [lead_time]",
      BUCKET: "dates, quantities, period_starts, [horizon_end]",
      PEGLINES: "forecast, period_starts, order_ids, order_dates, quantities, [backward], [forward], [mode]",
      ACCURACY: "forecast_history, actual_history",
      SAFETY: "forecast_history, actual_history, service_level, [lead_time]",
      LOAD: "mps, bill",
      LEVEL: "demand, on_hand, capacity, [safety_stock], [hours_per_unit], [receipts], [strategy]",
      MESSAGES:
        "forecast, orders, on_hand, [safety_stock], [lot_rule], [lot_size], [model], [receipts], [capacity], [hours_per_unit], " +
        "[lead_time], [min_lot], [max_lot], [multiple], [plan_from], [firm_mps]",
    });
  });

  it("declares every function of the catalog, and no other", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(CATALOG).sort());
  });

  // The JSDoc in functions.ts is written by hand (the metadata generator needs it); the
  // parameter lists of the family files are the source. These say which one drifted.
  describe.each(Object.keys(CATALOG))("MPS.%s's JSDoc against its declared parameters", (id) => {
    const documented = () => functions.find((f) => f.id === id)!.parameters;
    const declared = CATALOG[id].params;

    it("names the same parameters in the same order", () => {
      expect(documented().map((p) => p.name)).toEqual(declared.map((p) => p.name));
    });

    it("marks the same ones optional ([name])", () => {
      expect(documented().map((p) => `${p.name}: ${p.optional ? "optional" : "required"}`)).toEqual(
        declared.map((p) => `${p.name}: ${p.optional ? "optional" : "required"}`),
      );
    });

    it("takes ranges (any[][]) exactly where a series, lines, a range, a block or an item (on hand or item master) is declared", () => {
      expect(documented().map((p) => `${p.name}: ${p.dimensionality === "matrix" ? "range" : "cell"}`)).toEqual(
        declared.map((p) => `${p.name}: ${takesRange(p) ? "range" : "cell"}`),
      );
    });

    it("hands every argument of its signature to the adapter, in order, under its own id, with where Excel says they are", () => {
      const fn = (excelFunctions as Record<string, (...args: unknown[]) => unknown>)[functionNames[id]];
      // Excel passes the invocation after the declared arguments.
      expect(fn.length).toBe(declared.length + 1);
      const sentinels = declared.map((p) => ({ argument: p.name }));
      const invocation = { address: "Plan!A20", parameterAddresses: declared.map((_, i) => `Plan!B${i + 1}:M${i + 1}`) };
      fn(...sentinels, invocation);
      expect(invoke).toHaveBeenLastCalledWith(id, sentinels, expect.anything(), {
        addresses: invocation.parameterAddresses,
        caller: "Plan!A20",
      });
    });

    it("describes each parameter with its declared help text and default", () => {
      expect(documented().map((p) => `${p.name}: ${p.description}`)).toEqual(declared.map((p) => `${p.name}: ${helpText(p)}`));
    });
  });

  it("takes every argument as any, so Excel passes cells unconverted and our adapter reads them", () => {
    for (const f of functions) for (const p of f.parameters) expect(p.type).toBe("any");
  });

  it("asks Excel for the calling cell and the parameter addresses, and so returns a matrix (Excel requires it with addresses; SAFETY and a single PROMISE as 1×1)", () => {
    for (const f of functions) {
      expect(`${f.id}: ${JSON.stringify(f.options)} ${f.result.dimensionality}`).toBe(
        `${f.id}: {"requiresAddress":true,"requiresParameterAddresses":true} matrix`,
      );
    }
  });

  it("explains every function and argument, with a help link", () => {
    for (const f of functions) {
      expect(f.description.length).toBeGreaterThan(20);
      expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id.toLowerCase()}`);
      for (const p of f.parameters) expect((p as { description?: string }).description?.length).toBeGreaterThan(5);
    }
  });
});
