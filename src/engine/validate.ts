/**
 * Input checks shared by every public function of the engine.
 *
 * Each check returns `undefined` when the input is acceptable and a `PlanningError` otherwise,
 * so checks chain with `??` and stop at the first problem:
 * `const error = checkSeries(a, "forecast") ?? checkSeries(b, "orders");`.
 * Options treat `undefined` and `null` alike as "not given" (Excel passes `null` for an
 * omitted argument); the caller then applies the default.
 */
import { messages, showValue } from "./messages";
import { MAX_QUANTITY, MIN_LOT } from "./numeric";
import type { PlanningError, Result, Series } from "./types";

/** Outcome of one check: nothing when the input is fine. */
export type Check = PlanningError | undefined;

/** Wrap a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wrap an error as a failed result. */
export function fail<T>(error: PlanningError): Result<T> {
  return { ok: false, error };
}

/** True when an option was not given. */
export function isAbsent(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

function reported(value: unknown): number | string {
  return typeof value === "number" || typeof value === "string" ? value : showValue(value);
}

function valueError(field: string, value: unknown, message: string): PlanningError {
  return { code: "VALUE", field, value: reported(value), message };
}

function numError(field: string, value: number, message: string): PlanningError {
  return { code: "NUM", field, value, message };
}

function isRow(value: unknown): value is Series {
  if (typeof value !== "object" || value === null) return false;
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" && Number.isInteger(length) && length >= 0;
}

/*
 * Fast checks of clean rows: one tight pass, no message built. Typed rows and plain arrays have
 * a loop each, so that each loop sees one kind of row: V8 shares a function's type feedback
 * between its callers, and one loop fed both kinds ran slower for both.
 */

/** Every element from 0 to `MAX_QUANTITY` (NaN fails both comparisons). */
function quantitiesIn(row: Float64Array): boolean {
  const n = row.length;
  for (let period = 0; period < n; period++) {
    const x = row[period];
    if (!(x >= 0 && x <= MAX_QUANTITY)) return false;
  }
  return true;
}

/** Every element a number from 0 to `MAX_QUANTITY`: `typeof` keeps out text such as "5", which the comparisons would coerce. */
function quantitiesOf(row: readonly unknown[]): boolean {
  const n = row.length;
  for (let period = 0; period < n; period++) {
    const x = row[period];
    if (!(typeof x === "number" && x >= 0 && x <= MAX_QUANTITY)) return false;
  }
  return true;
}

/** `quantitiesIn` of two rows of one length, in one pass. */
function quantityPairIn(a: Float64Array, b: Float64Array): boolean {
  const n = a.length;
  for (let period = 0; period < n; period++) {
    const x = a[period];
    const y = b[period];
    if (!(x >= 0 && x <= MAX_QUANTITY && y >= 0 && y <= MAX_QUANTITY)) return false;
  }
  return true;
}

/** `quantitiesOf` of two rows of one length, in one pass. */
function quantityPairOf(a: readonly unknown[], b: readonly unknown[]): boolean {
  const n = a.length;
  for (let period = 0; period < n; period++) {
    const x = a[period];
    const y = b[period];
    if (!(typeof x === "number" && x >= 0 && x <= MAX_QUANTITY && typeof y === "number" && y >= 0 && y <= MAX_QUANTITY)) return false;
  }
  return true;
}

/** A row of quantities: numbers from 0 to `MAX_QUANTITY`. */
export function checkSeries(value: unknown, field: string): Check {
  // Fast paths for the rows callers pass: a clean row is accepted in one tight pass; a row
  // with a bad element falls through to the loop below, which names it.
  if (value instanceof Float64Array) {
    if (quantitiesIn(value)) return undefined;
  } else if (Array.isArray(value)) {
    if (quantitiesOf(value)) return undefined;
  } else if (!isRow(value)) return { code: "VALUE", field, message: messages.notRow(field) };
  for (let period = 0; period < value.length; period++) {
    const x: unknown = value[period];
    if (typeof x !== "number") {
      return { code: "VALUE", field, period, value: reported(x), message: messages.elementNotNumber(field, period, x) };
    }
    if (!Number.isFinite(x)) {
      return { code: "NUM", field, period, value: x, message: messages.elementNotFinite(field, period, x) };
    }
    if (x < 0) return { code: "NUM", field, period, value: x, message: messages.elementNegative(field, period, x) };
    if (x > MAX_QUANTITY) return { code: "NUM", field, period, value: x, message: messages.elementTooLarge(field, period, x) };
  }
  return undefined;
}

/**
 * Two rows of quantities over the same periods (forecast and orders): what
 * `checkSeries(a) ?? checkSeries(b) ?? checkSameLength(a, b)` says, with two clean rows of the
 * same kind accepted in one pass over both (half the loop overhead of two passes).
 */
export function checkSeriesPair(a: unknown, fieldA: string, b: unknown, fieldB: string): Check {
  if (a instanceof Float64Array && b instanceof Float64Array) {
    if (a.length === b.length && quantityPairIn(a, b)) return undefined;
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && quantityPairOf(a, b)) return undefined;
  return checkSeries(a, fieldA) ?? checkSeries(b, fieldB) ?? checkSameLength(a as Series, fieldA, b as Series, fieldB);
}

/** Two rows cover the same periods. The message names both rows and both lengths. */
export function checkSameLength(row: Series, field: string, other: Series, otherField: string): Check {
  if (row.length === other.length) return undefined;
  return {
    code: "VALUE",
    field: otherField,
    value: other.length,
    message: messages.lengthMismatch(field, otherField, row.length, other.length),
  };
}

/** An optional row: absent, or a valid row as long as `reference`. */
export function checkOptionalSeries(value: unknown, field: string, reference: Series, referenceField: string): Check {
  if (isAbsent(value)) return undefined;
  return checkSeries(value, field) ?? checkSameLength(reference, referenceField, value as Series, field);
}

/** A required input is present. */
export function checkRequired(value: unknown, field: string): Check {
  return isAbsent(value) ? { code: "VALUE", field, message: messages.required(field) } : undefined;
}

/** An optional finite number. */
export function checkNumber(value: unknown, field: string): Check {
  if (isAbsent(value)) return undefined;
  if (typeof value !== "number") return valueError(field, value, messages.notNumber(field, value));
  if (!Number.isFinite(value)) return numError(field, value, messages.notFinite(field, value));
  return undefined;
}

/** Not above the largest quantity the engine accepts (numeric.ts). */
function checkNotTooLarge(value: unknown, field: string): Check {
  return typeof value === "number" && value > MAX_QUANTITY ? numError(field, value, messages.tooLarge(field, value)) : undefined;
}

/** An optional quantity: a number from 0 to `MAX_QUANTITY`. */
export function checkQuantity(value: unknown, field: string): Check {
  return (
    checkNumber(value, field) ??
    (typeof value === "number" && value < 0 ? numError(field, value, messages.negative(field, value)) : undefined) ??
    checkNotTooLarge(value, field)
  );
}

/** An optional quantity greater than 0, up to `MAX_QUANTITY`. */
export function checkPositive(value: unknown, field: string): Check {
  return (
    checkNumber(value, field) ??
    (typeof value === "number" && !(value > 0) ? numError(field, value, messages.notPositive(field, value)) : undefined) ??
    checkNotTooLarge(value, field)
  );
}

/**
 * An optional lot-size quantity (FOQ lot size, maxLot, multiple): greater than 0, at least
 * `MIN_LOT` and at most `MAX_QUANTITY`.
 */
export function checkLotQuantity(value: unknown, field: string): Check {
  return (
    checkPositive(value, field) ??
    (typeof value === "number" && value < MIN_LOT ? numError(field, value, messages.lotTooSmall(field, value)) : undefined)
  );
}

/** An optional whole number of periods, 0 or more (windows, fences, current period). */
export function checkPeriods(value: unknown, field: string): Check {
  if (isAbsent(value)) return undefined;
  if (typeof value !== "number") return valueError(field, value, messages.notNumber(field, value));
  if (!Number.isInteger(value) || value < 0) return numError(field, value, messages.notWholeNumber(field, value));
  return undefined;
}

/** An optional option string from a fixed list. */
export function checkOneOf(value: unknown, field: string, allowed: readonly string[]): Check {
  if (isAbsent(value) || (typeof value === "string" && allowed.includes(value))) return undefined;
  return valueError(field, value, messages.oneOf(field, allowed));
}

/** An optional true/false switch. */
export function checkBoolean(value: unknown, field: string): Check {
  if (isAbsent(value) || typeof value === "boolean") return undefined;
  return valueError(field, value, messages.notBoolean(field, value));
}

/**
 * Options that may be left out, resolved the one way every step does it: the object checked,
 * then its fields (`checkFields`), then the defaults filled in (`withDefaults`); left out, the
 * defaults alone.
 */
export function resolveOptions<O extends object, S>(
  options: O | undefined,
  checkFields: (o: O) => Check,
  withDefaults: (o: O) => S,
): Result<S> {
  const error = checkObject(options, "options", false) ?? (options === undefined || options === null ? undefined : checkFields(options));
  if (error) return fail(error);
  return ok(withDefaults(options ?? ({} as O)));
}

/**
 * The rows a plan is made from, as planMps and levelMps take them: demand, their options object,
 * and receipts and firm MPS (when given) as long as demand.
 */
export function checkPlanRows(demand: unknown, options: unknown): Check {
  const error = checkSeries(demand, "demand") ?? checkObject(options, "options", true);
  if (error) return error;
  const { receipts, firmMps } = options as { receipts?: unknown; firmMps?: unknown };
  return (
    checkOptionalSeries(receipts, "receipts", demand as Series, "demand") ??
    checkOptionalSeries(firmMps, "firmMps", demand as Series, "demand")
  );
}

/** An options object, which may be absent when `required` is false. */
export function checkObject(value: unknown, field: string, required: boolean): Check {
  if (isAbsent(value)) return required ? checkRequired(value, field) : undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    return valueError(field, value, messages.notObject(field));
  }
  return undefined;
}
