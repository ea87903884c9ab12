/**
 * The bench's in-process worker (bench/recalcWorker.ts), as bench/recalc.ts drives it: a run
 * of mps-recalc with --out, then the floor under it, deflating the sheet that run wrote.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { startOurs } from "../../bench/recalc";
import type { LineWorker } from "../../bench/processes";
import { openZip } from "../../src/recalc/zipPackage";

const dir = mkdtempSync(path.join(os.tmpdir(), "mps-worker-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("runs mps-recalc --out, then deflates the largest part of what it wrote and reports its size", async () => {
  const worker = (await startOurs(60_000)) as LineWorker | string;
  if (typeof worker === "string") throw new Error(worker);
  try {
    const written = path.join(dir, "textbook-out.xlsx");
    const run = await worker.request({ argv: [path.join(__dirname, "..", "fixtures", "textbook.xlsx"), "--json", "--out", written] }, 60_000);
    expect(run).toMatchObject({ code: 0 });
    const zip = openZip(readFileSync(written));
    if (!zip.ok) throw new Error(zip.problems.join(" "));
    const largest = Math.max(...zip.value.entries.map((entry) => entry.size));
    const reply = await worker.request({ deflate: written }, 60_000);
    expect(reply.bytes).toBe(largest);
    expect(reply.ms).toBeGreaterThan(0);
    const missing = await worker.request({ deflate: path.join(dir, "none.xlsx") }, 60_000);
    expect(String(missing.error)).toMatch(/ENOENT|no such file/);
  } finally {
    await worker.stop();
  }
}, 120_000);
