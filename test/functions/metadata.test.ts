/**
 * functions.json as the metadata generator makes it from the JSDoc in functions.ts: the
 * public contract of every MPS.* function (names, argument order, optional flags, ranges).
 */
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { CATALOG } from "../../src/functions/catalog";

interface Param {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: Param[];
  result: { dimensionality?: string };
}

let functions: Fn[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata([join(__dirname, "..", "..", "src", "functions", "functions.ts")]);
  expect(generated.errors).toEqual([]);
  functions = JSON.parse(generated.metadataJson).functions;
}, 60_000);

const signature = (f: Fn) =>
  f.parameters.map((p) => `${p.optional ? "[" : ""}${p.name}${p.optional ? "]" : ""}`).join(", ");

describe("functions.json", () => {
  it("declares exactly the documented functions with their public argument order", () => {
    const byId = Object.fromEntries(functions.map((f) => [f.id, signature(f)]));
    expect(byId).toEqual({
      CONSUME: "forecast, orders, [backward], [forward], [mode]",
      DEMAND: "forecast, orders, [model], [demand_time_fence], [backward], [forward], [mode]",
      PLAN: "demand, on_hand, [safety_stock], [lot_rule], [lot_size], [receipts], [planning_time_fence], [firm_mps]",
      PAB: "demand, on_hand, supply",
      ATP: "on_hand, supply, orders, [method]",
      TABLE: "forecast, orders, on_hand, [safety_stock], [lot_rule], [lot_size], [model], [receipts]",
      PEG: "forecast, orders, [backward], [forward], [mode]",
      EXPLODE: "family_forecast, attach_rates, [hedge]",
      PROMISE: "quantity, on_hand, supply, orders, [method], [requested_period]",
    });
  });

  it("matches the catalog that drives both hosts, parameter for parameter", () => {
    for (const f of functions) {
      const spec = CATALOG[f.id];
      expect(f.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
      expect(f.parameters.map((p) => Boolean(p.optional))).toEqual(spec.params.map((p) => Boolean(p.optional)));
      expect(f.parameters.map((p) => p.dimensionality === "matrix")).toEqual(spec.params.map((p) => p.kind === "series"));
    }
  });

  it("takes every argument as any, so Excel passes cells unconverted and our adapter reads them", () => {
    for (const f of functions) for (const p of f.parameters) expect(p.type).toBe("any");
  });

  it("takes every range as a matrix and spills every result but PROMISE", () => {
    for (const f of functions) {
      expect(f.result.dimensionality === "matrix").toBe(f.id !== "PROMISE");
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
