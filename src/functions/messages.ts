/**
 * Every message the MPS.* functions show in Excel's error tooltip, in one place.
 * Cells are counted from 1 inside the range a planner selected, as Excel counts them.
 */
export const messages = {
  notOneLine: (param: string, rows: number, columns: number): string =>
    `${param}: expected one row or one column, got ${rows}×${columns} cells`,
  emptyRange: (param: string): string => `${param}: the range is empty`,
  missing: (param: string): string => `${param} is required`,
  cellText: (param: string, cell: number, text: string): string =>
    `${param}: cell ${cell} is text '${text}'; enter a number (numbers stored as text are not read)`,
  cellBoolean: (param: string, cell: number, value: boolean): string =>
    `${param}: cell ${cell} is ${value ? "TRUE" : "FALSE"}; enter a number`,
  cellError: (param: string, cell: number, error: string): string =>
    `${param}: cell ${cell} is the error ${error}; fix that cell first`,
  cellOther: (param: string, cell: number): string => `${param}: cell ${cell} is not a number`,
  cellNegative: (param: string, cell: number, value: number): string =>
    `${param}: cell ${cell} is ${value}; quantities must be 0 or more`,
  cellNotFinite: (param: string, cell: number, value: number): string => `${param}: cell ${cell} is ${value}`,
  scalarText: (param: string, text: string): string =>
    `${param}: '${text}' is text; enter a number (numbers stored as text are not read)`,
  notOneCell: (param: string, cells: string): string => `${param}: expected one cell, got ${cells} cells`,
  scalarOther: (param: string): string => `${param}: expected a number`,
  notOption: (param: string, value: string, choices: readonly string[]): string =>
    `${param}: '${value}' is not valid; use one of ${choices.join(", ")}`,
  optionNotText: (param: string, choices: readonly string[]): string =>
    `${param}: expected text, one of ${choices.join(", ")}`,
  mixedRates: (param: string): string =>
    `${param}: mixes fractions (0.6) and percentages (60); enter every rate the same way`,
  notPeriodNumber: (param: string, value: number): string =>
    `${param}: ${value} is not a period number; periods count 1, 2, 3, …`,
  notWithinHorizon: (): string => "not within horizon",
  internal: (id: string, detail: string): string => `MPS.${id} failed unexpectedly: ${detail}`,
  // Order lines, period dates, record blocks, forecast health. A line is counted from 1 inside
  // the range, as the rows of an order list; `what` is how a cell is shown ("text 'x'", "TRUE").
  lineNotDate: (param: string, line: number, what: string): string =>
    `${param}: line ${line} is ${what}; enter a date (a date typed as text is not read)`,
  lineNotNumber: (param: string, line: number, what: string): string =>
    `${param}: line ${line} is ${what}; enter a number (numbers stored as text are not read)`,
  lineCellError: (param: string, line: number, error: string): string =>
    `${param}: line ${line} is the error ${error}; fix that cell first`,
  lineNegative: (param: string, line: number, value: number): string =>
    `${param}: line ${line} is ${value}; quantities must be 0 or more`,
  lineNotPeriod: (param: string, line: number, value: number): string =>
    `${param}: line ${line} is ${value}, not a period number; periods count 1, 2, 3, …`,
  linesDiffer: (param: string, length: number, other: string, otherLength: number): string =>
    `${param} has ${length} lines but ${other} has ${otherLength}; give one ${param} per line of ${other}`,
  periodStartMissing: (param: string, cell: number): string =>
    `${param}: cell ${cell} is empty; give every period its start date`,
  periodStartsNotIncreasing: (param: string, cell: number, day: number, previous: number): string =>
    `${param}: cell ${cell} (${day}) is not after cell ${cell - 1} (${previous}); sort the period starts, earliest first, one period a day at most`,
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
  // Cells of a range argument of any shape: `where` is "cell 3" in a row or a column, "row 2, cell 3" in a block.
  atText: (param: string, where: string, text: string): string =>
    `${param}: ${where} is text '${text}'; enter a number (numbers stored as text are not read)`,
  atBoolean: (param: string, where: string, value: boolean): string =>
    `${param}: ${where} is ${value ? "TRUE" : "FALSE"}; enter a number`,
  atError: (param: string, where: string, error: string): string => `${param}: ${where} is the error ${error}; fix that cell first`,
  atOther: (param: string, where: string): string => `${param}: ${where} is not a number`,
  atNotFinite: (param: string, where: string, value: number): string => `${param}: ${where} is ${value}`,
  atNegative: (param: string, where: string, value: number): string =>
    `${param}: ${where} is ${value}; quantities must be 0 or more`,
  atNotPositive: (param: string, where: string): string => `${param}: ${where} is 0; it must be more than 0`,
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
  // Item master rows (itemMaster.ts): cells counted from 1 inside the range given.
  itemCell: (param: string, row: number, column: number): string => `${param} row ${row}, column ${column}`,
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
