/**
 * `--out` and array formulas: a dynamic array keeps its mark (`t="array"`, `cm="1"`) even when
 * its result is one value or an error; a legacy {array formula} keeps its range and stays legacy.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { patchPart, saveWorkbook } from "./helpers";

let dir: string;
let sheetXml: string;

const SHEET = "xl/worksheets/sheet1.xml";

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-arrays-"));
  const file = await saveWorkbook(
    dir,
    (book) => {
      const sheet = book.addWorksheet("Plan");
      [1, 2, 3].forEach((n, i) => {
        sheet.getCell(i + 1, 1).value = n;
        sheet.getCell(i + 1, 2).value = n * 10;
      });
      sheet.getCell("C1").value = { formula: "SUM(A1:A3*B1:B3)", shareType: "array", ref: "C1", result: 0 } as never; // legacy {=…}
      sheet.getCell("D1").value = { formula: "SUM(A1:A3*B1:B3)", shareType: "array", ref: "D1", result: 0 } as never; // dynamic (cm below)
      sheet.getCell("E1").value = { formula: "MPS.DEMAND(A1:A1,B1:B1)" } as never; // 1×1 result
      sheet.getCell("F1").value = { formula: "_xldudf_MPS_PLAN(A1:A3,-5)" } as never; // an error
      sheet.getCell("G1").value = { formula: "SEQUENCE(A1)", shareType: "array", ref: "G1:G3", result: 1 } as never; // dynamic, was larger
      sheet.getCell("G2").value = 2;
      sheet.getCell("G3").value = 3;
    },
    async (zip) => {
      await patchPart(zip, SHEET, '<c r="D1">', '<c r="D1" cm="1">');
      await patchPart(zip, SHEET, '<c r="G1">', '<c r="G1" cm="1">');
    },
  );
  const out = path.join(dir, "out.xlsx");
  const result = await recalcWorkbook(file, { out });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  sheetXml = await (await JSZip.loadAsync(await fs.readFile(out))).file(SHEET)!.async("string");
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** The `<c …><f …>` opening of a cell in the written sheet. */
function cellXml(ref: string): string {
  return new RegExp(`<c r="${ref}"[^>]*><f[^>]*>`).exec(sheetXml)?.[0] ?? "(no formula cell)";
}

describe("--out and array formulas", () => {
  it("keeps a 1×1 dynamic array a dynamic array over its anchor", () => {
    expect(cellXml("D1")).toMatch(/cm="1"><f t="array" ref="D1">/);
  });

  it("marks an MPS formula with a single value as a dynamic array", () => {
    expect(cellXml("E1")).toMatch(/cm="1"><f t="array" ref="E1">/);
  });

  it("marks an MPS formula whose result is an error as a dynamic array", () => {
    expect(cellXml("F1")).toMatch(/<c r="F1" t="e" cm="1"><f t="array" ref="F1">/);
  });

  it("shrinks a dynamic array's range to what it now fills and clears the rest", () => {
    expect(cellXml("G1")).toMatch(/cm="1"><f t="array" ref="G1">/);
    expect(sheetXml).not.toMatch(/<c r="G2"[^>]*>\s*<v>/);
  });

  it("leaves a legacy {array formula} legacy", () => {
    expect(cellXml("C1")).toBe('<c r="C1"><f t="array" ref="C1">');
  });
});
