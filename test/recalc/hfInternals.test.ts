/**
 * Contract tests for src/recalc/hfInternals.ts: one per HyperFormula internal the recalculation
 * relies on. When a HyperFormula upgrade changes one, the test named after it fails (instead of
 * spill sizes or values changing silently). hyperformula is pinned to an exact version.
 */
import { readFileSync } from "fs";
import path from "path";
import { CellError, DetailedCellError, EmptyValue, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";
import {
  arrayExtent,
  astKind,
  erroredArrayIn,
  blankCriterionAsZeroPlugin,
  builtInFunction,
  definePluginMethod,
  formulaAddress,
  literalOf,
  namedExpressionOf,
  numberAst,
  PARSER_FUNCTIONS,
  rangeStart,
  referencedCell,
  referencedRange,
  sheetIdsOf,
  sheetNameOf,
  unknownFunctionIn,
  unknownNameIn,
  type CallAst,
  type InterpreterState,
} from "../../src/recalc/hfInternals";
import { ROOT } from "./helpers";

/** What a probe function saw of its arguments, by formula. */
const seen: Record<string, unknown> = {};
/** The ranges a probe function saw, by formula. */
const ranges: Record<string, unknown> = {};
/** The sheet names a probe function saw for its own sheet and an unknown id, by formula. */
const sheetNames: Record<string, unknown> = {};

class ProbePlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    PROBE: { method: "probe", parameters: [{ argumentType: FunctionArgumentType.ANY, optionalArg: true }], repeatLastArgs: 1 },
    SUMRANGE: { method: "sumRange", parameters: [{ argumentType: FunctionArgumentType.RANGE }] },
    CONSTANT: { method: "constant", parameters: [] },
  };

  probe(ast: CallAst, state: InterpreterState) {
    const at = formulaAddress(state);
    seen[`${at.row}:${at.col}`] = ast.args.map((arg) => ({
      kind: astKind(arg),
      literal: literalOf(arg),
      name: namedExpressionOf(arg),
      cell: referencedCell(arg, state),
    }));
    ranges[`${at.row}:${at.col}`] = ast.args.map((arg) => referencedRange(arg, state));
    sheetNames[`${at.row}:${at.col}`] = [sheetNameOf(this, at.sheet), sheetNameOf(this, 99)];
    return 1;
  }

  sumRange(ast: CallAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("SUMRANGE"), (range: SimpleRangeValue) => {
      const start = rangeStart(range);
      return start ? start.row * 100 + start.col : -1;
    });
  }

  /** Evaluates a number node made by numberAst, as a plugin would hand it to a built-in. */
  constant(_ast: CallAst, state: InterpreterState) {
    return this.evaluateAst(numberAst(42), state);
  }
}

const config = { licenseKey: "gpl-v3", functionPlugins: [...HyperFormula.getAllFunctionPlugins(), ProbePlugin] };
HyperFormula.getLanguage("enGB").extendFunctions({ PROBE: "PROBE", SUMRANGE: "SUMRANGE", CONSTANT: "CONSTANT" });

describe("HyperFormula internals (src/recalc/hfInternals.ts)", () => {
  it("hyperformula is pinned to an exact version", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.devDependencies.hyperformula).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("astKind, literalOf, namedExpressionOf, referencedCell, formulaAddress: argument nodes as a plugin sees them", () => {
    const hf = HyperFormula.buildFromSheets({ S: [[5, "=PROBE(1.5,\"x\",Lead,A1,A1:A2,,SUM(1))"]] }, config, [{ name: "Lead", expression: "=3" }]);
    expect(seen["0:1"]).toEqual([
      { kind: "NUMBER", literal: 1.5, name: undefined, cell: undefined },
      { kind: "STRING", literal: "x", name: undefined, cell: undefined },
      { kind: "NAMED_EXPRESSION", literal: undefined, name: "Lead", cell: undefined },
      { kind: "CELL_REFERENCE", literal: undefined, name: undefined, cell: { sheet: 0, row: 0, col: 0 } },
      { kind: "CELL_RANGE", literal: undefined, name: undefined, cell: undefined },
      { kind: "EMPTY", literal: undefined, name: undefined, cell: undefined },
      { kind: "FUNCTION_CALL", literal: undefined, name: undefined, cell: undefined },
    ]);
    hf.destroy();
  });

  it("referencedRange: the first and last cell of a range argument, nothing for other nodes", () => {
    const hf = HyperFormula.buildFromSheets({ S: [[5, "=PROBE(A1,B2:C3,1)"]] }, config);
    expect(ranges["0:1"]).toEqual([
      undefined,
      { start: { sheet: 0, row: 1, col: 1 }, end: { sheet: 0, row: 2, col: 2 } },
      undefined,
    ]);
    hf.destroy();
  });

  it("sheetNameOf: a plugin reads a sheet's name from its id", () => {
    const hf = HyperFormula.buildFromSheets({ Plan: [[1]], "Q1 plan": [[5, "=PROBE(1)"]] }, config);
    expect(sheetNames["0:1"]).toEqual(["Q1 plan", undefined]);
    hf.destroy();
  });

  it("numberAst: a number node the interpreter evaluates", () => {
    const hf = HyperFormula.buildFromSheets({ S: [["=CONSTANT()"]] }, config);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(42);
    hf.destroy();
  });

  it("rangeStart: a range argument knows where its cells start", () => {
    const hf = HyperFormula.buildFromSheets({ S: [[null, null], [null, null, null, "=SUMRANGE(B2:C3)"]] }, config);
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 3 })).toBe(101);
    hf.destroy();
  });

  it("arrayExtent: the size of the array a formula fills", () => {
    const hf = HyperFormula.buildFromSheets({ S: [["=SEQUENCE(3,2)"]] }, { licenseKey: "gpl-v3" });
    expect(arrayExtent(hf, { sheet: 0, row: 0, col: 0 })).toEqual({ width: 2, height: 3 });
    expect(arrayExtent(hf, { sheet: 0, row: 5, col: 5 })).toBeUndefined();
    hf.destroy();
  });

  it("erroredArrayIn: the error of an array formula read through a plugin's dependency graph, for its exact area only", () => {
    // SEQUENCE is sized 2×2 from its literal arguments, then ends in #VALUE!: an errored array.
    const hf = HyperFormula.buildFromSheets({ S: [['=SEQUENCE(2,2,1,"x")', null, null, 7]] }, { licenseKey: "gpl-v3" });
    const plugin = { dependencyGraph: (hf as unknown as { dependencyGraph: unknown }).dependencyGraph } as unknown as FunctionPlugin;
    const at = (row: number, col: number) => ({ sheet: 0, row, col });
    const error = erroredArrayIn(plugin, { start: at(0, 0), end: at(1, 1) });
    expect(error).toBeInstanceOf(CellError);
    expect(error?.type).toBe("VALUE");
    expect(erroredArrayIn(plugin, { start: at(0, 0), end: at(0, 1) })).toBeUndefined(); // not its area
    expect(erroredArrayIn(plugin, { start: at(0, 3), end: at(0, 3) })).toBeUndefined(); // no array there
    hf.destroy();
  });

  it("unknownNameIn, unknownFunctionIn: the names in HyperFormula's #NAME? messages", () => {
    const hf = HyperFormula.buildFromSheets({ S: [["=Nope+1", "=NOSUCH(1)"]] }, { licenseKey: "gpl-v3" });
    const [name, fn] = [0, 1].map((col) => hf.getCellValue({ sheet: 0, row: 0, col }) as DetailedCellError);
    expect(unknownNameIn(name.message)).toBe("Nope");
    expect(unknownFunctionIn(fn.message)).toBe("NOSUCH");
    hf.destroy();
  });

  it("PARSER_FUNCTIONS: OFFSET evaluates but is not a registered function", () => {
    const hf = HyperFormula.buildFromSheets({ S: [[1, 2, "=OFFSET(A1,0,1)"]] }, { licenseKey: "gpl-v3" });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(2);
    for (const name of PARSER_FUNCTIONS) expect(hf.getRegisteredFunctionNames()).not.toContain(name);
    hf.destroy();
  });

  it("definePluginMethod: HyperFormula finds a method defined under a computed name", () => {
    class Named extends FunctionPlugin {
      static implementedFunctions: ImplementedFunctions = { TWICE: { method: "computedTwice", parameters: [{ argumentType: FunctionArgumentType.NUMBER }] } };
    }
    // The registry accepts the plugin only when the method is the prototype's own property.
    definePluginMethod(Named, "computedTwice", function (this: FunctionPlugin, ast: CallAst, state: InterpreterState) {
      const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction;
      return run(ast.args, state, (this as unknown as { metadata: (n: string) => unknown }).metadata("TWICE"), (x: number) => 2 * x);
    });
    HyperFormula.getLanguage("enGB").extendFunctions({ TWICE: "TWICE" });
    const hf = HyperFormula.buildFromSheets({ S: [["=TWICE(21)"]] }, { licenseKey: "gpl-v3", functionPlugins: [...HyperFormula.getAllFunctionPlugins(), Named] });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(42);
    hf.destroy();
  });

  it("sheetIdsOf: buildFromSheets numbers sheets in for…in order (index-like names first)", () => {
    const sheets = { Plan: [["=1"]], "2024": [["=2"]], Notes: [["=3"]] };
    const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
    const ids = sheetIdsOf(sheets);
    for (const name of Object.keys(sheets)) expect(hf.getSheetId(name)).toBe(ids.get(name));
    expect(ids.get("2024")).toBe(0);
    hf.destroy();
  });

  it("builtInFunction, blankCriterionAsZeroPlugin: criteria pass through computeConditionalAggregationFunction", () => {
    expect(builtInFunction("SUMIF")?.method).toBe("sumif");
    const data = [[0, 10, null, "=SUMIF(A1:A3,C1,B1:B3)", "=COUNTIF(A1:A3,C1)"], ["x", 20], [0, 30]];
    const plain = HyperFormula.buildFromSheets({ S: data }, { licenseKey: "gpl-v3" });
    expect(plain.getCellValue({ sheet: 0, row: 0, col: 3 })).toBeInstanceOf(DetailedCellError); // HyperFormula refuses the blank criterion
    plain.destroy();
    const hf = HyperFormula.buildFromSheets({ S: data }, { licenseKey: "gpl-v3", functionPlugins: [...HyperFormula.getAllFunctionPlugins(), blankCriterionAsZeroPlugin(EmptyValue)] });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toBe(40); // the rows whose A is 0
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 4 })).toBe(2);
    hf.destroy();
  });
});
