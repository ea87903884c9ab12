/**
 * MPS.* against what planners do today (issue 7, item 5): the same portfolio planned in two
 * workbooks, both recalculated by the headless workbook engine (HyperFormula with the MPS
 * functions registered by src/recalc/plugin.ts, configured like Excel by src/recalc/evaluate.ts).
 *
 * - "MPS.TABLE": per item, the inputs and one `=MPS.TABLE(…)` that spills the whole record.
 * - "native": the usual template with native formulas only, one row per step and one formula
 *   per period: demand `IF(period<=DTF, orders, MAX(forecast, orders))`, FOQ lots
 *   `IF(PAB−demand<SS, ROUNDUP((SS−PAB+demand)/lot,0)×lot, 0)`, PAB, and discrete ATP through a
 *   look-up of the next MPS period (`INDEX` into cumulative orders), netted right to left.
 *
 * Settings both sides agree on: window 0/0 (MAX of forecast and orders is demand), demand time
 * fence 0, no receipts, discrete ATP. The bench checks demand, MPS, PAB and ATP cell by cell.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { columnName } from "../src/recalc/address";
import { excelConfig } from "../src/recalc/evaluate";
import { registerMpsFunctions } from "../src/recalc/plugin";
import { DEFAULT_SETTINGS, type MpsSettings } from "../src/shared/settings";
import { makePortfolio, type Item, type Portfolio } from "./data";
import { mapStats, ratios, sideBySide, stats, type Stats } from "./measure";

/** What the native template can express: no consumption window, discrete ATP. */
export const WORKBOOK_SETTINGS: MpsSettings = { ...DEFAULT_SETTINGS, backward: 0, forward: 0, atpMethod: "discrete" };

export const SHEET = "Plan";
/** Column of period 1 (B); periods run to the right. */
export const FIRST = 1;

const col = (period: number) => columnName(FIRST + period); // period is 0-based
const lastCol = (n: number) => col(n - 1);
const cell = (period: number, row: number) => `${col(period)}${row + 1}`; // row is 0-based
const line = (row: number, n: number) => `${col(0)}${row + 1}:${lastCol(n)}${row + 1}`;
const fixed = (column: string, row: number) => `$${column}$${row + 1}`;

/** Header row of an item block: name, on hand, safety stock, lot size, demand time fence. */
function header(i: number, item: Item): RawCellContent[] {
  return [`'Item ${i + 1}`, "'On hand", item.onHand, "'Safety stock", item.safetyStock, "'Lot size", item.lotSize, "'DTF", 0];
}
const ON_HAND = "C";
const SAFETY = "E";
const LOT = "G";
const DTF = "I";

function values(label: string, row: Float64Array): RawCellContent[] {
  // Planners leave a period without orders empty.
  return [`'${label}`, ...Array.from(row, (v) => (v === 0 ? null : v))];
}

/** Rows of the MPS.TABLE block: header, forecast, orders, then the spilled record. */
export const TABLE_BLOCK = 14;
export const TABLE_OUT = 3;

export function tableSheet(portfolio: Portfolio): RawCellContent[][] {
  const n = portfolio.periods;
  const grid: RawCellContent[][] = [];
  portfolio.items.forEach((item, i) => {
    const top = i * TABLE_BLOCK;
    grid[top] = header(i, item);
    grid[top + 1] = values("Forecast", item.forecast);
    grid[top + 2] = values("Orders", item.orders);
    const h = top;
    grid[top + TABLE_OUT] = [
      `=MPS.TABLE(${line(top + 1, n)},${line(top + 2, n)},${ON_HAND}${h + 1},${SAFETY}${h + 1},"FOQ",${LOT}${h + 1})`,
    ];
    for (let r = top + TABLE_OUT + 1; r < top + TABLE_BLOCK; r++) grid[r] = [];
  });
  return grid;
}

/** Rows of a native block, in order. */
export const NATIVE = { header: 0, period: 1, forecast: 2, orders: 3, demand: 4, mps: 5, pab: 6, cum: 7, next: 8, raw: 9, carry: 10, atp: 11 };
export const NATIVE_BLOCK = 13;

export function nativeSheet(portfolio: Portfolio): RawCellContent[][] {
  const n = portfolio.periods;
  const grid: RawCellContent[][] = [];
  portfolio.items.forEach((item, i) => {
    const top = i * NATIVE_BLOCK;
    const r = (name: keyof typeof NATIVE) => top + NATIVE[name];
    const at = (name: keyof typeof NATIVE, t: number) => cell(t, r(name));
    const onHand = fixed(ON_HAND, top);
    const safety = fixed(SAFETY, top);
    const lot = fixed(LOT, top);
    const dtf = fixed(DTF, top);
    const row = (label: string, formula: (t: number) => string): RawCellContent[] => [`'${label}`, ...Array.from({ length: n }, (_, t) => formula(t))];
    const previousPab = (t: number) => (t === 0 ? onHand : at("pab", t - 1));
    // Period 1 always starts a block; later periods when they have an MPS.
    const ifBlock = (t: number, then: string, otherwise: string) => (t === 0 ? `=${then}` : `=IF(${at("mps", t)}>0,${then},${otherwise})`);
    grid[r("header")] = header(i, item);
    grid[r("period")] = ["'Period", ...Array.from({ length: n }, (_, t) => t + 1)];
    grid[r("forecast")] = values("Forecast", item.forecast);
    grid[r("orders")] = values("Orders", item.orders);
    grid[r("demand")] = row("Demand", (t) => `=IF(${at("period", t)}<=${dtf},${at("orders", t)},MAX(${at("forecast", t)},${at("orders", t)}))`);
    grid[r("mps")] = row(
      "MPS",
      (t) =>
        `=IF(${previousPab(t)}-${at("demand", t)}<${safety},ROUNDUP((${safety}-${previousPab(t)}+${at("demand", t)})/${lot},0)*${lot},0)`,
    );
    grid[r("pab")] = row("PAB", (t) => `=${previousPab(t)}+${at("mps", t)}-${at("demand", t)}`);
    grid[r("cum")] = row("Cumulative orders", (t) => (t === 0 ? `=${at("orders", 0)}` : `=${at("cum", t - 1)}+${at("orders", t)}`));
    // Last period of each ATP block: the period before the next MPS, found right to left.
    grid[r("next")] = row("Block ends", (t) => (t === n - 1 ? `=${n}` : `=IF(${at("mps", t + 1)}>0,${at("period", t)},${at("next", t + 1)})`));
    const cumRange = `$${col(0)}$${r("cum") + 1}:$${lastCol(n)}$${r("cum") + 1}`;
    grid[r("raw")] = row("ATP before netting", (t) => {
      const before = t === 0 ? "0" : at("cum", t - 1);
      const supply = t === 0 ? `${onHand}+${at("mps", 0)}` : at("mps", t);
      return ifBlock(t, `${supply}-(INDEX(${cumRange},1,${at("next", t)})-${before})`, "0");
    });
    // A shortfall of a later block is taken from the nearest earlier block, carried right to left.
    const carryIn = (t: number) => (t === n - 1 ? "0" : at("carry", t + 1));
    grid[r("carry")] = row("Shortfall carried", (t) => ifBlock(t, `MIN(0,${at("raw", t)}+${carryIn(t)})`, carryIn(t)));
    grid[r("atp")] = row("ATP", (t) => ifBlock(t, `MAX(0,${at("raw", t)}+${carryIn(t)})`, "0"));
    grid[top + NATIVE_BLOCK - 1] = [];
  });
  return grid;
}

export function countFormulas(grid: RawCellContent[][]): number {
  let count = 0;
  for (const row of grid) for (const c of row ?? []) if (typeof c === "string" && c.startsWith("=")) count++;
  return count;
}

function load(grid: RawCellContent[][]): HyperFormula {
  registerMpsFunctions();
  return HyperFormula.buildFromSheets({ [SHEET]: grid }, excelConfig({ settings: WORKBOOK_SETTINGS, names: new Map() }));
}

/** Rows both workbooks show, by MPS.TABLE label → native row. */
export const COMPARED: ReadonlyArray<[label: string, native: keyof typeof NATIVE]> = [
  ["Demand", "demand"],
  ["MPS", "mps"],
  ["PAB", "pab"],
  ["ATP", "atp"],
];
const TABLE_LABELS = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP"];

/** Cells where the two workbooks disagree (at most `limit` listed), and how many were compared. */
function compare(table: HyperFormula, native: HyperFormula, portfolio: Portfolio, limit = 5): { compared: number; differences: string[] } {
  const t = table.getSheetValues(0);
  const v = native.getSheetValues(0);
  const differences: string[] = [];
  let compared = 0;
  portfolio.items.forEach((_, i) => {
    for (const [label, name] of COMPARED) {
      const tableRow = t[i * TABLE_BLOCK + TABLE_OUT + TABLE_LABELS.indexOf(label)];
      const nativeRow = v[i * NATIVE_BLOCK + NATIVE[name]];
      if (tableRow?.[0] !== label) {
        differences.push(`item ${i + 1}: MPS.TABLE row "${label}" not found (got ${String(tableRow?.[0])})`);
        continue;
      }
      for (let p = 1; p <= portfolio.periods; p++) {
        compared++;
        const a = tableRow[p];
        const b = nativeRow[p];
        if (typeof a !== "number" || typeof b !== "number" || Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
          if (differences.length < limit) differences.push(`item ${i + 1} ${label} period ${p}: MPS.TABLE ${String(a)}, native ${String(b)}`);
          else if (differences.length === limit) differences.push("…");
        }
      }
    }
  });
  return { compared, differences };
}

export interface WorkbookResult {
  items: number;
  periods: number;
  /** Formula cells in each workbook. */
  formulas: { table: number; native: number };
  /** native ÷ MPS.TABLE. */
  formulaRatio: number;
  /** Cells compared and the differences found (empty when both agree). */
  check: { compared: number; differences: string[] };
  /** Items edited one at a time per round of the edit measurement. */
  edits: number;
  /** Milliseconds to load the workbook: parse and compute every formula once (what the headless recalculation does). */
  loadMs: { table: Stats; native: Stats };
  /** Milliseconds per edit of one item's first forecast, recalculated at once (a planner typing). */
  editMs: { table: Stats; native: Stats };
  /** Milliseconds to recalculate after every item's first forecast changes in one batch. */
  batchMs: { table: Stats; native: Stats };
  /** native ÷ MPS.TABLE, round by round. */
  loadRatio: Stats;
  editRatio: Stats;
  batchRatio: Stats;
}

/**
 * Builds both workbooks in memory, checks they agree, then times loads and recalculations side by side.
 * @param items items in the portfolio
 * @param periods weeks
 * @param seed data seed
 * @param rounds measured rounds of full loads, single edits and batch edits
 */
export function workbooks(
  items: number,
  periods: number,
  seed: number,
  rounds: { loads: number; recalcs: number; batches: number; edits: number },
): WorkbookResult {
  const { loads, recalcs, batches } = rounds;
  const edits = Math.min(rounds.edits, items);
  const perEdit = (ms: number) => ms / edits;
  const portfolio = makePortfolio(items, periods, seed);
  const tableGrid = tableSheet(portfolio);
  const nativeGrid = nativeSheet(portfolio);

  const loadSamples = sideBySide(
    {
      table: () => {
        load(tableGrid).destroy();
        return 0;
      },
      native: () => {
        load(nativeGrid).destroy();
        return 0;
      },
    },
    { warmup: 1, rounds: loads },
  );

  const table = load(tableGrid);
  const native = load(nativeGrid);
  try {
    const check = compare(table, native, portfolio);
    /** Moves one item's first forecast by ±1: every formula of the item depends on it. */
    const setFirstForecast = (hf: HyperFormula, block: number, forecastRow: number, i: number, delta: number) =>
      hf.setCellContents({ sheet: 0, row: i * block + forecastRow, col: FIRST }, portfolio.items[i].forecast[0] + delta);
    /** One round: `edits` items edited one at a time, each a recalculation of its own. */
    const oneAtATime = (hf: HyperFormula, block: number, forecastRow: number) => {
      let round = 0;
      return () => {
        const delta = round++ % 2 === 0 ? 1 : 0;
        for (let k = 0; k < edits; k++) setFirstForecast(hf, block, forecastRow, Math.floor((k * items) / edits), delta);
        return 0;
      };
    };
    /** One round: every item edited in one batch, recalculated once. */
    const allAtOnce = (hf: HyperFormula, block: number, forecastRow: number) => {
      let round = 0;
      return () => {
        const delta = round++ % 2 === 0 ? 1 : 0;
        hf.batch(() => portfolio.items.forEach((_, i) => setFirstForecast(hf, block, forecastRow, i, delta)));
        return 0;
      };
    };
    const editSamples = sideBySide(
      { table: oneAtATime(table, TABLE_BLOCK, 1), native: oneAtATime(native, NATIVE_BLOCK, NATIVE.forecast) },
      { warmup: 2, rounds: recalcs },
    );
    const batchSamples = sideBySide(
      { table: allAtOnce(table, TABLE_BLOCK, 1), native: allAtOnce(native, NATIVE_BLOCK, NATIVE.forecast) },
      { warmup: 1, rounds: batches },
    );
    const formulas = { table: countFormulas(tableGrid), native: countFormulas(nativeGrid) };
    return {
      items,
      periods,
      formulas,
      formulaRatio: formulas.native / formulas.table,
      check,
      edits,
      loadMs: { table: stats(loadSamples.table), native: stats(loadSamples.native) },
      editMs: { table: mapStats(stats(editSamples.table), perEdit), native: mapStats(stats(editSamples.native), perEdit) },
      batchMs: { table: stats(batchSamples.table), native: stats(batchSamples.native) },
      loadRatio: stats(ratios(loadSamples, "native", "table")),
      editRatio: stats(ratios(editSamples, "native", "table")),
      batchRatio: stats(ratios(batchSamples, "native", "table")),
    };
  } finally {
    table.destroy();
    native.destroy();
  }
}
