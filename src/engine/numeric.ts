/**
 * The engine's one rule for floating-point noise, and the range of quantities it accepts.
 *
 * Decimal inputs are not exact in binary (0.1 + 0.2 = 0.30000000000000004), so sums of
 * them leave noise a few units in the 16th significant digit. The rule, used wherever a row
 * is computed:
 * - **Equal up to noise.** Two quantities are equal when they differ by at most
 *   `tolerance(m)`, m the magnitude of the quantities involved: one part in 10⁹ of m (of 1
 *   when m < 1), and never more than 10⁻⁶ of a unit. The cap keeps distinct whole numbers
 *   distinct at every magnitude a double holds exactly, so 5,000,000,000 and 4,999,999,999
 *   are two quantities, not one.
 * - **Results snap.** A result within tolerance of the exact value it stands for (0, the
 *   safety stock, a period's whole forecast) is written as that value, so no −5.6e-17 PAB and
 *   no 2.8e-17 "excess" reach a cell.
 *
 * Inputs above `MAX_QUANTITY` are refused (see validate.ts); below it no sum the engine forms
 * can overflow, so every result is finite.
 */

/** Relative part of the tolerance: one part in a billion. */
export const RELATIVE_TOLERANCE = 1e-9;
/** Largest tolerance, in units: a millionth of a unit. Below 0.5, so whole numbers never merge. */
export const ABSOLUTE_TOLERANCE = 1e-6;
/**
 * Largest quantity the engine accepts in any input (10¹⁵, Excel's 15 significant digits).
 * Every whole quantity up to it is exact in a double; a horizon of even 10⁹ periods of such
 * quantities sums to 10²⁴ and more, far below overflow (about 1.8e308).
 */
export const MAX_QUANTITY = 1e15;
/**
 * Smallest lot-size quantity (FOQ lot size, maxLot, multiple): the tolerance at 1 unit. A
 * finer lot is noise, and dividing by one could count more lots than a double holds.
 */
export const MIN_LOT = RELATIVE_TOLERANCE;

/** Beyond this many lots, lots are finer than the quantity's own precision. */
const EXACT_COUNT = 2 ** 53;

/**
 * Noise allowed between quantities of magnitude `magnitude` (≥ 0).
 * @example tolerance(0.3); // → 1e-9   tolerance(5000); // → 5e-6 capped to 1e-6
 */
export function tolerance(magnitude: number): number {
  const relative = RELATIVE_TOLERANCE * magnitude;
  if (relative <= RELATIVE_TOLERANCE) return RELATIVE_TOLERANCE;
  return relative < ABSOLUTE_TOLERANCE ? relative : ABSOLUTE_TOLERANCE;
}

/**
 * `value < floor` by more than noise.
 * @param value a quantity
 * @param floor what it is compared with
 * @param magnitude largest operand that went into either, when larger than both (≥ 0). @default 0
 * @example isBelow(0.3 - 0.1 - 0.2, 0); // → false (−2.8e-17 is noise)
 */
export function isBelow(value: number, floor: number, magnitude = 0): boolean {
  // Nearly every comparison is decided without computing the tolerance: at or above the
  // floor, or below it by more than the largest tolerance.
  const gap = floor - value;
  if (!(gap > 0)) return false;
  if (gap > ABSOLUTE_TOLERANCE) return true;
  return gap > tolerance(Math.max(Math.abs(value), Math.abs(floor), magnitude));
}

/**
 * `value >= target` up to noise.
 * @example reaches(0.1 + 0.2, 0.3); // → true
 */
export function reaches(value: number, target: number, magnitude = 0): boolean {
  return !isBelow(value, target, magnitude);
}

/**
 * `target` when `value` equals it up to noise, else `value`: how results snap.
 * @param value a computed result
 * @param target the exact value it may stand for
 * @param magnitude largest operand that went into `value` (noise scales with it), ≥ 0
 * @example settle(-5.551115123125783e-17, 0, 0.3); // → 0
 */
export function settle(value: number, target: number, magnitude: number): number {
  const gap = value - target;
  if (gap > ABSOLUTE_TOLERANCE || gap < -ABSOLUTE_TOLERANCE) return value; // the common case, decided cheaply
  return Math.abs(gap) <= tolerance(Math.max(Math.abs(value), Math.abs(target), magnitude)) ? target : value;
}

/**
 * 0 when `value` is 0 up to noise, else `value`: `settle(value, 0, …)` for the hot loops,
 * where the magnitude is worked out only for a value that close to 0.
 * @param value a computed quantity
 * @param a an operand that went into it
 * @param b the other operands, summed (their sum is at least their largest)
 * @example settleZero(0.3 - 0.1 - 0.2, 0.3, 0.3); // → 0
 */
export function settleZero(value: number, a: number, b: number): number {
  if (value > ABSOLUTE_TOLERANCE || value < -ABSOLUTE_TOLERANCE) return value;
  return settle(value, 0, Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * Smallest number of lots of `size` whose total covers `required`, up to noise.
 *
 * The quotient `required / size` is itself rounded, so the count is checked on the
 * quantities: one lot fewer is enough when it reaches `required` up to noise (and a lot is
 * more than noise), one more is needed when the count falls short. Exact for whole quantities at every magnitude a double
 * holds exactly (`MPS.PLAN({5000000000},0,0,"FOQ",1)` plans 5,000,000,000).
 * @param required quantity to cover (> 0)
 * @param size lot size (≥ MIN_LOT)
 * @returns the number of lots, ≥ 1
 * @example
 * lotsToCover(5e9, 1);          // → 5000000000
 * lotsToCover(0.1 + 0.2, 0.1);  // → 3, not 4
 * lotsToCover(55, 25);          // → 3
 */
export function lotsToCover(required: number, size: number): number {
  const ratio = required / size;
  if (!(ratio < EXACT_COUNT)) return Math.ceil(ratio);
  let count = Math.max(1, Math.ceil(ratio));
  // What one lot fewer leaves uncovered: noise when below the tolerance, unless lots are so
  // fine that a lot is no bigger than noise (then covering wins).
  const short = required - (count - 1) * size;
  if (count > 1 && short <= tolerance(required) && short < size / 2) count--;
  else if (isBelow(count * size, required)) count++;
  return count;
}
