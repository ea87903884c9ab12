/**
 * Reading an item's record back from the block `MPS.TABLE` spilled (B14#), so that a planner
 * can promise from it without building a supply row by hand. Rows are found by their labels
 * (the record's own, engine/record.ts), case-insensitive, in the block's first column (a row per
 * line of the record) or first row (a column per line, for column inputs).
 */
import { RECORD_ROWS, type RecordField } from "../engine";
import { functionError, isFunctionError, type FunctionError } from "./cells";
import { shownCell, type RangeInput } from "./lines";
import { messages } from "./messages";

/** What promising needs from a record block. */
export interface RecordBlock {
  /** Stock at the start of period 1: PAB₁ + Demand₁ − Receipts₁ − MPS₁. */
  onHand: number;
  /** MPS + Receipts per period: the supply ATP is computed on. */
  supply: number[];
  orders: number[];
  mps: number[];
}

/** The rows promising reads, by the record's labels. */
const NEEDED = ["orders", "demand", "receipts", "projectedAvailable", "mps"] as const satisfies readonly RecordField[];

function labelOf(field: RecordField): string {
  return RECORD_ROWS.find((row) => row.field === field)?.label ?? field;
}

const isLabel = (cell: unknown): boolean => typeof cell === "string" && cell.trim() !== "";

/** The block's lines of cells (label first), a row per record line or a column per record line. */
function recordLines(range: RangeInput): unknown[][] {
  const { grid, rows, columns } = range;
  const labelsDown = grid.every((row) => isLabel(row[0]));
  if (labelsDown || !grid[0].every(isLabel)) return grid;
  const lines: unknown[][] = [];
  for (let c = 0; c < columns; c++) lines.push(Array.from({ length: rows }, (_, r) => grid[r][c]));
  return lines;
}

/** One record line's values per period (empty cells 0). */
function valuesOf(param: string, label: string, line: unknown[]): number[] | FunctionError {
  const values = new Array<number>(line.length - 1);
  for (let i = 1; i < line.length; i++) {
    const cell = line[i];
    if (cell === null) values[i - 1] = 0;
    else if (typeof cell === "number" && Number.isFinite(cell)) values[i - 1] = cell;
    else return functionError("VALUE", messages.blockCell(param, label, i, shownCell(cell)));
  }
  return values;
}

/**
 * Orders, MPS, supply (MPS + Receipts) and on hand from an `MPS.TABLE` block. On hand is not a
 * row of the record; it is what PAB₁ started from: PAB₁ = on hand + Receipts₁ + MPS₁ − Demand₁.
 * @param param the argument the block was given as (named in messages)
 * @param range the block, labels included
 * @example
 * // the textbook block: Demand 33, …; Receipts 0, …; PAB 31, …; MPS 0, …; Orders 33, …
 * readRecordBlock("on_hand", block) // → onHand 31 + 33 − 0 − 0 = 64, supply = MPS + Receipts per period
 */
export function readRecordBlock(param: string, range: RangeInput): RecordBlock | FunctionError {
  const byLabel = new Map<string, unknown[]>();
  for (const line of recordLines(range)) {
    if (isLabel(line[0])) byLabel.set((line[0] as string).trim().toLowerCase(), line);
  }
  const rows: Partial<Record<RecordField, number[]>> = {};
  for (const field of NEEDED) {
    const label = labelOf(field);
    const line = byLabel.get(label.toLowerCase());
    if (line === undefined) return functionError("VALUE", messages.blockRowMissing(param, label));
    const values = valuesOf(param, label, line);
    if (isFunctionError(values)) return values;
    rows[field] = values;
  }
  const [orders, demand, receipts, pab, mps] = NEEDED.map((field) => rows[field] as number[]);
  const supply = mps.map((quantity, t) => quantity + receipts[t]);
  return { onHand: pab[0] + demand[0] - receipts[0] - mps[0], supply, orders, mps };
}
