/**
 * Order lines bucketed per period (issue 13): a 1,000-item workbook fed by 50,000 order lines,
 * once with one `MPS.BUCKET` per item and once with the native `SUMIFS` a planner writes instead
 * (one per item and week), both recalculated by the shipped headless recalculation (`mps-recalc`
 * in process, as bench/recalc.ts runs it), and the SUMIFS twin also by LibreOffice
 * (`calculateAll()` over UNO) where it is installed. Cases run interleaved, their order rotating.
 *
 * Both workbooks hold the same Orders sheet (item, date, quantity; sorted by item, so each item's
 * lines are one block of rows) and a Plan sheet with the week starts in row 1 and a row per item.
 * Each formula reads only its item's lines, so the native side gets the same favourable ranges
 * as MPS.BUCKET (no whole-column SUMIFS with an item criterion). The SUMIFS follow BUCKET's rules:
 * week 1 also takes the lines dated before it (past due), the last week ends a week after its
 * start, lines after that are left out. Every bucket of every item, from each of the three, is
 * checked against the same sums worked out here from the lines.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import type { RawCellContent } from "hyperformula";
import { columnName } from "../src/recalc/address";
import { seeded } from "./data";
import { STALE, writeSheets } from "./files";
import { findLibreOffice, startUno, type LibreOffice } from "./libreoffice";
import { stats, type Stats } from "./measure";
import {
  failureOf,
  firstLine,
  interleaved,
  oursInProcess,
  roundRatio,
  startOurs,
  timed,
  type Comparison,
  type RecalcPlan,
  type Sample,
  type Timed,
} from "./recalc";

/** Monday 5 January 2026 as an Excel date serial (1900 date system): the first week's start. */
export const FIRST_WEEK = 46_027;
const DAYS = 7;
export const PLAN_SHEET = "Plan";
export const ORDERS_SHEET = "Orders";

/** Order lines of a portfolio, and what each item's weeks must add up to. */
export interface OrderBook {
  items: number;
  weeks: number;
  /** Week start dates. */
  starts: number[];
  /** Lines sorted by item, then date: item (0-based), date serial, quantity. */
  lines: Array<{ item: number; date: number; quantity: number }>;
  /** Per item, the quantity per week by the rules of MPS.BUCKET. */
  expected: Float64Array[];
}

/**
 * `lines` order lines over `items` items (as many per item), dated from three weeks before the
 * first week to two weeks after the last: some past due, some beyond the horizon.
 * @example orderBook(2, 4, 10, 7).lines.length // → 10
 */
export function orderBook(items: number, weeks: number, lines: number, seed: number): OrderBook {
  const random = seeded(seed + 13);
  const starts = Array.from({ length: weeks }, (_, w) => FIRST_WEEK + DAYS * w);
  const end = starts[weeks - 1] + DAYS;
  const from = FIRST_WEEK - 3 * DAYS;
  const span = end + 2 * DAYS - from;
  const perItem = Math.ceil(lines / items);
  const book: OrderBook = { items, weeks, starts, lines: [], expected: [] };
  for (let item = 0; item < items; item++) {
    const expected = new Float64Array(weeks);
    const own: OrderBook["lines"] = [];
    for (let k = 0; k < perItem && book.lines.length + own.length < lines; k++) {
      const date = from + Math.floor(random() * span);
      const quantity = 1 + Math.floor(random() * 200);
      own.push({ item, date, quantity });
      if (date < end) expected[Math.max(0, Math.floor((date - FIRST_WEEK) / DAYS))] += quantity;
    }
    own.sort((a, b) => a.date - b.date);
    book.lines.push(...own);
    book.expected.push(expected);
  }
  return book;
}

/** Sheet rows (1-based) of each item's lines on the Orders sheet, below its header. */
function lineRows(book: OrderBook): Array<[first: number, last: number]> {
  const rows: Array<[number, number]> = [];
  book.lines.forEach((line, i) => {
    const row = i + 2;
    if (rows[line.item] === undefined) rows[line.item] = [row, row];
    else rows[line.item][1] = row;
  });
  return rows;
}

export function ordersSheet(book: OrderBook): RawCellContent[][] {
  return [["'Item", "'Date", "'Quantity"], ...book.lines.map((line) => [`'Item ${line.item + 1}`, line.date, line.quantity])];
}

/** Column of week w (0-based): B onwards. */
const week = (w: number) => columnName(1 + w);

function planHeader(book: OrderBook): RawCellContent[] {
  return ["'Week starting", ...book.starts];
}

/** The Plan sheet with one `MPS.BUCKET` per item, spilling its weeks to the right. */
export function bucketSheet(book: OrderBook): RawCellContent[][] {
  const last = week(book.weeks - 1);
  const rows = lineRows(book);
  const grid: RawCellContent[][] = [planHeader(book)];
  for (let item = 0; item < book.items; item++) {
    const [a, b] = rows[item];
    grid.push([`'Item ${item + 1}`, `=MPS.BUCKET(${ORDERS_SHEET}!$B$${a}:$B$${b},${ORDERS_SHEET}!$C$${a}:$C$${b},$B$1:$${last}$1)`]);
  }
  return grid;
}

/** The Plan sheet with a native `SUMIFS` per item and week, by the same rules. */
export function sumifsSheet(book: OrderBook): RawCellContent[][] {
  const n = book.weeks;
  const rows = lineRows(book);
  const grid: RawCellContent[][] = [planHeader(book)];
  for (let item = 0; item < book.items; item++) {
    const [a, b] = rows[item];
    const qty = `${ORDERS_SHEET}!$C$${a}:$C$${b}`;
    const dates = `${ORDERS_SHEET}!$B$${a}:$B$${b}`;
    const from = (w: number) => `${dates},">="&${week(w)}$1`;
    // Week w ends where the next starts; the last a week after its own start (BUCKET's default).
    const before = (w: number) => (w === n - 1 ? `${dates},"<"&(2*${week(w)}$1-${week(w - 1)}$1)` : `${dates},"<"&${week(w + 1)}$1`);
    const row: RawCellContent[] = [`'Item ${item + 1}`];
    // Week 1 also takes what is past due: no lower bound.
    for (let w = 0; w < n; w++) row.push(w === 0 ? `=SUMIFS(${qty},${before(0)})` : `=SUMIFS(${qty},${from(w)},${before(w)})`);
    grid.push(row);
  }
  return grid;
}

export interface OrdersResult {
  items: number;
  weeks: number;
  lines: number;
  formulas: { bucket: number; sumifs: number };
  libreoffice: { available: true; version: string } | { available: false; why: string };
  /** mps-recalc --json in process: the MPS.BUCKET workbook, the SUMIFS workbook. */
  bucket: Timed;
  sumifs: Timed;
  /** LibreOffice on the SUMIFS workbook: load, and calculateAll() alone. */
  loLoad: Timed;
  loCalc: Timed;
  /** SUMIFS ÷ MPS.BUCKET (both mps-recalc), LibreOffice calculateAll ÷ MPS.BUCKET, round by round. */
  sumifsOverBucket?: Stats;
  loOverBucket?: Stats;
  /** Every item's weeks against the sums worked out from the lines. */
  check: { bucket?: Comparison; sumifs?: Comparison; libreoffice?: Comparison; problems: string[] };
}

/** Values by "Plan!B2" (what mps-recalc --json prints) against the expected weeks. */
function compareJson(printed: Record<string, unknown>, book: OrderBook, limit = 5): Comparison {
  return compareWith((item, w) => printed[`${PLAN_SHEET}!${week(w)}${item + 2}`], book, limit);
}

function compareWith(valueAt: (item: number, week: number) => unknown, book: OrderBook, limit = 5): Comparison {
  const differences: string[] = [];
  let compared = 0;
  for (let item = 0; item < book.items; item++) {
    for (let w = 0; w < book.weeks; w++) {
      compared++;
      const got = valueAt(item, w);
      const expected = book.expected[item][w];
      if (got !== expected) {
        if (differences.length < limit) differences.push(`item ${item + 1} week ${w + 1}: ${String(got)}, expected ${expected}`);
        else if (differences.length === limit) differences.push("…");
      }
    }
  }
  return { compared, differences };
}

function readJson(path: string): Record<string, unknown> {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>) : {};
}

/** The order-line comparison: MPS.BUCKET vs SUMIFS through mps-recalc, and SUMIFS through LibreOffice. */
export async function ordersBench(plan: RecalcPlan, work: string, log: (text: string) => void): Promise<OrdersResult> {
  const { items, weeks, lines, rounds, timeoutMs } = plan.orders;
  const found: LibreOffice = findLibreOffice();
  log(found.available ? `${found.version}, UNO through ${found.python}` : found.why);
  const book = orderBook(items, weeks, lines, plan.seed);
  const orders = ordersSheet(book);
  const files = { bucket: join(work, `orders-bucket-${items}.xlsx`), sumifs: join(work, `orders-sumifs-${items}.xlsx`) };
  await writeSheets(files.bucket, [[PLAN_SHEET, bucketSheet(book)], [ORDERS_SHEET, orders]]);
  // Cached −1, a sum no week can have: a value read back was recalculated.
  await writeSheets(files.sumifs, [[PLAN_SHEET, sumifsSheet(book)], [ORDERS_SHEET, orders]], STALE);
  const result: OrdersResult = {
    items,
    weeks,
    lines: book.lines.length,
    formulas: { bucket: items, sumifs: items * weeks },
    libreoffice: found.available ? { available: true, version: found.version } : { available: false, why: found.why },
    bucket: {},
    sumifs: {},
    loLoad: {},
    loCalc: {},
    check: { problems: [] },
  };
  const kept = { bucket: join(work, "orders-bucket.json"), sumifs: join(work, "orders-sumifs.json") };
  const argv = (file: string) => [file, "--json"];
  const ours = await startOurs(timeoutMs);
  const uno = found.available ? await startUno(found, work, timeoutMs) : "not installed";
  const unoWorker = typeof uno === "string" ? undefined : uno;
  if (found.available && typeof uno === "string") result.check.problems.push(`LibreOffice over UNO did not start: ${uno}`);
  try {
    if (typeof ours === "string") {
      result.bucket = result.sumifs = { failure: `the worker did not start: ${ours}` };
      return result;
    }
    // Warm-ups keep what each printed, for the checks.
    log("warm-up, and the values of each workbook …");
    const warm = {
      bucket: await oursInProcess(ours, argv(files.bucket), timeoutMs, kept.bucket),
      sumifs: await oursInProcess(ours, argv(files.sumifs), timeoutMs, kept.sumifs),
    };
    if (failureOf(warm.bucket) === undefined) result.check.bucket = compareJson(readJson(kept.bucket), book);
    if (failureOf(warm.sumifs) === undefined) result.check.sumifs = compareJson(readJson(kept.sumifs), book);
    const loLoads: number[] = [];
    const lo = async (readBack: boolean): Promise<Sample> => {
      if (!unoWorker) return { failure: found.available ? "LibreOffice over UNO did not start" : "LibreOffice not installed" };
      const range = `B2:${week(weeks - 1)}${items + 1}`;
      const reply = await unoWorker.request({ cmd: "recalc", path: files.sumifs, read: readBack ? [range] : [] }, timeoutMs);
      if (reply.error !== undefined) return { failure: firstLine(reply.error) };
      if (readBack) {
        const values = ((reply.values as unknown[][][] | undefined) ?? [])[0] ?? [];
        result.check.libreoffice = compareWith((item, w) => values[item]?.[w], book);
      } else loLoads.push(Number(reply.loadMs));
      return { ms: Number(reply.calcMs) };
    };
    const warmLo = await lo(true);
    log("MPS.BUCKET and SUMIFS through mps-recalc, SUMIFS through LibreOffice, interleaved …");
    const samples = await interleaved(
      {
        bucket: () => (failureOf(warm.bucket) !== undefined ? Promise.resolve(warm.bucket) : oursInProcess(ours, argv(files.bucket), timeoutMs)),
        sumifs: () => (failureOf(warm.sumifs) !== undefined ? Promise.resolve(warm.sumifs) : oursInProcess(ours, argv(files.sumifs), timeoutMs)),
        lo: () => (failureOf(warmLo) !== undefined ? Promise.resolve(warmLo) : lo(false)),
      },
      rounds,
    );
    result.bucket = timed(samples.bucket);
    result.sumifs = timed(samples.sumifs);
    result.loCalc = timed(samples.lo);
    result.loLoad = loLoads.length > 0 ? { ms: stats(loLoads) } : { failure: samples.lo.failure ?? "not run" };
    result.sumifsOverBucket = roundRatio(samples.sumifs.samples, samples.bucket.samples);
    result.loOverBucket = roundRatio(samples.lo.samples, samples.bucket.samples);
    await ours.stop();
  } finally {
    if (typeof ours !== "string") ours.kill();
    await unoWorker?.stop(60_000, { cmd: "quit" });
  }
  return result;
}
