/**
 * LibreOffice Calc, the outside baseline (issue 12): found or not, given fresh user profiles,
 * and run two ways — over UNO from bench/libreoffice.py (load and `calculateAll()` timed apart),
 * and as a whole `soffice --headless --convert-to xlsx` process that recalculates on load.
 *
 * Install on Debian: `apt-get install -y libreoffice-calc-nogui python3-uno`. Nothing in
 * `npm test` needs it; without it the bench says so and times only our side.
 */
import { spawnSync } from "child_process";
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { basename, join } from "path";
import { pathToFileURL } from "url";
import { LineWorker, timedProcess, type ProcessRun } from "./processes";

export type LibreOffice = { available: true; version: string; python: string } | { available: false; why: string };

/** The Python with the UNO bridge: Debian's python3-uno installs it for /usr/bin/python3, not for a pyenv or venv python. */
const PYTHONS = ["/usr/bin/python3", "python3"];

/** Whether soffice and a Python with UNO are here, and LibreOffice's version. */
export function findLibreOffice(): LibreOffice {
  const version = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 120_000 });
  if (version.error || version.status !== 0) {
    return { available: false, why: "LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui python3-uno)" };
  }
  const python = PYTHONS.find((candidate) => spawnSync(candidate, ["-c", "import uno"], { timeout: 60_000 }).status === 0);
  if (python === undefined) return { available: false, why: "soffice is installed but no python3 can import uno (apt-get install -y python3-uno)" };
  return { available: true, version: version.stdout.trim().split("\n")[0], python };
}

/**
 * A fresh user profile with Calc's "Recalculation on file load" for Excel files set:
 * OOXMLRecalcMode 0 = always recalculate, 1 = never (LibreOffice's default; also what the UNO
 * worker uses, so that loading only loads and `calculateAll()` does all the computing).
 * @returns the profile as the file URL `-env:UserInstallation=` takes
 */
export function freshProfile(dir: string, recalcOnLoad: "always" | "never"): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "user"), { recursive: true });
  const mode = recalcOnLoad === "always" ? 0 : 1;
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(dir).href;
}

/** LibreOffice over UNO, its soffice started by the worker in a profile that never recalculates on load. */
export async function startUno(lo: Extract<LibreOffice, { available: true }>, work: string, timeoutMs: number): Promise<LineWorker | string> {
  const profile = freshProfile(join(work, "lo-profile-uno"), "never");
  const pipe = `mps-bench-${process.pid}`;
  return LineWorker.start(lo.python, [join(__dirname, "libreoffice.py"), profile, pipe], timeoutMs, undefined, work);
}

/** `soffice --headless --convert-to xlsx` of `file` into `outDir`, in a profile that always recalculates on load. */
export function convertTo(profile: string, file: string, outDir: string, timeoutMs: number): Promise<ProcessRun & { output: string }> {
  const output = join(outDir, basename(file));
  rmSync(output, { force: true });
  return timedProcess(
    "soffice",
    ["--headless", "--norestore", "--nologo", `-env:UserInstallation=${profile}`, "--convert-to", "xlsx", "--outdir", outDir, file],
    { timeoutMs, stdoutPath: join(outDir, "soffice.log") },
  ).then((run) => ({ ...run, output }));
}
