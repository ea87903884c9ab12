/**
 * Tolerant comparisons for planning quantities, so floating-point noise (0.1 + 0.2) never
 * creates a lot of 1e-17 or an extra fixed lot.
 */

/** Relative tolerance: differences below one part in a billion are noise. */
export const EPSILON = 1e-9;

function scale(a: number, b: number): number {
  return EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/** `value < floor` by more than noise. */
export function isBelow(value: number, floor: number): boolean {
  // At or above the floor it cannot be below it by more than noise (scale > 0): skip the
  // tolerance, which planning would otherwise compute for nearly every period.
  if (value >= floor) return false;
  return value < floor - scale(value, floor);
}

/** `value >= target` up to noise. */
export function reaches(value: number, target: number): boolean {
  return !isBelow(value, target);
}

/** Smallest whole number ≥ `ratio`, ignoring noise just above a whole number. */
export function ceilCount(ratio: number): number {
  return Math.ceil(ratio - scale(ratio, 0));
}
