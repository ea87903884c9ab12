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
  // Real Excel parts compress 5–30× (the ten real workbooks: at most 16×), a very regular
  // generated sheet a few hundred times; deflate's ceiling, reached by runs of one byte (the
  // stuff of zip bombs), is about 1,030×. Apache POI's ZipSecureFile refuses above 100×, which
  // regular generated sheets exceed.
  ratio: 500,
  ratioFloorBytes: 1 * MiB,
  parts: 20_000,
  cellsPerSheet: 2_000_000,
  cells: 4_000_000,
});

/** Measured on HyperFormula 3.5: about 150 bytes per value cell, 700–1,000 per formula; with our grid, rounded up. */
const BYTES_PER_VALUE = 250;
const BYTES_PER_FORMULA = 1_500;
/** Room kept for everything else (the report, the written package). */
const HEADROOM = 128 * MiB;

/**
 * The memory a recalculation of so many cells needs, compared with what this process may still
 * use: V8 cannot recover from running out of heap (it aborts with a native trace), so the
 * recalculation stops before instead, with a message.
 * @returns why there is not enough memory, or undefined
 * @example memoryShortfall(4_000_000, 1_000_000, 512 * 1024 * 1024) // → "it needs about 2 GB of memory and this process may use 512 MB more"
 */
export function memoryShortfall(cells: number, formulas: number, available: number): string | undefined {
  const needed = (cells - formulas) * BYTES_PER_VALUE + formulas * BYTES_PER_FORMULA + HEADROOM;
  return needed > available ? `it needs about ${formatBytes(needed)} of memory and this process may use ${formatBytes(available)} more` : undefined;
}

/** Heap this process may still use, in bytes. */
export function heapAvailable(heap: { heap_size_limit: number; used_heap_size: number }): number {
  return Math.max(0, heap.heap_size_limit - heap.used_heap_size);
}

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
