/**
 * Engine benchmarks (issue 7, items 1–4): planItem throughput with and without pegging, the
 * memory-traffic floor, scaling over horizon and window, and the MPS.TABLE adapter against the
 * engine alone. Every group of cases that is compared runs side by side in the same rounds.
 */
import { planItem, type ItemInput, type MpsRecord } from "../src/engine";
import { isFunctionError } from "../src/functions/cells";
import { invoke } from "../src/functions/invoke";
import { DEFAULT_SETTINGS, type MpsSettings } from "../src/shared/settings";
import { itemPeriods, makePortfolio, type Portfolio } from "./data";
import { mapStats, ratios, sideBySide, stats, type RoundOptions, type Stats } from "./measure";

/** The planning the issue asks for: window 2/2, MTS demand, FOQ with safety stock, look-ahead ATP. */
export const WINDOW = { backward: 2, forward: 2 };

function inputOf(portfolio: Portfolio, i: number, window = WINDOW, pegging = false): ItemInput {
  const item = portfolio.items[i];
  return {
    forecast: item.forecast,
    orders: item.orders,
    onHand: item.onHand,
    safetyStock: item.safetyStock,
    lotRule: "FOQ",
    lotSize: item.lotSize,
    atpMethod: "lookahead",
    backward: window.backward,
    forward: window.forward,
    pegging,
  };
}

function planned(input: ItemInput): MpsRecord {
  const result = planItem(input);
  if (!result.ok) throw new Error(`benchmark data refused: ${result.error.message}`);
  return result.value;
}

/** Plans every item; returns a checksum so the work cannot be optimised away. */
function planAll(portfolio: Portfolio, window = WINDOW, pegging = false): number {
  let check = 0;
  for (let i = 0; i < portfolio.items.length; i++) {
    const record = planned(inputOf(portfolio, i, window, pegging));
    check += record.mps[record.mps.length - 1] + record.pegging.length;
  }
  return check;
}

/** The Float64Array rows of a record: what planItem writes per period. */
function outputRows(record: MpsRecord): number {
  return Object.values(record).filter((row) => row instanceof Float64Array).length;
}

/** Rows the floor writes; checked against a real record so the floor stays a fair comparison. */
const FLOOR_ROWS = 11;

/**
 * The memory-traffic floor: reads each input row once and writes as many rows as planItem
 * returns, with one add per value, into rows reused from item to item.
 */
function floorAll(portfolio: Portfolio, rows: Float64Array[]): number {
  const [r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10] = rows;
  let check = 0;
  for (const item of portfolio.items) {
    const { forecast, orders } = item;
    const n = forecast.length;
    for (let t = 0; t < n; t++) {
      const f = forecast[t];
      const o = orders[t];
      r0[t] = f;
      r1[t] = o;
      r2[t] = f - o;
      r3[t] = f + o;
      r4[t] = o - f;
      r5[t] = f + 1;
      r6[t] = o + 1;
      r7[t] = f + 2;
      r8[t] = o + 2;
      r9[t] = f + 3;
      r10[t] = o + 3;
    }
    check += r10[n - 1];
  }
  return check;
}

/** The floor with fresh rows per item, as an API that returns new rows must allocate them. */
function floorFreshAll(portfolio: Portfolio): number {
  let check = 0;
  for (const item of portfolio.items) {
    const rows: Float64Array[] = [];
    for (let r = 0; r < FLOOR_ROWS; r++) rows.push(new Float64Array(item.forecast.length));
    check += floorAll({ periods: portfolio.periods, items: [item] }, rows);
  }
  return check;
}

const perSecond = (work: number) => (ms: number) => work / (ms / 1000);
const nsPer = (work: number) => (ms: number) => (ms * 1e6) / work;

export interface ThroughputResult {
  items: number;
  periods: number;
  seed: number;
  /** Item-periods per second. */
  withoutPegging: Stats;
  withPegging: Stats;
  /** Time with pegging ÷ time without, round by round. */
  peggingCost: Stats;
  /** Item-periods per second of the floor loop (reused rows), and of the floor with fresh rows. */
  floor: Stats;
  floorFreshRows: Stats;
  floorRows: number;
  /** planItem time ÷ floor time, round by round. */
  timesFloor: Stats;
  timesFloorFreshRows: Stats;
}

/** Items 1 and 2: 10,000 items × 104 periods through planItem, with and without pegging, and the floor. */
export function throughput(items: number, periods: number, seed: number, rounds: RoundOptions): ThroughputResult {
  const portfolio = makePortfolio(items, periods, seed);
  const rowsWritten = outputRows(planned(inputOf(portfolio, 0)));
  if (rowsWritten !== FLOOR_ROWS) throw new Error(`planItem writes ${rowsWritten} rows; update the floor loop (${FLOOR_ROWS})`);
  const rows = Array.from({ length: FLOOR_ROWS }, () => new Float64Array(periods));
  const samples = sideBySide(
    {
      plan: () => planAll(portfolio),
      pegging: () => planAll(portfolio, WINDOW, true),
      floor: () => floorAll(portfolio, rows),
      floorFresh: () => floorFreshAll(portfolio),
    },
    rounds,
  );
  const rate = perSecond(itemPeriods(portfolio));
  return {
    items,
    periods,
    seed,
    withoutPegging: mapStats(stats(samples.plan), rate),
    withPegging: mapStats(stats(samples.pegging), rate),
    peggingCost: stats(ratios(samples, "pegging", "plan")),
    floor: mapStats(stats(samples.floor), rate),
    floorFreshRows: mapStats(stats(samples.floorFresh), rate),
    floorRows: FLOOR_ROWS,
    timesFloor: stats(ratios(samples, "plan", "floor")),
    timesFloorFreshRows: stats(ratios(samples, "plan", "floorFresh")),
  };
}

export interface ScalingCase {
  label: string;
  periods: number;
  items: number;
  backward: number;
  forward: number;
  /** Nanoseconds per item-period. */
  nsPerItemPeriod: Stats;
}

export interface ScalingResult {
  cases: ScalingCase[];
  /** Slowest ÷ fastest median time per item-period over the horizon cases (window 2/2). */
  sizeSpread: number;
  /** Window 52/52 ÷ window 0/0 (104 periods), round by round. */
  windowRatio: Stats;
  /** Slowest ÷ fastest median over every case. */
  spread: number;
}

/** Item 3: time per item-period over horizons and windows, about `work` item-periods per case. */
export function scaling(work: number, seed: number, rounds: RoundOptions): ScalingResult {
  const specs = [
    { label: "N=13, window 2/2", periods: 13, backward: 2, forward: 2 },
    { label: "N=104, window 2/2", periods: 104, backward: 2, forward: 2 },
    { label: "N=1,000, window 2/2", periods: 1_000, backward: 2, forward: 2 },
    { label: "N=100,000, window 2/2", periods: 100_000, backward: 2, forward: 2 },
    { label: "N=104, window 0/0", periods: 104, backward: 0, forward: 0 },
    { label: "N=104, window 52/52", periods: 104, backward: 52, forward: 52 },
  ];
  const portfolios = new Map<number, Portfolio>();
  for (const spec of specs) {
    if (!portfolios.has(spec.periods)) portfolios.set(spec.periods, makePortfolio(Math.max(1, Math.round(work / spec.periods)), spec.periods, seed));
  }
  const cases = Object.fromEntries(
    specs.map((spec) => {
      const portfolio = portfolios.get(spec.periods) as Portfolio;
      return [spec.label, () => planAll(portfolio, spec)];
    }),
  );
  const samples = sideBySide(cases, rounds);
  const results: ScalingCase[] = specs.map((spec) => {
    const portfolio = portfolios.get(spec.periods) as Portfolio;
    return {
      ...spec,
      items: portfolio.items.length,
      nsPerItemPeriod: mapStats(stats(samples[spec.label]), nsPer(itemPeriods(portfolio))),
    };
  });
  const spreadOf = (list: ScalingCase[]) => {
    const medians = list.map((c) => c.nsPerItemPeriod.median);
    return Math.max(...medians) / Math.min(...medians);
  };
  return {
    cases: results,
    sizeSpread: spreadOf(results.filter((c) => c.backward === 2)),
    windowRatio: stats(ratios(samples, "N=104, window 52/52", "N=104, window 0/0")),
    spread: spreadOf(results),
  };
}

/** A row as Excel hands it to a custom function: 1×N, empty cells as null (web) or "" (desktop). */
function excelRow(values: Float64Array, empty: null | ""): unknown[][] {
  return [Array.from(values, (v) => (v === 0 ? empty : v))];
}

export interface AdapterResult {
  items: number;
  periods: number;
  /** Share of order cells left empty in the Excel-shaped inputs. */
  emptyOrderCells: number;
  /** Nanoseconds per item-period. */
  engine: Stats;
  table: Stats;
  /** MPS.TABLE time ÷ planItem time, round by round. */
  ratio: Stats;
}

/** Item 4: MPS.TABLE through invoke on Excel-shaped ranges vs planItem on typed arrays. */
export function adapter(items: number, periods: number, seed: number, rounds: RoundOptions): AdapterResult {
  const portfolio = makePortfolio(items, periods, seed);
  const settings: MpsSettings = { ...DEFAULT_SETTINGS, ...WINDOW, atpMethod: "lookahead" };
  let empty = 0;
  const calls = portfolio.items.map((item, i) => {
    for (const v of item.orders) if (v === 0) empty++;
    const blank = i % 2 === 0 ? null : "";
    return [excelRow(item.forecast, blank), excelRow(item.orders, blank), item.onHand, item.safetyStock, "FOQ", item.lotSize, null, null];
  });
  // Same plan both ways, checked once before timing.
  for (let i = 0; i < items; i += Math.max(1, Math.floor(items / 50))) {
    const table = invoke("TABLE", calls[i], settings);
    if (isFunctionError(table) || !Array.isArray(table)) throw new Error(`MPS.TABLE refused item ${i}: ${JSON.stringify(table)}`);
    const mpsRow = table.find((row) => row[0] === "MPS") as unknown[];
    const record = planned(inputOf(portfolio, i));
    if (mpsRow.slice(1).some((v, t) => v !== record.mps[t])) throw new Error(`MPS.TABLE and planItem disagree on item ${i}`);
  }
  const samples = sideBySide(
    {
      engine: () => planAll(portfolio),
      table: () => {
        let check = 0;
        for (const call of calls) {
          const table = invoke("TABLE", call, settings);
          check += Array.isArray(table) ? table.length : 0;
        }
        return check;
      },
    },
    rounds,
  );
  const ns = nsPer(itemPeriods(portfolio));
  return {
    items,
    periods,
    emptyOrderCells: empty / itemPeriods(portfolio),
    engine: mapStats(stats(samples.engine), ns),
    table: mapStats(stats(samples.table), ns),
    ratio: stats(ratios(samples, "table", "engine")),
  };
}
