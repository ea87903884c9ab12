import type { PlanningError, Result } from "../../src/engine";

/** The value of a successful result; fails the test with the error message otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got error: ${result.error.message}`);
  return result.value;
}

/** The error of a failed result; fails the test otherwise. */
export function errorOf<T>(result: Result<T>): PlanningError {
  if (result.ok) throw new Error("expected an error, got ok");
  return result.error;
}

/** A typed array as a plain array, for readable expectations. */
export function list(row: ArrayLike<number>): number[] {
  return Array.from(row);
}

/** Rounded to 9 decimals, so float noise does not fail an exact expectation. */
export function rounded(row: ArrayLike<number>): number[] {
  return Array.from(row, (x) => Math.round(x * 1e9) / 1e9 + 0);
}

/** Sum of a row. */
export function sum(row: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < row.length; i++) total += row[i];
  return total;
}

/** A row of `n` copies of `value`. */
export function repeat(value: number, n: number): number[] {
  return new Array<number>(n).fill(value);
}
