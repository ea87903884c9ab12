/**
 * Mutation check: breaks one planning or adapter rule at a time, in a copy of the project, and
 * runs the tests that should notice. Every mutant must be caught by at least one test; the
 * report names the tests that caught each. Not part of `npm test` (one jest run per mutant).
 *
 *   npx tsx scripts/mutate.ts                      every mutant (~10 minutes on a busy machine)
 *   npx tsx scripts/mutate.ts --only fence,promise mutants whose id contains one of these words
 *   npx tsx scripts/mutate.ts --list               the mutants, without running anything
 *   npx tsx scripts/mutate.ts --write              also refresh their rows of the report in docs/testing.md
 *
 * Exits 1 when a mutant survives, does not apply (its source line changed: update it here), or
 * the unmutated tests fail. The working tree is never touched: mutants live in a temporary copy.
 */
import { spawnSync } from "child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";

interface Mutant {
  id: string;
  /** The rule the mutant breaks, as a planner or a workbook would notice. */
  rule: string;
  file: string;
  /** Source text that occurs exactly once in `file`, and what it becomes. */
  from: string;
  to: string;
  tests: readonly string[];
}

const ROOT = path.join(__dirname, "..");
const FUNCTION_TESTS = [
  "test/functions/functions.test.ts",
  "test/functions/defaults.test.ts",
  "test/functions/robustness.test.ts",
  "test/functions/size.test.ts",
  "test/functions/hosts.test.ts",
  "test/functions/hostsRanges.test.ts",
];
const engineTests = (step: string) => [`test/engine/${step}.test.ts`, "test/engine/properties.test.ts", "test/engine/planItem.test.ts"];

/** One rule broken per mutant: the engine's planning rules first, then the adapter's. */
export const MUTANTS: readonly Mutant[] = [
  {
    id: "consume-sign",
    rule: "an order adds to the forecast it consumes instead of taking from it",
    file: "src/engine/consume.ts",
    from: "remaining[t] = own - need;",
    to: "remaining[t] = own + need;",
    tests: engineTests("consume"),
  },
  {
    id: "consume-window-backward",
    rule: "the backward window reaches one period too far",
    file: "src/engine/consume.ts",
    from: "const first = Math.max(0, orderPeriod - backward);",
    to: "const first = Math.max(0, orderPeriod - backward - 1);",
    tests: engineTests("consume"),
  },
  {
    id: "consume-window-forward",
    rule: "the forward window stops one period short",
    file: "src/engine/consume.ts",
    from: "const last = Math.min(search.remaining.length - 1, orderPeriod + forward);",
    to: "const last = Math.min(search.remaining.length - 1, orderPeriod + forward - 1);",
    tests: engineTests("consume"),
  },
  {
    id: "consume-mode-order",
    rule: "backward-forward searches forward first",
    file: "src/engine/consume.ts",
    from: 'const backFirst = mode === "backward-forward" || mode === "backward";',
    to: 'const backFirst = mode === "forward-backward" || mode === "backward";',
    tests: engineTests("consume"),
  },
  {
    id: "consume-excess-dropped",
    rule: "orders beyond the forecast are not reported as excess",
    file: "src/engine/consume.ts",
    from: "excess[t] = need;",
    to: "excess[t] = 0;",
    tests: engineTests("consume"),
  },
  {
    id: "demand-fence-off-by-one",
    rule: "the demand time fence covers one period more",
    file: "src/engine/demand.ts",
    from: "Math.min(settings.demandTimeFence, n);",
    to: "Math.min(settings.demandTimeFence + 1, n);",
    tests: engineTests("demand"),
  },
  {
    id: "demand-model",
    rule: "ATO plans from orders only instead of MTO",
    file: "src/engine/demand.ts",
    from: 'settings.model === "MTO" ? n :',
    to: 'settings.model === "ATO" ? n :',
    tests: engineTests("demand"),
  },
  {
    id: "demand-formula",
    rule: "demand is the larger of orders and remaining forecast, not their sum",
    file: "src/engine/demand.ts",
    from: "demand[t] = orders[t] + remainingForecast[t];",
    to: "demand[t] = Math.max(orders[t], remainingForecast[t]);",
    tests: engineTests("demand"),
  },
  {
    id: "plan-safety-stock-dropped",
    rule: "safety stock is ignored",
    file: "src/engine/plan.ts",
    from: "safetyStock: options.safetyStock ?? 0,",
    to: "safetyStock: 0,",
    tests: engineTests("plan"),
  },
  {
    id: "plan-fence-off-by-one",
    rule: "the planning time fence freezes one period more",
    file: "src/engine/plan.ts",
    from: "const fence = Math.min(planningTimeFence, n);",
    to: "const fence = Math.min(planningTimeFence + 1, n);",
    tests: engineTests("plan"),
  },
  {
    id: "plan-poq-span",
    rule: "a POQ lot covers one period less than asked",
    file: "src/engine/plan.ts",
    from: "const end = Math.min(n, t + lot.lotSize);",
    to: "const end = Math.min(n, t + lot.lotSize - 1);",
    tests: engineTests("plan"),
  },
  {
    id: "plan-pab-without-lot",
    rule: "the projected available balance leaves out the planned lot",
    file: "src/engine/plan.ts",
    from: "balance = projected + planned;",
    to: "balance = projected;",
    tests: engineTests("plan"),
  },
  {
    id: "plan-mto-safety-stock",
    rule: "make to order keeps safety stock",
    file: "src/engine/plan.ts",
    from: "return { ...settings, safetyStock: 0, lot: LOT_FOR_LOT };",
    to: "return { ...settings, lot: LOT_FOR_LOT };",
    tests: engineTests("plan"),
  },
  {
    id: "lot-multiple-rounds-down",
    rule: "a lot multiple rounds down",
    file: "src/engine/lot.ts",
    from: "quantity = ceilCount(quantity / policy.multiple) * policy.multiple;",
    to: "quantity = Math.floor(quantity / policy.multiple) * policy.multiple;",
    tests: ["test/engine/lot.test.ts", "test/engine/plan.test.ts", "test/engine/properties.test.ts"],
  },
  {
    id: "atp-cumulative-start",
    rule: "cumulative ATP skips period 2's running total",
    file: "src/engine/atp.ts",
    from: "for (let t = 1; t < atp.length; t++) atp[t] += atp[t - 1];",
    to: "for (let t = 2; t < atp.length; t++) atp[t] += atp[t - 1];",
    tests: engineTests("atp"),
  },
  {
    id: "atp-blocks",
    rule: "every period opens an ATP block, with or without supply",
    file: "src/engine/atp.ts",
    from: "else if (supply[t] > 0) {",
    to: "else if (supply[t] >= 0) {",
    tests: engineTests("atp"),
  },
  {
    id: "atp-netting",
    rule: "a shortage is not netted against the first block",
    file: "src/engine/atp.ts",
    from: "while (value < 0 && top > 0) {",
    to: "while (value < 0 && top > 1) {",
    tests: engineTests("atp"),
  },
  {
    id: "atp-lookahead",
    rule: "look-ahead ATP does not look ahead",
    file: "src/engine/atp.ts",
    from: "for (let t = n - 2; t >= 0; t--) if (atp[t + 1] < atp[t]) atp[t] = atp[t + 1];",
    to: "",
    tests: engineTests("atp"),
  },
  {
    id: "promise-discrete-carry",
    rule: "unpromised discrete ATP does not carry forward",
    file: "src/engine/atp.ts",
    from: 'available = method === "discrete" ? available + atp[t] : atp[t];',
    to: "available = atp[t];",
    tests: engineTests("atp"),
  },
  {
    id: "promise-requested-period",
    rule: "the requested period itself is never offered",
    file: "src/engine/atp.ts",
    from: "if (t >= requestedPeriod && (quantity === 0 || reaches(available, quantity))) return t;",
    to: "if (t > requestedPeriod && (quantity === 0 || reaches(available, quantity))) return t;",
    tests: engineTests("atp"),
  },
  {
    id: "explode-hedge-base",
    rule: "the hedge is taken of the family forecast, not of the option's forecast",
    file: "src/engine/explode.ts",
    from: "hedgeRow[t] = baseRow[t] * hedge;",
    to: "hedgeRow[t] = familyForecast[t] * hedge;",
    tests: ["test/engine/explode.test.ts", ...FUNCTION_TESTS],
  },
  {
    id: "item-final-assembly",
    rule: "the ATO final-assembly schedule is the demand, not the orders",
    file: "src/engine/planItem.ts",
    from: "if (finalAssembly) finalAssembly.set(orders);",
    to: "if (finalAssembly) finalAssembly.set(demand);",
    tests: ["test/engine/planItem.test.ts", "test/engine/record.test.ts", ...FUNCTION_TESTS],
  },
  {
    id: "item-atp-receipts",
    rule: "ATP of an item leaves out its scheduled receipts",
    file: "src/engine/planItem.ts",
    from: "supply[t] = mps[t] + receipts[t];",
    to: "supply[t] = mps[t];",
    tests: ["test/engine/planItem.test.ts", "test/engine/properties.test.ts", ...FUNCTION_TESTS],
  },
  {
    id: "item-plan-receipts",
    rule: "planning an item ignores its scheduled receipts",
    file: "src/engine/planItem.ts",
    from: "hasReceipts ? receipts : null, firmMps",
    to: "null, firmMps",
    tests: ["test/engine/planItem.test.ts", "test/engine/properties.test.ts", ...FUNCTION_TESTS],
  },
  {
    id: "record-row-picked",
    rule: "MPS.TABLE's ATP row shows the MPS",
    file: "src/engine/record.ts",
    from: '{ field: "atp", label: "ATP", inTable: true },',
    to: '{ field: "mps", label: "ATP", inTable: true },',
    tests: ["test/engine/record.test.ts", ...FUNCTION_TESTS],
  },
  {
    id: "adapter-orientation-line",
    rule: "a result of column inputs spills as a row",
    file: "src/functions/results.ts",
    from: 'return orientation === "row" ? [line] : line.map((v) => [v]);',
    to: 'return orientation === "column" ? [line] : line.map((v) => [v]);',
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-orientation-block",
    rule: "MPS.TABLE of row inputs spills transposed",
    file: "src/functions/results.ts",
    from: 'if (orientation === "row") return rows;',
    to: 'if (orientation === "column") return rows;',
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-column-crash",
    rule: "laying out a column result crashes (a TypeError the adapter's safety net hides as #VALUE!)",
    file: "src/functions/results.ts",
    from: "const width = rows[0].length;",
    to: 'const width = (rows as unknown as { width(): number }).width();',
    tests: ["test/functions/robustness.test.ts"],
  },
  {
    id: "adapter-cell-numbering",
    rule: "a refused cell is counted from 0 in the message",
    file: "src/functions/cells.ts",
    from: "message: say(String(index + 1)),",
    to: "message: say(String(index)),",
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-default-not-applied",
    rule: "an argument left empty does not take the workbook's setting",
    file: "src/functions/params.ts",
    from: 'return "setting" in param.default ? settings[param.default.setting] : param.default.value;',
    to: 'return "setting" in param.default ? undefined : param.default.value;',
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-default-wrong-setting",
    rule: "forward left empty takes the workbook's backward window",
    file: "src/functions/families/shared.ts",
    from: '{ setting: "forward" }',
    to: '{ setting: "backward" }',
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-zero-option",
    rule: "an option in an empty cell, passed as 0 by older desktop builds, is refused",
    file: "src/functions/cells.ts",
    from: "if (isEmpty(v) || v === 0) return undefined;",
    to: "if (isEmpty(v)) return undefined;",
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-empty-scalar",
    rule: "a number argument given as empty text (\"\") is refused instead of taking its default",
    file: "src/functions/cells.ts",
    from: 'if (v === "") return undefined;',
    to: "",
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-empty-cell-default",
    rule: "a number argument in an empty cell (null, with its address) takes the default instead of 0, as on the web before",
    file: "src/functions/cells.ts",
    from: "if (isEmpty(v)) return referenced ? 0 : undefined;",
    to: "if (isEmpty(v)) return undefined;",
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-text-as-zero",
    rule: "text in a series is read as 0 instead of refused",
    file: "src/functions/cells.ts",
    from: "if (isEmpty(v)) return 0;",
    to: 'if (isEmpty(v) || typeof v === "string") return 0;',
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-peg-periods",
    rule: "MPS.PEG counts order periods from 0",
    file: "src/functions/families/consumption.ts",
    from: "let show = (period: number): number => period + 1;",
    to: "let show = (period: number): number => period;",
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-promise-period",
    rule: "MPS.PROMISE's requested period is read as counted from 0",
    file: "src/functions/families/promise.ts",
    from: "args.method, requested - 1));",
    to: "args.method, requested));",
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-num-shown",
    rule: "an engine refusal out of range is shown as #NUM!, whose message Excel hides",
    file: "src/functions/cells.ts",
    from: 'return { kind: "error", code: code === "NA" ? "NA" : "VALUE", message };',
    to: 'return { kind: "error", code: code as ErrorCode, message };',
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-address-axis",
    rule: "a refused cell of a row is named down the column",
    file: "src/functions/places.ts",
    from: "const text = place.rows === 1 ?",
    to: "const text = place.columns === 1 ?",
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-not-finite-shown",
    rule: "a NaN or infinite result reaches the cells",
    file: "src/functions/invoke.ts",
    from: 'return notFinite(output) ? functionError("VALUE", messages.resultNotFinite(id)) : output;',
    to: "return output;",
    tests: FUNCTION_TESTS,
  },
  {
    id: "adapter-cell-budget",
    rule: "the cell budget is four times larger than documented",
    file: "src/functions/define.ts",
    from: "if (shape.rows * shape.columns > MAX_CELLS)",
    to: "if (shape.rows * shape.columns > 4 * MAX_CELLS)",
    tests: ["test/functions/hosts.test.ts"],
  },
  {
    id: "size-table-model",
    rule: "MPS.TABLE is sized for MTS whatever the model, so ATO's last row is cut",
    file: "src/functions/families/planning.ts",
    from: 'model: model === UNKNOWN ? "ATO" : model,',
    to: 'model: model === UNKNOWN ? "MTS" : "MTS",',
    tests: ["test/functions/size.test.ts", "test/recalc/spill.test.ts"],
  },
  {
    id: "size-unknown-model",
    rule: "a model computed by a formula is sized as the workbook's model, not as the largest table",
    file: "src/functions/define.ts",
    from: "if (literals[i] === NOT_LITERAL) return UNKNOWN;",
    to: "",
    tests: ["test/functions/size.test.ts", "test/recalc/spill.test.ts"],
  },
  {
    id: "size-table-orientation",
    rule: "MPS.TABLE of column inputs is sized as if it ran along a row",
    file: "src/functions/families/planning.ts",
    from: "return line.rows === 1 ? { rows, columns: periodsOf(line) + 1 } : { rows: periodsOf(line) + 1, columns: rows };",
    to: "return { rows, columns: periodsOf(line) + 1 };",
    tests: ["test/functions/size.test.ts", "test/recalc/spill.test.ts", "test/recalc/arrays.test.ts"],
  },
];

interface Outcome {
  mutant: Mutant;
  status: "caught" | "survived" | "not applied";
  caughtBy: string[];
  seconds: number;
}

interface JestReport {
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
  testResults: Array<{ name: string; status: string; message: string; assertionResults: Array<{ fullName: string; status: string }> }>;
}

/** A copy of what the tests read, with node_modules linked: mutants never touch the working tree. */
function workingCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "mps-mutate-"));
  for (const entry of ["src", "test", "scripts", "assets", "jest.config.js", "tsconfig.json", "tsconfig.test.json", "package.json"]) {
    if (existsSync(path.join(ROOT, entry))) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

/** Longest a mutant's tests may run: a mutant can make a loop endless, which no test times out. */
const MUTANT_SECONDS = 180;

/** The jest report, or null when the tests did not finish in time (or crashed before reporting). */
function runJest(dir: string, tests: readonly string[], seconds: number): JestReport | null {
  const out = path.join(dir, "jest-report.json");
  rmSync(out, { force: true });
  // In band: one process, gentle on a shared machine, and nothing left behind when it is stopped.
  spawnSync(
    process.execPath,
    [path.join(dir, "node_modules", "jest", "bin", "jest.js"), "--ci", "--silent", "--runInBand", "--json", `--outputFile=${out}`, ...tests],
    { cwd: dir, stdio: "ignore", timeout: seconds * 1000, killSignal: "SIGKILL" },
  );
  return existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as JestReport) : null;
}

/** The tests that failed, as "file › test", a suite that failed to run as "file (did not run)". */
function failures(report: JestReport, dir: string): string[] {
  const names: string[] = [];
  for (const suite of report.testResults) {
    const file = path.relative(dir, suite.name);
    const failed = suite.assertionResults.filter((a) => a.status === "failed");
    if (failed.length === 0 && suite.status === "failed") names.push(`${file} (did not run)`);
    for (const a of failed) names.push(`${file} › ${a.fullName}`);
  }
  return names;
}

function tryMutant(dir: string, mutant: Mutant): Outcome {
  const started = Date.now();
  const file = path.join(dir, mutant.file);
  const source = readFileSync(file, "utf8");
  const at = source.indexOf(mutant.from);
  const seconds = () => Math.round((Date.now() - started) / 1000);
  if (at < 0 || source.indexOf(mutant.from, at + 1) >= 0) return { mutant, status: "not applied", caughtBy: [], seconds: seconds() };
  writeFileSync(file, source.slice(0, at) + mutant.to + source.slice(at + mutant.from.length));
  try {
    const report = runJest(dir, mutant.tests, MUTANT_SECONDS);
    if (report === null) return { mutant, status: "caught", caughtBy: [`(the tests never finish: stopped after ${seconds()} s)`], seconds: seconds() };
    const caughtBy = failures(report, dir);
    return { mutant, status: caughtBy.length > 0 ? "caught" : "survived", caughtBy, seconds: seconds() };
  } finally {
    writeFileSync(file, source);
  }
}

const cellText = (text: string) => text.replace(/\|/g, "\\|");

/** A row of the report: the mutant, the rule it breaks, its file and what caught it. */
function reportRow({ mutant, status, caughtBy }: Outcome): string {
  const shown = caughtBy.slice(0, 2).map((name) => `\`${cellText(name)}\``);
  if (caughtBy.length > 2) shown.push(`and ${caughtBy.length - 2} more`);
  const verdict = status === "caught" ? shown.join("<br>") : `**${status.toUpperCase()}**`;
  return `| ${mutant.id} | ${cellText(mutant.rule)} | \`${mutant.file}\` | ${verdict} |`;
}

const HEADER = ["| mutant | rule broken | file | caught by |", "|---|---|---|---|"];
const START = "<!-- mutants:start -->";
const END = "<!-- mutants:end -->";

/**
 * Refreshes the report in docs/testing.md: rows of the mutants just run are replaced, the
 * others kept from earlier runs, all in the order of MUTANTS.
 */
function writeReport(outcomes: readonly Outcome[]): void {
  const doc = path.join(ROOT, "docs", "testing.md");
  const text = readFileSync(doc, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`docs/testing.md has no ${START} … ${END} section`);
  const earlier = new Map<string, string>();
  for (const line of text.slice(from, to).split("\n")) {
    const id = /^\| ([\w-]+) \|/.exec(line)?.[1];
    if (id !== undefined) earlier.set(id, line);
  }
  const fresh = new Map(outcomes.map((outcome) => [outcome.mutant.id, reportRow(outcome)]));
  const rows = MUTANTS.map((m) => fresh.get(m.id) ?? earlier.get(m.id) ?? `| ${m.id} | ${cellText(m.rule)} | \`${m.file}\` | (not run yet) |`);
  const caught = rows.filter((row) => !row.includes("**") && !row.includes("(not run yet)")).length;
  const summary = `${caught} of ${MUTANTS.length} mutants caught (table refreshed ${new Date().toISOString().slice(0, 10)}).`;
  writeFileSync(doc, `${text.slice(0, from + START.length)}\n${summary}\n\n${[...HEADER, ...rows].join("\n")}\n${text.slice(to)}`);
}

function selected(args: readonly string[]): readonly Mutant[] {
  const only = args.indexOf("--only");
  if (only < 0) return MUTANTS;
  const words = (args[only + 1] ?? "").split(",").filter(Boolean);
  return MUTANTS.filter((m) => words.some((word) => m.id.includes(word)));
}

function main(): number {
  const args = process.argv.slice(2);
  const mutants = selected(args);
  if (args.includes("--list")) {
    for (const m of mutants) process.stdout.write(`${m.id.padEnd(30)} ${m.rule}\n`);
    return 0;
  }
  if (mutants.length === 0) {
    process.stderr.write("mutate: no mutant matches --only\n");
    return 1;
  }
  const dir = workingCopy();
  try {
    const tests = [...new Set(mutants.flatMap((m) => m.tests))];
    process.stdout.write(`Unmutated run of ${tests.length} test files…\n`);
    const report = runJest(dir, tests, 20 * 60);
    const baseline = report === null ? ["(no report: the tests did not finish)"] : failures(report, dir);
    if (baseline.length > 0) {
      process.stderr.write(`mutate: the tests fail without any mutant:\n  ${baseline.join("\n  ")}\n`);
      return 1;
    }
    const outcomes: Outcome[] = [];
    for (const [i, mutant] of mutants.entries()) {
      const outcome = tryMutant(dir, mutant);
      outcomes.push(outcome);
      const detail = outcome.status === "caught" ? `by ${outcome.caughtBy.length} test(s), first ${outcome.caughtBy[0]}` : "";
      process.stdout.write(`[${i + 1}/${mutants.length}] ${mutant.id}: ${outcome.status} ${detail} (${outcome.seconds}s)\n`);
    }
    const caught = outcomes.filter((o) => o.status === "caught").length;
    process.stdout.write(`\n${caught} of ${outcomes.length} mutants caught.\n\n${[...HEADER, ...outcomes.map(reportRow)].join("\n")}\n`);
    if (args.includes("--write")) writeReport(outcomes);
    return caught === outcomes.length ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) process.exitCode = main();
