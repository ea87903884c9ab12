/**
 * Evaluates a workbook's contents with HyperFormula and the MPS functions, and collects what a
 * planner sees: the value of every formula cell and of every cell a formula spills into.
 *
 * A formula that cannot be evaluated as Excel would — an unknown function or name, a formula
 * HyperFormula cannot read, a circular reference, a case Excel computes differently — is
 * **refused for that cell only**: it keeps the value Excel cached in the file (or none), is listed
 * with the reason, and everything else is evaluated. Formulas that depend on a refused cell are
 * computed from that cached value, as Excel would show them, and are listed under it.
 *
 * HyperFormula is built once with `buildFromSheets` (linear: nothing exports a change list) at
 * Excel's grid size. When a pass finds a refusal HyperFormula could not know before evaluating
 * (a circular reference, an unknown name), the workbook is built again with that cell holding its
 * cached value, so its dependents see what Excel showed; at most a few passes.
 *
 * `mps-recalc` comes here only for a workbook the direct path (direct.ts) does not take:
 * `evaluateWorkbook` in recalc.ts is where that is chosen.
 */
import { CellType, DetailedCellError, EmptyValue, ErrorType, HyperFormula, type ConfigParams, type RawCellContent, type SimpleCellAddress } from "hyperformula";
import type { MpsSettings } from "../shared/settings";
import { a1, boxText, cellKey, MAX_COLUMNS, MAX_ROWS, type CellAt, type CellBox } from "./address";
import { byPlace, type SpillBlock } from "./blocks";
import { ExcelFunctionsPlugin } from "./excelFunctions";
import { calledFunctions, namesIn, renameNames } from "./formula";
import { arrayExtent, blankCriterionAsZeroPlugin, PARSER_FUNCTIONS, unknownNameIn } from "./hfInternals";
import { sheetIdsOfNames } from "./hosted";
import { messages } from "./messages";
import { describe, failure, success, type Outcome } from "./outcome";
import { MPS_FUNCTION_NAMES, registerMpsFunctions, type MpsContext } from "./plugin";
import { rewriteTableReferences, type TableDefinition } from "./tables";
import type { EngineInput, FormulaCell } from "./toSheets";
import type { WorkbookCache } from "./savedCells";

/** A value as the planner sees it; errors as their text, e.g. "#VALUE!". */
export type Shown = number | string | boolean;

export interface ComputedCell extends CellAt {
  sheet: string;
  /** "Plan!B10" */
  key: string;
  value: Shown;
  /** When the value is an error: its type ("VALUE") and the message Excel would show in its tooltip. */
  error?: { type: string; message: string };
  /** Set on formula cells; spilled cells have none. */
  formula?: FormulaCell;
  /** On a formula whose result spills: the cells it fills, itself included. */
  spill?: CellBox;
}

/** A formula cell the headless recalculation does not compute, and why. */
export interface RefusedCell extends CellAt {
  sheet: string;
  /** "Plan!B10" */
  key: string;
  formula: FormulaCell;
  /** The cell and the cause, e.g. "Plan!B10: unknown function FOO." */
  reason: string;
  /** The value Excel cached in the file, which the cell keeps; none when the file has none. */
  cached?: Shown;
  /** Formula cells computed from that cached value (directly or through others), as "Plan!C10". */
  dependents: string[];
}

export interface Evaluation {
  /** In workbook order: sheet by sheet, row by row. Refused cells are not among them. */
  cells: ComputedCell[];
  /** Formula cells not computed, in workbook order. */
  refused: RefusedCell[];
  /**
   * The same cells kept as blocks (blocks.ts), when the direct path evaluated the workbook:
   * `cells` is then made from them when first read, and the reports walk the blocks.
   */
  blocks?: readonly SpillBlock[];
}

/** What the file holds besides the cells HyperFormula reads. */
export interface EvaluateOptions {
  /** Values Excel cached, spill areas it recorded and hidden rows (the opened workbook). */
  cache?: WorkbookCache;
  /** The package's tables, for structured references (`Table1[Qty]`). */
  tables?: readonly TableDefinition[];
  /**
   * The cells as typed, by sheet name, when `input.sheets` holds only some of them (beside.ts):
   * an MPS call sizes its result from an option kept in a cell as typed there.
   */
  typed?: Record<string, RawCellContent[][]>;
}

/** `TRUE` and `FALSE` written bare (`VLOOKUP(…, 2, FALSE)`): HyperFormula reads them as names. */
const BOOLEAN_NAMES = [
  { name: "TRUE", expression: "=TRUE()" },
  { name: "FALSE", expression: "=FALSE()" },
];

/**
 * HyperFormula configured to behave like Excel (en-US), per its compatibility guide; in the
 * 1904 date system (Mac workbooks) serial 0 is 1 Jan 1904 and there is no 29 Feb 1900. Built-in
 * functions HyperFormula computes differently from Excel are replaced (excelFunctions.ts).
 */
export function excelConfig(context: MpsContext, date1904 = false): Partial<ConfigParams> {
  registerMpsFunctions();
  return {
    licenseKey: "gpl-v3",
    context,
    dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY/MM/DD"],
    accentSensitive: true,
    localeLang: "en-US",
    useArrayArithmetic: true,
    ignoreWhiteSpace: "any",
    evaluateNullToZero: true,
    leapYear1900: !date1904,
    nullDate: date1904 ? { year: 1904, month: 1, day: 1 } : { year: 1899, month: 12, day: 31 },
    // Full double precision, as Excel stores values in the file (it rounds only what it displays)
    // and as the custom functions return them.
    smartRounding: false,
    maxRows: MAX_ROWS,
    maxColumns: MAX_COLUMNS,
    functionPlugins: [...HyperFormula.getAllFunctionPlugins(), blankCriterionAsZeroPlugin(EmptyValue), ExcelFunctionsPlugin],
  };
}

/** Why a function nobody implements cannot be evaluated (ANCHORARRAY: Excel's spill reference). */
function notImplemented(cell: string, name: string): string {
  const upper = name.toUpperCase();
  if (upper === "ANCHORARRAY") return messages.spillReference(cell);
  if (upper.startsWith("MPS.")) return messages.unknownMpsFunction(cell, name, MPS_FUNCTION_NAMES);
  return messages.unknownFunction(cell, name);
}

/** Every function HyperFormula and the plugins evaluate, upper case. */
function knownFunctions(): Set<string> {
  registerMpsFunctions();
  return new Set([...HyperFormula.getRegisteredFunctionNames("enGB"), ...PARSER_FUNCTIONS].map((n) => n.toUpperCase()));
}

/** A formula as HyperFormula gets it, or why the cell is refused before evaluating. */
interface Prepared {
  formula: FormulaCell;
  key: string;
  /** The formula for HyperFormula: structured references replaced by ranges. */
  engineFormula: string;
  refusal?: string;
}

/** A name HyperFormula could not be given, and why. */
type DroppedNames = Map<string, string>;

function prepareFormulas(input: EngineInput, tables: readonly TableDefinition[], dropped: DroppedNames, renames: ReadonlyMap<string, string>): Prepared[] {
  const known = knownFunctions();
  return input.formulas.map((formula) => {
    const key = cellKey(formula.sheet, formula);
    const rewritten = rewriteTableReferences(formula.engineFormula, tables, formula);
    if ("problem" in rewritten) return { formula, key, engineFormula: formula.engineFormula, refusal: messages.tableReference(key, rewritten.problem) };
    const engineFormula = renameNames(rewritten.formula, renames);
    const unknown = [...new Set(calledFunctions(engineFormula).filter((name) => name.toUpperCase() === "ANCHORARRAY" || !known.has(name.toUpperCase())))];
    if (unknown.length > 0) return { formula, key, engineFormula, refusal: unknown.map((name) => notImplemented(key, name)).join(" ") };
    const name = namesIn(rewritten.formula).find((n) => dropped.has(n.toLowerCase()));
    if (name !== undefined) return { formula, key, engineFormula, refusal: messages.unusableName(key, name, dropped.get(name.toLowerCase())!) };
    return { formula, key, engineFormula };
  });
}

/** Why HyperFormula cannot hold a defined name. */
function whyNameIsDropped(expression: string): string {
  const body = expression.slice(1);
  if (/\[\d+\]/.test(body)) return "it refers to another workbook";
  if (/^[^(]*,/.test(body) || /^\(.*,.*\)$/.test(body)) return "it is a union of ranges";
  return `HyperFormula cannot read ${body}`;
}

/** A name Excel allows but HyperFormula does not (`Week12`, `Tax?`, `\\Rate`) gets a spelling it takes. */
const ALIAS_PREFIX = "_MPS_NAME_";

/**
 * The names given to HyperFormula (with sheet ids as `buildFromSheets` gives them), the names it
 * takes only under another spelling (`renames`, by lower-case name), and those it cannot hold,
 * found on an empty instance with the same sheets.
 */
function namedExpressions(input: EngineInput, ids: ReadonlyMap<string, number>, config: Partial<ConfigParams>, tables: readonly TableDefinition[]) {
  const probe = HyperFormula.buildEmpty(config);
  const dropped: DroppedNames = new Map();
  const renames = new Map<string, string>();
  const given: { name: string; expression: string; scope?: number }[] = [...BOOLEAN_NAMES];
  try {
    for (const name of ids.keys()) probe.addSheet(name);
    for (const { name } of input.names) {
      const lower = name.toLowerCase();
      if (!renames.has(lower) && !probe.isItPossibleToAddNamedExpression(name, "=0")) renames.set(lower, `${ALIAS_PREFIX}${renames.size + 1}`);
    }
    for (const named of input.names) {
      const scope = named.scope === undefined ? undefined : ids.get(input.sheetNames[named.scope]);
      const name = renames.get(named.name.toLowerCase()) ?? named.name;
      const rewritten = rewriteTableReferences(named.expression, tables);
      const expression = "formula" in rewritten ? renameNames(rewritten.formula, renames) : "";
      if ("problem" in rewritten) {
        dropped.set(named.name.toLowerCase(), rewritten.problem);
      } else if (probe.validateFormula(expression) && probe.isItPossibleToAddNamedExpression(name, expression, scope)) {
        probe.addNamedExpression(name, expression, scope);
        given.push({ name, expression, scope });
      } else if (!given.some((g) => g.name.toLowerCase() === name.toLowerCase())) {
        dropped.set(named.name.toLowerCase(), whyNameIsDropped(expression));
      }
    }
  } finally {
    probe.destroy();
  }
  return { given, dropped, renames };
}

/** A refusal found while evaluating. */
interface Refusal {
  reason: string;
}

/** The cells HyperFormula gets: the workbook's, with refused formulas holding their cached values. */
function sheetsFor(input: EngineInput, prepared: readonly Prepared[], refused: ReadonlyMap<string, Refusal>, cache: WorkbookCache | undefined) {
  const sheets: Record<string, RawCellContent[][]> = {};
  const copied = new Set<RawCellContent[]>();
  for (const name of input.sheetNames) sheets[name] = input.sheets[name].slice();
  const put = (sheet: string, row: number, col: number, content: RawCellContent | undefined) => {
    const grid = sheets[sheet];
    let line = grid[row] ?? [];
    if (!copied.has(line)) {
      line = line.slice();
      copied.add(line);
      grid[row] = line;
    }
    line[col] = content ?? null;
  };
  for (const { formula, key, engineFormula } of prepared) {
    if (!refused.has(key)) {
      if (engineFormula !== formula.engineFormula) put(formula.sheet, formula.row, formula.col, engineFormula);
      continue;
    }
    put(formula.sheet, formula.row, formula.col, cache?.value(formula.sheet, formula.row, formula.col));
    // A refused dynamic array keeps what it spilled when Excel saved it.
    const box = cache?.spill(formula.sheet, formula.row, formula.col);
    if (!box) continue;
    for (let row = box.top; row <= box.bottom; row++) {
      for (let col = box.left; col <= box.right; col++) {
        if (row === formula.row && col === formula.col) continue;
        const current = sheets[formula.sheet][row]?.[col];
        if (current === null || current === undefined) put(formula.sheet, row, col, cache?.value(formula.sheet, row, col));
      }
    }
  }
  return sheets;
}

/** Excel's error values HyperFormula does not have: a constant cell holding one is text to it. */
const EXCEL_ONLY_ERRORS = /^#(?:NULL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!|EXTERNAL!|PYTHON!|TIMEOUT!)$/;

/** Constant cells holding an error HyperFormula does not have (`#NULL!`), as sheet name and cell. */
function excelOnlyErrorCells(input: EngineInput): { sheet: string; row: number; col: number; code: string }[] {
  const found: { sheet: string; row: number; col: number; code: string }[] = [];
  for (const sheet of input.sheetNames) {
    input.sheets[sheet].forEach((line, row) =>
      line?.forEach((content, col) => {
        if (typeof content === "string" && EXCEL_ONLY_ERRORS.test(content)) found.push({ sheet, row, col, code: content });
      }),
    );
  }
  return found;
}

const HYPERFORMULA_ONLY: ReadonlySet<string> = new Set([ErrorType.CYCLE, ErrorType.ERROR, ErrorType.LIC]);

/** The first line of a HyperFormula message (parse errors list every token they expected). */
const firstLine = (message: string) => message.split("\n")[0].trim();

/** Why a formula cell's own error makes it a refusal, if it does. */
function ownProblem(hf: HyperFormula, item: Prepared, value: DetailedCellError, address: SimpleCellAddress, final: boolean): string | "cycle" | undefined {
  const { key, formula } = item;
  if (value.type === ErrorType.CYCLE) {
    const own = value.address === hf.simpleCellAddressToString(address, { includeSheetName: true });
    return own || final ? "cycle" : undefined;
  }
  if (value.type === ErrorType.ERROR && !hf.validateFormula(item.engineFormula)) {
    const detail = firstLine(value.message);
    if (/OFFSET/.test(detail)) return messages.dynamicOffset(key);
    const why = detail.replace(/^Parsing error\.\s*/, "");
    return messages.unparsable(key, `=${formula.formula}`, why === "" || /^Expecting/.test(why) ? "a syntax HyperFormula does not read" : why);
  }
  if (value.type === ErrorType.NAME) {
    const name = unknownNameIn(value.message);
    if (name !== undefined && namesIn(item.engineFormula).some((n) => n.toLowerCase() === name.toLowerCase())) {
      return messages.undefinedName(key, name);
    }
  }
  if (final && HYPERFORMULA_ONLY.has(value.type)) return messages.engineOnlyError(key, value.value, firstLine(value.message));
  return undefined;
}

function shown(value: unknown): Shown {
  if (value instanceof DetailedCellError) return value.value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return 0;
}

function errorOf(value: unknown): ComputedCell["error"] {
  return value instanceof DetailedCellError ? { type: value.type, message: value.message } : undefined;
}

/** The cells an array formula fills, from HyperFormula's own record of it. */
function arrayBox(hf: HyperFormula, address: SimpleCellAddress): CellBox | undefined {
  const extent = arrayExtent(hf, address);
  if (!extent || (extent.width <= 1 && extent.height <= 1)) return undefined;
  return { top: address.row, left: address.col, bottom: address.row + extent.height - 1, right: address.col + extent.width - 1 };
}

/** How many graph nodes listing dependents may visit in one evaluation, so that many refusals stay linear. */
const DEPENDENTS_BUDGET = 250_000;

/**
 * Formula cells that depend on `start` (HyperFormula's dependency graph), through ranges and, unless
 * `direct`, through other formula cells; stops when `budget.left` runs out.
 */
function dependentsOf(
  hf: HyperFormula,
  start: SimpleCellAddress,
  isFormula: (address: SimpleCellAddress) => boolean,
  direct = false,
  budget = { left: DEPENDENTS_BUDGET },
): SimpleCellAddress[] {
  const seen = new Set<string>();
  const found: SimpleCellAddress[] = [];
  const queue: Parameters<HyperFormula["getCellDependents"]>[0][] = [start];
  while (queue.length > 0 && budget.left-- > 0) {
    for (const next of hf.getCellDependents(queue.pop()!)) {
      const id = "start" in next ? `${next.start.sheet}:${next.start.row}:${next.start.col}:${next.end.row}:${next.end.col}` : `${next.sheet}:${next.row}:${next.col}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const formula = !("start" in next) && isFormula(next);
      if (formula) found.push(next);
      if (!formula || !direct) queue.push(next);
    }
  }
  return found;
}

const MAX_PASSES = 4;

/**
 * Evaluates every sheet.
 * @returns every formula cell and spilled cell with its value, and the refused formula cells;
 *   a failure only when HyperFormula itself cannot be built
 */
export function evaluate(input: EngineInput, settings: MpsSettings, options: EvaluateOptions = {}): Outcome<Evaluation> {
  const { cache, tables = [], typed = input.sheets } = options;
  const ids = sheetIdsOfNames(input.sheetNames);
  const nameOf = new Map([...ids].map(([name, id]) => [id, name]));
  const shapes = new Map<string, { rows: number; columns: number }>();
  for (const { name, rows, columns } of input.names) {
    if (rows !== undefined && columns !== undefined && !shapes.has(name.toLowerCase())) shapes.set(name.toLowerCase(), { rows, columns });
  }
  const subtotalCells = new Set<string>();
  for (const formula of input.formulas) {
    if (calledFunctions(formula.engineFormula).some((n) => /^(SUBTOTAL|AGGREGATE)$/i.test(n))) subtotalCells.add(cellKey(formula.sheet, formula));
  }
  let runtime = new Map<string, Refusal>();
  const context: MpsContext = {
    settings,
    names: shapes,
    spillSizes: new Map(),
    typed: (sheet, row, col) => typed[nameOf.get(sheet) ?? ""]?.[row]?.[col],
    excel: {
      date1904: input.date1904,
      isSubtotal: (sheet, row, col) => subtotalCells.has(cellKey(nameOf.get(sheet) ?? "", { row, col })),
      isHiddenRow: (sheet, row) => cache?.isHiddenRow(nameOf.get(sheet) ?? "", row) ?? false,
      refuse: (sheet, row, col, reason) => {
        const key = cellKey(nameOf.get(sheet) ?? "", { row, col });
        if (!runtime.has(key)) runtime.set(key, { reason: `${key}: ${reason}.` });
      },
    },
  };
  const config = excelConfig(context, input.date1904);
  const refused = new Map<string, Refusal>();
  let prepared: Prepared[];
  let given: ReturnType<typeof namedExpressions>["given"];
  try {
    const names = namedExpressions(input, ids, config, tables);
    given = names.given;
    prepared = prepareFormulas(input, tables, names.dropped, names.renames);
    for (const [name, alias] of names.renames) if (shapes.has(name)) shapes.set(alias.toLowerCase(), shapes.get(name)!);
  } catch (error) {
    return failure(messages.unexpected(describe(error)));
  }
  for (const item of prepared) if (item.refusal) refused.set(item.key, { reason: item.refusal });
  const excelOnly = excelOnlyErrorCells(input);
  const formulaKeys = new Set(prepared.map((p) => p.key));

  for (let pass = 1; ; pass++) {
    const final = pass === MAX_PASSES;
    runtime = new Map();
    let hf: HyperFormula;
    try {
      hf = HyperFormula.buildFromSheets(sheetsFor(input, prepared, refused, cache), config, given);
    } catch (error) {
      return failure(messages.unexpected(describe(error)));
    }
    try {
      const found = new Map<string, Refusal>(runtime);
      const cycle: string[] = [];
      for (const item of prepared) {
        if (refused.has(item.key) || found.has(item.key)) continue;
        const address = { sheet: ids.get(item.formula.sheet)!, row: item.formula.row, col: item.formula.col };
        const value = hf.getCellValue(address);
        if (!(value instanceof DetailedCellError)) continue;
        const problem = ownProblem(hf, item, value, address, final);
        if (problem === "cycle") cycle.push(item.key);
        else if (problem !== undefined) found.set(item.key, { reason: problem });
      }
      for (const key of cycle) found.set(key, { reason: `${key}: ${messages.circular(cycle)}` });
      for (const source of pass === 1 ? excelOnly : []) {
        const sourceKey = cellKey(source.sheet, source);
        const start = { sheet: ids.get(source.sheet)!, row: source.row, col: source.col };
        for (const at of dependentsOf(hf, start, (a) => formulaKeys.has(cellKey(nameOf.get(a.sheet) ?? "", a)), true)) {
          const key = cellKey(nameOf.get(at.sheet) ?? "", at);
          if (!refused.has(key) && !found.has(key)) found.set(key, { reason: messages.excelOnlyError(key, sourceKey, source.code) });
        }
      }
      if (found.size === 0 && !final) {
        // Nothing left to rebuild for: what still shows an error only HyperFormula has is refused as it is.
        for (const item of prepared) {
          if (refused.has(item.key)) continue;
          const address = { sheet: ids.get(item.formula.sheet)!, row: item.formula.row, col: item.formula.col };
          const value = hf.getCellValue(address);
          const problem = value instanceof DetailedCellError && HYPERFORMULA_ONLY.has(value.type) ? ownProblem(hf, item, value, address, true) : undefined;
          if (problem !== undefined && problem !== "cycle") refused.set(item.key, { reason: problem });
        }
      }
      for (const [key, refusal] of found) refused.set(key, refusal);
      if (found.size > 0 && !final) continue;
      return success(collect(hf, input, prepared, refused, ids, cache, context.spillSizes));
    } finally {
      hf.destroy();
    }
  }
}

/** Cells a formula reads: a box of a sheet (a whole column or row reaches the grid's edge). */
export interface ReadBox extends CellBox {
  sheet: string;
}

/**
 * The cells each formula of the workbook reads, from HyperFormula's own parse of them: the
 * formulas are built alone, on empty sheets, and asked for their precedents; a formula that uses
 * a name reads every cell any name refers to. A formula refused before evaluating reads nothing
 * (it keeps its cached value). Taking more cells than a formula needs is harmless; fewer is not.
 * @returns the boxes of each formula of `input.formulas`, in order; undefined when a formula reads
 *   something no box can hold
 */
export function cellsRead(input: EngineInput, settings: MpsSettings, options: EvaluateOptions = {}): ReadBox[][] | undefined {
  const { tables = [] } = options;
  const ids = sheetIdsOfNames(input.sheetNames);
  const config = excelConfig({ settings, names: new Map() }, input.date1904);
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const name of input.sheetNames) sheets[name] = [];
  // One cell per workbook name on a sheet of its own, whose precedents are the name's cells.
  let probe = "Names";
  while (ids.has(probe)) probe += "_";
  let prepared: Prepared[];
  let hf: HyperFormula;
  try {
    const names = namedExpressions(input, ids, config, tables);
    prepared = prepareFormulas(input, tables, names.dropped, names.renames);
    sheets[probe] = names.given.filter((g) => !BOOLEAN_NAMES.includes(g)).map((g) => [g.expression]);
    for (const { formula, engineFormula, refusal } of prepared) {
      if (!refusal) (sheets[formula.sheet][formula.row] ??= [])[formula.col] = engineFormula;
    }
    for (const grid of Object.values(sheets)) for (let row = 0; row < grid.length; row++) grid[row] ??= [];
    hf = HyperFormula.buildFromSheets(sheets, config, names.given);
  } catch {
    // What HyperFormula cannot build, `evaluate` reports when it tries the whole workbook.
    return undefined;
  }
  try {
    const nameOf = new Map([...ids].map(([name, id]) => [id, name]));
    /** The boxes of `address`'s precedents, and whether one is a name; undefined when one is on no sheet of the workbook. */
    const boxesOf = (address: SimpleCellAddress): { boxes: ReadBox[]; usesNames: boolean } | undefined => {
      const boxes: ReadBox[] = [];
      let usesNames = false;
      for (const p of hf.getCellPrecedents(address)) {
        const start = "start" in p ? p.start : p;
        const end = "start" in p ? p.end : p;
        if (start.sheet === -1) {
          usesNames = true;
          continue;
        }
        const sheet = nameOf.get(start.sheet);
        if (sheet === undefined || end.sheet !== start.sheet) return undefined;
        // A whole column or row (A:A, 3:3) ends at infinity on that side: the grid's edge here.
        boxes.push({ sheet, top: start.row, left: start.col, bottom: Math.min(end.row ?? Infinity, MAX_ROWS - 1), right: Math.min(end.col ?? Infinity, MAX_COLUMNS - 1) });
      }
      return { boxes, usesNames };
    };
    let nameBoxes: ReadBox[] | undefined;
    const probeId = hf.getSheetId(probe)!;
    const reads: ReadBox[][] = [];
    for (const { formula, refusal } of prepared) {
      if (refusal) {
        reads.push([]);
        continue;
      }
      const found = boxesOf({ sheet: ids.get(formula.sheet)!, row: formula.row, col: formula.col });
      if (!found) return undefined;
      if (found.usesNames && !nameBoxes) {
        nameBoxes = [];
        for (let row = 0; row < sheets[probe].length; row++) {
          const named = boxesOf({ sheet: probeId, row, col: 0 });
          if (!named) return undefined;
          nameBoxes.push(...named.boxes);
        }
      }
      reads.push(found.usesNames ? [...found.boxes, ...nameBoxes!] : found.boxes);
    }
    return reads;
  } finally {
    hf.destroy();
  }
}

/** The evaluated cells and the refused ones, sheet by sheet, row by row. */
function collect(
  hf: HyperFormula,
  input: EngineInput,
  prepared: readonly Prepared[],
  refused: ReadonlyMap<string, Refusal>,
  ids: ReadonlyMap<string, number>,
  cache: WorkbookCache | undefined,
  spillSizes?: ReadonlyMap<string, { rows: number; columns: number }>,
): Evaluation {
  const cells: ComputedCell[] = [];
  const refusedCells: RefusedCell[] = [];
  const formulaKeys = new Set(prepared.map((p) => p.key));
  const nameOf = new Map([...ids].map(([name, id]) => [id, name]));
  const keyOf = (address: SimpleCellAddress) => cellKey(nameOf.get(address.sheet) ?? "", address);
  const budget = { left: DEPENDENTS_BUDGET };
  for (const { formula, key } of prepared) {
    const address = { sheet: ids.get(formula.sheet)!, row: formula.row, col: formula.col };
    const refuse = (reason: string) => {
      const cached = cache?.value(formula.sheet, formula.row, formula.col);
      const dependents = dependentsOf(hf, address, (at) => formulaKeys.has(keyOf(at)), false, budget)
        .map(keyOf)
        .filter((k) => !refused.has(k));
      refusedCells.push({
        sheet: formula.sheet,
        row: formula.row,
        col: formula.col,
        key,
        formula,
        reason,
        cached: cached === undefined || cached === null ? undefined : shownCached(cached),
        dependents,
      });
    };
    const refusal = refused.get(key);
    if (refusal) {
      refuse(refusal.reason);
      continue;
    }
    const value = hf.getCellValue(address);
    const error = spillError(hf, errorOf(value), address, key, spillSizes);
    // A refused call fills its whole spill area with its one error (addressed to the formula);
    // an error in one cell of a result (a line promise beyond the horizon) has no address.
    const wholeError = error !== undefined && (value as DetailedCellError).address !== undefined;
    const box = wholeError || hf.getCellType(address) !== CellType.ARRAYFORMULA ? undefined : arrayBox(hf, address);
    const anchor: ComputedCell = { sheet: formula.sheet, row: formula.row, col: formula.col, key, value: shown(value), error, formula };
    const first = cells.length;
    cells.push(anchor);
    if (!box) continue;
    let used: CellBox | undefined;
    spill: for (let row = box.top; row <= box.bottom; row++) {
      for (let col = box.left; col <= box.right; col++) {
        if (row === box.top && col === box.left) continue;
        const spilled = hf.getCellValue({ sheet: address.sheet, row, col });
        // Empty cells pad a result that is smaller than its predicted size: Excel would not show them.
        if (spilled === null) continue;
        if (spilled instanceof DetailedCellError && HYPERFORMULA_ONLY.has(spilled.type)) {
          // A spilled error only HyperFormula has: the whole array is refused, never shown.
          cells.length = first;
          used = undefined;
          refuse(messages.engineOnlyError(key, spilled.value, firstLine(spilled.message)));
          break spill;
        }
        cells.push({ sheet: formula.sheet, row, col, key: cellKey(formula.sheet, { row, col }), value: shown(spilled), error: errorOf(spilled) });
        used = used
          ? { top: box.top, left: box.left, bottom: Math.max(used.bottom, row), right: Math.max(used.right, col) }
          : { top: box.top, left: box.left, bottom: row, right: col };
      }
    }
    anchor.spill = used;
  }
  const compare = byPlace(input.sheetNames);
  cells.sort(compare);
  refusedCells.sort(compare);
  return { cells, refused: refusedCells };
}

/**
 * A spill HyperFormula could not place, with the cell in the way, as Excel points at it
 * ("Spill range isn't blank"): known for MPS calls, whose size is asked before evaluation.
 */
function spillError(
  hf: HyperFormula,
  error: ComputedCell["error"],
  address: SimpleCellAddress,
  key: string,
  spillSizes: ReadonlyMap<string, { rows: number; columns: number }> | undefined,
): ComputedCell["error"] {
  if (error?.type !== ErrorType.SPILL) return error;
  const size = spillSizes?.get(`${address.sheet}:${address.row}:${address.col}`);
  if (!size) return error;
  const box = { top: address.row, left: address.col, bottom: address.row + size.rows - 1, right: address.col + size.columns - 1 };
  for (let row = box.top; row <= box.bottom; row++) {
    for (let col = box.left; col <= box.right; col++) {
      if (row === box.top && col === box.left) continue;
      if (hf.isCellEmpty({ sheet: address.sheet, row, col })) continue;
      return { type: error.type, message: messages.spillBlocked(key, boxText(box), size.rows, size.columns, a1({ row, col })) };
    }
  }
  return error;
}

/** A cached raw content as shown: text without its apostrophe. */
function shownCached(content: RawCellContent): Shown {
  if (typeof content === "string") return content.startsWith("'") ? content.slice(1) : content;
  if (typeof content === "number" || typeof content === "boolean") return content;
  return String(content);
}
