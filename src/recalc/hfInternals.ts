/**
 * Every use of a HyperFormula internal — anything its public API does not promise — in one
 * place. Each export has a contract test in test/recalc/hfInternals.test.ts named after it, so a
 * HyperFormula upgrade that changes one fails that test instead of silently changing spill sizes
 * or values. package.json pins hyperformula to an exact version for the same reason.
 *
 * Nothing outside this module compares AST kinds, reads `arrayMapping`, parses HyperFormula's
 * error texts, assigns plugin methods or relies on the order `buildFromSheets` gives sheets.
 */
import { CellError, FunctionPlugin, HyperFormula, SimpleRangeValue, type SimpleCellAddress } from "hyperformula";

/** A node of HyperFormula's syntax tree, as a function plugin receives it. */
export type Ast = Parameters<FunctionPlugin["arraySizeForAst"]>[0];
/** The interpreter's state while a formula is evaluated. */
export type InterpreterState = Parameters<FunctionPlugin["arraySizeForAst"]>[1];
/** A function call node (`SUM(…)`, `MPS.TABLE(…)`). */
export type CallAst = Extract<Ast, { procedureName: string }>;

/** The AST node kinds this project looks at (HyperFormula's `AstNodeType`, which it does not export). */
export type AstKind = "EMPTY" | "NUMBER" | "STRING" | "CELL_REFERENCE" | "CELL_RANGE" | "NAMED_EXPRESSION" | "FUNCTION_CALL" | "OTHER";

const KNOWN_KINDS = new Set<string>(["EMPTY", "NUMBER", "STRING", "CELL_REFERENCE", "CELL_RANGE", "NAMED_EXPRESSION", "FUNCTION_CALL"]);

/** The kind of an argument's node; "EMPTY" for an argument left out (`F(a,,c)`) or missing. */
export function astKind(ast: Ast | undefined): AstKind {
  if (ast === undefined) return "EMPTY";
  const kind = ast.type as string;
  return KNOWN_KINDS.has(kind) ? (kind as AstKind) : "OTHER";
}

/** The value of a number or string literal node. */
export function literalOf(ast: Ast | undefined): number | string | undefined {
  const kind = astKind(ast);
  return kind === "NUMBER" || kind === "STRING" ? (ast as { value: number | string }).value : undefined;
}

/** The cell a single-cell reference node points at, seen from the formula being evaluated. */
export function referencedCell(ast: Ast | undefined, state: InterpreterState): SimpleCellAddress | undefined {
  if (astKind(ast) !== "CELL_REFERENCE") return undefined;
  const { reference } = ast as unknown as { reference: { toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress } };
  return reference.toSimpleCellAddress(state.formulaAddress);
}

/** The first and last cell of a range node `A1:B2` on one sheet, seen from the formula being evaluated. */
export function referencedRange(ast: Ast | undefined, state: InterpreterState): { start: SimpleCellAddress; end: SimpleCellAddress } | undefined {
  if (astKind(ast) !== "CELL_RANGE") return undefined;
  type Address = { toSimpleCellAddress(base: SimpleCellAddress): SimpleCellAddress };
  const { start, end } = ast as unknown as { start: Address; end: Address };
  return { start: start.toSimpleCellAddress(state.formulaAddress), end: end.toSimpleCellAddress(state.formulaAddress) };
}

/** The name a named-expression node refers to (`LeadTime`), as written. */
export function namedExpressionOf(ast: Ast | undefined): string | undefined {
  return astKind(ast) === "NAMED_EXPRESSION" ? (ast as { expressionName: string }).expressionName : undefined;
}

/** A number literal node, to hand a function a constant in place of one of its arguments. */
export function numberAst(value: number): Ast {
  return { type: "NUMBER", value } as unknown as Ast;
}

/** The formula cell being evaluated (the anchor of an array formula). */
export function formulaAddress(state: InterpreterState): SimpleCellAddress {
  return state.formulaAddress;
}

/**
 * A sheet's name from its id, as a function plugin sees the workbook (its protected
 * `dependencyGraph`), to name argument cells in messages; undefined for an unknown id.
 */
export function sheetNameOf(plugin: FunctionPlugin, sheet: number): string | undefined {
  const graph = (plugin as unknown as { dependencyGraph: { sheetMapping: { getSheetName(id: number): string | undefined } } }).dependencyGraph;
  return graph.sheetMapping.getSheetName(sheet);
}

/** Where the cells of a range value start, when the value is a range of the sheet (not a computed array). */
export function rangeStart(value: SimpleRangeValue): SimpleCellAddress | undefined {
  return value.range?.start;
}

/** Width and height of the array a formula at `address` fills (HyperFormula's `@internal` array mapping). */
export function arrayExtent(hf: HyperFormula, address: SimpleCellAddress): { width: number; height: number } | undefined {
  const vertex = hf.arrayMapping.getArrayByCorner(address);
  return vertex ? { width: vertex.width, height: vertex.height } : undefined;
}

/**
 * The error of the array formula whose area is exactly `range`, when that formula ended in an
 * error; undefined otherwise. HyperFormula's interpreter cannot read such a range as an argument
 * (it does not handle its own errored array there and throws "Unknown array"), so a plugin whose
 * argument evaluation throws reads the error here instead.
 */
export function erroredArrayIn(plugin: FunctionPlugin, range: { start: SimpleCellAddress; end: SimpleCellAddress }): CellError | undefined {
  type ArrayVertex = { width: number; height: number; array: unknown };
  const graph = (plugin as unknown as { dependencyGraph: { arrayMapping: { getArrayByCorner(at: SimpleCellAddress): ArrayVertex | undefined } } }).dependencyGraph;
  const vertex = graph.arrayMapping.getArrayByCorner(range.start);
  if (!vertex || vertex.width !== range.end.col - range.start.col + 1 || vertex.height !== range.end.row - range.start.row + 1) return undefined;
  const error = (vertex.array as { error?: unknown }).error;
  return error instanceof CellError ? error : undefined;
}

/** The name in HyperFormula's "Named expression X not recognized." message. */
export function unknownNameIn(message: string): string | undefined {
  return /^Named expression (.+) not recognized\.?$/.exec(message)?.[1];
}

/** The function in HyperFormula's "Function name X not recognized." message. */
export function unknownFunctionIn(message: string): string | undefined {
  return /^Function name (.+) not recognized\.?$/.exec(message)?.[1];
}

/**
 * Functions HyperFormula evaluates but does not list in `getRegisteredFunctionNames()`: its
 * parser turns `OFFSET` with constant arguments into a reference (and refuses other OFFSETs
 * with a parsing error).
 */
export const PARSER_FUNCTIONS: readonly string[] = ["OFFSET"];

/**
 * Gives a plugin class a method under a computed name. HyperFormula looks a function's `method`
 * up as an own property of the plugin's prototype.
 */
export function definePluginMethod(plugin: typeof FunctionPlugin, name: string, method: (...args: never[]) => unknown): void {
  Object.defineProperty(plugin.prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
}

/** The sheet ids `buildFromSheets` gives (hosted.ts, which the direct path loads without HyperFormula). */
export { sheetIdsOf } from "./hosted";

/** The plugin class HyperFormula uses for a built-in function, and that function's method name. */
export function builtInFunction(id: string): { plugin: typeof FunctionPlugin; method: string } | undefined {
  const plugin = HyperFormula.getFunctionPlugin(id) as (typeof FunctionPlugin & { implementedFunctions: Record<string, { method: string }> }) | undefined;
  const method = plugin?.implementedFunctions[id]?.method;
  return plugin && method ? { plugin, method } : undefined;
}

/**
 * The conditional aggregations (SUMIF, COUNTIF, AVERAGEIF, SUMIFS, COUNTIFS) with a criterion
 * taken from an empty cell read as the number 0, as Excel reads it: `COUNTIF(A1:A9, B1)` with
 * B1 empty counts the zeros, not the blanks (HyperFormula refuses the criterion with #VALUE!).
 * A subclass of HyperFormula's own plugin: every criterion passes through its
 * `computeConditionalAggregationFunction(values, [range, criterion, …], …)`.
 */
let blankCriterionPlugin: typeof FunctionPlugin | undefined;

export function blankCriterionAsZeroPlugin(emptyValue: symbol): typeof FunctionPlugin {
  blankCriterionPlugin ??= criterionPlugin(emptyValue);
  return blankCriterionPlugin;
}

function criterionPlugin(emptyValue: symbol): typeof FunctionPlugin {
  const ids = ["SUMIF", "SUMIFS", "COUNTIF", "COUNTIFS", "AVERAGEIF"];
  const base = builtInFunction("SUMIF")!.plugin as unknown as new (...args: never[]) => {
    computeConditionalAggregationFunction(values: unknown, conditions: unknown[], ...rest: unknown[]): unknown;
  };
  class BlankCriterionAsZero extends base {
    computeConditionalAggregationFunction(values: unknown, conditions: unknown[], ...rest: unknown[]): unknown {
      const fixed = conditions.map((value, i) => (i % 2 === 1 && value === emptyValue ? 0 : value));
      return super.computeConditionalAggregationFunction(values, fixed, ...rest);
    }
  }
  const plugin = BlankCriterionAsZero as unknown as typeof FunctionPlugin & { implementedFunctions: Record<string, { method: string }> };
  const parent = base as unknown as { implementedFunctions: Record<string, { method: string }> };
  plugin.implementedFunctions = {};
  (plugin as unknown as { aliases: Record<string, string> }).aliases = {};
  for (const id of ids) {
    const metadata = parent.implementedFunctions[id];
    plugin.implementedFunctions[id] = metadata;
    const inherited = (base.prototype as unknown as Record<string, (...args: unknown[]) => unknown>)[metadata.method];
    definePluginMethod(plugin, metadata.method, function (this: unknown, ...args: never[]) {
      return inherited.apply(this, args);
    });
  }
  return plugin;
}
