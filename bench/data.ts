/**
 * Deterministic planning data for the benchmarks: a portfolio of items, each with a seasonal
 * forecast, customer orders booked mostly in the near periods (some above forecast, so orders
 * search the consumption window), on hand, safety stock and an FOQ lot size. The same seed
 * gives the same numbers on every machine.
 */
import type { ItemInput } from "../src/engine";

/**
 * Mulberry32: a small, fast 32-bit generator; plenty for test data.
 * @param seed any 32-bit integer
 * @returns a function giving numbers in [0, 1)
 * @example const random = seeded(7); random(); // → the same first number on every run
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One item's planning inputs. */
export interface Item {
  forecast: Float64Array;
  orders: Float64Array;
  onHand: number;
  safetyStock: number;
  lotSize: number;
}

/** Items × periods of planning inputs. */
export interface Portfolio {
  periods: number;
  items: Item[];
}

/**
 * Builds `items` items of `periods` periods from `seed`. Quantities are whole numbers, as
 * planners keep them, so every way of computing a plan lands on the same figures.
 * @example makePortfolio(2, 104, 1).items[0].forecast.length // → 104
 */
export function makePortfolio(items: number, periods: number, seed: number): Portfolio {
  const random = seeded(seed);
  const list: Item[] = [];
  for (let i = 0; i < items; i++) {
    const level = 20 + Math.floor(random() * 480);
    const amplitude = random() * 0.4;
    const phase = random() * 2 * Math.PI;
    const booked = 4 + random() * 12; // periods over which the order book thins out
    const forecast = new Float64Array(periods);
    const orders = new Float64Array(periods);
    for (let t = 0; t < periods; t++) {
      const season = 1 + amplitude * Math.sin((2 * Math.PI * t) / 52 + phase);
      forecast[t] = Math.round(level * season * (0.85 + 0.3 * random()));
      // Booked orders fade with distance; about one in five booked periods is above forecast.
      if (random() < Math.exp(-t / booked)) orders[t] = Math.round(forecast[t] * (0.3 + 1.0 * random()));
    }
    list.push({
      forecast,
      orders,
      onHand: Math.round(level * (0.5 + 2 * random())),
      safetyStock: Math.round(level * 0.3),
      lotSize: Math.round(level * (1 + 3 * random())),
    });
  }
  return { periods, items: list };
}

/** Item-periods in a portfolio. */
export function itemPeriods(portfolio: Portfolio): number {
  return portfolio.items.length * portfolio.periods;
}

/** The planning the issue asks for: window 2/2, MTS demand, FOQ with safety stock, look-ahead ATP. */
export const WINDOW = { backward: 2, forward: 2 };

export function inputOf(portfolio: Portfolio, i: number, window = WINDOW, pegging = false): ItemInput {
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
