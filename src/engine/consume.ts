/**
 * Forecast consumption: customer orders consume the forecast of their own period, then of
 * nearby periods inside a consumption window, in the order the consumption mode gives.
 */
import { isBelow, settle } from "./numeric";
import {
  closePeriod,
  growingOpenPeriods,
  nearestOpenAtOrAfter,
  nearestOpenAtOrBefore,
  reachOpenPeriods,
  type GrowingOpenPeriods,
} from "./openPeriods";
import { resultRows } from "./rows";
import { CONSUMPTION_MODES, type ConsumptionMode, type Peg, type Result, type Series } from "./types";
import { type Check, checkBoolean, checkOneOf, checkPeriods, checkSeriesPair, fail, ok, resolveOptions } from "./validate";

export interface ConsumeOptions {
  /** Periods before an order's own period it may consume from. @default 0 */
  backward?: number;
  /** Periods after an order's own period it may consume from. @default 0 */
  forward?: number;
  /** Search order after the own period. @default "backward-forward" */
  mode?: ConsumptionMode;
  /** First period still planned; forecast before it expires. @default 0 */
  currentPeriod?: number;
  /** Build the pegging list. @default false */
  pegging?: boolean;
}

export interface Consumption {
  /** Forecast left after consumption, per forecast period (0 before `currentPeriod`). */
  remainingForecast: Float64Array;
  /** Forecast consumed by orders, per forecast period. */
  consumed: Float64Array;
  /** Order quantity no forecast in the window could absorb, per order period. */
  excessOrders: Float64Array;
  /** Forecast before `currentPeriod`: dropped, neither planned nor consumable. */
  expiredForecast: Float64Array;
  /** Every allocation, in processing order; `[]` unless `options.pegging`. */
  pegging: Peg[];
}

/** Consumption options with defaults applied. */
export interface ConsumeSettings {
  backward: number;
  forward: number;
  mode: ConsumptionMode;
  currentPeriod: number;
  pegging: boolean;
}

/**
 * Check consumption options and fill in defaults.
 * @param options the caller's options (absent fields take their defaults)
 * @returns the settings, or the first invalid option
 */
export function resolveConsumeOptions(options: ConsumeOptions | undefined): Result<ConsumeSettings> {
  return resolveOptions(options, checkConsumeFields, consumeDefaults);
}

function checkConsumeFields(o: ConsumeOptions): Check {
  return (
    checkPeriods(o.backward, "backward") ??
    checkPeriods(o.forward, "forward") ??
    checkOneOf(o.mode, "mode", CONSUMPTION_MODES) ??
    checkPeriods(o.currentPeriod, "currentPeriod") ??
    checkBoolean(o.pegging, "pegging")
  );
}

function consumeDefaults(o: ConsumeOptions): ConsumeSettings {
  return {
    backward: o.backward ?? 0,
    forward: o.forward ?? 0,
    mode: o.mode ?? CONSUMPTION_MODES[0],
    currentPeriod: o.currentPeriod ?? 0,
    pegging: o.pegging ?? false,
  };
}

/**
 * Consume forecast with customer orders.
 *
 * Orders are taken in period order, earliest first. Each order consumes its own period's
 * remaining forecast, then searches nearest first: `backward-forward` earlier periods up to
 * `backward` then later periods up to `forward`; `forward-backward` the reverse; `backward`
 * earlier only; `forward` later only. What no forecast in the window absorbs is excess.
 * Forecast before `currentPeriod` expires first. Runs in O(N + allocations) for any window.
 * An order that equals the forecast left up to floating-point noise uses it up (numeric.ts):
 * no 1e-17 of remaining forecast or of excess is left behind.
 *
 * @param forecast forecast per period
 * @param orders customer orders per period (same length)
 * @param options window, mode, current period and pegging
 * @returns remaining, consumed, excess and expired rows, and the pegging list when asked
 * @example
 * consumeForecast([350, 350, 350, 350], [300, 500, 280, 0], { backward: 1, forward: 1 });
 * // remainingForecast [0, 0, 0, 320], consumed [350, 350, 350, 30], excessOrders [0, 0, 0, 0]
 * // period 1: 350 own, 50 from period 0, 100 from period 2; period 2: 250 own, 30 from period 3
 */
export function consumeForecast(forecast: Series, orders: Series, options?: ConsumeOptions): Result<Consumption> {
  const error = checkSeriesPair(forecast, "forecast", orders, "orders");
  if (error) return fail(error);
  const settings = resolveConsumeOptions(options);
  if (!settings.ok) return settings;
  return ok(consumeCore(forecast, orders, settings.value));
}

/** The rows consumption writes, zero-filled (see `resultRows`). */
export interface ConsumeRows {
  remaining: Float64Array;
  consumed: Float64Array;
  excess: Float64Array;
  expired: Float64Array;
}

/** What one consumption run works on; built once per call, only when an order searches. */
interface Search {
  forecast: Series;
  remaining: Float64Array;
  consumed: Float64Array;
  open: GrowingOpenPeriods;
  /** The pegging list, or null when not asked for. */
  pegging: Peg[] | null;
}

/**
 * Allocate up to `need` from forecast period `from`; returns what is still needed. A need
 * that equals the period's remaining forecast up to noise (numeric.ts) takes all of it, and
 * the noise left over is not an excess.
 */
function allocate(search: Search, orderPeriod: number, from: number, need: number): number {
  const { remaining } = search;
  const available = remaining[from];
  let quantity: number;
  if (isBelow(need, available)) {
    quantity = need;
    remaining[from] = available - need;
    search.consumed[from] += quantity;
  } else {
    quantity = available;
    remaining[from] = 0;
    search.consumed[from] = search.forecast[from]; // exhausted: all of its forecast, exactly
    closePeriod(search.open, from);
  }
  if (search.pegging !== null) search.pegging.push({ orderPeriod, forecastPeriod: from, quantity });
  return quantity === need ? 0 : settle(need - quantity, 0, need);
}

function searchBackward(search: Search, orderPeriod: number, need: number, backward: number): number {
  const first = Math.max(0, orderPeriod - backward);
  let from = nearestOpenAtOrBefore(search.open, orderPeriod - 1);
  while (need > 0 && from >= first) {
    need = allocate(search, orderPeriod, from, need);
    from = nearestOpenAtOrBefore(search.open, from - 1);
  }
  return need;
}

function searchForward(search: Search, orderPeriod: number, need: number, forward: number): number {
  const last = Math.min(search.remaining.length - 1, orderPeriod + forward);
  let from = nearestOpenAtOrAfter(search.open, orderPeriod + 1);
  while (need > 0 && from <= last) {
    need = allocate(search, orderPeriod, from, need);
    from = nearestOpenAtOrAfter(search.open, from + 1);
  }
  return need;
}

/**
 * `consumeForecast` on inputs already checked.
 *
 * The own period is settled inline; skip pointers (in scratch memory) are built only when an
 * order has to search its window, and only as far as that window reaches, so a window of 0/0,
 * orders that fit their own period, or a long horizon with orders booked in its first weeks
 * do not pay for pointers over every period.
 *
 * @param forecast forecast per period
 * @param orders orders per period, same length
 * @param settings resolved options
 * @param rows zero-filled rows to write into (fresh result rows when omitted)
 * @returns the consumption rows
 */
export function consumeCore(forecast: Series, orders: Series, settings: ConsumeSettings, rows?: ConsumeRows): Consumption {
  const n = forecast.length;
  const { backward, forward, mode, currentPeriod } = settings;
  const out = rows ?? freshRows(n);
  const { remaining, consumed, excess, expired } = out;
  const pegging: Peg[] = [];
  const peg = settings.pegging ? pegging : null;
  const searchBack = mode !== "forward" && backward > 0;
  const searchAhead = mode !== "backward" && forward > 0;
  const backFirst = mode === "backward-forward" || mode === "backward";

  const current = Math.min(currentPeriod, n);
  // Nothing expired (the usual case): one native copy instead of a loop.
  if (current === 0) remaining.set(forecast);
  else {
    for (let p = 0; p < current; p++) expired[p] = forecast[p];
    for (let p = current; p < n; p++) remaining[p] = forecast[p];
  }

  let search: Search | null = null;
  for (let t = 0; t < n; t++) {
    let need = orders[t];
    if (!(need > 0)) continue;
    // Own period first: no pointers needed until the period runs out.
    const own = remaining[t];
    if (own > 0) {
      if (isBelow(need, own)) {
        remaining[t] = own - need;
        consumed[t] += need;
        if (peg !== null) peg.push({ orderPeriod: t, forecastPeriod: t, quantity: need });
        continue;
      }
      // The order uses up its own period (up to noise, which is then no excess).
      remaining[t] = 0;
      consumed[t] = forecast[t];
      if (peg !== null) peg.push({ orderPeriod: t, forecastPeriod: t, quantity: own });
      need = settle(need - own, 0, need);
      // Periods beyond the pointers built so far get theirs from `remaining` when reached.
      if (search !== null && t < search.open.built) closePeriod(search.open, t);
    }
    if (need > 0 && (searchBack || searchAhead)) {
      search ??= { forecast, remaining, consumed, open: growingOpenPeriods(remaining), pegging: peg };
      reachOpenPeriods(search.open, t + (searchAhead ? forward : 0) + 1);
      if (backFirst) {
        if (searchBack) need = searchBackward(search, t, need, backward);
        if (need > 0 && searchAhead) need = searchForward(search, t, need, forward);
      } else {
        if (searchAhead) need = searchForward(search, t, need, forward);
        if (need > 0 && searchBack) need = searchBackward(search, t, need, backward);
      }
    }
    if (need > 0) {
      excess[t] = need;
      if (peg !== null) peg.push({ orderPeriod: t, forecastPeriod: null, quantity: need });
    }
  }

  return { remainingForecast: remaining, consumed, excessOrders: excess, expiredForecast: expired, pegging };
}

function freshRows(n: number): ConsumeRows {
  const [remaining, consumed, excess, expired] = resultRows(4, n);
  return { remaining, consumed, excess, expired };
}
