/**
 * Projected available balance and MPS quantities: net the demand against on hand and
 * supply, plan lots where the balance would fall below safety stock, freeze the planning
 * time fence.
 */
import { countLots, LOT_FOR_LOT, type LotOptions, type LotPolicy, resolveLotPolicy, sizeLot } from "./lot";
import { messages } from "./messages";
import { ABSOLUTE_TOLERANCE, isBelow, mayBeNoise, settle, settleZero } from "./numeric";
import { resultRow, resultRows } from "./rows";
import type { ActionMessage, Result, Series } from "./types";
import {
  checkObject,
  checkPeriods,
  checkPlanRows,
  checkQuantity,
  checkRequired,
  checkSameLength,
  checkSeries,
  fail,
  ok,
} from "./validate";

export interface PlanOptions extends LotOptions {
  /** Stock at the start of period 0. */
  onHand: number;
  /** Projected available is kept at or above this outside the planning time fence. @default 0 */
  safetyStock?: number;
  /** Scheduled receipts per period. @default zeros */
  receipts?: Series;
  /** Periods 0..ptf-1 are frozen: firm MPS only, no new lots. @default 0 */
  planningTimeFence?: number;
  /** Firm MPS per period, kept everywhere; the only MPS inside the fence. @default zeros */
  firmMps?: Series;
}

export interface Plan {
  mps: Float64Array;
  projectedAvailable: Float64Array;
  actions: ActionMessage[];
}

/** The scalar plan options with defaults applied. */
export interface PlanSettings {
  onHand: number;
  safetyStock: number;
  lot: LotPolicy;
  planningTimeFence: number;
}

/**
 * Check the scalar plan options (not the rows) and fill in defaults.
 * @param options on hand, safety stock, lot options, planning time fence
 * @returns the settings, or the first invalid option
 */
export function resolvePlanOptions(options: Omit<PlanOptions, "receipts" | "firmMps">): Result<PlanSettings> {
  const objectError = checkObject(options, "options", true);
  if (objectError) return fail(objectError);
  const error =
    checkRequired(options.onHand, "onHand") ??
    checkQuantity(options.onHand, "onHand") ??
    checkQuantity(options.safetyStock, "safetyStock") ??
    checkPeriods(options.planningTimeFence, "planningTimeFence");
  if (error) return fail(error);
  const lot = resolveLotPolicy(options);
  if (!lot.ok) return lot;
  return ok({
    onHand: options.onHand,
    safetyStock: options.safetyStock ?? 0,
    lot: lot.value,
    planningTimeFence: options.planningTimeFence ?? 0,
  });
}

/**
 * Plan MPS quantities and the projected available balance.
 *
 * PAB[t] = PAB[t-1] + MPS[t] + receipts[t] − demand[t], PAB[-1] = on hand. Outside the
 * planning time fence a lot is planned in period t when PAB would fall below safety stock:
 * LFL brings it back to safety stock, FOQ adds as many lots of `lotSize` as needed, POQ
 * covers the net requirements of `lotSize` periods (t..t+P-1); then `minLot` and `multiple`
 * apply, and a quantity above `maxLot` is released as several lots in the same period (a
 * "split-lot" action; the MPS row holds the total). Firm MPS is kept in every period and new
 * lots come on top. Inside the fence (periods 0..ptf-1) only the firm MPS is used, and an
 * "expedite" action reports each further shortage below safety stock. A balance equal to
 * safety stock or to 0 up to floating-point noise is that value exactly (numeric.ts).
 *
 * @param demand demand per period (from `demandFor`)
 * @param options on hand, safety stock, lot rule and modifiers, receipts, fence, firm MPS
 * @returns the MPS row, the PAB row and the action messages
 * @example
 * planMps([12, 8, 10, 10, 10, 10], { onHand: 20, lotRule: "FOQ", lotSize: 25 });
 * // PAB: 20-12=8; 8-8=0; 0-10<0 → 25, 15; 15-10=5; 5-10<0 → 25, 20; 20-10=10
 * // mps [0, 0, 25, 0, 25, 0], projectedAvailable [8, 0, 15, 5, 20, 10]
 */
export function planMps(demand: Series, options: PlanOptions): Result<Plan> {
  const error = checkPlanRows(demand, options);
  if (error) return fail(error);
  const settings = resolvePlanOptions(options);
  if (!settings.ok) return settings;
  return ok(planCore(demand, settings.value, options.receipts ?? null, options.firmMps ?? null));
}

/** Supply already fixed in period t: firm MPS plus scheduled receipts. */
function fixedAt(firmMps: Series | null, receipts: Series | null, t: number): number {
  return (firmMps === null ? 0 : firmMps[t]) + (receipts === null ? 0 : receipts[t]);
}

/**
 * `planMps` on inputs already checked.
 * @param demand demand per period
 * @param settings resolved scalar options
 * @param receipts scheduled receipts, or null for none
 * @param firmMps firm MPS, or null for none
 * @param rows zero-filled MPS and PAB rows to write into (fresh result rows when omitted)
 * @returns the plan
 */
export function planCore(
  demand: Series,
  settings: PlanSettings,
  receipts: Series | null,
  firmMps: Series | null,
  rows?: { mps: Float64Array; projectedAvailable: Float64Array },
): Plan {
  const n = demand.length;
  const { safetyStock, lot, planningTimeFence } = settings;
  // Two lines, not `[mps, pab] = …`: array destructuring runs the iterator protocol per call.
  const fresh = rows ? null : resultRows(2, n);
  const mps = rows ? rows.mps : fresh![0];
  const pab = rows ? rows.projectedAvailable : fresh![1];
  const actions: ActionMessage[] = [];

  let balance = settings.onHand;
  const fence = Math.min(planningTimeFence, n);
  let expedited = 0; // supply the expedite messages so far ask for
  for (let t = 0; t < fence; t++) {
    mps[t] = firmMps === null ? 0 : firmMps[t];
    const fixed = fixedAt(firmMps, receipts, t);
    const magnitude = Math.max(Math.abs(balance), fixed, demand[t]);
    balance = settle(settle(balance + fixed - demand[t], safetyStock, magnitude), 0, magnitude);
    pab[t] = balance;
    if (isBelow(balance + expedited, safetyStock)) {
      const shortage = safetyStock - (balance + expedited);
      actions.push({ type: "expedite", period: t, quantity: shortage, message: messages.expedite(t, shortage, balance, safetyStock) });
      expedited += shortage;
    }
  }

  for (let t = fence; t < n; t++) {
    const fixed = fixedAt(firmMps, receipts, t);
    let projected = balance + fixed - demand[t];
    let planned = 0;
    // Only a balance at, below or within noise of safety stock needs a closer look.
    if (projected - safetyStock <= ABSOLUTE_TOLERANCE) {
      const magnitude = Math.max(Math.abs(balance), fixed, demand[t]);
      if (isBelow(projected, safetyStock, magnitude)) {
        let required = safetyStock - projected;
        if (lot.rule === "POQ") {
          // cover periods t..t+P-1: the lowest balance in that span decides the lot
          let running = projected;
          const end = Math.min(n, t + lot.lotSize);
          for (let k = t + 1; k < end; k++) {
            running += fixedAt(firmMps, receipts, k) - demand[k];
            if (safetyStock - running > required) required = safetyStock - running;
          }
        }
        planned = sizeLot(required, lot);
        const lots = countLots(planned, lot.maxLot);
        if (lots > 1) {
          actions.push({ type: "split-lot", period: t, quantity: planned, lots, message: messages.splitLot(t, planned, lots, lot.maxLot) });
        }
        projected = settle(projected + planned, safetyStock, Math.max(magnitude, planned));
      } else projected = safetyStock; // equal up to noise: exactly safety stock
    }
    mps[t] = (firmMps === null ? 0 : firmMps[t]) + planned;
    balance = projected;
    pab[t] = balance;
  }
  return { mps, projectedAvailable: pab, actions };
}

/** Plan settings for a make-to-order item: no safety stock, lot-for-lot, no modifiers. */
export function makeToOrderSettings(settings: PlanSettings): PlanSettings {
  return { ...settings, safetyStock: 0, lot: LOT_FOR_LOT };
}

/**
 * Projected available balance for a given supply row.
 *
 * @param demand demand per period
 * @param onHand stock at the start of period 0
 * @param supply supply per period (MPS + receipts), same length
 * @returns PAB[t] = PAB[t-1] + supply[t] − demand[t], PAB[-1] = on hand (may go negative;
 *   0 up to floating-point noise is 0)
 * @example
 * projectAvailable([33, 30, 30, 30], 64, [0, 0, 70, 0]);
 * // → [31, 1, 41, 11]   (64-33, 31-30, 1+70-30, 41-30)
 */
export function projectAvailable(demand: Series, onHand: number, supply: Series): Result<Float64Array> {
  const error =
    checkSeries(demand, "demand") ??
    checkRequired(onHand, "onHand") ??
    checkQuantity(onHand, "onHand") ??
    checkSeries(supply, "supply") ??
    checkSameLength(demand, "demand", supply, "supply");
  if (error) return fail(error);
  const pab = resultRow(demand.length);
  let balance = onHand;
  for (let t = 0; t < demand.length; t++) {
    const next = balance + supply[t] - demand[t];
    balance = mayBeNoise(next) ? settleZero(next, Math.max(Math.abs(balance), supply[t], demand[t])) : next;
    pab[t] = balance;
  }
  return ok(pab);
}
