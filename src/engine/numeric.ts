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

/*
 * Speed: the helpers below run in the per-period loops. Each decides the common case
 * (quantities far apart, or exactly equal) with a comparison or two and leaves the rest to
 * a separate function, which the loops then seldom call: the JIT inlines the short part and
 * the loops stay as fast as plain comparisons.
 */

/** `|gap| ≤ tolerance` for the magnitudes involved: the slow part of the checks below. */
function withinNoise(gap: number, a: number, b: number, magnitude: number): boolean {
  return Math.abs(gap) <= tolerance(Math.max(Math.abs(a), Math.abs(b), magnitude));
}

/**
 * `value < floor` by more than noise.
 * @param value a quantity
 * @param floor what it is compared with
 * @param magnitude largest operand that went into either, when larger than both (≥ 0). @default 0
 * @example isBelow(0.3 - 0.1 - 0.2, 0); // → false (−2.8e-17 is noise)
 */
export function isBelow(value: number, floor: number, magnitude = 0): boolean {
  const gap = floor - value;
  if (!(gap > 0)) return false;
  return gap > ABSOLUTE_TOLERANCE || !withinNoise(gap, value, floor, magnitude);
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
  if (gap > ABSOLUTE_TOLERANCE || gap < -ABSOLUTE_TOLERANCE || gap === 0) return value;
  return withinNoise(gap, value, target, magnitude) ? target : value;
}

/**
 * True when `value` is not 0 but close enough to it to be noise (within the largest
 * tolerance): the cheap first test that lets hot loops skip `settle` for everything else.
 * @example mayBeNoise(2.8e-17); // → true   mayBeNoise(0.001); // → false   mayBeNoise(0); // → false
 */
export function mayBeNoise(value: number): boolean {
  return value <= ABSOLUTE_TOLERANCE && value >= -ABSOLUTE_TOLERANCE && value !== 0;
}

/**
 * 0 when `value` is 0 up to noise, else `value`.
 * @param value a computed quantity
 * @param magnitude largest operand that went into it, ≥ 0
 * @example settleZero(0.3 - 0.1 - 0.2, 0.3); // → 0
 */
export function settleZero(value: number, magnitude: number): number {
  return mayBeNoise(value) && withinNoise(value, value, 0, magnitude) ? 0 : value;
}

/**
 * Smallest number of lots of `size` whose total covers `required`, up to noise.
 *
 * The quotient `required / size` is itself rounded, so the count is checked on the
 * quantities: one lot fewer is enough when it reaches `required` up to noise (and a lot is
 * more than noise), one more is needed when the count falls short. Exact for whole
 * quantities at every magnitude a double holds exactly (`MPS.PLAN({5000000000},0,0,"FOQ",1)`
 * plans 5,000,000,000).
 * @param required quantity to cover (> 0)
 * @param size lot size (≥ MIN_LOT)
 * @returns the number of lots, ≥ 1
 * @example
 * lotsToCover(5e9, 1);          // → 5000000000
 * lotsToCover(0.1 + 0.2, 0.1);  // → 3, not 4
 * lotsToCover(55, 25);          // → 3
 */
export function lotsToCover(required: number, size: number): number {
  const count = Math.ceil(required / size);
  // Nearly always one lot fewer leaves far more than noise uncovered and the count covers.
  if (count < EXACT_COUNT && required - (count - 1) * size > ABSOLUTE_TOLERANCE && count * size >= required) return count;
  return correctedCount(required, size, count);
}

/** `lotsToCover` where the quotient may have been rounded across a whole number. */
function correctedCount(required: number, size: number, count: number): number {
  if (!(count < EXACT_COUNT)) return count; // lots finer than the quantity's own precision
  if (count < 1) return 1;
  // What one lot fewer leaves uncovered: noise when below the tolerance, unless lots are so
  // fine that a lot is no bigger than noise (then covering wins).
  const short = required - (count - 1) * size;
  if (count > 1 && short <= tolerance(required) && short < size / 2) return count - 1;
  return isBelow(count * size, required) ? count + 1 : count;
}
