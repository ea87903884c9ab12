/**
 * The benchmark's results: their shape in bench/results.json, the goals of issues 7, 12, 13 and
 * 14 checked against them (issue 15's coach has a figure, no goal), and the table printed at the
 * end of a run.
 */
import type { BundleName, BundleSize } from "./bundles";
import type { CoachResult } from "./coach";
import type { AdapterResult, KernelResult, ScalingResult, ThroughputResult } from "./engine";
import type { LevelResult } from "./level";
import type { Stats } from "./measure";
import type { OrdersResult } from "./orders";
import type { Comparison, OutsideResult, ScaleResult, Timed } from "./recalc";
import type { WorkbookResult } from "./workbook";

export interface Results {
  machine: { cpu: string; cores: number; node: string; os: string; memoryGB: number; date: string };
  quick: boolean;
  figures: {
    throughput?: ThroughputResult;
    kernel?: KernelResult;
    scaling?: ScalingResult;
    adapter?: AdapterResult;
    workbook?: WorkbookResult;
    outside?: OutsideResult;
    scale?: ScaleResult;
    level?: LevelResult;
    coach?: CoachResult;
    orders?: OrdersResult;
    bundles?: { source: string; sizes: Record<BundleName, BundleSize>; uiInFunctions: boolean };
  };
  /** Wall-clock seconds of the whole run. */
  seconds?: number;
  goals?: Goal[];
}

export interface Goal {
  /** Issue and item the goal comes from: "7.1", "12.2". */
  item: string;
  goal: string;
  measured: string;
  /** undefined: this run could not measure it (e.g. LibreOffice not installed). */
  met: boolean | undefined;
}

const fixed = (x: number, digits: number) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const millions = (x: number) => `${fixed(x / 1e6, 1)} M`;
const times = (x: number) => `${fixed(x, x < 10 ? 2 : 1)}×`;
const ns = (x: number) => `${fixed(x, 1)} ns`;
const ms = (x: number) => `${fixed(x, 0)} ms`;
const msFine = (x: number) => `${fixed(x, 2)} ms`;
const kb = (bytes: number) => `${fixed(bytes / 1024, 1)} KB`;
const range = (s: Stats, f: (x: number) => string) => `${f(s.median)}  [${f(s.min)} – ${f(s.max)}]`;
/** A timed case: its figures, or why it has none. */
const timedCell = (t: Timed, f: (x: number) => string) =>
  t.ms
    ? `${range(t.ms, f)}${t.failure ? ` (then: ${t.failure})` : ""}${t.note ? ` (${t.note})` : ""}`
    : `FAILED: ${t.failure ?? "not run"}`;

const count = (n: number) => n.toLocaleString("en-US");
const sameCells = (c: Comparison) => (c.differences.length === 0 ? `${count(c.compared)} cells equal` : `${c.differences.length} differ`);
/** "faster by" goal: `ratio` is their time ÷ ours; undefined when a side could not be timed. */
const fasterGoal = (item: string, goal: string, ratio: Stats | undefined, target: number, missing: string): Goal =>
  ratio === undefined
    ? { item, goal, measured: missing, met: undefined }
    : { item, goal, measured: ratio.median >= 1 ? `${times(ratio.median)} faster` : `${times(1 / ratio.median)} slower`, met: ratio.median >= target };

/** Why a pair of timed cases has no ratio: the first failure found. */
const whyMissing = (...cases: Timed[]) => cases.find((c) => c.failure !== undefined && c.ms === undefined)?.failure ?? "not measured";

/** Every goal of issues 7, 12, 13 and 14 the figures allow to check. */
export function goals(results: Results): Goal[] {
  const { throughput: t, kernel: k, scaling: s, adapter: a, workbook: w, outside: o, scale: sc, bundles: b, level: l, orders: or } = results.figures;
  const list: Goal[] = [];
  if (t) {
    list.push({ item: "7.1", goal: "planItem ≥ 10 M item-periods/s without pegging", measured: millions(t.withoutPegging.median), met: t.withoutPegging.median >= 10e6 });
  }
  if (k) {
    const same = k.check.differences.length === 0;
    list.push({ item: "12.3", goal: "kernel equal to planItem on every row", measured: sameCells(k.check), met: same });
    list.push({ item: "12.3", goal: "planItem ≤ 2.5× the kernel", measured: times(k.ratio.median), met: same && k.ratio.median <= 2.5 });
  }
  if (s) {
    list.push({ item: "7.3", goal: "time per item-period flat within 1.5× over N and windows", measured: times(s.spread), met: s.spread <= 1.5 });
  }
  if (a) list.push({ item: "7.4, 12", goal: "MPS.TABLE adapter ≤ 2× planItem", measured: `${times(a.ratio.median)}${a.floorRatio ? ` (floor ${times(a.floorRatio.median)})` : ""}`, met: a.ratio.median <= 2 });
  if (w) {
    const same = w.check.differences.length === 0;
    list.push({ item: "7.5", goal: "same numbers in both workbooks (HyperFormula)", measured: sameCells(w.check), met: same });
    list.push({ item: "7.5", goal: "≥ 10× fewer formulas", measured: times(w.formulaRatio), met: w.formulaRatio >= 10 });
    list.push({ item: "7.5", goal: "≥ 5× faster full recalculation than native formulas in HyperFormula", measured: times(w.loadRatio.median), met: w.loadRatio.median >= 5 });
    list.push({ item: "7.5", goal: "≥ 5× faster recalculation after editing one item", measured: times(w.editRatio.median), met: w.editRatio.median >= 5 });
    list.push({ item: "7.5", goal: "≥ 5× faster after editing every item in one batch", measured: times(w.batchRatio.median), met: w.batchRatio.median >= 5 });
  }
  if (o) {
    const lo = o.libreoffice.available ? undefined : o.libreoffice.why;
    const { inProcess: ip, wholeProcess: wp } = o;
    list.push({
      item: "12.1",
      goal: "mps-recalc --out ≤ 1.2× the --json run (in process)",
      measured: ip.outOverJson
        ? `${times(ip.outOverJson.median)}${ip.deflateFloor ? ` (floor ${times(ip.deflateFloor.median)})` : ""}`
        : whyMissing(ip.ours, ip.oursOut),
      met: ip.outOverJson ? ip.outOverJson.median <= 1.2 : false,
    });
    list.push({
      item: "12.1",
      goal: "mps-recalc --out ≤ 1.2× the --json run (whole process)",
      measured: wp.outOverJson ? times(wp.outOverJson.median) : whyMissing(wp.ours, wp.oursOut ?? { failure: "not run" }),
      met: wp.outOverJson ? wp.outOverJson.median <= 1.2 : false,
    });
    for (const [label, c] of [["calculateAll", o.check.uno], ["the file soffice --convert-to wrote", o.check.convert]] as const) {
      list.push({
        item: "12.2",
        goal: `same numbers: LibreOffice (${label}) and mps-recalc`,
        measured: c ? sameCells(c) : (lo ?? o.check.problems[0] ?? whyMissing(ip.ours, ip.loCalc, wp.lo)),
        met: c ? c.differences.length === 0 && c.compared > 0 : lo ? undefined : false,
      });
    }
    for (const [label, check, run] of [
      ["one other formula (HyperFormula for it alone)", o.check.oneOther, ip.oursOneOther],
      ["a total on every row (9,000 SUMs)", o.check.totals, ip.oursTotals],
    ] as const) {
      list.push({
        item: "12.2",
        goal: `same numbers: mps-recalc's direct path and ${label}`,
        measured: check ? sameCells(check) : o.check.problems[0] ?? whyMissing(ip.ours, run ?? { failure: "not run" }),
        met: check ? check.differences.length === 0 && check.compared > 0 : false,
      });
    }
    const inProcess = fasterGoal("12.2", "mps-recalc in process ≥ 2× faster than LibreOffice calculateAll", ip.loOverOurs, 2, lo ?? whyMissing(ip.ours, ip.loCalc));
    const whole = fasterGoal("12.2", "mps-recalc process ≥ 3× faster than soffice --convert-to", wp.loOverOurs, 3, lo ?? whyMissing(wp.ours, wp.lo));
    // Our side failing is a missed goal, not an unmeasured one.
    if (inProcess.met === undefined && !lo) inProcess.met = false;
    if (whole.met === undefined && !lo) whole.met = false;
    list.push(inProcess, whole);
  }
  if (sc) {
    const { from, to, inProcess } = sc.growth;
    const last = sc.sizes.find((size) => size.items === to);
    list.push({
      item: "12.4",
      goal: `per-item cost ${count(from)} → ${count(to)} items within 1.3× (in process)`,
      measured: inProcess !== undefined ? times(inProcess) : `${count(to)} items: ${last?.inProcess.failure ?? "not measured"}`,
      met: inProcess !== undefined && inProcess <= 1.3,
    });
  }
  if (l) {
    const rate = l.rates["build-ahead"].median;
    list.push({ item: "14", goal: "levelling (build-ahead, one resource) ≥ 10 M item-periods/s", measured: millions(rate), met: rate >= 10e6 });
    const over = Object.values(l.check).reduce((sum, c) => sum + c.overloadHours, 0);
    list.push({ item: "14", goal: "levelled plans never above capacity (every strategy)", measured: over === 0 ? "none above" : `${fixed(over, 1)} h above`, met: over === 0 });
  }
  if (or) {
    const lo = or.libreoffice.available ? undefined : or.libreoffice.why;
    for (const [label, c, failure] of [
      ["MPS.BUCKET (mps-recalc)", or.check.bucket, or.bucket.failure],
      ["SUMIFS (mps-recalc)", or.check.sumifs, or.sumifs.failure],
      ["SUMIFS (LibreOffice)", or.check.libreoffice, lo ?? or.loCalc.failure ?? or.check.problems[0]],
    ] as const) {
      list.push({
        item: "13",
        goal: `buckets equal to the order lines' sums: ${label}`,
        measured: c ? sameCells(c) : (failure ?? "not measured"),
        met: c ? c.differences.length === 0 && c.compared > 0 : label.includes("LibreOffice") && lo ? undefined : false,
      });
    }
  }
  if (b) {
    for (const size of Object.values(b.sizes)) {
      list.push({ item: "7.6", goal: `${size.file} ≤ ${kb(size.budget)} min+gzip`, measured: kb(size.gzipped), met: size.gzipped <= size.budget });
    }
    list.push({ item: "7.6", goal: "no React or Fluent UI in functions.js", measured: b.uiInFunctions ? "found" : "none", met: !b.uiInFunctions });
  }
  return list;
}

/** Two cases timed side by side and the first's time over the second's, as three lines of a table. */
function pairTable(first: [string, Stats], second: [string, Stats], ratio: [string, Stats], show: (value: number) => string): string {
  return table([
    [first[0], range(first[1], show)],
    [second[0], range(second[1], show)],
    [ratio[0], range(ratio[1], times)],
  ]);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows.map((r) => "  " + r.map((cell, c) => cell.padEnd(widths[c])).join("   ").trimEnd()).join("\n") + "\n";
}

/**
 * The readable report; also stores the goals in `results`.
 * @returns text for the terminal
 */
export function report(results: Results): string {
  const { machine: m, figures: f } = results;
  let text = `\nChain Crafter MPS benchmarks${results.quick ? " (QUICK: small sizes, not for the record)" : ""}\n`;
  text += `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.os}, ${m.date}\n`;
  text += "Figures: median  [min – max] over the measured rounds, after warm-up rounds. Ratios are taken\n";
  text += "round by round from cases run side by side, then summarised the same way.\n\n";
  if (f.throughput) {
    const t = f.throughput;
    text += `1. Engine throughput: planItem over ${t.items.toLocaleString("en-US")} items × ${t.periods} periods (seed ${t.seed};\n`;
    text += "     window 2/2, MTS demand, FOQ with safety stock, look-ahead ATP), item-periods per second\n";
    text += pairTable(["planItem, no pegging", t.withoutPegging], ["planItem, with pegging", t.withPegging], ["pegging ÷ no pegging (time)", t.peggingCost], millions);
    text += "\n";
  }
  if (f.kernel) {
    const k = f.kernel;
    text += `2. planItem against the kernel: the same plan (window 0/0, MTS, FOQ + safety stock, discrete ATP) as one\n`;
    text += `   tight loop over typed arrays, every item's ${k.rows} rows kept (${fixed(k.residentMB, 0)} MB resident), ${k.items.toLocaleString("en-US")} items × ${k.periods} periods\n`;
    text += pairTable(["planItem", k.planItem], ["kernel", k.kernel], ["planItem ÷ kernel (time)", k.ratio], ns);
    text += k.check.differences.length === 0
      ? `  kernel = planItem bit for bit on all ${k.check.compared.toLocaleString("en-US")} cells (every item, row and period)\n`
      : `  KERNEL DIFFERS FROM planItem:\n${k.check.differences.map((d) => `    ${d}\n`).join("")}`;
    text += "\n";
  }
  if (f.scaling) {
    const s = f.scaling;
    text += "3. Scaling: time per item-period (about the same item-periods per case)\n";
    text += table(s.cases.map((c) => [c.label, `${c.items.toLocaleString("en-US")} items`, range(c.nsPerItemPeriod, ns)]));
    text += table([
      ["slowest ÷ fastest, horizons (window 2/2)", times(s.sizeSpread)],
      ["window 52/52 ÷ 0/0 (round by round)", range(s.windowRatio, times)],
      ["slowest ÷ fastest, every case", times(s.spread)],
    ]);
    text += "\n";
  }
  if (f.adapter) {
    const a = f.adapter;
    text += `4. Adapter: MPS.TABLE via invoke on Excel-shaped ranges (${fixed(a.emptyOrderCells * 100, 0)}% of order cells empty)\n`;
    text += `   vs planItem on typed arrays, ${a.items.toLocaleString("en-US")} items × ${a.periods} periods, per item-period\n`;
    text += pairTable(["planItem", a.engine], ["MPS.TABLE", a.table], ["MPS.TABLE ÷ planItem (time)", a.ratio], ns);
    if (a.floor && a.floorRatio) {
      text += "  of which MPS.TABLE cannot leave out any: read forecast and orders, plan, make the cells Excel takes\n";
      text += table([
        ["  that alone", range(a.floor, ns)],
        ["  that ÷ planItem (time): the floor under MPS.TABLE ÷ planItem", range(a.floorRatio, times)],
      ]);
    }
    text += "\n";
  }
  if (f.workbook) {
    const w = f.workbook;
    text += `5. Workbooks in HyperFormula: ${w.items.toLocaleString("en-US")} items × ${w.periods} weeks, one MPS.TABLE per item vs native formulas\n`;
    text += table([
      ["", "MPS.TABLE", "native", "native ÷ MPS.TABLE"],
      ["formula cells", w.formulas.table.toLocaleString("en-US"), w.formulas.native.toLocaleString("en-US"), times(w.formulaRatio)],
      ["full recalculation (load + evaluate)", range(w.loadMs.table, ms), range(w.loadMs.native, ms), range(w.loadRatio, times)],
      [`edit one item (mean of ${w.edits})`, range(w.editMs.table, msFine), range(w.editMs.native, msFine), range(w.editRatio, times)],
      ["edit every item in one batch", range(w.batchMs.table, ms), range(w.batchMs.native, ms), range(w.batchRatio, times)],
    ]);
    text += w.check.differences.length === 0
      ? `  same numbers: demand, MPS, PAB and ATP equal in all ${w.check.compared.toLocaleString("en-US")} compared cells\n`
      : `  DIFFERENT NUMBERS:\n${w.check.differences.map((d) => `    ${d}\n`).join("")}`;
    text += "\n";
  }
  if (f.bundles) {
    const b = f.bundles;
    text += `6. Bundles, from ${b.source}\n`;
    text += table([
      ["", "minified", "min+gzip", "budget"],
      ...Object.values(b.sizes).map((s) => [s.file, kb(s.minified), kb(s.gzipped), kb(s.budget)]),
    ]);
    text += `  React / Fluent UI code in functions.js: ${b.uiInFunctions ? "FOUND" : "none"} (modules checked by test/addin/bundleSize.test.ts)\n\n`;
  }
  if (f.outside) {
    const o = f.outside;
    const { inProcess: ip, wholeProcess: wp } = o;
    text += `7. Headless recalculation against LibreOffice Calc: ${count(o.items)} items × ${o.periods} weeks. Ours: mps-recalc on the\n`;
    text += `   MPS.TABLE workbook (${count(o.formulas.table)} formulas), as shipped (src/recalc/cli.ts main, through tsx). LibreOffice:\n`;
    text += `   the native-formula twin (${o.formulas.native === undefined ? "not written" : count(o.formulas.native)} formulas). Interleaved, order rotating each round.\n`;
    text += o.libreoffice.available ? `   ${o.libreoffice.version}\n` : `   LIBREOFFICE NOT MEASURED: ${o.libreoffice.why}\n`;
    text += table([
      ["in process", "time", "LibreOffice ÷ ours"],
      ["mps-recalc --json (read, evaluate, report)", timedCell(ip.ours, ms), ""],
      ["mps-recalc --json --out (also writes the .xlsx)", timedCell(ip.oursOut, ms), ip.outOverJson ? `--out ÷ --json ${range(ip.outOverJson, times)}` : ""],
      [
        `  of which at least: deflating the sheet it wrote${ip.deflatedBytes ? ` (${(ip.deflatedBytes / 1e6).toFixed(1)} MB)` : ""}`,
        ip.deflateOnly ? timedCell(ip.deflateOnly, ms) : "not run",
        ip.deflateFloor ? `(--json + that) ÷ --json ${range(ip.deflateFloor, times)}` : "",
      ],
      ["mps-recalc --json, one other formula (HyperFormula for it alone)", ip.oursOneOther ? timedCell(ip.oursOneOther, ms) : "not run", ip.oneOtherOverDirect ? `÷ the direct path ${range(ip.oneOtherOverDirect, times)}` : ""],
      ["mps-recalc --json, a total on every row (9,000 SUMs)", ip.oursTotals ? timedCell(ip.oursTotals, ms) : "not run", ip.totalsOverDirect ? `÷ the direct path ${range(ip.totalsOverDirect, times)}` : ""],
      ["LibreOffice calculateAll() over UNO (no load)", timedCell(ip.loCalc, ms), ip.loOverOurs ? range(ip.loOverOurs, times) : ""],
      ["LibreOffice load, reported apart", timedCell(ip.loLoad, ms), ip.loTotalOverOurs ? `load + calculateAll: ${range(ip.loTotalOverOurs, times)}` : ""],
      ["whole process", "", ""],
      ["node bin/mps-recalc.js --json", timedCell(wp.ours, ms), ""],
      ["node bin/mps-recalc.js --json --out", wp.oursOut ? timedCell(wp.oursOut, ms) : "not run", wp.outOverJson ? `--out ÷ --json ${range(wp.outOverJson, times)}` : ""],
      ["soffice --headless --convert-to xlsx (recalc on load)", timedCell(wp.lo, ms), wp.loOverOurs ? range(wp.loOverOurs, times) : ""],
    ]);
    for (const [label, check] of [["one other formula", o.check.oneOther], ["a total on every row", o.check.totals]] as const) {
      if (!check) continue;
      text += check.differences.length === 0
        ? `  the direct path and the workbook with ${label} print the same value in all ${count(check.compared)} cells\n`
        : `  THE DIRECT PATH AND THE WORKBOOK WITH ${label.toUpperCase()} DIFFER:\n${check.differences.map((d) => `    ${d}\n`).join("")}`;
    }
    for (const [label, c] of [["after calculateAll", o.check.uno], ["in the file --convert-to wrote", o.check.convert]] as const) {
      if (!c) continue;
      text += c.differences.length === 0
        ? `  same numbers ${label}: demand, MPS, PAB and ATP equal in all ${count(c.compared)} compared cells\n`
        : `  DIFFERENT NUMBERS ${label}:\n${c.differences.map((d) => `    ${d}\n`).join("")}`;
    }
    for (const problem of o.check.problems) text += `  ${problem}\n`;
    text += "\n";
  }
  if (f.scale) {
    const sc = f.scale;
    text += `8. Scale: mps-recalc --json on the MPS.TABLE workbook, ${sc.periods} weeks, growing portfolios (median [min – max])\n`;
    text += table([
      ["items", "in process", "per item", "whole process", "per item", "memory"],
      ...sc.sizes.map((size) => [
        count(size.items),
        timedCell(size.inProcess, ms),
        size.perItem.inProcess === undefined ? "" : msFine(size.perItem.inProcess),
        timedCell(size.wholeProcess, ms),
        size.perItem.wholeProcess === undefined ? "" : msFine(size.perItem.wholeProcess),
        size.rssMB === undefined ? "" : `${count(size.rssMB)} MB`,
      ]),
    ]);
    const g = sc.growth;
    text += `  per-item cost ${count(g.to)} ÷ ${count(g.from)} items: in process ${g.inProcess === undefined ? "not measured" : times(g.inProcess)}, `;
    text += `whole process ${g.wholeProcess === undefined ? "not measured" : times(g.wholeProcess)}\n\n`;
  }
  if (f.level) {
    const l = f.level;
    text += `9. Levelling on one shared resource: levelItems over ${count(l.items)} items × ${l.periods} periods (the portfolio of §1,\n`;
    text += `   its demand rows; ${count(l.capacity)} h a full week, less in maintenance and shutdown weeks; the demand needs\n`;
    text += `   ${fixed(l.loadShare * 100, 0)}% of the horizon's capacity), item-periods per second\n`;
    text += table([
      ["strategy", "rate", "above capacity", "weeks at capacity", "built late"],
      ...(Object.keys(l.rates) as Array<keyof typeof l.rates>).map((strategy) => [
        strategy,
        range(l.rates[strategy], millions),
        `${fixed(l.check[strategy].overloadHours, 1)} h`,
        `${l.check[strategy].fullPeriods} of ${l.periods}`,
        `${count(Math.round(l.check[strategy].lateUnits))} units in ${count(l.check[strategy].lateLots)} lots`,
      ]),
      ["planItem, same items", range(l.planItem, millions), "", "", ""],
      ["build-ahead ÷ planItem (time)", range(l.ratio, times), "", "", ""],
    ]);
    text += "\n";
  }
  if (f.coach) {
    const c = f.coach;
    text += `10. The coach's exceptions (exceptionsOf) for ${count(c.items)} planned records × ${c.periods} periods, per item-period\n`;
    text += pairTable(["exceptionsOf", c.exceptions], ["planItem, same items", c.planItem], ["exceptionsOf ÷ planItem (time)", c.ratio], ns);
    text += `  ${count(c.messages)} messages: ${Object.entries(c.byType).map(([type, n]) => `${type} ${count(n)}`).join(", ")}\n\n`;
  }
  if (f.orders) {
    const o = f.orders;
    text += `11. Order lines: ${count(o.lines)} lines into ${count(o.items)} items × ${o.weeks} weeks, one MPS.BUCKET per item (${count(o.formulas.bucket)} formulas)\n`;
    text += `    vs native SUMIFS per item and week (${count(o.formulas.sumifs)}), whole workbook, mps-recalc --json in process; interleaved.\n`;
    text += o.libreoffice.available ? `    ${o.libreoffice.version}\n` : `    LIBREOFFICE NOT MEASURED: ${o.libreoffice.why}\n`;
    text += table([
      ["", "time", "÷ MPS.BUCKET"],
      ["mps-recalc, MPS.BUCKET workbook", timedCell(o.bucket, ms), ""],
      ["mps-recalc, SUMIFS workbook", timedCell(o.sumifs, ms), o.sumifsOverBucket ? range(o.sumifsOverBucket, times) : ""],
      ["LibreOffice calculateAll(), SUMIFS workbook", timedCell(o.loCalc, ms), o.loOverBucket ? range(o.loOverBucket, times) : ""],
      ["LibreOffice load, reported apart", timedCell(o.loLoad, ms), ""],
    ]);
    for (const [label, c] of [["MPS.BUCKET", o.check.bucket], ["SUMIFS (mps-recalc)", o.check.sumifs], ["SUMIFS (LibreOffice)", o.check.libreoffice]] as const) {
      if (!c) continue;
      text += c.differences.length === 0
        ? `  ${label}: all ${count(c.compared)} buckets equal to the lines' sums\n`
        : `  ${label} DIFFERS:\n${c.differences.map((d) => `    ${d}\n`).join("")}`;
    }
    for (const problem of o.check.problems) text += `  ${problem}\n`;
    text += "\n";
  }
  results.goals = goals(results);
  text += "Goals\n";
  text += table(results.goals.map((g) => [`#${g.item}`, g.goal, g.measured, g.met === undefined ? "not measured" : g.met ? "met" : "MISSED"]));
  if (results.seconds !== undefined) text += `\nThe run took ${fixed(results.seconds / 60, 1)} minutes.\n`;
  return text;
}
