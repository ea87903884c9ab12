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
};
