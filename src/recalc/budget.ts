/**
 * The resource budget of a recalculation, checked before anything is inflated or parsed, so a
 * hostile or runaway file gets a message instead of hanging or exhausting memory. The numbers
 * are documented in docs/recalc.md ("Budgets"); a test holds the two in step.
 *
 * Sizing: HyperFormula holds about 150 bytes per value cell and builds about 50,000 cells a
 * second on a busy 2-core machine, so 2 million cells in a sheet is some 300 MB and a minute;
 * the benchmark's largest portfolio (10,000 items × 52 weeks) is about 1.2 million cells.
 */
export interface Budget {
  /** Largest workbook file read, in bytes (the zip as stored). */
  fileBytes: number;
  /** Largest total of the sizes the zip directory declares for its parts once inflated. */
  packageBytes: number;
  /** Largest inflated size of one part we read (a sheet, the shared strings, the workbook). */
  partBytes: number;
  /** Largest inflated ÷ compressed size of a part, checked on parts above `ratioFloorBytes`. */
  ratio: number;
  ratioFloorBytes: number;
  /** Most parts in the package. */
  parts: number;
  /** Most non-empty cells (values and formulas) in one sheet, and in the whole workbook. */
  cellsPerSheet: number;
  cells: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_BUDGET: Readonly<Budget> = Object.freeze({
  fileBytes: 512 * MiB,
  packageBytes: 2048 * MiB,
  partBytes: 256 * MiB,
  // Apache POI's ZipSecureFile refuses parts inflating more than 100× ("zip bomb detected");
  // real sheets compress 5–30×, deflate's ceiling is about 1,030×.
  ratio: 100,
  ratioFloorBytes: 1 * MiB,
  parts: 20_000,
  cellsPerSheet: 2_000_000,
  cells: 4_000_000,
});

/**
 * A byte count as a planner reads it.
 * @example formatBytes(19_327_352_832) // → "18 GB"
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${Math.round(bytes / (1024 * MiB))} GB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * A count with thousands separators.
 * @example formatCount(2000000) // → "2,000,000"
 */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
