/**
 * Every message the MPS.* functions show in Excel's error tooltip, in one place. Excel shows a
 * message only on #VALUE! and #N/A, so every refusal is one of those two.
 *
 * `where` names a cell as the planner finds it: by its address ("cell F3", "cell Plan!F3") when
 * the host says where the argument is, otherwise by its position in the range, counted from 1
 * ("cell 3" in a row or column, "row 2, cell 3" in a block, "line 3" of order lines).
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
  cellText: (param: string, where: string, text: string): string =>
    `${param}: ${where} is text '${excerpt(text)}'; enter a number (numbers stored as text are not read)`,
  cellBoolean: (param: string, where: string, value: boolean): string =>
    `${param}: ${where} is ${value ? "TRUE" : "FALSE"}; enter a number`,
  cellError: (param: string, where: string, error: string): string =>
    `${param}: ${where} is the error ${error}; fix that cell first`,
  cellDataType: (param: string, where: string, what: string): string =>
    `${param}: ${where} holds a data type (${excerpt(what)}), not a number; enter the quantity itself`,
  cellOther: (param: string, where: string): string => `${param}: ${where} is not a number`,
  cellNegative: (param: string, where: string, value: number): string =>
    `${param}: ${where} is ${value}; quantities must be 0 or more`,
  cellNotFinite: (param: string, where: string, value: number): string => `${param}: ${where} is ${value}`,
  cellNotPositive: (param: string, where: string): string => `${param}: ${where} is 0; it must be more than 0`,
  /** An engine refusal of one element, "orders[3] is …", with the element named as a cell. */
  cellRefused: (param: string, where: string, detail: string): string => `${param}: ${where} ${detail}`,
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
  // Order lines, period dates, record blocks, forecast health. `where` is "line 3" (counted from
  // 1 inside the range, as the rows of an order list) or, with the host's address, "cell C5";
  // `what` is how a cell is shown ("text 'x'", "TRUE").
  lineNotDate: (param: string, where: string, what: string): string =>
    `${param}: ${where} is ${what}; enter a date (a date typed as text is not read)`,
  lineNotNumber: (param: string, where: string, what: string): string =>
    `${param}: ${where} is ${what}; enter a number (numbers stored as text are not read)`,
  lineNotOrderId: (param: string, where: string, what: string): string =>
    `${param}: ${where} is ${what}; enter the order number itself`,
  lineNotPeriod: (param: string, where: string, value: number): string =>
    `${param}: ${where} is ${value}, not a period number; periods count 1, 2, 3, …`,
  linesDiffer: (param: string, length: number, other: string, otherLength: number): string =>
    `${param} has ${length} lines but ${other} has ${otherLength}; give one ${param} per line of ${other}`,
  periodStartMissing: (param: string, where: string): string =>
    `${param}: ${where} is empty; give every period its start date`,
  periodStartsNotIncreasing: (param: string, where: string, day: number, before: string, previous: number): string =>
    `${param}: ${where} (${day}) is not after ${before} (${previous}); sort the period starts, earliest first, one period a day at most`,
  periodStartsLength: (param: string, length: number, periods: number, other: string): string =>
    `${param} has ${length} start dates for the ${periods} periods of ${other}; give one start date per period`,
  onePeriodStart: (param: string): string =>
    `${param}: a single period start leaves the period's end unknown; give at least two period starts`,
  notCellOrLine: (param: string, rows: number, columns: number): string =>
    `${param}: expected one cell, or one row or one column of order lines, got ${rows}×${columns} cells`,
  notCellOrBlock: (param: string, rows: number, columns: number): string =>
    `${param}: expected one cell (on hand) or a whole MPS.TABLE block such as B14#, got ${rows}×${columns} cells`,
  blockRowMissing: (param: string, label: string): string =>
    `${param}: the MPS.TABLE block has no '${label}' row (or column); give the whole block, labels included, e.g. B14#`,
  blockCell: (param: string, label: string, period: number, what: string): string =>
    `${param}: ${label} in period ${period} is ${what}; the block must hold numbers`,
  notWithBlock: (param: string): string =>
    `${param}: leave it out when on_hand is an MPS.TABLE block; the block gives it (supply = MPS + Receipts)`,
  requiredWithoutBlock: (param: string): string =>
    `${param} is required, unless on_hand is an MPS.TABLE block to promise from`,
  onlyForMto: (param: string): string =>
    `${param}: only make-to-order promises use it (model "MTO"); leave it out or set model to "MTO"`,
  noCapacityWithinHorizon: (needed: number, from: number): string =>
    `not within horizon: no period from period ${from} on has ${needed} of capacity to spare for this line`,
  seriesLength: (param: string, length: number, periods: number, of: string): string =>
    `${param} has ${length} periods but ${of} has ${periods}; give one value per period`,
  mapeUndefined: (): string => "MAPE %: every actual is 0, so there is no percentage error to average",
  notRectangular: (param: string): string => `${param}: the rows of the range differ in length`,
  notOneCellOrLine: (param: string, rows: number, columns: number): string =>
    `${param}: expected one cell, one row or one column, got ${rows}×${columns} cells`,
  periodsMismatch: (param: string, cells: number, reference: string, periods: number): string =>
    `${param}: ${cells} cells, but ${reference} has ${periods} periods; give one value per period or one cell for all`,
  itemsMismatch: (param: string, cells: number, items: number): string =>
    `${param}: ${cells} cells, but demand has ${items} items; give one value per item or one cell for all`,
  shapeMismatch: (param: string, rows: number, columns: number, reference: string, refRows: number, refColumns: number): string =>
    `${param}: ${rows}×${columns} cells, but ${reference} is ${refRows}×${refColumns}; give it the same shape`,
  noPeriodDimension: (rows: number, columns: number, capacity: number): string =>
    `capacity: ${capacity} cells, but demand is ${rows}×${columns}; give one capacity per period (as many as demand has rows or columns)`,
  // Item master rows (itemMaster.ts): cells by address, or counted from 1 inside the range given.
  itemCell: (param: string, row: number, column: number): string => `${param} row ${row}, column ${column}`,
  /** An item master's cell by its address, when the host gives the range's. */
  itemCellAt: (address: string): string => `cell ${address}`,
  itemValue: (header: string, cell: string): string => `item master "${header}" (${cell})`,
  itemDuplicate: (param: string, header: string, first: string, second: string): string =>
    `${param}: the item master has "${header}" twice (${first} and ${second}); keep one`,
  itemNoOnHand: (param: string): string => `${param}: the item master has no "On hand" header; On hand is required`,
  itemBlankOnHand: (param: string, cell: string): string =>
    `${param}: the item master's "On hand" (${cell}) is empty; On hand is required`,
  notPlanFrom: (param: string, value: number): string =>
    `${param}: ${value} is not a period number; plan from period 1, 2, 3, …`,
  noCapacity: (): string => "no capacity",
  // MPS.MESSAGES: the line shown when the record needs nothing.
  noException: (): string => "Nothing to act on: no shortage, no late or overloaded supply, no receipt to move, forecast in line with orders",
};
