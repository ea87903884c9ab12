/**
 * Levelling on one shared resource (issue 14): `levelItems` over 1,000 items × 104 periods, every
 * strategy, side by side with `planItem` on the same items. The goal is the engine's (≥ 10 M
 * item-periods/s, build-ahead, the default) and the ratio to `planItem` is reported.
 *
 * The items are the portfolio of bench/data.ts planned as in §1 (window 2/2, MTS demand); their
 * demand rows are what is levelled, with per-item on hand, safety stock and hours per unit. The
 * line runs at 25% above the average load, but every fourth week at 70% (maintenance) and the
 * last four weeks of each year at half (shutdown): the items' seasons cancel out across the
 * portfolio, the line's do not, so every strategy has work to move, build ahead or leave late.
 */
import { LEVEL_STRATEGIES, levelItems, planItem, type Levelling, type LevelStrategy } from "../src/engine";
import { inputOf, makePortfolio, seeded } from "./data";
import { mapStats, ratios, sideBySide, stats, type RoundOptions, type Stats } from "./measure";

export interface LevelResult {
  items: number;
  periods: number;
  /** Capacity of a full week, in hours, and what share of the horizon's capacity the demand needs. */
  capacity: number;
  loadShare: number;
  /** Item-periods per second, per strategy, and planItem on the same items. */
  rates: Record<LevelStrategy, Stats>;
  planItem: Stats;
  /** build-ahead time ÷ planItem time, round by round. */
  ratio: Stats;
  /** What each strategy did with the peaks: hours above capacity (none expected), units built late. */
  check: Record<LevelStrategy, { overloadHours: number; fullPeriods: number; lateUnits: number; lateLots: number }>;
}

/** Everything one levelling run needs, computed once before timing. */
interface LevelData {
  demand: Float64Array[];
  onHand: Float64Array;
  safetyStock: Float64Array;
  hoursPerUnit: Float64Array;
  /** Hours per period. */
  capacity: Float64Array;
  loadShare: number;
}

/** A full week's hours, 70% every fourth week, half in the last four weeks of each 52. */
function lineCapacity(full: number, periods: number): Float64Array {
  return Float64Array.from({ length: periods }, (_, t) => Math.round(full * (t % 52 >= 48 ? 0.5 : t % 4 === 3 ? 0.7 : 1)));
}

function levelData(items: number, periods: number, seed: number): { data: LevelData; plan: () => number } {
  const portfolio = makePortfolio(items, periods, seed);
  const inputs = portfolio.items.map((_, i) => inputOf(portfolio, i));
  const demand = inputs.map((input) => {
    const record = planItem(input);
    if (!record.ok) throw new Error(`benchmark data refused: ${record.error.message}`);
    return record.value.demand;
  });
  const random = seeded(seed + 14);
  const hoursPerUnit = Float64Array.from(demand, () => 0.5 + Math.round(random() * 30) / 20); // 0.5 … 2 h
  let hours = 0;
  demand.forEach((row, i) => row.forEach((d) => (hours += d * hoursPerUnit[i])));
  const capacity = lineCapacity(Math.round((1.25 * hours) / periods), periods);
  const data: LevelData = {
    demand,
    onHand: Float64Array.from(portfolio.items, (item) => item.onHand),
    safetyStock: Float64Array.from(portfolio.items, (item) => item.safetyStock),
    hoursPerUnit,
    capacity,
    loadShare: hours / capacity.reduce((sum, c) => sum + c, 0),
  };
  const plan = () => {
    let check = 0;
    for (const input of inputs) {
      const record = planItem(input);
      if (record.ok) check += record.value.mps[periods - 1];
    }
    return check;
  };
  return { data, plan };
}

function level(data: LevelData, strategy: LevelStrategy): Levelling {
  const result = levelItems(data.demand, {
    onHand: data.onHand,
    safetyStock: data.safetyStock,
    hoursPerUnit: data.hoursPerUnit,
    capacity: data.capacity,
    strategy,
  });
  if (!result.ok) throw new Error(`levelling refused the benchmark data: ${result.error.message}`);
  return result.value;
}

/**
 * `levelItems` with each strategy and `planItem` on the same `items` × `periods`, side by side.
 * @example levelling(1_000, 104, 7, { warmup: 2, rounds: 11 }).rates["build-ahead"].median // item-periods per second
 */
export function levelling(items: number, periods: number, seed: number, rounds: RoundOptions): LevelResult {
  const { data, plan } = levelData(items, periods, seed);
  const check = {} as LevelResult["check"];
  for (const strategy of LEVEL_STRATEGIES) {
    const result = level(data, strategy);
    let lateUnits = 0;
    let lateLots = 0;
    for (const item of result.items) {
      lateLots += item.late.length;
      for (const lot of item.late) lateUnits += lot.quantity;
    }
    const fullPeriods = result.load.filter((hours, t) => hours >= data.capacity[t] * (1 - 1e-9)).length;
    check[strategy] = { overloadHours: result.overload.reduce((sum, hours) => sum + hours, 0), fullPeriods, lateUnits, lateLots };
  }
  const cases: Record<LevelStrategy | "planItem", () => number> = {
    "build-ahead": () => level(data, "build-ahead").load[0],
    chase: () => level(data, "chase").load[0],
    level: () => level(data, "level").load[0],
    planItem: plan,
  };
  const samples = sideBySide(cases, rounds);
  const rate = (ms: number) => (items * periods) / (ms / 1000);
  const rates = {} as LevelResult["rates"];
  for (const strategy of LEVEL_STRATEGIES) rates[strategy] = mapStats(stats(samples[strategy]), rate);
  return {
    items,
    periods,
    capacity: Math.max(...data.capacity),
    loadShare: data.loadShare,
    rates,
    planItem: mapStats(stats(samples.planItem), rate),
    ratio: stats(ratios(samples, "build-ahead", "planItem")),
    check,
  };
}
