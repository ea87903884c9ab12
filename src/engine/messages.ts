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

  // Capacity (load.ts, level.ts): blocks of rows (one per resource or item) and per-row values.
  notBlock: (field: string): string => `${field} must be a list of rows of numbers`,
  noRows: (field: string, rowName: string): string => `${field} needs at least one ${rowName}`,
  emptyRow: (field: string, row: number, columnName: string): string =>
    `${field}[${row}] needs at least one ${columnName}`,
  notNumberOrRow: (field: string, value: unknown): string =>
    `${field} must be a number or a row of numbers (got ${showValue(value)})`,
  perRowCount: (field: string, rowName: string, count: number, length: number): string =>
    `${field} must hold one value per ${rowName} (${count}) or one value for all, got ${length}`,
  rowCount: (field: string, reference: string, count: number, length: number): string =>
    `${field} must have one row per row of ${reference} (${count}), got ${length}`,

  // The record with capacity (planItem): a levelled MPS is lot for lot.
  levelledLotRule: (rule: string, strategy: string): string =>
    `lotRule ${rule} cannot be used with the capacity strategy ${strategy}: a levelled MPS is lot for lot ` +
    `(use lot rule LFL, or the capacity strategy check)`,
  levelledModifier: (field: string, strategy: string): string =>
    `${field} cannot be used with the capacity strategy ${strategy}: a levelled MPS builds what capacity allows, ` +
    `not whole lots (leave ${field} empty, or use the capacity strategy check)`,
};

/**
 * Texts of the order-line steps (bucketing, lead-time release, line promising, line pegging,
 * forecast accuracy and safety stock). Lines are 0-based indexes, written `field[line]` as for
 * rows; the adapters turn them into the cells the planner sees.
 */
export const orderMessages = {
  notLines: (field: string): string => `${field} must be a list of cells`,
  dateNotNumber: (field: string, line: number, value: unknown): string =>
    `${field}[${line}] is not a date (${showValue(value)})`,
  quantityWithoutDate: (line: number, quantity: number): string =>
    `dates[${line}] is empty but quantities[${line}] is ${showQuantity(quantity)}: an order line needs a date`,
  noPeriodStarts: (): string => `periodStarts must hold at least one date`,
  periodStartsNotIncreasing: (index: number, day: number, previousDay: number): string =>
    `periodStarts[${index}] (${day}) is not after periodStarts[${index - 1}] (${previousDay}): ` +
    `period starts must be sorted, earliest first, one period per day at most`,
  horizonEndRequired: (): string =>
    `horizonEnd is required with a single period start: the length of the only period cannot be inferred`,
  horizonEndNotAfter: (end: number, lastStart: number): string =>
    `horizonEnd (${end}) must be after the last period start (${lastStart})`,
  releasePastDue: (duePeriod: number, quantity: number, leadTime: number): string =>
    `release ${showQuantity(quantity)} now: due in period ${duePeriod}, with lead time ${leadTime} ` +
    `it should have started ${leadTime - duePeriod} period${leadTime - duePeriod === 1 ? "" : "s"} before period 0`,
  lineNotWholePeriod: (field: string, line: number, value: unknown): string =>
    `${field}[${line}] must be a whole number of periods, 0 or more (got ${showValue(value)})`,
  linePeriodOutOfRange: (field: string, line: number, value: number, periods: number): string =>
    `${field}[${line}] is period ${value}, outside the ${periods} periods of the forecast`,
  historyEmpty: (): string => `forecastHistory must hold at least one period`,
  historyTooShort: (periods: number): string =>
    `the history must hold at least two periods for a standard deviation (got ${periods})`,
  serviceLevel: (value: number): string =>
    `serviceLevel must be strictly between 0 and 1, e.g. 0.95 for 95 % (got ${value})`,
};

/**
 * The coach's exception messages (exceptions.ts), in a planner's words. Every text starts
 * with the period's label as the planner sees it ("Period 3", counted from 1, or whatever
 * label the caller gives, e.g. "Week of 2027-01-04"); quantities as in action messages.
 */
export const coachMessages = {
  /** The default label of a 0-based period: counted from 1. */
  period: (period: number): string => `Period ${period + 1}`,

  shortage: (at: string, quantity: number, inFence: boolean): string =>
    `${at}: short ${showQuantity(quantity)}, projected available ${showQuantity(-quantity)}` +
    (inFence ? " inside the planning time fence" : ""),
  belowSafetyStock: (at: string, quantity: number, projected: number, safetyStock: number): string =>
    `${at}: projected available ${showQuantity(projected)} is ${showQuantity(quantity)} below safety stock ${showQuantity(safetyStock)}`,
  expedite: (at: string, quantity: number, projected: number, safetyStock: number): string =>
    `${at}: expedite ${showQuantity(quantity)}, firm supply leaves projected available ${showQuantity(projected)}` +
    (safetyStock > 0 ? ` (safety stock ${showQuantity(safetyStock)})` : ""),
  overpromised: (at: string, quantity: number): string =>
    `${at}: orders promised ${showQuantity(quantity)} beyond supply (ATP ${showQuantity(-quantity)})`,
  late: (at: string, quantity: number, firstBuilt: string | null, lastBuilt: string | null, afterHorizon: number): string => {
    const built = quantity - afterHorizon;
    const where = firstBuilt === null ? "" : firstBuilt === lastBuilt ? `in ${firstBuilt}` : `in ${firstBuilt} to ${lastBuilt}`;
    if (afterHorizon <= 0) return `${at}: ${showQuantity(quantity)} cannot be built in time, built late ${where}`;
    if (firstBuilt === null) return `${at}: ${showQuantity(quantity)} cannot be built in time, not before the end of the horizon`;
    return `${at}: ${showQuantity(quantity)} cannot be built in time, ${showQuantity(built)} built late ${where}, ` +
      `${showQuantity(afterHorizon)} after the horizon`;
  },
  releasePastDue: (at: string, quantity: number, lastDue: string): string =>
    `${at}: start ${showQuantity(quantity)} now, the lead time puts its start before ${at} (due by ${lastDue})`,
  pastDueLoad: (at: string, quantity: number): string =>
    `${at}: ${showQuantity(quantity)} of load is past due, work that should have started before ${at}`,
  overload: (at: string, quantity: number, load: number, capacity: number): string =>
    `${at}: load ${showQuantity(load)} exceeds capacity ${showQuantity(capacity)} by ${showQuantity(quantity)}`,
  firmOverload: (at: string, quantity: number, load: number, capacity: number): string =>
    `${at}: firm MPS loads ${showQuantity(load)} on capacity ${showQuantity(capacity)}, ${showQuantity(quantity)} over`,
  rescheduleIn: (at: string, quantity: number, to: string): string =>
    `${at}: move the receipt of ${showQuantity(quantity)} in to ${to}, it is needed then`,
  rescheduleOut: (at: string, quantity: number, to: string): string =>
    `${at}: move the receipt of ${showQuantity(quantity)} out to ${to}, it is not needed before`,
  cancel: (at: string, quantity: number): string =>
    `${at}: cancel the receipt of ${showQuantity(quantity)}, it is not needed within the horizon`,
  splitLot: (at: string, quantity: number, lots: number): string =>
    `${at}: release ${showQuantity(quantity)} as ${lots} lots, it is above the maximum lot size`,
  forecastLow: (at: string, quantity: number): string => `${at}: orders exceed forecast by ${showQuantity(quantity)}`,
  forecastUnconsumed: (at: string, quantity: number): string =>
    `${at}: ${showQuantity(quantity)} of forecast not taken by orders inside the demand time fence, it drops out of demand`,
  forecastBias: (trackingSignal: number, limit: number): string =>
    `Forecast runs ${trackingSignal > 0 ? "low" : "high"}: tracking signal ${showQuantity(Math.round(trackingSignal * 100) / 100)} ` +
    `is beyond ±${limit}`,

  // Checks of the coach's inputs.
  notList: (field: string): string => `${field} must be a list`,
  badEntry: (field: string, index: number, what: string, periods: number): string =>
    `${field}[${index}] must be ${what}, with periods 0 to ${periods - 1}`,
  notFunction: (field: string): string => `${field} must be a function from a 0-based period to its name`,
};
