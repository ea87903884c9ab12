/**
 * Every text the engine shows a person: error messages and action messages, in one place.
 *
 * Periods in messages are the engine's 0-based indexes, written as `field[period]` for an
 * element of a row and `period N` in action messages.
 */
import { MAX_QUANTITY, MIN_LOT } from "./numeric";

/** A value as it appears inside a message: numbers as they are, other things quoted. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) return Array.isArray(value) ? "a list" : "an object";
  if (typeof value === "function") return "a function";
  return String(value);
}

/** A quantity rounded for reading (up to 6 decimals, no trailing zeros). */
function showQuantity(quantity: number): string {
  return String(Math.round(quantity * 1e6) / 1e6);
}

/** A limit as written in messages: 1e+15, 1e-9. */
function showLimit(limit: number): string {
  return limit.toExponential();
}

export const messages = {
  notRow: (field: string): string => `${field} must be a row of numbers`,
  notObject: (field: string): string => `${field} must be an object`,
  required: (field: string): string => `${field} is required`,
  elementNotNumber: (field: string, period: number, value: unknown): string =>
    `${field}[${period}] is not a number (${showValue(value)})`,
  elementNotFinite: (field: string, period: number, value: number): string =>
    `${field}[${period}] is not a finite number (${value})`,
  elementNegative: (field: string, period: number, value: number): string =>
    `${field}[${period}] is negative (${value})`,
  elementTooLarge: (field: string, period: number, value: number): string =>
    `${field}[${period}] is too large (${value}): quantities are at most ${showLimit(MAX_QUANTITY)}`,
  lengthMismatch: (field: string, otherField: string, length: number, otherLength: number): string =>
    `${field} and ${otherField} differ in length: ${length} vs ${otherLength}`,
  notNumber: (field: string, value: unknown): string =>
    `${field} must be a number (got ${showValue(value)})`,
  notFinite: (field: string, value: number): string => `${field} must be a finite number (got ${value})`,
  negative: (field: string, value: number): string => `${field} is negative (${value})`,
  tooLarge: (field: string, value: number): string =>
    `${field} is too large (${value}): quantities are at most ${showLimit(MAX_QUANTITY)}`,
  lotTooSmall: (field: string, value: number): string =>
    `${field} must be at least ${showLimit(MIN_LOT)} (got ${value})`,
  notWholeNumber: (field: string, value: number): string =>
    `${field} must be a whole number of periods, 0 or more (got ${value})`,
  notPositive: (field: string, value: number): string => `${field} must be greater than 0 (got ${value})`,
  notBoolean: (field: string, value: unknown): string =>
    `${field} must be true or false (got ${showValue(value)})`,
  oneOf: (field: string, allowed: readonly string[]): string => `${field} must be one of ${allowed.join(", ")}`,
  foqLotSizeRequired: (): string => `lotSize is required for FOQ: the fixed order quantity`,
  foqLotSize: (value: number): string => `lotSize must be greater than 0 for FOQ (got ${value})`,
  poqLotSizeRequired: (): string => `lotSize is required for POQ: the number of periods each lot covers`,
  poqLotSize: (value: number): string =>
    `lotSize must be a whole number of periods, 1 or more, for POQ (got ${value})`,
  minAboveMax: (minLot: number, maxLot: number): string =>
    `minLot (${minLot}) is greater than maxLot (${maxLot})`,

  expedite: (period: number, quantity: number, projected: number, safetyStock: number): string =>
    `expedite ${showQuantity(quantity)} into period ${period}: firm supply leaves projected available ` +
    `${showQuantity(projected)}, below safety stock ${showQuantity(safetyStock)}`,
  splitLot: (period: number, quantity: number, lots: number, maxLot: number): string =>
    `period ${period}: ${showQuantity(quantity)} exceeds maxLot ${showQuantity(maxLot)}, ` +
    `release as ${lots} lots of at most ${showQuantity(maxLot)}`,
};
