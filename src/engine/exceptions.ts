/**
 * The coach: exception messages that say what in one item's MPS record needs the planner,
 * period by period, most severe first.
 */
import { type ExceptionInput, type ExceptionSettings, resolveExceptionInput } from "./exceptionInput";
import type { LateLot } from "./level";
import { coachMessages } from "./messages";
import { isBelow } from "./numeric";
import type { ActionMessage, Result } from "./types";
import { ok } from "./validate";

/** Kinds of exception message. */
export type ExceptionType =
  | "shortage"
  | "expedite"
  | "overpromised"
  | "late"
  | "release-past-due"
  | "past-due-load"
  | "overload"
  | "reschedule-in"
  | "below-safety-stock"
  | "reschedule-out"
  | "cancel"
  | "split-lot"
  | "forecast-low"
  | "forecast-unconsumed"
  | "forecast-bias";

/**
 * Every exception type in order of severity, most severe first: customers at risk (no stock,
 * supply to rush, orders promised beyond supply, production late), then work already behind
 * (starts and load past due), capacity, the timing of receipts and the safety buffer, lot
 * release, and last the forecast's quality. Lines of one period follow this order.
 */
export const EXCEPTION_TYPES: readonly ExceptionType[] = [
  "shortage",
  "expedite",
  "overpromised",
  "late",
  "release-past-due",
  "past-due-load",
  "overload",
  "reschedule-in",
  "below-safety-stock",
  "reschedule-out",
  "cancel",
  "split-lot",
  "forecast-low",
  "forecast-unconsumed",
  "forecast-bias",
];

/** |tracking signal| above this is a biased forecast (the common control limit). */
export const TRACKING_SIGNAL_LIMIT = 4;

/** One thing the planner should look at: in which period, what, how much, and a sentence saying it. */
export interface ExceptionMessage {
  /** 0-based period the line is about (the planner sees period + 1, or the caller's label). */
  period: number;
  type: ExceptionType;
  /** Always > 0: units, or capacity units (hours) for `overload` and `past-due-load`, |tracking signal| for `forecast-bias`. */
  quantity: number;
  message: string;
}

/** Quantity above noise: what is worth a message. */
function isPositive(quantity: number): boolean {
  return isBelow(0, quantity);
}

/** The list as it is when ordered by `key`, else a stably sorted copy. */
function inPeriodOrder<T>(list: readonly T[], key: (entry: T) => number): readonly T[] {
  for (let i = 1; i < list.length; i++) {
    if (key(list[i]) < key(list[i - 1])) return [...list].sort((a, b) => key(a) - key(b));
  }
  return list;
}

/**
 * Exception messages of one item's MPS record: one line per period and type where the
 * condition holds, sorted by period, then by severity (`EXCEPTION_TYPES`). An empty list
 * means all is well.
 *
 * - `shortage` PAB < 0 (quantity −PAB) and `below-safety-stock` 0 ≤ PAB < safety stock (the
 *   gap), in every period where PAB shows it, except a period with an `expedite`: that line
 *   already says it. Planning keeps PAB at safety stock wherever it may plan, so these appear
 *   only where it could not: inside the planning time fence, or late against capacity.
 * - `expedite` and `split-lot`: planning's action messages, in their period.
 * - `reschedule-in`, `reschedule-out`, `cancel`: each scheduled receipt, in its period r, is
 *   checked against the firm projection (on hand + firm MPS + receipts − demand, without
 *   planned MPS, which planning would move): it is needed in the first period n where that
 *   projection without it falls below safety stock. Receipts keep their order: earliest first,
 *   each taking the projection with the earlier receipts moved to where they are needed and
 *   without the later ones. n < r → in to n; n > r → out to n; no such n → cancel.
 * - `overload` (load − capacity), `late` (in the due period, with where it is built),
 *   `past-due-load` and `release-past-due` (in period 0), `overpromised` (ATP < 0),
 *   `forecast-low` (excess orders), `forecast-unconsumed` (remaining forecast inside the
 *   demand time fence), `forecast-bias` (period 0, |tracking signal| > 4).
 *
 * Time O(periods + actions + late lots).
 *
 * @param input the record's rows (spread an `MpsRecord`), its parameters and what the other
 *   steps found (see `ExceptionInput`); a row or list left out is not looked at
 * @returns the lines, or the first invalid input
 * @example
 * exceptionsOf({ demand: [30, 30, 30], mps: [0, 0, 0], projectedAvailable: [20, 40, 10],
 *                receipts: [0, 50, 0], excessOrders: [0, 0, 40] });
 * // firm projection without the receipt 20, −10: needed in period 1, where it is: no line
 * // one line: period 2, forecast-low, 40, "Period 3: orders exceed forecast by 40"
 * exceptionsOf({ demand: [10, 10, 10, 10], mps: [0, 0, 0, 0], projectedAvailable: [90, 130, 120, 110],
 *                receipts: [0, 50, 0, 0], safetyStock: 65 });
 * // without the receipt 90, 80, 70, 60: first below 65 in period 3 → reschedule-out
 * // one line: period 1, reschedule-out, 50, "Period 2: move the receipt of 50 out to Period 4, …"
 */
export function exceptionsOf(input: ExceptionInput): Result<ExceptionMessage[]> {
  const settings = resolveExceptionInput(input);
  if (!settings.ok) return settings;
  return ok(exceptionsCore(settings.value));
}

/**
 * `exceptionsOf` on input already checked. One pass over the periods writes each period's
 * lines in severity order; actions and late lots are walked along by pointers, and the
 * receipts' need periods by one pointer over the firm projection (it only moves forward).
 * @param x the checked input with defaults
 * @returns the lines, sorted by period then severity
 */
export function exceptionsCore(x: ExceptionSettings): ExceptionMessage[] {
  const { demand, mps, projectedAvailable: pab, receipts, atp, safetyStock, periodName: name } = x;
  const n = pab.length;
  const fence = Math.min(x.planningTimeFence, n);
  const demandFence = Math.min(x.demandTimeFence, n);
  const actions = inPeriodOrder<ActionMessage>(x.actions, (a) => a.period);
  const late = inPeriodOrder<LateLot>(x.late, (l) => l.duePeriod);
  const overload = x.capacityUse === null ? null : x.capacityUse.overload;
  const firmMps = x.firmMps;
  const lines: ExceptionMessage[] = [];
  const add = (period: number, type: ExceptionType, quantity: number, message: string) => {
    lines.push({ period, type, quantity, message });
  };

  let a = 0; // next action
  let l = 0; // next late lot
  // Receipts' need periods: `need` walks the firm projection without receipts (`firm` is its
  // value in period `need`); `placed` is the receipts already moved to need periods ≤ `need`.
  let need = 0;
  let firm = n === 0 ? 0 : x.onHand + (fence > 0 ? mps[0] : firmMps === null ? 0 : firmMps[0]) - demand[0];
  let placed = 0;

  for (let t = 0; t < n; t++) {
    let expedite = 0;
    let split = 0;
    let lots = 0;
    for (; a < actions.length && actions[a].period === t; a++) {
      const action = actions[a];
      if (action.type === "expedite") expedite += action.quantity;
      else {
        split += action.quantity;
        lots += action.lots;
      }
    }
    const balance = pab[t];
    const short = isBelow(balance, 0);
    const belowSafety = !short && isBelow(balance, safetyStock);
    if (short && !isPositive(expedite)) add(t, "shortage", -balance, coachMessages.shortage(name(t), -balance, t < fence));
    if (isPositive(expedite)) add(t, "expedite", expedite, coachMessages.expedite(name(t), expedite, balance, safetyStock));
    if (atp !== null && isBelow(atp[t], 0)) add(t, "overpromised", -atp[t], coachMessages.overpromised(name(t), -atp[t]));

    if (l < late.length && late[l].duePeriod === t) {
      let total = 0;
      let afterHorizon = 0;
      let first = -1;
      let last = -1;
      for (; l < late.length && late[l].duePeriod === t; l++) {
        const { quantity, builtPeriod } = late[l];
        total += quantity;
        if (builtPeriod === null) afterHorizon += quantity;
        else {
          if (first < 0 || builtPeriod < first) first = builtPeriod;
          if (builtPeriod > last) last = builtPeriod;
        }
      }
      if (isPositive(total)) {
        const firstName = first < 0 ? null : name(first);
        const lastName = last < 0 ? null : name(last);
        add(t, "late", total, coachMessages.late(name(t), total, firstName, lastName, afterHorizon));
      }
    }

    if (t === 0) {
      const release = x.releasePastDue;
      if (release !== null) {
        let total = 0;
        let lastDue = 0;
        for (let d = 0; d < n; d++) {
          if (release[d] > 0) {
            total += release[d];
            lastDue = d;
          }
        }
        if (isPositive(total)) add(0, "release-past-due", total, coachMessages.releasePastDue(name(0), total, name(lastDue)));
      }
      if (isPositive(x.pastDueLoad)) add(0, "past-due-load", x.pastDueLoad, coachMessages.pastDueLoad(name(0), x.pastDueLoad));
    }

    if (overload !== null && isPositive(overload[t])) {
      const use = x.capacityUse as NonNullable<ExceptionSettings["capacityUse"]>;
      const text = x.capacityStrategy === "check" ? coachMessages.overload : coachMessages.firmOverload;
      add(t, "overload", overload[t], text(name(t), overload[t], use.load[t], use.capacity[t]));
    }

    // The receipt of period t: where is it needed?
    const receipt = receipts === null ? 0 : receipts[t];
    let needed = -2; // -2: no receipt; -1: not needed within the horizon
    if (isPositive(receipt)) {
      while (need < n && !isBelow(firm + placed, safetyStock)) {
        need++;
        if (need < n) firm += (need < fence ? mps[need] : firmMps === null ? 0 : firmMps[need]) - demand[need];
      }
      if (need < n) {
        needed = need;
        placed += receipt;
      } else needed = -1;
    }
    if (needed >= 0 && needed < t) add(t, "reschedule-in", receipt, coachMessages.rescheduleIn(name(t), receipt, name(needed)));
    if (belowSafety && !isPositive(expedite)) {
      const gap = safetyStock - balance;
      add(t, "below-safety-stock", gap, coachMessages.belowSafetyStock(name(t), gap, balance, safetyStock));
    }
    if (needed > t) add(t, "reschedule-out", receipt, coachMessages.rescheduleOut(name(t), receipt, name(needed)));
    if (needed === -1) add(t, "cancel", receipt, coachMessages.cancel(name(t), receipt));

    if (isPositive(split)) add(t, "split-lot", split, coachMessages.splitLot(name(t), split, lots));
    if (x.excessOrders !== null && isPositive(x.excessOrders[t])) {
      add(t, "forecast-low", x.excessOrders[t], coachMessages.forecastLow(name(t), x.excessOrders[t]));
    }
    if (t < demandFence && x.remainingForecast !== null && isPositive(x.remainingForecast[t])) {
      add(t, "forecast-unconsumed", x.remainingForecast[t], coachMessages.forecastUnconsumed(name(t), x.remainingForecast[t]));
    }
    const signal = x.trackingSignal;
    if (t === 0 && signal !== null && Math.abs(signal) > TRACKING_SIGNAL_LIMIT) {
      add(0, "forecast-bias", Math.abs(signal), coachMessages.forecastBias(signal, TRACKING_SIGNAL_LIMIT));
    }
  }
  return lines;
}
