/**
 * Memory for planning rows: result rows carved from shared slabs, and scratch rows reused
 * from call to call for work that never leaves the call (skip pointers, supply, a stack).
 *
 * Why: on V8 every `new Float64Array(n)` allocates a separate backing store outside the JS
 * heap, which costs about a microsecond, more than planning a hundred periods. A record of
 * eleven rows would spend most of its time there. Carving rows as views of one 256 KB slab
 * costs tens of nanoseconds each. Rows never share elements: a slab is only ever handed out
 * once, front to back, and is zero-filled when created, so every result row starts at 0.
 * A row keeps its slab alive; rows too large for a slab get their own buffer.
 */

/** Doubles per slab: 256 KB, room for ~30 records of 104 periods. */
const SLAB_DOUBLES = 32_768;

let slab: ArrayBuffer | null = null;
/** Doubles of the current slab already handed out. */
let used = SLAB_DOUBLES;

/**
 * `count` zero-filled rows of `n` periods for a result.
 * @param count number of rows
 * @param n periods per row
 * @returns the rows, each a distinct Float64Array of length n
 * @example
 * const [mps, pab] = resultRows(2, 4); // two rows [0, 0, 0, 0], independent of each other
 */
export function resultRows(count: number, n: number): Float64Array[] {
  const total = count * n;
  let buffer: ArrayBuffer;
  let start: number;
  if (total * 4 > SLAB_DOUBLES) {
    buffer = new ArrayBuffer(total * 8);
    start = 0;
  } else {
    if (slab === null || used + total > SLAB_DOUBLES) {
      slab = new ArrayBuffer(SLAB_DOUBLES * 8);
      used = 0;
    }
    buffer = slab;
    start = used;
    used += total;
  }
  const rows: Float64Array[] = [];
  for (let r = 0; r < count; r++) rows.push(new Float64Array(buffer, (start + r * n) * 8, n));
  return rows;
}

/**
 * One zero-filled result row of `n` periods.
 * @param n periods
 * @returns a Float64Array of length n, all 0
 * @example resultRow(3); // → Float64Array [0, 0, 0]
 */
export function resultRow(n: number): Float64Array {
  return resultRows(1, n)[0];
}

/** Scratch slots, one per use, so two uses in one call never share a row. */
export const SCRATCH = { supply: 0, left: 0, right: 1, stack: 2 } as const;

/** Longer scratch rows are allocated per call instead of kept: at that length the allocation is noise. */
const KEEP_SCRATCH = 65_536;

const doubles: Float64Array[] = [];
const ints: Int32Array[] = [];
/**
 * The view of the first n elements last handed out per slot: a portfolio repeats the same
 * horizon, and a fresh `subarray` per call costs ~30 ns, as much as planning a period.
 */
const doubleViews: Float64Array[] = [];
const intViews: Int32Array[] = [];

/**
 * A scratch row of `n` doubles, reused by the next call with the same slot: its content is
 * undefined, the caller writes every element before reading it and never returns it.
 * @param slot which scratch row (distinct slots never overlap)
 * @param n length
 * @returns a Float64Array of length n
 * @example const supply = scratchDoubles(SCRATCH.supply, n); for (let t = 0; t < n; t++) supply[t] = mps[t] + receipts[t];
 */
export function scratchDoubles(slot: number, n: number): Float64Array {
  if (n > KEEP_SCRATCH) return new Float64Array(n);
  if (doubles[slot] === undefined || doubles[slot].length < n) {
    doubles[slot] = new Float64Array(Math.max(n, 128));
    doubleViews[slot] = doubles[slot].subarray(0, n);
  } else if (doubleViews[slot].length !== n) doubleViews[slot] = doubles[slot].subarray(0, n);
  return doubleViews[slot];
}

/**
 * A scratch row of `n` 32-bit integers, with the same contract as `scratchDoubles`.
 * @param slot which scratch row (distinct slots never overlap)
 * @param n length
 * @returns an Int32Array of length n
 * @example const stack = scratchInts(SCRATCH.stack, n);
 */
export function scratchInts(slot: number, n: number): Int32Array {
  if (n > KEEP_SCRATCH) return new Int32Array(n);
  if (ints[slot] === undefined || ints[slot].length < n) {
    ints[slot] = new Int32Array(Math.max(n, 128));
    intViews[slot] = ints[slot].subarray(0, n);
  } else if (intViews[slot].length !== n) intViews[slot] = ints[slot].subarray(0, n);
  return intViews[slot];
}
