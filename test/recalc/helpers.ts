/** Shared by the recalculation tests: fixture paths, running the CLI, reading results. */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Shown } from "../../src/recalc/evaluate";
import { recalcWorkbook, type RecalcOptions } from "../../src/recalc/recalc";

export const ROOT = path.join(__dirname, "..", "..");
export const fixture = (name: string): string => path.join(ROOT, "test", "fixtures", name);

/** Recalculates in process and returns `{"Sheet!A1": value}`, failing the test on problems. */
export async function values(file: string, options: RecalcOptions = {}): Promise<Record<string, Shown>> {
  const result = await recalcWorkbook(file, options);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return Object.fromEntries(result.value.cells.map((c) => [c.key, c.value]));
}

/** The values of a row of cells, e.g. row(v, "Plan", "B", 3, 4) → [B3, C3, D3, E3]. */
export function row(all: Record<string, Shown>, sheet: string, from: string, rowNumber: number, count: number): Shown[] {
  const start = from.charCodeAt(0) - 65;
  return Array.from({ length: count }, (_, i) => all[`${sheet}!${String.fromCharCode(65 + start + i)}${rowNumber}`]);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/mps-recalc.js …`, what `npm run recalc -- …` and the installed `mps-recalc` run. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "bin", "mps-recalc.js"), ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Saves a workbook built by `build` into `dir`, then lets `patch` edit the package's parts
 * (e.g. add `<definedNames>` ExcelJS cannot write); returns the file's path.
 */
export async function saveWorkbook(
  dir: string,
  build: (book: ExcelJS.Workbook) => void,
  patch?: (zip: JSZip) => Promise<void>,
): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
  if (patch) await patch(zip);
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

/** Replaces `from` with `to` in a part of the package. */
export async function patchPart(zip: JSZip, part: string, from: string, to: string): Promise<void> {
  zip.file(part, (await zip.file(part)!.async("string")).replace(from, to));
}
