/**
 * New number cells written as bytes — `<c r="B7"><v>25</v></c>`, what the sheet writer spells
 * as a string for one cell (-0 as 0) — straight into the part being deflated. A large plan
 * spills half a million of them: as strings they were as many short-lived objects for the
 * garbage collector, and fresh memory for it to take, before being copied into bytes anyway.
 */
import { columnName } from "./address";

/**
 * The most bytes one cell takes: `<c r="XFD1048576"><v>` is 21, a number at most 25
 * (`-0.0000012345678901234567`), `</v></c>` 8.
 */
export const MOST_CELL_BYTES = 54;

const CLOSE = ascii("</v></c>");

function ascii(text: string): Uint8Array {
  return Buffer.from(text, "latin1");
}

/** Writes the cells of one row after another; a cell's column start is spelled once per column. */
export class NumberCellBytes {
  /** `<c r="AB` by column index. */
  private readonly starts: Uint8Array[] = [];
  /** `7"><v>` for the row being written. */
  private middle: Uint8Array = ascii('1"><v>');
  /** Where the last `writeRun` stopped: the index of the first value it did not write. */
  stopped = 0;

  /** The row (0-based) the next cells are in. */
  atRow(row: number): void {
    this.middle = ascii(`${row + 1}"><v>`);
  }

  /**
   * The cells of `values[from]` up to `values[to - 1]`, value `i` in column `col + i`, written
   * into `bytes` at `at` up to the first that is not finite (`stopped`); returns where they end.
   */
  writeRun(bytes: Uint8Array, at: number, values: Float64Array, from: number, to: number, col: number): number {
    const starts = this.starts;
    for (let c = starts.length; c < col + to; c++) starts.push(ascii(`<c r="${columnName(c)}`));
    const middle = this.middle;
    const middleLength = middle.length;
    let i = from;
    for (; i < to; i++) {
      const value = values[i];
      if (!Number.isFinite(value)) break;
      const start = starts[col + i];
      const startLength = start.length;
      for (let k = 0; k < startLength; k++) bytes[at + k] = start[k];
      at += startLength;
      for (let k = 0; k < middleLength; k++) bytes[at + k] = middle[k];
      at = writeNumber(bytes, at + middleLength, value);
      for (let k = 0; k < 8; k++) bytes[at + k] = CLOSE[k];
      at += 8;
    }
    this.stopped = i;
    return at;
  }
}

/** `String(value)` as bytes, -0 as 0: a whole number below 2³¹ digit by digit, any other from its text. */
export function writeNumber(bytes: Uint8Array, at: number, value: number): number {
  let n = value < 0 ? -value : value;
  if (n < 2147483648 && (n | 0) === n) {
    if (value < 0) bytes[at++] = 45; // "-"; -0 is not below 0
    if (n < 10) {
      bytes[at] = 48 + n;
      return at + 1;
    }
    let length = 2;
    for (let power = 100; power <= n; power *= 10) length++;
    let digit = at + length;
    while (n >= 10) {
      const rest = (n / 10) | 0;
      bytes[--digit] = 48 + n - rest * 10;
      n = rest;
    }
    bytes[--digit] = 48 + n;
    return at + length;
  }
  const text = String(value);
  for (let i = 0; i < text.length; i++) bytes[at + i] = text.charCodeAt(i);
  return at + text.length;
}
