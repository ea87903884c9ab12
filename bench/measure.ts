/**
 * Timing for the benchmarks: cases measured side by side, round after round, so that what
 * disturbs one round (another process, a GC, a frequency change) disturbs every case of it.
 * Ratios are taken round by round and then summarised, never from two separate medians.
 */

/** Median, minimum and maximum of a set of samples. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/**
 * Median, min and max of samples.
 * @example stats([3, 1, 2]) // → { median: 2, min: 1, max: 3, runs: 3 }
 */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { median, min: sorted[0], max: sorted[n - 1], runs: n };
}

/** Applies `f` to each figure of a summary (e.g. ms → item-periods per second). */
export function mapStats(s: Stats, f: (x: number) => number): Stats {
  const a = f(s.min);
  const b = f(s.max);
  return { median: f(s.median), min: Math.min(a, b), max: Math.max(a, b), runs: s.runs };
}

export interface RoundOptions {
  /** Rounds run and thrown away first, so every case is compiled and optimised. */
  warmup: number;
  /** Rounds measured. */
  rounds: number;
}

/** Milliseconds of each case, one sample per measured round. */
export type Samples<K extends string> = Record<K, number[]>;

/** Keeps a result alive so the optimiser cannot drop the work that produced it. */
let sink = 0;
export function consume(value: number): void {
  sink += value;
}
export function sinkValue(): number {
  return sink;
}

/**
 * Runs every case once per round, rotating which goes first, and times each run.
 * @param cases name → one run of the work (its return value is kept alive)
 * @returns milliseconds per case, one per measured round, in round order
 */
export function sideBySide<K extends string>(cases: Record<K, () => number>, options: RoundOptions): Samples<K> {
  const names = Object.keys(cases) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Samples<K>;
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      const start = process.hrtime.bigint();
      consume(cases[name]());
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (round >= options.warmup) samples[name].push(ms);
    }
  }
  return samples;
}

/**
 * Round-by-round ratio of two cases' times.
 * @example ratios({ a: [2, 4], b: [1, 1] }, "a", "b") // → [2, 4]
 */
export function ratios<K extends string>(samples: Samples<K>, numerator: K, denominator: K): number[] {
  return samples[numerator].map((ms, round) => ms / samples[denominator][round]);
}
