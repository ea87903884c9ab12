/**
 * Engine benchmarks: planItem throughput with and without pegging (issue 7), planItem against
 * the plan's own recurrences in one tight loop (issue 12), scaling over horizon and window, and
 * the MPS.TABLE adapter against the engine alone. Every group of cases that is compared runs
 * side by side in the same rounds.
 */
import { planItem, tableRows, type ItemInput, type MpsRecord } from "../src/engine";
import { isFunctionError, readSeries, type SeriesInput } from "../src/functions/cells";
import { invoke } from "../src/functions/invoke";
import { CellRows } from "../src/functions/results";
import { DEFAULT_SETTINGS, type MpsSettings } from "../src/shared/settings";
import { inputOf, itemPeriods, makePortfolio, WINDOW, type Portfolio } from "./data";

import { flatRecords, flatten, kernelInput, KERNEL_ROWS, planKernel, verifyKernel } from "./kernel";
import { mapStats, ratios, sideBySide, stats, type RoundOptions, type Stats } from "./measure";

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
}

/** 10,000 items × 104 periods through planItem, with and without pegging. */
export function throughput(items: number, periods: number, seed: number, rounds: RoundOptions): ThroughputResult {
  const portfolio = makePortfolio(items, periods, seed);
  const samples = sideBySide(
    {
      plan: () => planAll(portfolio),
      pegging: () => planAll(portfolio, WINDOW, true),
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
  };
}

export interface KernelResult {
  items: number;
  periods: number;
  /** Rows the kernel writes per item, and the megabytes its inputs and outputs take in all. */
  rows: number;
  residentMB: number;
  /** Cells compared with planItem before timing, and the differences found (none expected). */
  check: { compared: number; differences: string[] };
  /** Nanoseconds per item-period. */
  planItem: Stats;
  kernel: Stats;
  /** planItem time ÷ kernel time, round by round. */
  ratio: Stats;
}

/**
 * planItem against the kernel (bench/kernel.ts) on the same items and settings: window 0/0,
 * MTS, FOQ with safety stock, discrete ATP. The kernel's rows are checked first.
 */
export function kernel(items: number, periods: number, seed: number, rounds: RoundOptions): KernelResult {
  const portfolio = makePortfolio(items, periods, seed);
  const inputs = portfolio.items.map((_, i) => kernelInput(portfolio, i));
  const flat = flatten(portfolio);
  const out = flatRecords(items, periods);
  const stack = new Int32Array(periods);
  planKernel(flat, out, stack);
  const check = verifyKernel(portfolio, out);
  const samples = sideBySide(
    {
      planItem: () => {
        let sum = 0;
        for (const input of inputs) sum += planned(input).projectedAvailable[periods - 1];
        return sum;
      },
      kernel: () => planKernel(flat, out, stack),
    },
    rounds,
  );
  const ns = nsPer(itemPeriods(portfolio));
  return {
    items,
    periods,
    rows: KERNEL_ROWS.length,
    residentMB: ((KERNEL_ROWS.length + 2) * items * periods * 8) / 2 ** 20,
    check,
    planItem: mapStats(stats(samples.planItem), ns),
    kernel: mapStats(stats(samples.kernel), ns),
    ratio: stats(ratios(samples, "planItem", "kernel")),
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
export function excelRow(values: Float64Array, empty: null | ""): unknown[][] {
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
  /** Only what MPS.TABLE cannot leave out: read the two ranges, plan, make the cells Excel takes. */
  floor?: Stats;
  /** That time ÷ planItem time, round by round: the least MPS.TABLE ÷ planItem can be. */
  floorRatio?: Stats;
}

/** MPS.TABLE's rows for the bench's items (MTS, no lead time, lots or capacity). */
const BENCH_TABLE_ROWS = tableRows({ model: "MTS" });

/**
 * The part of MPS.TABLE no adapter can skip, done as MPS.TABLE does it: the forecast and orders
 * ranges read into numbers (empty cells as 0), the item planned, and the record laid out as
 * the rows of cells Excel takes. No other argument, setting, item master or size check.
 * `input` (the item's other values) is made for this call: its two rows are replaced in place,
 * as a spread would cost more than MPS.TABLE's own input literal.
 */
export function tableFloor(forecastRange: unknown, ordersRange: unknown, input: ItemInput): CellRows {
  input.forecast = (readSeries("forecast", forecastRange) as SeriesInput).values;
  input.orders = (readSeries("orders", ordersRange) as SeriesInput).values;
  const record = planned(input);
  const rows = new CellRows();
  for (const row of BENCH_TABLE_ROWS) rows.add(row.label, record[row.field as keyof MpsRecord] as Float64Array);
  return rows;
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
    const floorRows = tableFloor(calls[i][0], calls[i][1], inputOf(portfolio, i)).checked("row").rows;
    if (JSON.stringify(floorRows) !== JSON.stringify(table)) throw new Error(`the floor's cells are not MPS.TABLE's on item ${i}`);
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
      floor: () => {
        let check = 0;
        for (let i = 0; i < calls.length; i++) check += tableFloor(calls[i][0], calls[i][1], inputOf(portfolio, i)).checked("row").rows.length;
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
    floor: mapStats(stats(samples.floor), ns),
    floorRatio: stats(ratios(samples, "floor", "engine")),
  };
}
