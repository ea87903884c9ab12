/**
 * The timed part of the benchmark (issue 7, items 1–5; issue 12's kernel; levelling and the
 * coach of issues 14 and 15), run by bench/run.ts in a child process
 * from a production-mode bundle, so it times the code as it ships: one module scope, minified,
 * as webpack builds the add-in. Writes its figures as JSON to the file given with --out.
 *
 *   node timing.js --out figures.json [--quick] [--only engine,workbook,level,coach]
 */
import { writeFileSync } from "fs";
import { coach } from "./coach";
import { adapter, kernel, scaling, throughput } from "./engine";
import { levelling } from "./level";
import { sinkValue } from "./measure";
import { workbooks } from "./workbook";

/** A section's size: items × periods, timed over `rounds` after `warmup` rounds. */
function sized(items: number, periods: number, warmup: number, rounds: number) {
  return { items, periods, rounds: { warmup, rounds } };
}

/** The portfolio's seed: the same items in every run. */
const SEED = 7;

/**
 * Each section's size in a full run and in a quick one (for trying changes; never checked in),
 * side by side so that the two are compared at a glance.
 */
export const SIZES = {
  throughput: { full: sized(10_000, 104, 3, 15), quick: sized(2_000, 104, 2, 5) },
  kernel: { full: sized(10_000, 104, 3, 15), quick: sized(2_000, 104, 2, 5) },
  scaling: { full: { work: 1_000_000, rounds: { warmup: 2, rounds: 11 } }, quick: { work: 200_000, rounds: { warmup: 1, rounds: 5 } } },
  adapter: { full: sized(10_000, 104, 3, 15), quick: sized(2_000, 104, 2, 5) },
  workbook: {
    full: { items: 1_000, periods: 52, rounds: { loads: 3, recalcs: 9, batches: 3, edits: 50 } },
    quick: { items: 100, periods: 52, rounds: { loads: 2, recalcs: 3, batches: 2, edits: 20 } },
  },
  level: { full: sized(1_000, 104, 2, 11), quick: sized(1_000, 104, 1, 5) },
  coach: { full: sized(1_000, 104, 3, 15), quick: sized(1_000, 104, 2, 5) },
};

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

function main(args: string[]): void {
  const out = option(args, "--out");
  if (!out) throw new Error("timing.js needs --out <file.json>");
  const kind = args.includes("--quick") ? "quick" : "full";
  const only = option(args, "--only")?.split(",") ?? ["engine", "workbook", "level", "coach"];
  const figures: Record<string, unknown> = { quick: args.includes("--quick") };
  const step = <T>(label: string, run: () => T): T => {
    const start = Date.now();
    process.stderr.write(`  ${label} … `);
    const result = run();
    process.stderr.write(`${((Date.now() - start) / 1000).toFixed(1)} s\n`);
    return result;
  };
  if (only.includes("engine")) {
    const t = SIZES.throughput[kind];
    figures.throughput = step(`engine throughput (${t.items} items × ${t.periods} periods)`, () =>
      throughput(t.items, t.periods, SEED, t.rounds),
    );
    const k = SIZES.kernel[kind];
    figures.kernel = step(`planItem vs the kernel (${k.items} items × ${k.periods} periods)`, () => kernel(k.items, k.periods, SEED, k.rounds));
    const sc = SIZES.scaling[kind];
    figures.scaling = step("scaling over horizons and windows", () => scaling(sc.work, SEED, sc.rounds));
    const a = SIZES.adapter[kind];
    figures.adapter = step(`MPS.TABLE adapter (${a.items} items)`, () => adapter(a.items, a.periods, SEED, a.rounds));
  }
  if (only.includes("workbook")) {
    const w = SIZES.workbook[kind];
    figures.workbook = step(`workbooks (${w.items} items × ${w.periods} weeks, HyperFormula)`, () =>
      workbooks(w.items, w.periods, SEED, w.rounds),
    );
  }
  if (only.includes("level")) {
    const l = SIZES.level[kind];
    figures.level = step(`levelling (${l.items} items × ${l.periods} periods, one resource)`, () => levelling(l.items, l.periods, SEED, l.rounds));
  }
  if (only.includes("coach")) {
    const c = SIZES.coach[kind];
    figures.coach = step(`coach exceptions (${c.items} items × ${c.periods} periods)`, () => coach(c.items, c.periods, SEED, c.rounds));
  }
  figures.sink = sinkValue();
  writeFileSync(out, JSON.stringify(figures));
}

main(process.argv.slice(2));
