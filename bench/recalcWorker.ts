/**
 * The shipped recalculation, in process (issue 12): the function `mps-recalc` runs — `main` of
 * src/recalc/cli.ts, loaded through tsx exactly as bin/mps-recalc.js loads it — called again and
 * again in one process, so its time excludes Node's start-up and module loading.
 *
 * Started by bench/recalc.ts as `node --require tsx/cjs bench/recalcWorker.ts`. One JSON request
 * per line on stdin, one JSON line back on stdout:
 *
 *   {"argv": ["plan.xlsx", "--json", "--settings", "s.json"]}
 *     → {"ms": 3712.4, "code": 0, "outChars": 15234567, "err": "", "rssMB": 812}
 *
 * What the CLI would print is kept in memory and only counted (`outChars`), except that with
 * `keep: true` it is also written to `keepPath` (once, for checking the numbers).
 *
 * The floor under `--out`, in the same process:
 *
 *   {"deflate": "written.xlsx"}
 *     → {"ms": 52.1, "bytes": 15730166}
 *
 * deflates the largest part of a workbook `--out` wrote (the sheet of values) as `--out`
 * deflates it — `PartDeflater`, a megabyte at a time — and times only that. The part is read
 * and inflated once, before the first timing.
 */
import { readFileSync, writeFileSync } from "fs";
import { createInterface } from "readline";
import { main } from "../src/recalc/cli";
import { openZip, PartDeflater, readPart } from "../src/recalc/zipPackage";

/** A run of the CLI, or the floor under `--out` for the workbook a run wrote. */
type Request =
  | {
      argv: string[];
      /** Write what the CLI printed on stdout here, after timing. */
      keepPath?: string;
    }
  | { deflate: string };

const inflated = new Map<string, Buffer>();

/** The largest part of the package at `path`, inflated. */
function largestPart(path: string): Buffer {
  const zip = openZip(readFileSync(path));
  if (!zip.ok) throw new Error(zip.problems.join(" "));
  const entry = zip.value.entries.reduce((a, b) => (b.size > a.size ? b : a));
  const part = readPart(zip.value, entry, Infinity);
  if (!part.ok) throw new Error(part.problems.join(" "));
  return part.value;
}

function deflateOnly(path: string): Record<string, unknown> {
  let text = inflated.get(path);
  if (!text) inflated.set(path, (text = largestPart(path)));
  const stretch = 1 << 20;
  const start = process.hrtime.bigint();
  const part = new PartDeflater();
  for (let at = 0; at < text.length; at += stretch) {
    const piece = text.subarray(at, at + stretch);
    part.writeBytes(piece.length, (bytes, to) => to + piece.copy(bytes, to));
  }
  const { size } = part.finish();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, bytes: size };
}

async function answer(request: Request): Promise<Record<string, unknown>> {
  if ("deflate" in request) return deflateOnly(request.deflate);
  // As the process prints it: a line, or (the JSON report) pieces written as they are made.
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (text: string) => void out.push(`${text}\n`), write: (text: string) => void out.push(text), err: (text: string) => void err.push(text), width: 120 };
  const start = process.hrtime.bigint();
  const code = await main(request.argv, io);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (request.keepPath !== undefined) writeFileSync(request.keepPath, out.join(""));
  return {
    ms,
    code,
    outChars: out.reduce((sum, text) => sum + text.length, 0),
    err: err.join("\n").slice(0, 2_000),
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
}

const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on("line", (line) => {
  if (line.trim() === "") return;
  queue = queue.then(async () => {
    let reply: Record<string, unknown>;
    try {
      reply = await answer(JSON.parse(line) as Request);
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  });
});
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
