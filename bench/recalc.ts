/**
 * The shipped headless recalculation against LibreOffice, and at scale (issue 12, items 2 and 4).
 *
 * Ours is what `mps-recalc` runs: in process, `main` of src/recalc/cli.ts called in a worker
 * that loads it through tsx as bin/mps-recalc.js does (bench/recalcWorker.ts); as a whole
 * process, `node bin/mps-recalc.js <file> --json --settings <file>` from spawn to exit. Nothing
 * here shortcuts the path: file read, settings, HyperFormula build and evaluation, the JSON
 * report. So when src/recalc changes, these figures change with it.
 *
 * LibreOffice recalculates the native-formula twin of the same plan: over UNO (load and
 * `calculateAll()` timed apart), and as `soffice --convert-to xlsx` with "always recalculate on
 * load". Cases run interleaved, their order rotating each round; ratios are taken round by round.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { columnName } from "../src/recalc/address";
import { writeBenchFiles, type BenchFiles } from "./files";
import { convertTo, findLibreOffice, freshProfile, startUno, type LibreOffice } from "./libreoffice";
import { stats, type Stats } from "./measure";
import { LineWorker, timedProcess, type Reply } from "./processes";
import { COMPARED, NATIVE, NATIVE_BLOCK, SHEET, TABLE_BLOCK, TABLE_OUT } from "./workbook";

const ROOT = join(__dirname, "..");

/** Sizes, rounds and limits of a full run and of a quick one. */
export const RECALC_PLAN: { full: RecalcPlan; quick: RecalcPlan } = {
  full: {
    seed: 7,
    outside: { items: 1_000, periods: 52, rounds: 5, timeoutMs: 600_000 },
    scale: { sizes: [100, 1_000, 5_000, 10_000], periods: 52, rounds: 3, slowMs: 60_000, timeoutMs: 600_000 },
    orders: { items: 1_000, weeks: 52, lines: 50_000, rounds: 5, timeoutMs: 600_000 },
  },
  quick: {
    seed: 7,
    outside: { items: 50, periods: 52, rounds: 1, timeoutMs: 180_000 },
    scale: { sizes: [50, 200], periods: 52, rounds: 1, slowMs: 30_000, timeoutMs: 180_000 },
    orders: { items: 100, weeks: 52, lines: 5_000, rounds: 1, timeoutMs: 180_000 },
  },
};

export interface RecalcPlan {
  seed: number;
  outside: { items: number; periods: number; rounds: number; timeoutMs: number };
  scale: { sizes: number[]; periods: number; rounds: number; slowMs: number; timeoutMs: number };
  /** bench/orders.ts: items, weeks and order lines of the MPS.BUCKET / SUMIFS workbooks. */
  orders: { items: number; weeks: number; lines: number; rounds: number; timeoutMs: number };
}

/** A case's times in milliseconds, or why it has none (or fewer than asked). */
export interface Timed {
  ms?: Stats;
  failure?: string;
  note?: string;
}

export interface Comparison {
  compared: number;
  differences: string[];
}

export interface OutsideResult {
  items: number;
  periods: number;
  formulas: { table: number; native?: number };
  libreoffice: { available: true; version: string } | { available: false; why: string };
  inProcess: {
    /** `mps-recalc <file> --json` in process. */
    ours: Timed;
    /** The same with `--out <file.xlsx>`: writing the workbook back. */
    oursOut: Timed;
    /**
     * Deflating the sheet `--out` wrote (its largest part), alone, as `--out` deflates it: a
     * floor under what writing adds to the `--json` run.
     */
    deflateOnly?: Timed;
    /** Its size before deflating, bytes. */
    deflatedBytes?: number;
    /** (--json + that deflating) ÷ --json, round by round: the least --out ÷ --json can be with it. */
    deflateFloor?: Stats;
    /** `--json` on the same workbook with one other formula: the calls directly, HyperFormula for it alone. */
    oursOneOther?: Timed;
    /** That ÷ ours, round by round. */
    oneOtherOverDirect?: Stats;
    /** `--json` on the same workbook with a total right of every planning row (9,000 `SUM`s). */
    oursTotals?: Timed;
    /** That ÷ ours, round by round. */
    totalsOverDirect?: Stats;
    /** LibreOffice: loading the native workbook, and `calculateAll()` on it. */
    loLoad: Timed;
    loCalc: Timed;
    /** LibreOffice calculateAll ÷ ours, (load + calculateAll) ÷ ours, and --out ÷ --json, round by round. */
    loOverOurs?: Stats;
    loTotalOverOurs?: Stats;
    outOverJson?: Stats;
  };
  wholeProcess: {
    ours: Timed;
    /** `node bin/mps-recalc.js <file> --json --out <file.xlsx>`, from spawn to exit. */
    oursOut?: Timed;
    lo: Timed;
    /** soffice --convert-to ÷ ours, and --out ÷ --json, round by round. */
    loOverOurs?: Stats;
    outOverJson?: Stats;
  };
  /** LibreOffice's values against ours: after calculateAll, and in the file --convert-to wrote. */
  check: { uno?: Comparison; convert?: Comparison; oneOther?: Comparison; totals?: Comparison; problems: string[] };
}

export interface ScaleSize {
  items: number;
  inProcess: Timed;
  wholeProcess: Timed;
  /** Median milliseconds per item. */
  perItem: { inProcess?: number; wholeProcess?: number };
  /** Resident memory of the in-process worker after its last run, MB. */
  rssMB?: number;
}

export interface ScaleResult {
  periods: number;
  sizes: ScaleSize[];
  /** Per-item cost at the largest size ÷ at 1,000 items (the smallest in a quick run); the goal: ≤ 1.3×. */
  growth: { from: number; to: number; inProcess?: number; wholeProcess?: number };
}

export type Sample = { ms: number } | { failure: string; timedOut?: boolean };

export const failureOf = (sample: Sample): string | undefined => ("failure" in sample ? sample.failure : undefined);

/** The line that says why a run failed; a crash for lack of memory said plainly. */
export function firstLine(text: unknown): string {
  const all = String(text ?? "").trim();
  // The CLI prefixes every message with its name; the table says whose run it was.
  const line = all.split("\n")[0].replace(/^mps-recalc: /, "").slice(0, 300);
  return /heap out of memory/i.test(all) ? `${line.replace(/:\s*<---.*$/, "")}: out of memory (JavaScript heap out of memory)` : line;
}

/** Our CLI in process: one run. */
export async function oursInProcess(worker: LineWorker, argv: string[], timeoutMs: number, keepPath?: string): Promise<Sample & { rssMB?: number }> {
  const reply: Reply = await worker.request({ argv, keepPath }, timeoutMs);
  if (reply.error !== undefined) return { failure: firstLine(reply.error), timedOut: reply.timedOut === true };
  if (reply.code !== 0) return { failure: `exit ${String(reply.code)}: ${firstLine(reply.err)}` };
  return { ms: Number(reply.ms), rssMB: Number(reply.rssMB) };
}

/** Our CLI as a whole process, as a user runs it: `node bin/mps-recalc.js …`. */
async function oursWholeProcess(argv: string[], stdoutPath: string, timeoutMs: number): Promise<Sample> {
  const run = await timedProcess(process.execPath, [join(ROOT, "bin", "mps-recalc.js"), ...argv], { timeoutMs, stdoutPath, cwd: ROOT });
  if (run.timedOut) return { failure: `timed out after ${Math.round(timeoutMs / 1000)} s`, timedOut: true };
  if (run.code !== 0) return { failure: `exit ${String(run.code)}: ${firstLine(run.stderr)}` };
  return { ms: run.ms };
}

export function startOurs(timeoutMs: number): Promise<LineWorker | string> {
  return LineWorker.start(process.execPath, ["--require", "tsx/cjs", join(ROOT, "bench", "recalcWorker.ts")], timeoutMs, process.env, ROOT);
}

const argsFor = (files: BenchFiles) => [files.table, "--json", "--settings", files.settings];

/** Runs `cases` round after round, rotating which goes first; a case that fails stops being run. */
export async function interleaved<K extends string>(cases: Record<K, () => Promise<Sample>>, rounds: number): Promise<Record<K, { samples: number[]; failure?: string }>> {
  const names = Object.keys(cases) as K[];
  const out = Object.fromEntries(names.map((name) => [name, { samples: [] as number[] }])) as Record<K, { samples: number[]; failure?: string }>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      if (out[name].failure !== undefined) continue;
      const sample = await cases[name]();
      if ("failure" in sample) out[name].failure = sample.failure;
      else out[name].samples.push(sample.ms);
    }
  }
  return out;
}

export function timed(result: { samples: number[]; failure?: string } | undefined, failure?: string): Timed {
  if (failure !== undefined) return { failure };
  if (!result) return { failure: "not run" };
  if (result.samples.length === 0) return { failure: result.failure ?? "not run" };
  return { ms: stats(result.samples), failure: result.failure };
}

/** Round-by-round ratio of two cases, over the rounds both have. */
export function roundRatio(numerator: number[] | undefined, denominator: number[] | undefined): Stats | undefined {
  if (!numerator || !denominator) return undefined;
  const n = Math.min(numerator.length, denominator.length);
  return n === 0 ? undefined : stats(Array.from({ length: n }, (_, i) => numerator[i] / denominator[i]));
}

/** Ranges of the native sheet holding each item's block (row labels in column A, periods from B). */
function nativeBlocks(items: number, periods: number): string[] {
  const last = columnName(periods);
  return Array.from({ length: items }, (_, i) => `A${i * NATIVE_BLOCK + 1}:${last}${i * NATIVE_BLOCK + NATIVE_BLOCK - 1}`);
}

/**
 * LibreOffice's native rows against the MPS.TABLE record mps-recalc printed (its --json), every
 * period of demand, MPS, PAB and ATP of every item read back.
 */
function compareWithOurs(ours: Record<string, unknown>, blocks: unknown, items: number, periods: number, limit = 5): Comparison {
  const differences: string[] = [];
  let compared = 0;
  const note = (text: string) => {
    if (differences.length < limit) differences.push(text);
    else if (differences.length === limit) differences.push("…");
  };
  const read = Array.isArray(blocks) ? (blocks as unknown[][][]) : [];
  for (let i = 0; i < items; i++) {
    const block = read[i];
    if (!block) {
      note(`item ${i + 1}: LibreOffice returned no values`);
      continue;
    }
    const top = i * TABLE_BLOCK;
    for (const [label, name] of COMPARED) {
      let row = -1;
      for (let r = top + TABLE_OUT; r < top + TABLE_BLOCK; r++) if (ours[`${SHEET}!A${r + 1}`] === label) row = r;
      if (row < 0) {
        note(`item ${i + 1}: mps-recalc printed no "${label}" row`);
        continue;
      }
      for (let p = 1; p <= periods; p++) {
        compared++;
        const a = ours[`${SHEET}!${columnName(p)}${row + 1}`];
        const b = block[NATIVE[name]]?.[p];
        if (typeof a !== "number" || typeof b !== "number" || Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a))) {
          note(`item ${i + 1} ${label} period ${p}: mps-recalc ${String(a)}, LibreOffice ${String(b)}`);
        }
      }
    }
  }
  return { compared, differences };
}

/** The LibreOffice comparison: the plan's MPS.TABLE workbook through mps-recalc vs its native twin through LibreOffice. */
export async function outside(plan: RecalcPlan, work: string, log: (text: string) => void): Promise<OutsideResult> {
  const { items, periods, rounds, timeoutMs } = plan.outside;
  const found: LibreOffice = findLibreOffice();
  log(found.available ? `${found.version}, UNO through ${found.python}` : found.why);
  const files = await writeBenchFiles(work, items, periods, plan.seed, found.available, true);
  const args = argsFor(files);
  const outFile = join(work, "recalculated.xlsx");
  const kept = join(work, "ours.json");
  const result: OutsideResult = {
    items,
    periods,
    formulas: files.formulas,
    libreoffice: found.available ? { available: true, version: found.version } : { available: false, why: found.why },
    inProcess: { ours: {}, oursOut: {}, loLoad: {}, loCalc: {} },
    wholeProcess: { ours: {}, lo: {} },
    check: { problems: [] },
  };

  // In process: ours (--json, and --json --out) and LibreOffice's calculateAll, interleaved.
  log("in process: mps-recalc and LibreOffice calculateAll, interleaved …");
  const ours = await startOurs(timeoutMs);
  const uno = found.available ? await startUno(found, work, timeoutMs) : "not installed";
  const unoWorker = typeof uno === "string" ? undefined : uno;
  if (found.available && typeof uno === "string") result.check.problems.push(`LibreOffice over UNO did not start: ${uno}`);
  try {
    const loLoads: number[] = [];
    const loTotals: number[] = [];
    const loRun = async (readBack: boolean): Promise<Sample> => {
      if (!unoWorker || !files.native) return { failure: "LibreOffice not available" };
      const reply = await unoWorker.request({ cmd: "recalc", path: files.native, read: readBack ? nativeBlocks(items, periods) : [] }, timeoutMs);
      if (reply.error !== undefined) return { failure: firstLine(reply.error) };
      if (readBack) result.check.uno = compareWithOurs(readOurs(kept), (reply.values as unknown[]) ?? [], items, periods);
      else {
        loLoads.push(Number(reply.loadMs));
        loTotals.push(Number(reply.loadMs) + Number(reply.calcMs));
      }
      return { ms: Number(reply.calcMs) };
    };
    if (typeof ours === "string") {
      result.inProcess.ours = result.inProcess.oursOut = { failure: `the worker did not start: ${ours}` };
    } else {
      // Warm-up: compiles every path once, keeps our printed values for the check.
      const warm = await oursInProcess(ours, args, timeoutMs, kept);
      const warmOut = failureOf(warm) === undefined ? await oursInProcess(ours, [...args, "--out", outFile], timeoutMs) : warm;
      const oneOtherArgs = [files.oneOther!, ...args.slice(1)];
      const keptOneOther = join(work, "ours-one-other.json");
      const warmOneOther = failureOf(warm) === undefined ? await oursInProcess(ours, oneOtherArgs, timeoutMs, keptOneOther) : warm;
      if (failureOf(warmOneOther) === undefined) result.check.oneOther = sameValues(readOurs(kept), readOurs(keptOneOther));
      const totalsArgs = [files.totals!, ...args.slice(1)];
      const keptTotals = join(work, "ours-totals.json");
      const warmTotals = failureOf(warm) === undefined ? await oursInProcess(ours, totalsArgs, timeoutMs, keptTotals) : warm;
      if (failureOf(warmTotals) === undefined) result.check.totals = sameValues(readOurs(kept), readOurs(keptTotals));
      const warmLo = unoWorker && failureOf(warm) === undefined ? await loRun(true) : undefined;
      const deflateRun = async (): Promise<Sample> => {
        const reply = await ours.request({ deflate: outFile }, timeoutMs);
        if (reply.error !== undefined) return { failure: firstLine(reply.error) };
        result.inProcess.deflatedBytes = Number(reply.bytes);
        return { ms: Number(reply.ms) };
      };
      const warmDeflate = failureOf(warmOut) === undefined ? await deflateRun() : warmOut;
      const samples = await interleaved(
        {
          ours: () => (failureOf(warm) !== undefined ? Promise.resolve(warm) : oursInProcess(ours, args, timeoutMs)),
          oursOut: () => (failureOf(warmOut) !== undefined ? Promise.resolve(warmOut) : oursInProcess(ours, [...args, "--out", outFile], timeoutMs)),
          oursOneOther: () => (failureOf(warmOneOther) !== undefined ? Promise.resolve(warmOneOther) : oursInProcess(ours, oneOtherArgs, timeoutMs)),
          oursTotals: () => (failureOf(warmTotals) !== undefined ? Promise.resolve(warmTotals) : oursInProcess(ours, totalsArgs, timeoutMs)),
          deflate: () => (failureOf(warmDeflate) !== undefined ? Promise.resolve(warmDeflate) : deflateRun()),
          lo: () => (warmLo && failureOf(warmLo) !== undefined ? Promise.resolve(warmLo) : loRun(false)),
        },
        rounds,
      );
      result.inProcess.ours = timed(samples.ours);
      result.inProcess.oursOut = timed(samples.oursOut);
      if (unoWorker) {
        result.inProcess.loCalc = timed(samples.lo);
        result.inProcess.loLoad = loLoads.length > 0 ? { ms: stats(loLoads) } : { failure: samples.lo.failure ?? "not run" };
        result.inProcess.loOverOurs = roundRatio(samples.lo.samples, samples.ours.samples);
        result.inProcess.loTotalOverOurs = roundRatio(loTotals, samples.ours.samples);
      }
      result.inProcess.outOverJson = roundRatio(samples.oursOut.samples, samples.ours.samples);
      result.inProcess.deflateOnly = timed(samples.deflate);
      const deflated = samples.deflate.samples;
      result.inProcess.deflateFloor = roundRatio(samples.ours.samples.slice(0, deflated.length).map((json, i) => json + deflated[i]), samples.ours.samples);
      result.inProcess.oursOneOther = timed(samples.oursOneOther);
      result.inProcess.oneOtherOverDirect = roundRatio(samples.oursOneOther.samples, samples.ours.samples);
      result.inProcess.oursTotals = timed(samples.oursTotals);
      result.inProcess.totalsOverDirect = roundRatio(samples.oursTotals.samples, samples.ours.samples);
      await ours.stop();
    }
    if (!unoWorker) result.inProcess.loCalc = result.inProcess.loLoad = { failure: found.available ? "LibreOffice over UNO did not start" : "LibreOffice not installed" };

    // Whole processes: node bin/mps-recalc.js vs soffice --convert-to, interleaved.
    log("whole process: mps-recalc (--json, and --json --out) and soffice --convert-to, interleaved …");
    const convertDir = join(work, "converted");
    mkdirSync(convertDir, { recursive: true });
    const profile = found.available ? freshProfile(join(work, "lo-profile-convert"), "always") : "";
    const oursOut = join(work, "ours-stdout.json");
    const convert = async (): Promise<Sample> => {
      if (!found.available || !files.native) return { failure: "LibreOffice not installed" };
      const run = await convertTo(profile, files.native, convertDir, timeoutMs);
      if (run.timedOut) return { failure: `timed out after ${Math.round(timeoutMs / 1000)} s`, timedOut: true };
      if (run.code !== 0 || !existsSync(run.output)) return { failure: `soffice exit ${String(run.code)}: ${firstLine(run.stderr) || "no output file"}` };
      return { ms: run.ms };
    };
    // Warm-up: a first soffice start fills its fresh profile; the first tsx start fills its cache.
    const warmWhole = await oursWholeProcess(args, oursOut, timeoutMs);
    const outArgs = [...args, "--out", outFile];
    const warmWholeOut = await oursWholeProcess(outArgs, oursOut, timeoutMs);
    const warmConvert = await convert();
    const whole = await interleaved(
      {
        ours: () => (failureOf(warmWhole) !== undefined ? Promise.resolve(warmWhole) : oursWholeProcess(args, oursOut, timeoutMs)),
        oursOut: () => (failureOf(warmWholeOut) !== undefined ? Promise.resolve(warmWholeOut) : oursWholeProcess(outArgs, oursOut, timeoutMs)),
        lo: () => (failureOf(warmConvert) !== undefined ? Promise.resolve(warmConvert) : convert()),
      },
      rounds,
    );
    result.wholeProcess.ours = timed(whole.ours);
    result.wholeProcess.oursOut = timed(whole.oursOut);
    result.wholeProcess.outOverJson = roundRatio(whole.oursOut.samples, whole.ours.samples);
    result.wholeProcess.lo = found.available ? timed(whole.lo) : { failure: "LibreOffice not installed" };
    result.wholeProcess.loOverOurs = roundRatio(whole.lo.samples, whole.ours.samples);

    // What --convert-to wrote, read back without recalculating: its values must be ours too.
    if (unoWorker && files.native && whole.lo.samples.length > 0 && existsSync(kept)) {
      const reply = await unoWorker.request({ cmd: "read", path: join(convertDir, `native-${items}.xlsx`), read: nativeBlocks(items, periods) }, timeoutMs);
      if (reply.error !== undefined) result.check.problems.push(`reading the converted workbook: ${firstLine(reply.error)}`);
      else result.check.convert = compareWithOurs(readOurs(kept), reply.values, items, periods);
    }
  } finally {
    if (typeof ours !== "string") ours.kill();
    await unoWorker?.stop(60_000, { cmd: "quit" });
  }
  return result;
}

/** Every value the direct path printed, as HyperFormula printed it (the SUM cell aside). */
/** Every value the direct path printed, printed the same with other formulas in the workbook. */
function sameValues(direct: Record<string, unknown>, withOthers: Record<string, unknown>): Comparison {
  const differences: string[] = [];
  let compared = 0;
  for (const [key, value] of Object.entries(direct)) {
    compared++;
    if (!Object.is(withOthers[key], value) && differences.length < 10) differences.push(`${key}: direct ${String(value)}, with other formulas ${String(withOthers[key])}`);
  }
  if (compared === 0) differences.push("no values printed");
  return { compared, differences };
}

function readOurs(path: string): Record<string, unknown> {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>) : {};
}

/** The shipped path over growing portfolios; sizes that fail are results, larger ones after a timeout or a very slow run are skipped. */
export async function scale(plan: RecalcPlan, work: string, log: (text: string) => void): Promise<ScaleResult> {
  const { sizes, periods, rounds, slowMs, timeoutMs } = plan.scale;
  // The goal runs from 1,000 items to the largest size; a quick run from its smallest.
  const result: ScaleResult = { periods, sizes: [], growth: { from: sizes.includes(1_000) ? 1_000 : Math.min(...sizes), to: Math.max(...sizes) } };
  const skip: { inProcess?: string; wholeProcess?: string } = {};
  for (const items of sizes) {
    log(`${items.toLocaleString("en-US")} items …`);
    const existing = join(work, `mps-table-${items}.xlsx`);
    const files: BenchFiles = existsSync(existing)
      ? { items, periods, table: existing, settings: join(work, "settings.json"), formulas: { table: items } }
      : await writeBenchFiles(work, items, periods, plan.seed, false);
    const args = argsFor(files);
    const size: ScaleSize = { items, inProcess: {}, wholeProcess: {}, perItem: {} };
    const stdoutPath = join(work, `scale-${items}.json`);
    const worker = skip.inProcess === undefined ? await startOurs(timeoutMs) : skip.inProcess;
    try {
      // Warm-ups; a run slower than slowMs is the only one taken at this size.
      const warmIn: Sample & { rssMB?: number } =
        typeof worker === "string" ? { failure: skip.inProcess ?? `the worker did not start: ${worker}` } : await oursInProcess(worker, args, timeoutMs);
      const warmWhole: Sample = skip.wholeProcess !== undefined ? { failure: skip.wholeProcess } : await oursWholeProcess(args, stdoutPath, timeoutMs);
      const slowIn = "ms" in warmIn && warmIn.ms > slowMs;
      const slowWhole = "ms" in warmWhole && warmWhole.ms > slowMs;
      let rss = warmIn.rssMB;
      const samples = await interleaved(
        {
          inProcess: async (): Promise<Sample> => {
            if (typeof worker === "string" || failureOf(warmIn) !== undefined || slowIn) return warmIn;
            const run = await oursInProcess(worker, args, timeoutMs);
            rss = run.rssMB ?? rss;
            return run;
          },
          wholeProcess: () => (failureOf(warmWhole) !== undefined || slowWhole ? Promise.resolve(warmWhole) : oursWholeProcess(args, stdoutPath, timeoutMs)),
        },
        slowIn && slowWhole ? 1 : rounds,
      );
      size.inProcess = timed(samples.inProcess);
      size.wholeProcess = timed(samples.wholeProcess);
      if (slowIn) size.inProcess.note = `one run only: over ${slowMs / 1000} s`;
      if (slowWhole) size.wholeProcess.note = `one run only: over ${slowMs / 1000} s`;
      size.rssMB = rss;
      if (size.inProcess.ms) size.perItem.inProcess = size.inProcess.ms.median / items;
      if (size.wholeProcess.ms) size.perItem.wholeProcess = size.wholeProcess.ms.median / items;
      const tooSlow = (run: Sample, slow: boolean) =>
        "timedOut" in run && run.timedOut ? `skipped: ${items.toLocaleString("en-US")} items timed out` : slow ? `skipped: ${items.toLocaleString("en-US")} items took over ${slowMs / 1000} s` : undefined;
      skip.inProcess ??= tooSlow(warmIn, slowIn);
      skip.wholeProcess ??= tooSlow(warmWhole, slowWhole);
    } finally {
      if (typeof worker !== "string") await worker.stop(10_000);
    }
    result.sizes.push(size);
  }
  const at = (items: number) => result.sizes.find((s) => s.items === items)?.perItem;
  const from = at(result.growth.from);
  const to = at(result.growth.to);
  if (from?.inProcess !== undefined && to?.inProcess !== undefined) result.growth.inProcess = to.inProcess / from.inProcess;
  if (from?.wholeProcess !== undefined && to?.wholeProcess !== undefined) result.growth.wholeProcess = to.wholeProcess / from.wholeProcess;
  return result;
}
