/**
 * Every message the headless recalculation prints, in one place. Cells are named as a planner
 * reads them: `Plan!B10`.
 */
export const messages = {
  usage: (): string =>
    [
      "Usage: mps-recalc <workbook.xlsx> [--out <file.xlsx>] [--json [--details]] [--strict] [--sheet <name>] [--settings <file.json>]",
      "  Recalculates every formula of the workbook, MPS.* functions included, without Excel.",
      "  A formula it cannot recalculate as Excel would keeps its saved value and is listed on stderr.",
      "  --json             print {\"Sheet!A1\": value} for every formula cell and every spilled cell",
      "  --details          with --json: {\"values\": …, \"errors\": messages, \"refused\": cells not recalculated}",
      "  --strict           exit with status 3 when a formula cell could not be recalculated, a cell not read or written, or a settings key not known",
      "  --out <file.xlsx>  write the workbook back with the computed values cached in the formula cells",
      "  --sheet <name>     report only this sheet (everything is still calculated)",
      "  --settings <file>  planning settings (JSON) instead of those saved in the workbook",
      "  --strict           exit 3 when a cell could not be read or written, or the settings were not used as given",
    ].join("\n"),
  missingArgument: (): string => "No workbook given.",
  optionNeedsValue: (option: string): string => `${option} needs a value.`,
  unknownOption: (option: string): string => `Unknown option ${option}.`,
  extraArgument: (arg: string): string => `Only one workbook at a time; '${arg}' is one too many.`,
  fileMissing: (path: string): string => `${path}: no such file.`,
  notAFile: (path: string): string => `${path}: not a file.`,
  unreadable: (path: string, detail: string): string => `${path}: cannot be read (${detail}).`,
  encrypted: (path: string): string =>
    `${path}: the workbook is password-protected (encrypted). Remove the password in Excel (File > Info > Protect Workbook) and save it again.`,
  legacyXls: (path: string): string =>
    `${path}: this is an Excel 97-2003 (.xls) file, not an .xlsx workbook. Save it as .xlsx in Excel first.`,
  notXlsx: (path: string): string => `${path}: not an .xlsx workbook (it is not a zip package).`,
  brokenXlsx: (path: string, detail: string): string => `${path}: not a readable .xlsx workbook (${detail}).`,
  // Reading the package within the budget (readWorkbook, zipPackage, toSheets): each names the file, part, sheet or cell.
  notOpened: (path: string, why: string): string => `${path}: not opened: ${why}.`,
  partNotXml: (part: string, detail: string): string => `${part} is not well-formed XML (${detail}).`,
  sheetPart: (sheet: string, why: string): string => `Sheet '${sheet}': not read: ${why}.`,
  sheetPartMissing: (sheet: string, part: string): string => `Sheet '${sheet}': its part ${part} is missing; the sheet is read as empty.`,
  tooManyCellsInSheet: (sheet: string, limit: string): string =>
    `Sheet '${sheet}' holds more than ${limit} cells with a value or formula, the most one sheet may hold here.`,
  tooManyCells: (limit: string): string => `The workbook holds more than ${limit} cells with a value or formula, the most a workbook may hold here.`,
  tooManyArrays: (sheet: string, row: number, limit: number): string =>
    `Sheet '${sheet}', row ${row}: more than ${limit} array formulas spill over one row.`,
  unreadCell: (cell: string, why: string): string => `${cell}: not read: ${why}.`,
  unreadAddress: (sheet: string, row: number, ref: string): string =>
    `Sheet '${sheet}', row ${row}: a cell at "${ref}", which is not a cell of Excel's grid, is not read.`,
  macroSheet: (sheet: string, formulas: number): string =>
    `Sheet '${sheet}' is an Excel 4.0 macro sheet: its ${formulas} formula${formulas === 1 ? " is" : "s are"} not evaluated (cached values kept).`,
  moreUnread: (sheet: string, more: number): string => `…and ${more} more cells of sheet '${sheet}' not read.`,
  notEnoughMemory: (path: string, why: string): string =>
    `${path}: not recalculated: ${why} (give Node more with NODE_OPTIONS=--max-old-space-size=<MB>, or split the workbook).`,
  outOfMemory: (path: string): string =>
    `${path}: not recalculated: it needs more memory than this process may use (see the budgets in docs/recalc.md).`,
  notWritten: (cell: string, why: string): string => `${cell}: value not written (${why}); the cell keeps its cached value.`,
  noSuchSheet: (sheet: string, sheets: readonly string[]): string =>
    `No sheet named '${sheet}'; the workbook has ${sheets.map((s) => `'${s}'`).join(", ")}.`,
  settingsFile: (path: string, detail: string): string => `${path}: cannot read the settings (${detail}).`,
  settingsNotice: (source: string, notice: string): string => `Settings (${source}): ${notice}`,
  unknownSettings: (file: string, keys: readonly string[], known: readonly string[]): string =>
    `${file}: unknown setting${keys.length === 1 ? "" : "s"} ${keys.map((k) => `'${k}'`).join(", ")} ignored; the settings are ${known.join(", ")}.`,
  unknownFunction: (cell: string, name: string): string => `${cell}: unknown function ${name}.`,
  unknownMpsFunction: (cell: string, name: string, known: readonly string[]): string =>
    `${cell}: unknown function ${name}; the MPS functions are ${known.join(", ")}.`,
  spillBlocked: (cell: string, area: string, rows: number, columns: number, blocking: string): string =>
    `${cell}: the result needs ${area} (${rows} × ${columns} cells), but ${blocking} is not empty; clear ${blocking} or move the formula.`,
  spillReference: (cell: string): string =>
    `${cell}: spill references (A1#, saved as ANCHORARRAY) are not supported by the headless recalculation; use a plain range such as B10:K19.`,
  unknownName: (cell: string, detail: string): string => `${cell}: ${detail}`,
  undefinedName: (cell: string, name: string): string => `${cell}: unknown name ${name} (the workbook defines no such name).`,
  unusableName: (cell: string, name: string, why: string): string =>
    `${cell}: uses the defined name ${name}, which the headless recalculation cannot evaluate (${why}).`,
  tableReference: (cell: string, problem: string): string => `${cell}: cannot resolve a table reference (${problem}).`,
  dynamicOffset: (cell: string): string =>
    `${cell}: OFFSET with a row, column, height or width computed by a formula is not supported (only constant numbers).`,
  engineOnlyError: (cell: string, code: string, detail: string): string =>
    `${cell}: HyperFormula gives ${code}${detail ? ` (${detail})` : ""}, which is not an Excel result.`,
  excelOnlyError: (cell: string, source: string, code: string): string =>
    `${cell}: reads ${source}, which holds the error ${code}; HyperFormula has no ${code}, so the result could differ from Excel's.`,
  refusedCell: (reason: string, cached: string | undefined, dependents: number): string =>
    `${reason} Kept ${cached === undefined ? "no value (none was saved)" : `the saved value ${cached}`}${
      dependents > 0 ? `; ${dependents} formula cell${dependents === 1 ? "" : "s"} computed from it` : ""
    }.`,
  refusedCount: (count: number): string => `${count} formula cell${count === 1 ? "" : "s"} not recalculated (listed above).`,
  unparsable: (cell: string, formula: string, detail: string): string =>
    `${cell}: cannot read the formula ${formula} (${detail}).`,
  circular: (cells: readonly string[]): string =>
    `Circular reference: ${cells.join(", ")} depend${cells.length === 1 ? "s" : ""} on ${cells.length === 1 ? "itself" : "each other"}.`,
  tooManyProblems: (more: number): string => `…and ${more} more.`,
  cannotRecalculate: (path: string): string => `${path}: not recalculated.`,
  cannotWrite: (path: string, detail: string): string => `${path}: cannot write the workbook (${detail}).`,
  resultTooLarge: (id: string, rows: number, columns: number, maxRows: number, maxColumns: number): string =>
    `MPS.${id}: result of ${rows}×${columns} exceeds its predicted size ${maxRows}×${maxColumns}`,
  unexpected: (detail: string): string => `Unexpected failure: ${detail}`,
  wrote: (path: string, formulas: number): string => `Wrote ${path} (${formulas} formula cells with cached values).`,
  noFormulas: (scope: string): string => `No formulas in ${scope}.`,
  noneRecalculated: (scope: string): string => `No formula of ${scope} could be recalculated (the reasons are on stderr).`,
  sampleTitle: (item: string, sheet: string): string => `${item}  (${sheet})`,
};
