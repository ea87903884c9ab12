/**
 * Defined names as the file has them: sheet-scoped names (`localSheetId`) with their scope,
 * constant and formula names, and all of them written back unchanged by `--out`.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { patchPart, saveWorkbook, values } from "./helpers";

let dir: string;
beforeAll(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-names-"))));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const NAMES =
  "<definedNames>" +
  '<definedName name="Fc" localSheetId="0">P1!$A$1</definedName>' +
  '<definedName name="Fc" localSheetId="1">P2!$A$1</definedName>' +
  '<definedName name="LeadTime">3</definedName>' +
  '<definedName name="Doubled">P1!$A$1*2</definedName>' +
  '<definedName name="Pair">P1!$A$1,P2!$A$1</definedName>' +
  "</definedNames>";

/** Two sheets, each with its own `Fc` name, plus workbook-wide constant and formula names. */
function namedWorkbook(): Promise<string> {
  return saveWorkbook(
    dir,
    (book) => {
      ["P1", "P2"].forEach((name, i) => {
        const sheet = book.addWorksheet(name);
        sheet.getCell("A1").value = (i + 1) * 10;
        sheet.getCell("B1").value = { formula: "Fc+1" } as never;
        sheet.getCell("C1").value = { formula: "LeadTime*2" } as never;
        sheet.getCell("D1").value = { formula: "Doubled+Fc" } as never;
      });
    },
    (zip) => patchPart(zip, "xl/workbook.xml", "</sheets>", `</sheets>${NAMES}`),
  );
}

describe("defined names", () => {
  it("gives each sheet its own sheet-scoped name", async () => {
    const v = await values(await namedWorkbook());
    expect(v["P1!B1"]).toBe(11);
    expect(v["P2!B1"]).toBe(21);
  });

  it("evaluates constant and formula names", async () => {
    const v = await values(await namedWorkbook());
    expect(v["P1!C1"]).toBe(6);
    expect(v["P1!D1"]).toBe(30);
    expect(v["P2!D1"]).toBe(40);
  });

  it("writes every defined name back as the file had it", async () => {
    const out = path.join(dir, "names-out.xlsx");
    const result = await recalcWorkbook(await namedWorkbook(), { out });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const xml = await (await JSZip.loadAsync(await fs.readFile(out))).file("xl/workbook.xml")!.async("string");
    expect(xml).toContain(NAMES);
    expect(await values(out)).toEqual(await values(await namedWorkbook()));
  });
});
