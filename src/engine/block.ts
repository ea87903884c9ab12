/**
 * Checks for inputs that hold one row per item or per resource (a block, as a spreadsheet
 * range of several rows arrives) and for values given once per row or once for all.
 *
 * A problem in row r of block `demand` is checked under the name `demand[r]`, so every text
 * of `validate.ts` applies unchanged ("demand[1][3] is negative (-4)"); the error then names
 * the block as its `field` and the row as its `row`, as the adapters need to find the cell.
 */
import { messages, showValue } from "./messages";
import type { PlanningError, Result, Series } from "./types";
import { type Check, checkPositive, checkQuantity, checkRequired, checkSameLength, checkSeries, fail, isAbsent, ok } from "./validate";

/** A list: anything with a whole-number length (an array, a typed array, an array-like). */
function isList(value: unknown): value is ArrayLike<unknown> {
  if (typeof value !== "object" || value === null) return false;
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" && Number.isInteger(length) && length >= 0;
}

/** An error found under the name `field[row]`, reported against the block and its row. */
function inRow(error: PlanningError, field: string, row: number): PlanningError {
  return { ...error, field, row };
}

/** An error found under the name `field[index]`, reported as element `index` of `field`. */
function atIndex(error: PlanningError, field: string, index: number): PlanningError {
  return { ...error, field, period: index };
}

/** How a block's rows are named and shaped. */
export interface BlockShape {
  /** What one row is, for messages: "item", "resource". */
  rowName: string;
  /** What one column is, for messages; when given, every row needs at least one column. */
  columnName?: string;
  /** Every row as long as the first (periods); otherwise rows may differ (offsets). */
  sameLength: boolean;
}

/**
 * A block: a non-empty list of rows of finite quantities ≥ 0.
 * @param value the block to check
 * @param field its name as the API spells it
 * @param shape row and column names, and whether rows share one length
 * @returns the first problem, or undefined
 * @example
 * checkBlock([[1, 2], [3, -4]], "demand", { rowName: "item", sameLength: true });
 * // → NUM error on field "demand", row 1, period 1: demand[1][1] is negative (-4)
 */
export function checkBlock(value: unknown, field: string, shape: BlockShape): Check {
  if (!isList(value)) return { code: "VALUE", field, message: messages.notBlock(field) };
  if (value.length === 0) return { code: "VALUE", field, message: messages.noRows(field, shape.rowName) };
  for (let r = 0; r < value.length; r++) {
    const row = value[r];
    const name = `${field}[${r}]`;
    const error =
      checkSeries(row, name) ??
      (shape.sameLength && r > 0 ? checkSameLength(value[0] as Series, `${field}[0]`, row as Series, name) : undefined);
    if (error) return inRow(error, field, r);
    if (shape.columnName !== undefined && (row as Series).length === 0) {
      return { code: "VALUE", field, row: r, message: messages.emptyRow(field, r, shape.columnName) };
    }
  }
  return undefined;
}

/**
 * An optional block with one row per row of `reference`, each as long as its reference row.
 * @param value the block to check, or undefined/null for none
 * @param field its name
 * @param reference the block it goes with (already checked)
 * @param referenceField the reference's name
 * @returns the first problem, or undefined
 * @example
 * checkOptionalBlock([[0, 5]], "receipts", [[1, 2], [3, 4]], "demand");
 * // → VALUE error on field "receipts": receipts must have one row per row of demand (2), got 1
 */
export function checkOptionalBlock(value: unknown, field: string, reference: readonly Series[], referenceField: string): Check {
  if (isAbsent(value)) return undefined;
  if (!isList(value)) return { code: "VALUE", field, message: messages.notBlock(field) };
  if (value.length !== reference.length) {
    return { code: "VALUE", field, value: value.length, message: messages.rowCount(field, referenceField, reference.length, value.length) };
  }
  for (let r = 0; r < value.length; r++) {
    const name = `${field}[${r}]`;
    const error =
      checkSeries(value[r], name) ?? checkSameLength(reference[r], `${referenceField}[${r}]`, value[r] as Series, name);
    if (error) return inRow(error, field, r);
  }
  return undefined;
}

/** What a per-row value must be: a quantity (≥ 0) or a positive number (> 0). */
export type ValueKind = "quantity" | "positive";

function checkValue(value: unknown, field: string, kind: ValueKind): Check {
  return kind === "quantity" ? checkQuantity(value, field) : checkPositive(value, field);
}

/**
 * A value per row of a block, given as one row of `count` values or as one value for all.
 * @param value a number, a row of numbers, or undefined/null for `fallback`
 * @param field its name
 * @param count rows of the block
 * @param rowName what one row is, for messages
 * @param kind quantity (≥ 0) or positive (> 0)
 * @param fallback the value when absent, or undefined when the value is required
 * @returns one value per row, or the first problem
 * @example
 * rowValues([1, 2], "hoursPerUnit", 2, "item", "positive", 1); // → ok(Float64Array [1, 2])
 * rowValues(5, "onHand", 3, "item", "quantity", undefined);     // → ok(Float64Array [5, 5, 5])
 */
export function rowValues(
  value: unknown,
  field: string,
  count: number,
  rowName: string,
  kind: ValueKind,
  fallback: number | undefined,
): Result<Float64Array> {
  const values = new Float64Array(count);
  if (isAbsent(value)) {
    if (fallback === undefined) return fail(checkRequired(value, field) as PlanningError);
    return ok(values.fill(fallback));
  }
  if (!isList(value)) {
    const error = typeof value === "number" ? checkValue(value, field, kind) : notNumberOrRow(field, value);
    return error ? fail(error) : ok(values.fill(value as number));
  }
  if (value.length !== count) {
    return fail({ code: "VALUE", field, value: value.length, message: messages.perRowCount(field, rowName, count, value.length) });
  }
  for (let i = 0; i < count; i++) {
    const x = value[i];
    const error = isAbsent(x) ? checkRequired(x, `${field}[${i}]`) : checkValue(x, `${field}[${i}]`, kind);
    if (error) return fail(atIndex(error, field, i));
    values[i] = x as number;
  }
  return ok(values);
}

function notNumberOrRow(field: string, value: unknown): PlanningError {
  return { code: "VALUE", field, value: typeof value === "string" ? value : showValue(value), message: messages.notNumberOrRow(field, value) };
}

/**
 * A required value per period, given as a row of `n` quantities or as one quantity for all.
 * @param value a number or a row of numbers
 * @param field its name
 * @param n periods
 * @param referenceField the input that sets the number of periods, for messages
 * @param row where to write the n values (a new row when omitted)
 * @returns the row of n values (a copy, never the caller's row), or the first problem
 * @example
 * periodValues(50, "capacity", 3, "demand");          // → ok(Float64Array [50, 50, 50])
 * periodValues([50, 40], "capacity", 3, "demand");    // → error "demand and capacity differ in length: 3 vs 2"
 */
export function periodValues(
  value: unknown,
  field: string,
  n: number,
  referenceField: string,
  row: Float64Array = new Float64Array(n),
): Result<Float64Array> {
  const required = checkRequired(value, field);
  if (required) return fail(required);
  if (!isList(value)) {
    const error = typeof value === "number" ? checkQuantity(value, field) : notNumberOrRow(field, value);
    return error ? fail(error) : ok(row.fill(value as number));
  }
  const error =
    checkSeries(value, field) ??
    (value.length === n ? undefined : checkSameLength({ length: n }, referenceField, value as Series, field));
  if (error) return fail(error);
  row.set(value as Series);
  return ok(row);
}
