/**
 * "Nearest period that still has forecast" pointers for forecast consumption.
 *
 * Two union-find forests over the periods, one pointing left and one pointing right. An
 * exhausted period is linked to its neighbour, and lookups compress the path they walk, so
 * a search skips every run of exhausted periods in near-constant amortised time. That keeps
 * consumption O(N + allocations) whatever the window: a 52/52 window costs what 0/0 costs.
 */
import { SCRATCH, scratchInts } from "./rows";

/** Skip pointers over periods 0..N-1. */
export interface OpenPeriods {
  /** `left[p + 1]` links period p leftwards; `left[0]` is the root standing for "none" (-1). */
  left: Int32Array;
  /** `right[p]` links period p rightwards; `right[N]` is the root standing for "none" (N). */
  right: Int32Array;
}

/**
 * Build skip pointers in which a period is open while `available[p] > 0`.
 * @param available quantity left per period
 * @returns pointers for `nearestOpenAtOrBefore`, `nearestOpenAtOrAfter` and `closePeriod`
 * @example
 * const open = openPeriods([5, 0, 0, 7]);
 * nearestOpenAtOrBefore(open, 2); // → 0
 * nearestOpenAtOrAfter(open, 1);  // → 3
 */
export function openPeriods(available: ArrayLike<number>): OpenPeriods {
  const n = available.length;
  const left = new Int32Array(n + 1);
  const right = new Int32Array(n + 1);
  fillRange(available, left, right, 0, n);
  return { left, right };
}

/**
 * Pointers for periods `from..end-1` from the current `available`, with `end` as the
 * rightward root ("none open up to here"). Rightward paths compressed onto the old root
 * `from` stay valid: every period they skipped is closed, and `from` now links on.
 */
function fillRange(available: ArrayLike<number>, left: Int32Array, right: Int32Array, from: number, end: number): void {
  for (let p = from; p < end; p++) {
    const isOpen = available[p] > 0;
    left[p + 1] = isOpen ? p + 1 : p;
    right[p] = isOpen ? p : p + 1;
  }
  right[end] = end;
}

/** Skip pointers built only as far as the searches so far have needed (see `growingOpenPeriods`). */
export interface GrowingOpenPeriods extends OpenPeriods {
  available: ArrayLike<number>;
  /** Periods 0..built-1 have pointers; `right[built]` is a root standing for "none open before built". */
  built: number;
}

/**
 * Skip pointers in scratch memory, built lazily: no period has pointers until
 * `reachOpenPeriods` asks for them. Orders are usually booked in the first weeks of a long horizon, so consumption
 * then builds pointers for those weeks, not for every period.
 * @param available quantity left per period
 * @returns pointers with no period built yet; valid until the next call
 * @example
 * const open = growingOpenPeriods(remaining);
 * reachOpenPeriods(open, t + forward + 1); // before searching periods up to t + forward
 */
export function growingOpenPeriods(available: ArrayLike<number>): GrowingOpenPeriods {
  const n = available.length;
  const left = scratchInts(SCRATCH.left, n + 1);
  const right = scratchInts(SCRATCH.right, n + 1);
  left[0] = 0;
  right[0] = 0;
  return { left, right, available, built: 0 };
}

/**
 * Build pointers up to (not including) period `end`, from the current quantities. Searches
 * may then look at periods 0..end-1 and ask `nearestOpenAtOrAfter` for periods up to `end`
 * (which answers `end` or more for "none open before `end`").
 * @param open lazily built pointers
 * @param end first period that needs no pointer (capped at N)
 */
export function reachOpenPeriods(open: GrowingOpenPeriods, end: number): void {
  const target = Math.min(end, open.available.length);
  if (target <= open.built) return;
  fillRange(open.available, open.left, open.right, open.built, target);
  open.built = target;
}

/** Root of `node`, compressing the walked path onto it. */
function findRoot(parent: Int32Array, node: number): number {
  let root = node;
  while (parent[root] !== root) root = parent[root];
  while (parent[node] !== root) {
    const next = parent[node];
    parent[node] = root;
    node = next;
  }
  return root;
}

/**
 * Latest open period at or before `period`.
 * @param open skip pointers
 * @param period a period, -1..N-1
 * @returns the period, or -1 when none is open
 */
export function nearestOpenAtOrBefore(open: OpenPeriods, period: number): number {
  return period < 0 ? -1 : findRoot(open.left, period + 1) - 1;
}

/**
 * Earliest open period at or after `period`.
 * @param open skip pointers
 * @param period a period, 0..N
 * @returns the period, or N when none is open
 */
export function nearestOpenAtOrAfter(open: OpenPeriods, period: number): number {
  const n = open.right.length - 1;
  return period >= n ? n : findRoot(open.right, period);
}

/**
 * Mark `period` exhausted so searches skip it from now on.
 * @param open skip pointers
 * @param period the exhausted period
 */
export function closePeriod(open: OpenPeriods, period: number): void {
  open.left[period + 1] = period;
  open.right[period] = period + 1;
}
