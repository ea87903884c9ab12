/**
 * `npm run bench` (= `npx tsx bench/run.ts`): every figure of issues 7 and 12, and the order-line,
 * levelling and coach sections of issues 13–15, in one run, printed as a table and written to
 * bench/results.json.
 *
 *   npx tsx bench/run.ts                 full run (~10 minutes), writes bench/results.json
 *   npx tsx bench/run.ts --quick         small sizes, few rounds; prints only
 *   npx tsx bench/run.ts --only engine   engine | workbook | level | coach | orders | outside | scale |
 *                                        bundles (comma-separated); prints only
 *   npx tsx bench/run.ts --readable      time an unminified bundle; prints only
 *   npx tsx bench/run.ts --profile DIR   also write a V8 CPU profile of the timed run to DIR
 *                                        (unminified, so functions keep their names); prints only
 *
 * The engine and in-memory workbook figures are timed in a child process from a bundle webpack
 * builds in production mode, as it builds the add-in: tsx compiles module by module and routes
 * every cross-module call through an export getter, which alone halves the engine's speed and is
 * not what Excel runs. The headless recalculation (outside, scale) is timed as it ships: the CLI
 * through tsx, in its own processes (bench/recalc.ts).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { cpus, platform, release, tmpdir, totalmem } from "os";
import { join } from "path";
import webpack from "webpack";
import { productionBuild } from "../test/addin/buildOnce";
import { bundleSize, UI_MARKERS, type BundleName, type BundleSize } from "./bundles";
import { ordersBench } from "./orders";
import { outside, RECALC_PLAN, scale } from "./recalc";
import { report, type Results } from "./report";

const ROOT = join(__dirname, "..");
const RESULTS = join(ROOT, "bench", "results.json");

/**
 * glibc's malloc for the timed child: keep freed memory instead of handing it back to the
 * system at once. Records' rows live in 256 KB array buffers that V8 frees in bulk after a
 * collection; by default glibc then trims its heap and maps blocks of this size anew, so the
 * next rows are page faults and zero-filling. That thrash came and went from process to
 * process and made allocating cases 2–10× slower while the kernel (no allocation) kept its time.
 * Excel's and browsers' allocators do not trim this way. docs/performance.md, "How it measures".
 */
const STEADY_MALLOC = { MALLOC_TRIM_THRESHOLD_: String(256 * 2 ** 20), MALLOC_MMAP_THRESHOLD_: String(2 ** 20) };

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

/** The timed code as one production-mode bundle; packages stay outside and load from node_modules. */
async function bundleTiming(out: string, minimize: boolean): Promise<string> {
  const config: webpack.Configuration = {
    mode: "production",
    target: "node",
    context: ROOT,
    entry: { timing: "./bench/timing.ts" },
    output: { path: out, filename: "[name].js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }] },
    externals: [({ request }, callback) => (request && /^[@a-z]/i.test(request) ? callback(undefined, `commonjs ${request}`) : callback())],
    optimization: { minimize },
    devtool: false,
    performance: { hints: false },
  };
  await new Promise<void>((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? "no stats"));
      resolve();
    });
  });
  return join(out, "timing.js");
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs);
  }
  return newest;
}

/** Sizes from dist/ when it is there and newer than every source; otherwise from a fresh production build. */
async function bundles(): Promise<{ source: string; sizes: Record<BundleName, BundleSize>; uiInFunctions: boolean }> {
  const dist = join(ROOT, "dist");
  const files = ["functions.js", "taskpane.js"].map((f) => join(dist, f));
  const fresh = files.every((f) => existsSync(f)) && Math.min(...files.map((f) => statSync(f).mtimeMs)) > newestSource(join(ROOT, "src"));
  const dir = fresh ? dist : (await productionBuild("https://mps.chaincrafter.example/")).dir;
  return {
    source: fresh ? "dist/ (production build, newer than src/)" : "fresh production build of src/ (dist/ missing or older than src/)",
    sizes: { functions: bundleSize(dir, "functions"), taskpane: bundleSize(dir, "taskpane") },
    uiInFunctions: UI_MARKERS.test(readFileSync(join(dir, "functions.js"), "utf8")),
  };
}

function machine(): Results["machine"] {
  const cpuInfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  return {
    cpu: model.trim(),
    cores: cpus().length,
    node: process.version,
    os: `${platform()} ${release()}`,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    date: new Date().toISOString(),
  };
}

async function main(args: string[]): Promise<void> {
  const quick = args.includes("--quick");
  const profile = option(args, "--profile");
  const readable = args.includes("--readable") || profile !== undefined;
  const only = option(args, "--only")?.split(",") ?? ["engine", "workbook", "level", "coach", "orders", "outside", "scale", "bundles"];
  const partial = quick || readable || option(args, "--only") !== undefined;
  const started = Date.now();
  const results: Results = { machine: machine(), quick, figures: {} };

  const timed = only.filter((s) => s === "engine" || s === "workbook" || s === "level" || s === "coach");
  if (timed.length > 0) {
    const work = mkdtempSync(join(tmpdir(), "mps-bench-"));
    try {
      process.stderr.write(`Bundling the timed code (production mode${readable ? ", unminified" : ""}) …\n`);
      const script = await bundleTiming(work, !readable);
      const out = join(work, "figures.json");
      const profiling = profile === undefined ? [] : ["--cpu-prof", "--cpu-prof-dir", profile];
      const childArgs = [...profiling, script, "--out", out, "--only", timed.join(","), ...(quick ? ["--quick"] : [])];
      const child = spawnSync(process.execPath, childArgs, {
        stdio: "inherit",
        env: { ...process.env, NODE_PATH: join(ROOT, "node_modules"), ...STEADY_MALLOC },
      });
      if (child.status !== 0) throw new Error(`the timed run failed (exit ${child.status ?? child.signal})`);
      results.figures = JSON.parse(readFileSync(out, "utf8"));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  if (only.includes("outside") || only.includes("scale") || only.includes("orders")) {
    const plan = quick ? RECALC_PLAN.quick : RECALC_PLAN.full;
    const work = mkdtempSync(join(tmpdir(), "mps-recalc-bench-"));
    const log = (text: string) => process.stderr.write(`    ${text}\n`);
    try {
      if (only.includes("outside")) {
        const o = plan.outside;
        process.stderr.write(`  mps-recalc vs LibreOffice (${o.items} items × ${o.periods} weeks) …\n`);
        results.figures.outside = await outside(plan, work, log);
      }
      if (only.includes("orders")) {
        const o = plan.orders;
        process.stderr.write(`  order lines: MPS.BUCKET vs SUMIFS (${o.lines} lines, ${o.items} items × ${o.weeks} weeks) …\n`);
        results.figures.orders = await ordersBench(plan, work, log);
      }
      if (only.includes("scale")) {
        process.stderr.write(`  mps-recalc at scale (${plan.scale.sizes.join(", ")} items) …\n`);
        results.figures.scale = await scale(plan, work, log);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  if (only.includes("bundles")) {
    process.stderr.write("  bundle sizes …\n");
    results.figures.bundles = await bundles();
  }

  results.seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(report(results));
  if (partial) {
    process.stdout.write("\n(partial run: bench/results.json left as it was)\n");
  } else {
    writeFileSync(RESULTS, JSON.stringify(results, null, 2) + "\n");
    process.stdout.write(`\nWrote ${RESULTS}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
