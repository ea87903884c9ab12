/**
 * `--out` from an evaluation kept as blocks (the direct path) writes exactly what it writes from
 * the same cells handed over one by one, and the same again from the sheet text the reader kept:
 * the writer's block paths (rows that did not exist, the values right of a formula on its own
 * row) against its general path, on layouts that take each of them.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { evaluateBeside } from "../../src/recalc/beside";
import { blockEvaluation, SpilledRow } from "../../src/recalc/blocks";
import { directCalls, evaluateDirectly } from "../../src/recalc/direct";
import type { Evaluation } from "../../src/recalc/evaluate";
import { openWorkbook, type OpenedWorkbook } from "../../src/recalc/readWorkbook";
import { toEngineInput } from "../../src/recalc/toSheets";
import { cacheResults } from "../../src/recalc/writeWorkbook";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "mps-blocks-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const formula = (text: string) => ({ formula: text }) as ExcelJS.CellFormulaValue;

/**
 * Two sheets. Plan: a table alone on its row (its rows below do not exist), a table right of a
 * label (its own row holds a cell left of it), a styled empty cell inside a spill (an existing
 * row inside the area), a note between tables, a table spilling past the last row. Lines: the
 * consumption and ATP of one line, one call each, and its messages (rows of text and numbers).
 */
async function layouts(): Promise<string> {
  const book = new ExcelJS.Workbook();
  const plan = book.addWorksheet("Plan");
  plan.getRow(1).values = ["Forecast", 100, 120, 90, 110, 100];
  plan.getRow(2).values = ["Orders", 60, 130, 0, 40.5, 0];
  plan.getCell("A4").value = formula("MPS.TABLE(B1:F1,B2:F2,25,10,\"FOQ\",80)");
  plan.getCell("A16").value = "Line 2";
  plan.getCell("C16").value = formula("MPS.TABLE(B1:F1,B2:F2,0)");
  plan.getCell("E19").style = { font: { bold: true } };
  plan.getCell("A30").value = "note between tables";
  plan.getCell("H31").value = formula("MPS.TABLE(B1:F1,B2:F2,12.25,0,\"LFL\")");
  const lines = book.addWorksheet("Lines");
  lines.getRow(1).values = [500, 300, 800, 0];
  lines.getRow(2).values = [450, 420, 100, 30];
  lines.getCell("A4").value = formula("MPS.CONSUME(A1:D1,A2:D2)");
  lines.getCell("F1").value = 7;
  lines.getCell("A20").value = formula("MPS.ATP(A1:D1,A2:D2,F1)");
  lines.getCell("A30").value = formula("MPS.MESSAGES(A1:D1,A2:D2,0,30,\"FOQ\",80)");
  const file = path.join(dir, "layouts.xlsx");
  await book.xlsx.writeFile(file);
  return file;
}

/** The direct path's evaluation, and the sheet text the reader kept. */
function blocksOf(opened: OpenedWorkbook): { blocks: Evaluation; sheetTexts: Map<string, string> } {
  const sheetTexts = new Map<string, string>();
  const input = toEngineInput(opened.book, opened.budget, sheetTexts);
  if (!input.ok) throw new Error(input.problems.join(" "));
  const evaluation = evaluateDirectly(input.value, DEFAULT_SETTINGS);
  if (!evaluation?.blocks) throw new Error("the direct path gave the workbook up");
  return { blocks: evaluation, sheetTexts };
}

/** Every part of a package, inflated, by name. */
async function parts(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = await Promise.all(Object.values(zip.files).map(async (file) => [file.name, await file.async("string")] as const));
  return Object.fromEntries(entries);
}

async function written(opened: OpenedWorkbook, evaluation: Evaluation, sheetTexts?: Map<string, string>): Promise<Record<string, string>> {
  const result = cacheResults(opened, evaluation, sheetTexts);
  if (!result.ok) throw new Error(result.problems.join(" "));
  return parts(Buffer.concat(result.value.pieces));
}

describe("--out from blocks", () => {
  it("writes what the same cells one by one write, from the part or from the text the reader kept", async () => {
    const opened = await openWorkbook(await layouts());
    if (!opened.ok) throw new Error(opened.problems.join(" "));
    const { blocks, sheetTexts } = blocksOf(opened.value);
    expect([...sheetTexts.keys()].sort()).toEqual(["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]);
    const cellByCell: Evaluation = { cells: blocks.cells, refused: blocks.refused };
    const expected = await written(opened.value, cellByCell);
    // The layouts hold what they claim: numbers spilled below and right of a label, a styled cell kept.
    expect(expected["xl/worksheets/sheet1.xml"]).toMatch(/<row r="5"><c r="A5" t="inlineStr">/);
    expect(expected["xl/worksheets/sheet1.xml"]).toMatch(/<c r="C16"[^>]*><f t="array" ref="C16:H24">/);
    expect(expected["xl/worksheets/sheet1.xml"]).toMatch(/<row r="16"[^>]*><c r="A16"[^>]*>.*?<\/c><c r="C16".*?<\/c><c r="D16"><v>/);
    expect(expected["xl/worksheets/sheet1.xml"]).toMatch(/<c r="E19" s="\d+"><v>/);
    expect(expected["xl/worksheets/sheet1.xml"]).toMatch(/<row r="39"><c r="H39" t="inlineStr"><is><t xml:space="preserve">ATP<\/t><\/is><\/c>/);
    expect(await written(opened.value, blocks)).toEqual(expected);
    expect(await written(opened.value, blocks, sheetTexts)).toEqual(expected);
    // The messages: a row of text, then numbers, then text again (the block keeps it as cells).
    expect(expected["xl/worksheets/sheet2.xml"]).toMatch(/<row r="31">.*?t="inlineStr".*?<v>[-\d.]+<\/v>.*?t="inlineStr"/);
    // The kept text is what is written from (not the part inflated again).
    const marked = new Map([...sheetTexts].map(([part, text]) => [part, text.replace("</worksheet>", "<!-- kept --></worksheet>")]));
    expect((await written(opened.value, blocks, marked))["xl/worksheets/sheet2.xml"]).toContain("<!-- kept --></worksheet>");
  });

  it("leaves out numbers Excel cannot hold at a row's ends and inside it, as the same cells one by one do", async () => {
    const opened = await openWorkbook(await layouts());
    if (!opened.ok) throw new Error(opened.problems.join(" "));
    const { blocks, sheetTexts } = blocksOf(opened.value);
    // Every row of every block with numbers gets NaN and infinities: first, last, both, all, one inside.
    const spoilt = [
      (n: number[]) => [Infinity, ...n.slice(1)],
      (n: number[]) => [...n.slice(0, -1), NaN],
      (n: number[]) => [-Infinity, ...n.slice(1, -1), NaN],
      (n: number[]) => n.map(() => NaN),
      (n: number[]) => [n[0], Infinity, ...n.slice(2)],
    ];
    let turn = 0;
    const changed = blocks.blocks!.map((block) => ({
      anchor: block.anchor,
      values: block.values?.map((row) => {
        if (!row.numbers) return row;
        const numbers = spoilt[turn++ % spoilt.length](Array.from(row.numbers));
        return SpilledRow.of([row.at(0), ...numbers]);
      }),
    }));
    expect(turn).toBeGreaterThan(spoilt.length * 4);
    const evaluation = blockEvaluation(changed, blocks.refused);
    const expected = await written(opened.value, { cells: evaluation.cells, refused: evaluation.refused });
    expect(expected["xl/worksheets/sheet1.xml"]).not.toMatch(/NaN|Infinity/);
    expect(await written(opened.value, evaluation, sheetTexts)).toEqual(expected);
  });

  it("writes tables side by side and other formulas on their rows as the same cells one by one", async () => {
    const book = new ExcelJS.Workbook();
    const plan = book.addWorksheet("Plan");
    plan.getRow(1).values = ["Forecast", 100, 120, 90, 110, 100];
    plan.getRow(2).values = ["Orders", 60, 130, 0, 40.5, 0];
    plan.getCell("A4").value = formula("MPS.TABLE(B1:F1,B2:F2,25,10,\"FOQ\",80)");
    plan.getCell("H4").value = formula("MPS.TABLE(B1:F1,B2:F2,0)");
    plan.getCell("G5").value = formula("SUM(B5:F5)");
    plan.getCell("O6").value = formula("I6*2");
    plan.getCell("O20").value = formula("SUM(I4:M12)");
    const file = path.join(dir, "side-by-side.xlsx");
    await book.xlsx.writeFile(file);
    const opened = await openWorkbook(file);
    if (!opened.ok) throw new Error(opened.problems.join(" "));
    const input = toEngineInput(opened.value.book, opened.value.budget);
    if (!input.ok) throw new Error(input.problems.join(" "));
    const direct = directCalls(input.value, DEFAULT_SETTINGS);
    const blocks = direct && evaluateBeside(input.value, direct, DEFAULT_SETTINGS, {});
    if (!blocks?.blocks) throw new Error("not kept as blocks");
    expect(blocks.blocks).toHaveLength(5);
    const expected = await written(opened.value, { cells: blocks.cells, refused: blocks.refused });
    expect(expected["xl/worksheets/sheet1.xml"]).toMatch(/<c r="F5"><v>[-\d.]+<\/v><\/c><c r="G5"><f>SUM\(B5:F5\)<\/f><v>230.5<\/v><\/c><c r="H5" t="inlineStr">/);
    expect(await written(opened.value, blocks)).toEqual(expected);
  });
});
