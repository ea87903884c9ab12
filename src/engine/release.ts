/**
 * Planned starts: when production must begin so that each MPS quantity is ready in its
 * period, given a lead time in whole periods.
 */
import { orderMessages } from "./messages";
import { resultRow } from "./rows";
import type { Result, Series } from "./types";
import { checkPeriods, checkSeries, fail, ok } from "./validate";

/** An MPS quantity whose start would fall before period 0: release it now, in period 0. */
export interface ReleasePastDue {
  /** The period the MPS quantity is due in (0 ≤ duePeriod < leadTime). */
  duePeriod: number;
  /** Where the start should have been: duePeriod − leadTime, always negative. */
  startPeriod: number;
  quantity: number;
  message: string;
}

export interface PlannedStarts {
  /** Quantity to start per period; period 0 includes the past-due starts. */
  plannedStarts: Float64Array;
  /** Total of the past-due starts (already in period 0). */
  pastDue: number;
  /** One entry per MPS period whose start fell before period 0, earliest due first. */
  releasePastDue: ReleasePastDue[];
}

/**
 * Offset the MPS by the lead time: each MPS quantity starts `leadTime` periods before it is
 * due. A start that would fall before period 0 is placed in period 0 (release at once) and
 * reported as release past due, per due period. The last `leadTime` periods show only the
 * starts of MPS quantities inside the horizon (later MPS is not known). The row therefore sums
 * to the MPS row: Σ plannedStarts = Σ mps = (starts on time: Σ mps[leadTime..]) + pastDue.
 *
 * @param mps MPS quantity per period (due dates)
 * @param leadTime whole periods from start to due, 0 or more. @default 0
 * @returns the planned start row, the past-due total and one entry per past-due MPS period
 * @example
 * plannedStarts([10, 0, 30, 40, 50], 2);
 * // starts [30 + 10 past due, 40, 50, 0, 0] = [40, 40, 50, 0, 0]
 * // pastDue 10: period 0's 10 should have started in period −2 (period 1 has no MPS)
 */
export function plannedStarts(mps: Series, leadTime?: number | null): Result<PlannedStarts> {
  const error = checkSeries(mps, "mps") ?? checkPeriods(leadTime, "leadTime");
  if (error) return fail(error);
  const lead = leadTime ?? 0;
  const n = mps.length;
  const starts = resultRow(n);
  const releasePastDue: ReleasePastDue[] = [];
  let pastDue = 0;
  for (let t = 0; t < n; t++) {
    const quantity = mps[t];
    if (t >= lead) {
      starts[t - lead] += quantity;
    } else if (quantity > 0) {
      starts[0] += quantity;
      pastDue += quantity;
      releasePastDue.push({ duePeriod: t, startPeriod: t - lead, quantity, message: orderMessages.releasePastDue(t, quantity, lead) });
    }
  }
  return ok({ plannedStarts: starts, pastDue, releasePastDue });
}
