/**
 * Every message the MPS.* functions show in Excel's error tooltip, in one place. Excel shows a
 * message only on #VALUE! and #N/A, so every refusal is one of those two.
 *
 * `cell` names a cell as the planner finds it: its address ("F3", "Plan!F3") when the host
 * says where the argument is, otherwise its position in the range, counted from 1 ("3").
 * Text a planner typed is echoed as a short excerpt, so a pasted paragraph does not fill the
 * tooltip.
 */

/** The longest piece of a cell's text a message repeats. */
export const EXCERPT_LENGTH = 30;

/**
 * Text typed in a cell as a message quotes it: trimmed, cut after 30 characters with "…".
 * @example excerpt("  Delivery next week, if the supplier confirms  ") // → "Delivery next week, if the sup…"
 */
export function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > EXCERPT_LENGTH ? `${trimmed.slice(0, EXCERPT_LENGTH)}…` : trimmed;
}

/** A count with thousands separators, as a planner reads sizes: 1,048,576. */
function count(n: number): string {
  return n.toLocaleString("en-US");
}

export const messages = {
  notOneLine: (param: string, rows: number, columns: number): string =>
    `${param}: expected one row or one column, got ${rows}×${columns} cells`,
  emptyRange: (param: string): string => `${param}: the range is empty`,
  missing: (param: string): string => `${param} is required`,
  cellText: (param: string, cell: string, text: string): string =>
    `${param}: cell ${cell} is text '${excerpt(text)}'; enter a number (numbers stored as text are not read)`,
  cellBoolean: (param: string, cell: string, value: boolean): string =>
    `${param}: cell ${cell} is ${value ? "TRUE" : "FALSE"}; enter a number`,
  cellError: (param: string, cell: string, error: string): string =>
    `${param}: cell ${cell} is the error ${error}; fix that cell first`,
  cellDataType: (param: string, cell: string, what: string): string =>
    `${param}: cell ${cell} holds a data type (${excerpt(what)}), not a number; enter the quantity itself`,
  cellOther: (param: string, cell: string): string => `${param}: cell ${cell} is not a number`,
  cellNegative: (param: string, cell: string, value: number): string =>
    `${param}: cell ${cell} is ${value}; quantities must be 0 or more`,
  cellNotFinite: (param: string, cell: string, value: number): string => `${param}: cell ${cell} is ${value}`,
  /** An engine refusal of one element, "orders[3] is …", with the element named as a cell. */
  cellRefused: (param: string, cell: string, detail: string): string => `${param}: cell ${cell} ${detail}`,
  scalarText: (param: string, text: string): string =>
    `${param}: '${excerpt(text)}' is text; enter a number (numbers stored as text are not read)`,
  scalarNotFinite: (param: string, value: number): string => `${param}: ${value} is not a finite number`,
  scalarDataType: (param: string, what: string): string =>
    `${param}: the cell holds a data type (${excerpt(what)}), not a number; enter the value itself`,
  notOneCell: (param: string, cells: string): string => `${param}: expected one cell, got ${cells} cells`,
  scalarOther: (param: string): string => `${param}: expected a number`,
  notOption: (param: string, value: string, choices: readonly string[]): string =>
    `${param}: '${excerpt(value)}' is not valid; use one of ${choices.join(", ")}`,
  optionNotText: (param: string, choices: readonly string[]): string =>
    `${param}: expected text, one of ${choices.join(", ")}`,
  /** Two series that must cover the same periods: say which one to extend, and to what. */
  shorterThan: (short: string, shortLength: number, long: string, longLength: number, where?: string, extended?: string): string =>
    `${short} (${where ? `${where}, ` : ""}${shortLength} cell${shortLength === 1 ? "" : "s"}) is shorter than ${long} (${longLength}): ` +
    `extend ${short} to ${longLength} cells${extended ? ` (${extended})` : ""}`,
  notPeriodNumber: (param: string, value: number): string =>
    `${param}: ${value} is not a period number; periods count 1, 2, 3, …`,
  notWithinHorizon: (): string => "not within horizon",
  /** A result that would not fit a sheet, or the cell budget, refused before it is computed. */
  resultTooLarge: (id: string, rows: number, columns: number, limit: string): string =>
    `MPS.${id}: the result would take ${count(rows)} rows × ${count(columns)} columns, more than ${limit}; ` +
    `give the ranges of the periods and options you plan, not whole columns or rows`,
  gridRows: (max: number): string => `the ${count(max)} rows of a sheet`,
  gridColumns: (max: number): string => `the ${count(max)} columns of a sheet`,
  cellBudget: (max: number): string => `the ${count(max)} cells one MPS function may return`,
  resultNotFinite: (id: string): string =>
    `MPS.${id}: a result is too large to show (beyond Excel's largest number); check the inputs for huge quantities or rates`,
  internal: (id: string, detail: string): string => `MPS.${id} failed unexpectedly: ${detail}`,
};
