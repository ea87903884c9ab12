/**
 * The coach's pure part (issue 15): `exceptionsOf` for 1,000 items × 104 periods, the work the
 * Coach view redoes after every recalculation of a 1,000-block workbook. Timed side by side with
 * `planItem` on the same items; the figure is reported, the issue sets no goal.
 *
 * The records are what MPS.TABLE would compute for the portfolio of bench/data.ts with the
 * things that make a planner's day: a planning time fence of 2 (expedites), a demand time fence
 * of 2 (unconsumed forecast), a lead time of 2 (starts past due), two scheduled receipts per item
 * (rescheduling), a maximum lot (split lots) and a capacity check against a line that takes one
 * lot a week (overloads where two are due). The messages' count per type is reported, so a run shows what was checked.
 */
import { EXCEPTION_TYPES, exceptionsOf, planItem, type ExceptionInput, type ExceptionType, type ItemInput, type MpsRecord } from "../src/engine";
import { inputOf, makePortfolio, type Portfolio } from "./data";
import { mapStats, ratios, sideBySide, stats, type RoundOptions, type Stats } from "./measure";

export interface CoachResult {
  items: number;
  periods: number;
  /** Nanoseconds per item-period. */
  exceptions: Stats;
  planItem: Stats;
  /** exceptionsOf time ÷ planItem time, round by round. */
  ratio: Stats;
  /** Messages over all items, in all and by type (types with none left out). */
  messages: number;
  byType: Partial<Record<ExceptionType, number>>;
}

/** An item as the coach sees it: its record with the fences, lead time, receipts, lots and capacity above. */
function coachInput(portfolio: Portfolio, i: number): ItemInput {
  const item = portfolio.items[i];
  const n = portfolio.periods;
  const receipts = new Float64Array(n);
  receipts[Math.min(3, n - 1)] = item.lotSize;
  receipts[Math.min(20, n - 1)] = item.lotSize;
  return {
    ...inputOf(portfolio, i),
    planningTimeFence: 2,
    demandTimeFence: 2,
    leadTime: 2,
    receipts,
    maxLot: Math.round(item.lotSize * 1.5),
    capacity: Math.round(item.lotSize * 1.5),
  };
}

/** What MPS.MESSAGES hands the coach for one record. */
function exceptionInput(record: MpsRecord, input: ItemInput): ExceptionInput {
  return {
    ...record,
    safetyStock: input.safetyStock,
    demandTimeFence: input.demandTimeFence,
    planningTimeFence: input.planningTimeFence,
    onHand: input.onHand,
    capacityUse: record.load === null || record.capacity === null || record.overload === null ? null : { load: record.load, capacity: record.capacity, overload: record.overload },
  };
}

/**
 * `exceptionsOf` on `items` planned records of `periods` periods, side by side with planning them.
 * @example coach(1_000, 104, 7, { warmup: 2, rounds: 11 }).messages // messages over all items
 */
export function coach(items: number, periods: number, seed: number, rounds: RoundOptions): CoachResult {
  const portfolio = makePortfolio(items, periods, seed);
  const inputs = portfolio.items.map((_, i) => coachInput(portfolio, i));
  const records = inputs.map((input) => {
    const record = planItem(input);
    if (!record.ok) throw new Error(`benchmark data refused: ${record.error.message}`);
    return exceptionInput(record.value, input);
  });
  const byType: Partial<Record<ExceptionType, number>> = {};
  let messages = 0;
  for (const record of records) {
    const lines = exceptionsOf(record);
    if (!lines.ok) throw new Error(`the coach refused a benchmark record: ${lines.error.message}`);
    messages += lines.value.length;
    for (const line of lines.value) byType[line.type] = (byType[line.type] ?? 0) + 1;
  }
  const samples = sideBySide(
    {
      exceptions: () => {
        let count = 0;
        for (const record of records) {
          const lines = exceptionsOf(record);
          if (lines.ok) count += lines.value.length;
        }
        return count;
      },
      planItem: () => {
        let check = 0;
        for (const input of inputs) {
          const record = planItem(input);
          if (record.ok) check += record.value.mps[periods - 1];
        }
        return check;
      },
    },
    rounds,
  );
  const ns = (ms: number) => (ms * 1e6) / (items * periods);
  const ordered: Partial<Record<ExceptionType, number>> = {};
  for (const type of EXCEPTION_TYPES) if (byType[type] !== undefined) ordered[type] = byType[type];
  return {
    items,
    periods,
    exceptions: mapStats(stats(samples.exceptions), ns),
    planItem: mapStats(stats(samples.planItem), ns),
    ratio: stats(ratios(samples, "exceptions", "planItem")),
    messages,
    byType: ordered,
  };
}
