/**
 * Built-in functions where HyperFormula's answer differs from Excel's, redone as Excel computes
 * them (each checked against values Excel cached in real workbooks, see docs/recalc.md):
 *
 * - `CEILING(x, 0)` is 0 (HyperFormula: #DIV/0!); `CEILING.MATH` / `FLOOR.MATH` round negative
 *   numbers the other way for any non-zero mode (HyperFormula: only for mode 1).
 * - `INDEX(B3:M3, n)` on a one-row range is its n-th cell (HyperFormula: #NUM!); past the end it
 *   is #REF!, as in Excel.
 * - `SUBTOTAL` leaves out cells that hold SUBTOTAL or AGGREGATE themselves (nested subtotals) and,
 *   for 101–111, hidden rows.
 * - `TEXT(value, format)` through numfmt (Excel's number-format grammar; HyperFormula's own
 *   formatter gets month names and escapes wrong).
 * - Serial 0, Excel's "0 Jan 1900": `YEAR(0)` 1900, `MONTH(0)` 1, `DAY(0)` 0, `EOMONTH(0, 0)` 31.
 *
 * What cannot be matched is refused for the cell (`ExcelContext.refuse`) with the reason, never
 * computed differently: e.g. INDEX asked for a whole row of a 2-D range (a spill).
 */
import { format as formatNumber } from "numfmt";
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue, type ImplementedFunctions } from "hyperformula";
import { astKind, formulaAddress, rangeStart, referencedCell, type CallAst, type InterpreterState } from "./hfInternals";

/** What these functions need to know about the workbook; passed in HyperFormula's `context`. */
export interface ExcelContext {
  /** The workbook counts dates from 1904. */
  date1904: boolean;
  /** Whether the cell holds a formula calling SUBTOTAL or AGGREGATE (by HyperFormula sheet id). */
  isSubtotal(sheet: number, row: number, col: number): boolean;
  /** Whether the row is hidden (by HyperFormula sheet id); undefined when not known. */
  isHiddenRow(sheet: number, row: number): boolean;
  /** Marks the formula cell being evaluated as one the headless recalculation cannot compute as Excel does. */
  refuse(sheet: number, row: number, col: number, reason: string): void;
}

/** A number as Excel holds it: typed numbers (dates, currency) as their value. */
function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "object" && value !== null && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return undefined;
}

/** x / step as a whole number when it is one up to rounding noise (CEILING(2.1, 0.1) is 2.1, not 2.2). */
function quotient(x: number, step: number): number {
  const q = x / step;
  const near = Math.round(q);
  return Math.abs(q - near) <= 1e-12 * Math.max(1, Math.abs(q)) ? near : q;
}

const roundUp = (x: number, step: number): number => Math.ceil(quotient(x, step)) * step;
const roundDown = (x: number, step: number): number => Math.floor(quotient(x, step)) * step;
/** Away from zero, by the size of the step. */
const awayFromZero = (x: number, step: number): number => Math.sign(x) * roundUp(Math.abs(x), Math.abs(step));
/** Toward zero, by the size of the step. */
const towardZero = (x: number, step: number): number => Math.sign(x) * roundDown(Math.abs(x), Math.abs(step));

/**
 * CEILING(number, significance) as Excel: 0 when significance is 0; #NUM! for a positive number
 * with a negative significance; a negative significance rounds a negative number away from zero.
 * @example ceiling(23.5, 0) // → 0;  ceiling(-23.5, 1) // → -23;  ceiling(-23.5, -1) // → -24
 */
export function ceiling(x: number, significance: number): number | CellError {
  if (x === 0 || significance === 0) return 0;
  if (x > 0 && significance < 0) return new CellError(ErrorType.NUM, "CEILING: a positive number needs a positive significance");
  return significance < 0 ? awayFromZero(x, significance) : roundUp(x, significance);
}

/**
 * FLOOR(number, significance) as Excel: #DIV/0! when significance is 0; #NUM! for a positive
 * number with a negative significance; a negative significance rounds a negative number toward zero.
 * @example floor(-23.5, 1) // → -24;  floor(-23.5, -1) // → -23
 */
export function floor(x: number, significance: number): number | CellError {
  if (significance === 0) return new CellError(ErrorType.DIV_BY_ZERO, "FLOOR: the significance is 0");
  if (x === 0) return 0;
  if (x > 0 && significance < 0) return new CellError(ErrorType.NUM, "FLOOR: a positive number needs a positive significance");
  return significance < 0 ? towardZero(x, significance) : roundDown(x, significance);
}

/**
 * CEILING.MATH(number, [significance=1], [mode=0]): up by |significance|; a negative number goes
 * toward zero, or away from zero when mode is not 0.
 * @example ceilingMath(-23.5, 1, 0) // → -23;  ceilingMath(-23.5, 1, -1) // → -24
 */
export function ceilingMath(x: number, significance: number, mode: number): number {
  if (x === 0 || significance === 0) return 0;
  const step = Math.abs(significance);
  return x < 0 && mode !== 0 ? awayFromZero(x, step) : roundUp(x, step);
}

/**
 * FLOOR.MATH(number, [significance=1], [mode=0]): down by |significance|; a negative number goes
 * away from zero, or toward zero when mode is not 0.
 * @example floorMath(-23.5, 1, 0) // → -24;  floorMath(-23.5, 1, -1) // → -23
 */
export function floorMath(x: number, significance: number, mode: number): number {
  if (x === 0 || significance === 0) return 0;
  const step = Math.abs(significance);
  return x < 0 && mode !== 0 ? towardZero(x, step) : roundDown(x, step);
}

const DAY_MS = 86_400_000;
/** Year, month (1–12) and day of a serial, as Excel reads it (1900 system: serial 0 is 0 Jan 1900, 60 is 29 Feb 1900). */
export function dateParts(serial: number, date1904: boolean): { year: number; month: number; day: number } {
  const whole = Math.floor(serial);
  if (date1904) {
    const d = new Date(Date.UTC(1904, 0, 1) + whole * DAY_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  }
  if (whole === 0) return { year: 1900, month: 1, day: 0 };
  if (whole === 60) return { year: 1900, month: 2, day: 29 };
  const d = new Date(Date.UTC(1899, 11, 31) + (whole < 60 ? whole : whole - 1) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * TEXT(value, format) as Excel, through numfmt: numbers and dates by the format code; text that
 * reads as a number is formatted as that number; other text goes through the format's text section.
 * @example text(42438, "dd\\ mmm\\ yyyy", false) // → "09 Mar 2016"
 * @returns the text, or undefined when the format cannot be read
 */
export function text(value: unknown, code: string, date1904: boolean): string | undefined {
  let shown: unknown = numberOf(value) ?? value;
  if (value === EmptyValue || value === null || value === undefined) shown = 0;
  if (typeof shown === "string" && shown.trim() !== "" && Number.isFinite(Number(shown))) shown = Number(shown);
  if (typeof shown === "number" && date1904) shown += 1462; // numfmt counts from 1900
  try {
    return formatNumber(code, shown, { locale: "en-US", throws: true, dateErrorThrows: true, dateSpanLarge: false, leap1900: true });
  } catch {
    return undefined;
  }
}

type Aggregate = (numbers: number[]) => number | CellError;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;
const squares = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, x) => a + (x - m) * (x - m), 0);
};
const divByZero = (fn: string) => new CellError(ErrorType.DIV_BY_ZERO, `SUBTOTAL: ${fn} of too few numbers`);

/** SUBTOTAL's functions 1–11 over the numbers found (COUNTA is counted separately). */
const SUBTOTALS: Record<number, Aggregate> = {
  1: (xs) => (xs.length === 0 ? divByZero("AVERAGE") : mean(xs)),
  2: (xs) => xs.length,
  4: (xs) => (xs.length === 0 ? 0 : Math.max(...xs)),
  5: (xs) => (xs.length === 0 ? 0 : Math.min(...xs)),
  6: (xs) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a * b, 1)),
  7: (xs) => (xs.length < 2 ? divByZero("STDEV") : Math.sqrt(squares(xs) / (xs.length - 1))),
  8: (xs) => (xs.length === 0 ? divByZero("STDEVP") : Math.sqrt(squares(xs) / xs.length)),
  9: sum,
  10: (xs) => (xs.length < 2 ? divByZero("VAR") : squares(xs) / (xs.length - 1)),
  11: (xs) => (xs.length === 0 ? divByZero("VARP") : squares(xs) / xs.length),
};

/** CEILING.MATH / FLOOR.MATH: number, [significance = 1], [mode = 0]. */
const MATH_ROUNDING = [
  { argumentType: FunctionArgumentType.NUMBER },
  { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 },
  { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 },
];

export class ExcelFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {
    CEILING: { method: "excelCeiling", parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER }] },
    FLOOR: { method: "excelFloor", parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER }] },
    "CEILING.MATH": { method: "excelCeilingMath", parameters: MATH_ROUNDING },
    "FLOOR.MATH": { method: "excelFloorMath", parameters: MATH_ROUNDING },
    INDEX: {
      method: "excelIndex",
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, optionalArg: true },
        { argumentType: FunctionArgumentType.NUMBER, optionalArg: true },
        { argumentType: FunctionArgumentType.NUMBER, optionalArg: true },
      ],
    },
    TEXT: { method: "excelText", parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.STRING }] },
    SUBTOTAL: { method: "excelSubtotal", parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
    YEAR: { method: "excelYear", parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
    MONTH: { method: "excelMonth", parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
    DAY: { method: "excelDay", parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
    AND: { method: "excelAnd", parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
    OR: { method: "excelOr", parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
    XOR: { method: "excelXor", parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
    SWITCH: { method: "excelSwitch", parameters: [{ argumentType: FunctionArgumentType.ANY }], repeatLastArgs: 1 },
    EOMONTH: { method: "excelEomonth", parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER }] },
  };

  private get excel(): ExcelContext | undefined {
    return (this.config.context as { excel?: ExcelContext } | undefined)?.excel;
  }

  /** Refuses the cell being evaluated; its value (never shown) is a #VALUE! with the reason. */
  private refuse(state: InterpreterState, reason: string): CellError {
    const at = formulaAddress(state);
    this.excel?.refuse(at.sheet, at.row, at.col, reason);
    return new CellError(ErrorType.VALUE, reason);
  }

  excelCeiling(ast: CallAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("CEILING"), ceiling);
  }

  excelFloor(ast: CallAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("FLOOR"), floor);
  }

  excelCeilingMath(ast: CallAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("CEILING.MATH"), ceilingMath);
  }

  excelFloorMath(ast: CallAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("FLOOR.MATH"), floorMath);
  }

  /**
   * INDEX(array, [row], [column], [area]): the cell at row and column (from 1). On a one-row or
   * one-column array a single number picks the n-th cell; 0 selects the whole row or column, which
   * is the one cell on such an array. Past the array's edge: #REF!.
   */
  excelIndex(ast: CallAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata("INDEX"), (range: SimpleRangeValue, row?: number, column?: number, area?: number) => {
      if (area !== undefined && Math.trunc(area) !== 1) return this.refuse(state, "INDEX with an area number (a union of ranges) is not supported");
      const height = range.height();
      const width = range.width();
      let r = row === undefined ? undefined : Math.trunc(row);
      let c = column === undefined ? undefined : Math.trunc(column);
      if (c === undefined && height === 1 && width > 1) [r, c] = [1, r];
      if ((r ?? 0) < 0 || (c ?? 0) < 0) return new CellError(ErrorType.VALUE, "INDEX: row and column must be 0 or more");
      if ((r === undefined || r === 0) && height === 1) r = 1;
      if ((c === undefined || c === 0) && width === 1) c = 1;
      if (r === undefined || r === 0 || c === undefined || c === 0) {
        return this.refuse(state, "INDEX returning a whole row or column of a 2-D range (a spill) is not supported; give both a row and a column");
      }
      if (r > height || c > width) return new CellError(ErrorType.REF, `INDEX: cell ${r}, ${c} is outside the ${height}×${width} range`);
      return range.data[r - 1][c - 1];
    });
  }

  excelText(ast: CallAst, state: InterpreterState) {
    const date1904 = this.excel?.date1904 ?? false;
    return this.runFunction(ast.args, state, this.metadata("TEXT"), (value: unknown, code: string) => {
      if (value instanceof CellError) return value;
      const result = text(value, code, date1904);
      return result ?? this.refuse(state, `TEXT: the format code "${code}" cannot be formatted as Excel does`);
    });
  }

  /**
   * SUBTOTAL(function, ref1, …): 1 AVERAGE, 2 COUNT, 3 COUNTA, 4 MAX, 5 MIN, 6 PRODUCT, 7 STDEV,
   * 8 STDEVP, 9 SUM, 10 VAR, 11 VARP over the referenced cells, leaving out cells that hold a
   * SUBTOTAL or AGGREGATE; 101–111 the same without hidden rows.
   */
  excelSubtotal(ast: CallAst, state: InterpreterState) {
    if (ast.args.length < 2) return new CellError(ErrorType.NA, "SUBTOTAL needs a function number and at least one reference");
    const fnValue = numberOf(this.evaluateAst(ast.args[0], state));
    if (fnValue === undefined) return new CellError(ErrorType.VALUE, "SUBTOTAL: the function number must be a number");
    const fn = Math.trunc(fnValue);
    const base = fn > 100 ? fn - 100 : fn;
    if (base < 1 || base > 11) return new CellError(ErrorType.VALUE, `SUBTOTAL: no function number ${fn}`);
    const numbers: number[] = [];
    let filled = 0;
    for (const arg of ast.args.slice(1)) {
      const value = this.evaluateAst(arg, state);
      const cells = this.referencedCells(arg, value, state);
      for (const { value: cell, sheet, row, col } of cells) {
        if (sheet !== undefined && this.excel?.isSubtotal(sheet, row, col)) continue;
        if (sheet !== undefined && this.excel?.isHiddenRow(sheet, row)) {
          if (fn > 100) continue;
          return this.refuse(state, "SUBTOTAL over hidden rows: Excel leaves out rows hidden by a filter but counts rows hidden by hand, and the file does not tell them apart");
        }
        if (cell instanceof CellError) {
          if (base === 2) continue;
          if (base !== 3) return cell;
        }
        if (cell !== EmptyValue && cell !== null && cell !== undefined) filled++;
        const n = numberOf(cell);
        if (n !== undefined) numbers.push(n);
      }
    }
    return base === 3 ? filled : SUBTOTALS[base](numbers);
  }

  /** The cells of a reference argument with where they are; a computed array has no place. */
  private referencedCells(arg: CallAst["args"][number], value: unknown, state: InterpreterState) {
    const cells: { value: unknown; sheet?: number; row: number; col: number }[] = [];
    if (value instanceof SimpleRangeValue) {
      const start = rangeStart(value);
      value.data.forEach((line, r) =>
        line.forEach((cell, c) => cells.push({ value: cell, sheet: start?.sheet, row: (start?.row ?? 0) + r, col: (start?.col ?? 0) + c })),
      );
      return cells;
    }
    const at = referencedCell(arg, state);
    cells.push({ value, sheet: at?.sheet, row: at?.row ?? 0, col: at?.col ?? 0 });
    return cells;
  }

  /**
   * The logical values AND, OR and XOR look at, as Excel: in a reference (or an array) only
   * TRUE/FALSE and numbers count, and text and empty cells are skipped; a value written in the
   * formula must be logical, a number, or the text "TRUE"/"FALSE". None at all: #VALUE!.
   */
  private logicalValues(ast: CallAst, state: InterpreterState, id: string): boolean[] | CellError {
    const found: boolean[] = [];
    for (const arg of ast.args) {
      const value = this.evaluateAst(arg, state);
      const fromCells = value instanceof SimpleRangeValue || astKind(arg) === "CELL_REFERENCE";
      const values = value instanceof SimpleRangeValue ? value.data.flat() : [value];
      for (const item of values) {
        if (item instanceof CellError) return item;
        if (typeof item === "boolean") found.push(item);
        else if (numberOf(item) !== undefined) found.push(numberOf(item) !== 0);
        else if (!fromCells && typeof item === "string" && /^(TRUE|FALSE)$/i.test(item)) found.push(item.toUpperCase() === "TRUE");
        else if (!fromCells && item !== EmptyValue) return new CellError(ErrorType.VALUE, `${id}: ${JSON.stringify(item)} is not a logical value`);
      }
    }
    return found.length === 0 ? new CellError(ErrorType.VALUE, `${id}: no logical values`) : found;
  }

  excelAnd(ast: CallAst, state: InterpreterState) {
    const values = this.logicalValues(ast, state, "AND");
    return values instanceof CellError ? values : values.every(Boolean);
  }

  excelOr(ast: CallAst, state: InterpreterState) {
    const values = this.logicalValues(ast, state, "OR");
    return values instanceof CellError ? values : values.some(Boolean);
  }

  excelXor(ast: CallAst, state: InterpreterState) {
    const values = this.logicalValues(ast, state, "XOR");
    return values instanceof CellError ? values : values.filter(Boolean).length % 2 === 1;
  }

  /**
   * SWITCH(expression, value1, result1, …, [default]) as Excel: an error in the expression, or in a
   * value reached before a match, is the result; a value matches only one of the same type (an
   * empty cell counts as 0, so it matches neither "" nor FALSE); text ignores case; only the
   * chosen result is evaluated. No match and no default: #N/A.
   */
  excelSwitch(ast: CallAst, state: InterpreterState) {
    const [first, ...rest] = ast.args;
    if (first === undefined || rest.length < 2) return new CellError(ErrorType.NA, "SWITCH needs an expression, a value and a result");
    const scalar = (value: unknown) => (value instanceof SimpleRangeValue ? value.data[0]?.[0] : value);
    const comparable = (value: unknown) => {
      const n = numberOf(value);
      if (value === EmptyValue || value === null || value === undefined) return 0;
      if (n !== undefined) return n;
      return typeof value === "string" ? `s:${value.toLowerCase()}` : value;
    };
    const expression = scalar(this.evaluateAst(first, state));
    if (expression instanceof CellError) return expression;
    const key = comparable(expression);
    let i = 0;
    for (; i + 1 < rest.length; i += 2) {
      const candidate = scalar(this.evaluateAst(rest[i], state));
      if (candidate instanceof CellError) return candidate;
      if (comparable(candidate) === key) return this.evaluateAst(rest[i + 1], state);
    }
    return i < rest.length ? this.evaluateAst(rest[i], state) : new CellError(ErrorType.NA, "SWITCH: no value matches and there is no default");
  }

  private datePart(ast: CallAst, state: InterpreterState, id: string, part: "year" | "month" | "day") {
    const date1904 = this.excel?.date1904 ?? false;
    return this.runFunction(ast.args, state, this.metadata(id), (serial: number) => {
      if (serial < 0) return new CellError(ErrorType.NUM, `${id}: dates before the first day of the date system are not valid`);
      return dateParts(serial, date1904)[part];
    });
  }

  excelYear(ast: CallAst, state: InterpreterState) {
    return this.datePart(ast, state, "YEAR", "year");
  }

  excelMonth(ast: CallAst, state: InterpreterState) {
    return this.datePart(ast, state, "MONTH", "month");
  }

  excelDay(ast: CallAst, state: InterpreterState) {
    return this.datePart(ast, state, "DAY", "day");
  }

  /** EOMONTH(start, months): the serial of the last day of the month `months` after start's. */
  excelEomonth(ast: CallAst, state: InterpreterState) {
    const date1904 = this.excel?.date1904 ?? false;
    return this.runFunction(ast.args, state, this.metadata("EOMONTH"), (serial: number, months: number) => {
      if (serial < 0) return new CellError(ErrorType.NUM, "EOMONTH: dates before the first day of the date system are not valid");
      const { year, month } = dateParts(serial, date1904);
      const last = new Date(Date.UTC(year, month - 1 + Math.trunc(months) + 1, 0));
      const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      const result = Math.round((last.getTime() - epoch) / DAY_MS);
      // In the 1900 system serials before 1 Mar 1900 are one less (Excel's 29 Feb 1900 sits at 60).
      const adjusted = !date1904 && result <= 60 ? result - 1 : result;
      if (adjusted < 0) return new CellError(ErrorType.NUM, "EOMONTH: the result is before the first day of the date system");
      return adjusted;
    });
  }
}
