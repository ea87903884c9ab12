/**
 * Host drift: the headless CLI and the Excel custom functions give the same results for the same
 * inputs. Each case is laid out in a workbook (rows or columns, both spellings), run through the
 * real CLI, and compared cell by cell with what the Excel entry points in src/functions/functions.ts
 * return. Both sides run the same catalog and engine, so this catches a host that reads, sizes or
 * returns differently (ranges, empty cells, padding, errors), not a wrong planning rule: for that,
 * the cases marked below are also checked against numbers worked out by hand (textbook example:
 * forecast 30×4, 40×4; orders 33, 20, 10, 4, 2; on hand 64; FOQ 70; window 0/0; discrete ATP).
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import * as excel from "../../src/functions/functions";
import { columnName } from "../../src/recalc/address";
import { runCli } from "./helpers";

type Series = number[];
type Arg = Series | number | string | undefined;

interface Case {
  id: string;
  layout: "row" | "column";
  args: Arg[];
}

const F = [30, 30, 30, 30, 40, 40, 40, 40];
const O = [33, 20, 10, 4, 2, 0, 0, 0];
const D = [33, 30, 30, 30, 40, 40, 40, 40];
const S = [0, 0, 70, 0, 70, 0, 70, 70];
const R = [0, 50, 0, 0, 0, 0, 0, 0];

const CASES: Case[] = [
  { id: "CONSUME", layout: "row", args: [F, O] },
  { id: "CONSUME", layout: "column", args: [F, O, 1, 1, "forward"] },
  { id: "DEMAND", layout: "row", args: [F, O, "MTO"] },
  { id: "DEMAND", layout: "column", args: [F, O, "MTS", 2] },
  { id: "PLAN", layout: "row", args: [D, 64, 10, "POQ", 2] },
  { id: "PLAN", layout: "column", args: [D, 64, 0, "FOQ", 70, R] },
  { id: "PLAN", layout: "row", args: [D, -1] },
  { id: "PAB", layout: "row", args: [D, 64, S] },
  { id: "ATP", layout: "column", args: [64, S, O, "cumulative"] },
  { id: "ATP", layout: "row", args: [64, S, O, "lookahead"] },
  { id: "TABLE", layout: "row", args: [F, O, 64, 0, "FOQ", 70] },
  { id: "TABLE", layout: "column", args: [F, O, 64, 5, "LFL", undefined, "ATO"] },
  { id: "PEG", layout: "row", args: [F, O, 1, 1] },
  { id: "EXPLODE", layout: "row", args: [F, [0.6, 0.4], 0.1] },
  { id: "EXPLODE", layout: "column", args: [F, [60, 40, 25]] },
  { id: "PROMISE", layout: "row", args: [50, 64, S, O] },
  { id: "PROMISE", layout: "column", args: [60, 64, S, O, "cumulative"] },
  { id: "MESSAGES", layout: "row", args: [F, O, 64, 0, "FOQ", 70, undefined, R] },
  { id: "MESSAGES", layout: "column", args: [F, O, 0, 10] },
];

const ANCHOR = { row: 20, col: 1 }; // A20, below and beside every input

/** Writes the case's series into cells and returns the formula's argument list. */
function layOut(sheet: ExcelJS.Worksheet, c: Case): string[] {
  let line = 0;
  return c.args.map((arg) => {
    if (arg === undefined) return "";
    if (typeof arg === "number") return String(arg);
    if (typeof arg === "string") return `"${arg}"`;
    line += 1;
    arg.forEach((v, i) => {
      if (c.layout === "row") sheet.getCell(line, i + 1).value = v;
      else sheet.getCell(i + 1, line).value = v;
    });
    const last = arg.length;
    return c.layout === "row" ? `A${line}:${columnName(last - 1)}${line}` : `${columnName(line - 1)}1:${columnName(line - 1)}${last}`;
  });
}

/** What Excel hands the custom function: ranges as 2-D arrays. */
function excelArg(arg: Arg, layout: Case["layout"]): unknown {
  if (!Array.isArray(arg)) return arg;
  return layout === "row" ? [arg] : arg.map((v) => [v]);
}

/** The custom function's result, or the error Excel would show. */
function excelResult(c: Case): unknown {
  const fn = (excel as unknown as Record<string, (...a: unknown[]) => unknown>)[c.id.toLowerCase()];
  try {
    return fn(...c.args.map((a) => excelArg(a, c.layout)));
  } catch (error) {
    return (error as { code: string }).code;
  }
}

let json: Record<string, unknown>;

beforeAll(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-parity-"));
  const workbook = new ExcelJS.Workbook();
  CASES.forEach((c, i) => {
    const sheet = workbook.addWorksheet(`Case${i + 1}`);
    const name = i % 2 === 0 ? `MPS.${c.id}` : `_xldudf_MPS_${c.id}`;
    sheet.getCell(ANCHOR.row, ANCHOR.col).value = { formula: `${name}(${layOut(sheet, c).join(",")})` };
  });
  const file = path.join(dir, "parity.xlsx");
  await workbook.xlsx.writeFile(file);
  const run = await runCli([file, "--json"]);
  if (run.code !== 0) throw new Error(run.stderr);
  json = JSON.parse(run.stdout);
  await fs.rm(dir, { recursive: true, force: true });
}, 60_000);

/** Hand-worked results (by case number), independent of the engine. */
const HAND_WORKED: Record<number, unknown> = {
  // Remaining forecast, window 0: max(forecast − orders, 0) per week.
  1: [[0, 10, 20, 26, 38, 40, 40, 40]],
  // MTO demand is the orders.
  3: [[33, 20, 10, 4, 2, 0, 0, 0]],
  // PAB 64 → 31 → 31+50−30 = 51 → 21 → −9 (lot 70: 61) → 21 → −19 (70: 51) → 11 → −29 (70: 41).
  6: [[0], [0], [0], [70], [0], [70], [0], [70]],
  // PAB = previous + MPS − demand from 64: 31, 1, 41, 11, 41, 1, 31, 61.
  8: [[31, 1, 41, 11, 41, 1, 31, 61]],
  // Discrete ATP 11, 0, 56, …: week 3 is the first with 50 available.
  16: 3,
};

describe("host drift: CLI results equal the custom functions' results", () => {
  it.each(CASES.map((c, i) => [i + 1, c.id, c.layout, c] as const))("case %i: MPS.%s (%s layout)", (n, _id, _layout, c) => {
    const expected = excelResult(c);
    const at = (r: number, col: number) => json[`Case${n}!${columnName(ANCHOR.col - 1 + col)}${ANCHOR.row + r}`];
    if (!Array.isArray(expected)) {
      expect(at(0, 0)).toEqual(expected);
      return;
    }
    const got = expected.map((line: unknown[], r: number) => line.map((_, col) => at(r, col)));
    expect(got).toEqual(expected);
    // Nothing beyond the result is reported (padding stays invisible).
    expect(at(expected.length, 0)).toBeUndefined();
    expect(at(0, expected[0].length)).toBeUndefined();
  });

  it.each(Object.entries(HAND_WORKED).map(([n, expected]) => [Number(n), CASES[Number(n) - 1].id, expected] as const))(
    "case %i: MPS.%s equals the hand-worked numbers",
    (n, _id, expected) => {
      const at = (r: number, col: number) => json[`Case${n}!${columnName(ANCHOR.col - 1 + col)}${ANCHOR.row + r}`];
      if (!Array.isArray(expected)) {
        expect(at(0, 0)).toEqual(expected);
        return;
      }
      expect(expected.map((line: unknown[], r: number) => line.map((_, col) => at(r, col)))).toEqual(expected);
      expect(excelResult(CASES[n - 1])).toEqual(expected);
    },
  );

  it("covers every MPS function", () => {
    expect(new Set(CASES.map((c) => c.id))).toEqual(new Set(["CONSUME", "DEMAND", "PLAN", "PAB", "ATP", "TABLE", "PEG", "EXPLODE", "PROMISE", "MESSAGES"]));
  });
});
