/**
 * The `mps-recalc` bin as a user runs it (`node bin/mps-recalc.js`, tsx hooked into require):
 * on a workbook the direct path takes and on one that needs HyperFormula, which the bin loads
 * only then. Both must print the values the in-process run gives.
 */
import { execFile } from "child_process";
import path from "path";
import { fixture, ROOT, values } from "./helpers";

function runBin(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "bin", "mps-recalc.js"), ...args], { cwd: ROOT, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe("node bin/mps-recalc.js", () => {
  it.each([
    ["textbook.xlsx (MPS calls only: the direct path)", fixture("textbook.xlsx")],
    ["the sample plan (other formulas: HyperFormula)", path.join(ROOT, "assets", "sample-plan.xlsx")],
  ])("recalculates %s as the in-process run does", async (_, file) => {
    const run = await runBin([file, "--json"]);
    expect(run.stderr).not.toMatch(/Unexpected failure|Cannot find module/);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(await values(file));
  });
});

describe("node bin/mps-recalc.js | head", () => {
  it("ends quietly when the reader closes the pipe early", async () => {
    const bin = path.join(ROOT, "bin", "mps-recalc.js");
    const sample = path.join(ROOT, "assets", "sample-plan.xlsx");
    // bash: its pipefail gives the bin's own exit code; head leaves after one line.
    const script = `set -o pipefail; "${process.execPath}" "${bin}" "${sample}" --json | head -n 1 > /dev/null`;
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile("bash", ["-c", script], { cwd: ROOT }, (error, _stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stderr }));
    });
    expect(run.stderr).not.toMatch(/\n\s+at |EPIPE/);
    expect(run.code).toBe(0);
  });
});
