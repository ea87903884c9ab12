/**
 * The honest floor (issue 12, item 3): the plan's own recurrences — consumption window 0/0, MTS
 * demand, FOQ lots with safety stock, discrete ATP — as one tight loop over typed arrays, every
 * item's rows kept. Nothing is reused from item to item: inputs sit in one flat row per kind
 * (items × periods) and every computed row has its own place in a flat output row, so the loop
 * streams through memory as a real portfolio does. Verified equal to `planItem`, bit for bit,
 * on every item and period before it is timed.
 *
 * What it leaves out is what makes `planItem` an API: checking the inputs and options, copying
 * forecast and orders into the record, the all-zero expired-forecast and receipts rows, the
 * result objects. That is the cost `planItem ÷ kernel` shows.
 */
import { planItem, type ItemInput, type MpsRecord } from "../src/engine";
import { ABSOLUTE_TOLERANCE, isBelow, lotsToCover, mayBeNoise, settle, settleZero } from "../src/engine/numeric";
import { inputOf, type Portfolio } from "./data";

/** The planning both sides run: what the native template can express, as bench/workbook.ts. */
export function kernelInput(portfolio: Portfolio, i: number): ItemInput {
  return { ...inputOf(portfolio, i, { backward: 0, forward: 0 }), atpMethod: "discrete" };
}

/** A portfolio laid out flat: row `r` of item `i`, period `t` is at `i * periods + t`. */
export interface FlatPortfolio {
  items: number;
  periods: number;
  forecast: Float64Array;
  orders: Float64Array;
  onHand: Float64Array;
  safetyStock: Float64Array;
  lotSize: Float64Array;
}

/** The rows the plan computes, for every item. */
export interface FlatRecords {
  remaining: Float64Array;
  consumed: Float64Array;
  excess: Float64Array;
  demand: Float64Array;
  projectedAvailable: Float64Array;
  mps: Float64Array;
  atp: Float64Array;
}

export const KERNEL_ROWS: ReadonlyArray<keyof FlatRecords> = ["remaining", "consumed", "excess", "demand", "projectedAvailable", "mps", "atp"];

/** Copies a portfolio into flat rows (once, before timing). */
export function flatten(portfolio: Portfolio): FlatPortfolio {
  const { periods } = portfolio;
  const items = portfolio.items.length;
  const flat: FlatPortfolio = {
    items,
    periods,
    forecast: new Float64Array(items * periods),
    orders: new Float64Array(items * periods),
    onHand: new Float64Array(items),
    safetyStock: new Float64Array(items),
    lotSize: new Float64Array(items),
  };
  portfolio.items.forEach((item, i) => {
    flat.forecast.set(item.forecast, i * periods);
    flat.orders.set(item.orders, i * periods);
    flat.onHand[i] = item.onHand;
    flat.safetyStock[i] = item.safetyStock;
    flat.lotSize[i] = item.lotSize;
  });
  return flat;
}

/** Room for every item's computed rows. */
export function flatRecords(items: number, periods: number): FlatRecords {
  const row = () => new Float64Array(items * periods);
  return {
    remaining: row(),
    consumed: row(),
    excess: row(),
    demand: row(),
    projectedAvailable: row(),
    mps: row(),
    atp: row(),
  };
}

/**
 * Plans every item of `p` into `out`, one pass per item.
 *
 * Per period: the order consumes its own period's forecast (window 0/0), demand is orders plus
 * what forecast remains, and a lot of FOQ multiples is planned when the balance would fall
 * below safety stock (with the engine's tolerance, so the same figures come out). Discrete ATP
 * runs in the same pass: a block opens at period 0 and at every MPS; when the next one opens,
 * the finished block is netted against earlier blocks with ATP left, nearest first (a stack).
 *
 * @param p the flat portfolio
 * @param out rows to write; every element is written
 * @param stack scratch of `periods` ints for the ATP netting
 * @returns a checksum, so the work cannot be dropped
 */
export function planKernel(p: FlatPortfolio, out: FlatRecords, stack: Int32Array): number {
  const { periods: n, forecast, orders, onHand, safetyStock, lotSize } = p;
  const { remaining, consumed, excess, demand, projectedAvailable: pab, mps, atp } = out;
  let check = 0;
  for (let i = 0; i < p.items; i++) {
    const base = i * n;
    const ss = safetyStock[i];
    const lot = lotSize[i];
    let balance = onHand[i];
    let block = base; // where the open ATP block's value is kept
    let open = 0; // its value so far
    let top = 0; // earlier blocks with ATP left, on the stack
    for (let k = base; k < base + n; k++) {
      const f = forecast[k];
      const o = orders[k];
      // Consumption, window 0/0.
      let left = f;
      let used = 0;
      let over = 0;
      if (o > 0) {
        if (f > 0 && isBelow(o, f)) {
          left = f - o;
          used = o;
        } else if (f > 0) {
          // The order uses up the period; what is left over, up to noise, is excess.
          left = 0;
          used = f;
          const rest = settle(o - f, 0, o);
          over = rest > 0 ? rest : 0;
        } else {
          over = o;
        }
      }
      remaining[k] = left;
      consumed[k] = used;
      excess[k] = over;
      const d = o + left;
      demand[k] = d;
      // MPS and PAB: FOQ multiples up to safety stock, below it by more than noise.
      let projected = balance - d;
      let planned = 0;
      // Only a balance at, below or within noise of safety stock needs a closer look.
      if (projected - ss <= ABSOLUTE_TOLERANCE) {
        const magnitude = Math.max(Math.abs(balance), d);
        if (isBelow(projected, ss, magnitude)) {
          planned = lotsToCover(ss - projected, lot) * lot;
          projected = settle(projected + planned, ss, Math.max(magnitude, planned));
        } else projected = ss;
      }
      mps[k] = 0 + planned;
      balance = projected;
      pab[k] = balance;
      // Discrete ATP: close the open block when a new one starts, netting it backward.
      if (k === base) {
        open = onHand[i] + mps[k];
      } else if (mps[k] > 0) {
        top = closeBlock(atp, stack, top, block, open);
        block = k;
        open = mps[k];
      } else {
        atp[k] = 0;
      }
      open -= o;
    }
    top = closeBlock(atp, stack, top, block, open);
    // Rarely an ATP value is noise around 0: the engine writes it as 0 (atp.ts, settleNearZero).
    for (let k = base; k < base + n; k++) {
      if (mayBeNoise(atp[k])) {
        settleItemAtp(atp, mps, base, n, onHand[i]);
        break;
      }
    }
    check += balance;
  }
  return check;
}

/** ATP values that are 0 up to noise become 0; noise scales with on hand + all supply. */
function settleItemAtp(atp: Float64Array, mps: Float64Array, base: number, n: number, onHand: number): void {
  let magnitude = onHand;
  for (let k = base; k < base + n; k++) magnitude += mps[k];
  for (let k = base; k < base + n; k++) atp[k] = settleZero(atp[k], magnitude);
}

/** Writes a finished ATP block, taking its shortfall from earlier blocks, nearest first; returns the stack's new top. */
function closeBlock(atp: Float64Array, stack: Int32Array, top: number, block: number, value: number): number {
  while (value < 0 && top > 0) {
    const earlier = stack[top - 1];
    if (atp[earlier] <= -value) {
      value += atp[earlier];
      atp[earlier] = 0;
      top--;
    } else {
      atp[earlier] += value;
      value = 0;
    }
  }
  atp[block] = value;
  if (value > 0) stack[top++] = block;
  return top;
}

const RECORD_ROW: Record<keyof FlatRecords, keyof MpsRecord> = {
  remaining: "remainingForecast",
  consumed: "consumed",
  excess: "excessOrders",
  demand: "demand",
  projectedAvailable: "projectedAvailable",
  mps: "mps",
  atp: "atp",
};

/**
 * Compares the kernel's rows with `planItem`'s on every item and period, bit for bit
 * (`Object.is`, so even a −0 would count).
 * @returns cells compared and the first differences (empty when equal)
 */
export function verifyKernel(portfolio: Portfolio, out: FlatRecords, limit = 5): { compared: number; differences: string[] } {
  const n = portfolio.periods;
  const differences: string[] = [];
  let compared = 0;
  for (let i = 0; i < portfolio.items.length; i++) {
    const result = planItem(kernelInput(portfolio, i));
    if (!result.ok) throw new Error(`benchmark data refused: ${result.error.message}`);
    for (const row of KERNEL_ROWS) {
      const expected = result.value[RECORD_ROW[row]] as Float64Array;
      for (let t = 0; t < n; t++) {
        compared++;
        const got = out[row][i * n + t];
        if (!Object.is(got, expected[t]) && differences.length < limit) {
          differences.push(`item ${i + 1} ${row} period ${t + 1}: kernel ${got}, planItem ${expected[t]}`);
        }
      }
    }
  }
  return { compared, differences };
}
