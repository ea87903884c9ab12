/**
 * `--out` at the level of the package: what the writer changes in a sheet part (values, types,
 * new cells and rows for a spill, the dynamic-array mark and metadata), what it never writes
 * (error codes Excel does not have), and which cells the reader could not take, with the reason.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import JSZip from "jszip";
import type { ComputedCell } from "../../src/recalc/evaluate";
import { openWorkbook } from "../../src/recalc/readWorkbook";
import { recalcWorkbook, strictProblems } from "../../src/recalc/recalc";
import { writeWorkbook } from "../../src/recalc/writeWorkbook";
import { patchPart, runCli, saveWorkbook } from "./helpers";
import { changedParts, evaluationOf, partsOf } from "./packageHelpers";

const SHEET = "xl/worksheets/sheet1.xml";
let dir: string;
beforeAll(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-write-"))));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A one-sheet workbook whose `<sheetData>` (and optionally more) is given as XML. */
function sheetWorkbook(sheetData: string, patch?: (zip: JSZip) => Promise<void>): Promise<string> {
  return saveWorkbook(
    dir,
    (book) => {
      book.addWorksheet("Plan").getCell("A1").value = 0;
    },
    async (zip) => {
      const xml = await zip.file(SHEET)!.async("string");
      zip.file(SHEET, xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, sheetData));
      if (patch) await patch(zip);
    },
  );
}

async function recalcOut(file: string): Promise<{ xml: string; zip: JSZip; warnings: string[] }> {
  const out = path.join(dir, `out-${path.basename(file)}`);
  const result = await recalcWorkbook(file, { out });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  const zip = await JSZip.loadAsync(await fs.readFile(out));
  return { xml: await zip.file(SHEET)!.async("string"), zip, warnings: result.value.warnings };
}

describe("a spill into cells and rows the file does not have", () => {
  it("creates them in order, widens the row's spans and the sheet's dimension", async () => {
    const file = await sheetWorkbook(
      '<sheetData><row r="1" spans="1:1"><c r="A1"><f>SEQUENCE(3,2)</f><v>0</v></c></row><row r="3" spans="4:4"><c r="D3" s="0"><v>7</v></c></row></sheetData>',
    );
    const { xml } = await recalcOut(file);
    expect(xml).toContain('<row r="1" spans="1:2"><c r="A1" cm="1"><f t="array" ref="A1:B3">SEQUENCE(3,2)</f><v>1</v></c><c r="B1"><v>2</v></c></row>');
    expect(xml).toContain('<row r="2"><c r="A2"><v>3</v></c><c r="B2"><v>4</v></c></row>');
    expect(xml).toContain('<row r="3" spans="1:4"><c r="A3"><v>5</v></c><c r="B3"><v>6</v></c><c r="D3" s="0"><v>7</v></c></row>');
    expect(xml).toContain(`<dimension ref="A1:B3"/>`);
  });

  it("writes text beyond ASCII as UTF-8, and the ASCII around it unchanged", async () => {
    const file = await sheetWorkbook('<sheetData><row r="1"><c r="A1"><f>"Débit ✓ 𝄞"&amp;SEQUENCE(1,2)</f><v>0</v></c></row></sheetData>');
    const { xml } = await recalcOut(file);
    expect(xml).toContain('<c r="A1" t="str" cm="1"><f t="array" ref="A1:B1">"Débit ✓ 𝄞"&amp;SEQUENCE(1,2)</f><v>Débit ✓ 𝄞1</v></c>');
    expect(xml).toContain('<c r="B1" t="inlineStr"><is><t xml:space="preserve">Débit ✓ 𝄞2</t></is></c>');
  });

  it("writes text, logical and error results with Excel's cell types", async () => {
    const file = await sheetWorkbook(
      '<sheetData><row r="1"><c r="A1"><f>"a&lt;b"&amp;CHAR(1)</f><v>0</v></c><c r="B1"><f>1=1</f></c><c r="C1"><f>1/0</f></c>' +
        '<c r="D1"><f>IF(SEQUENCE(2)=1,"x",1=1)</f></c></row></sheetData>',
    );
    const { xml } = await recalcOut(file);
    expect(xml).toContain('<c r="A1" t="str"><f>"a&lt;b"&amp;CHAR(1)</f><v>a&lt;b_x0001_</v></c>');
    expect(xml).toContain('<c r="B1" t="b"><f>1=1</f><v>1</v></c>');
    expect(xml).toContain('<c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c>');
    expect(xml).toContain('<c r="D1" t="str" cm="1"><f t="array" ref="D1:D2">IF(SEQUENCE(2)=1,"x",1=1)</f><v>x</v></c>');
    expect(xml).toContain('<c r="D2" t="b"><v>1</v></c>');
  });
});

describe("the dynamic-array mark", () => {
  const RICH_VALUE_METADATA =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<metadataTypes count="1"><metadataType name="XLRICHVALUE" minSupportedVersion="120000"/></metadataTypes>' +
    '<futureMetadata name="XLRICHVALUE" count="1"><bk><extLst><ext uri="{3e2802c4-a4d2-4d8b-9148-e3be6c30e623}"/></extLst></bk></futureMetadata>' +
    '<valueMetadata count="1"><bk><rc t="1" v="0"/></bk></valueMetadata></metadata>';

  /** A workbook with a metadata part already (as images in cells bring one), registered like Excel does. */
  const withMetadata = (xml: string) => async (zip: JSZip) => {
    zip.file("xl/metadata.xml", xml);
    await patchPart(zip, "[Content_Types].xml", "</Types>", '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/></Types>');
    await patchPart(zip, "xl/_rels/workbook.xml.rels", "</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>');
  };

  it("extends a metadata part that has no dynamic-array record, and points cm at the new record", async () => {
    const file = await sheetWorkbook('<sheetData><row r="1"><c r="A1"><f>SEQUENCE(2)</f></c></row></sheetData>', withMetadata(RICH_VALUE_METADATA));
    const { xml, zip } = await recalcOut(file);
    expect(xml).toContain('<c r="A1" cm="1"><f t="array" ref="A1:A2">SEQUENCE(2)</f><v>1</v></c>');
    const metadata = await zip.file("xl/metadata.xml")!.async("string");
    expect(metadata).toContain('<metadataTypes count="2"><metadataType name="XLRICHVALUE" minSupportedVersion="120000"/><metadataType name="XLDAPR"');
    expect(metadata).toContain('<cellMetadata count="1"><bk><rc t="2" v="0"/></bk></cellMetadata><valueMetadata count="1">');
    expect(metadata).toContain('<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties');
    // The part existed: no second content type or relationship.
    expect((await zip.file("[Content_Types].xml")!.async("string")).match(/metadata\.xml/g)).toHaveLength(1);
    expect((await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).match(/metadata\.xml/g)).toHaveLength(1);
  });

  it("uses the file's own dynamic-array record, wherever it is", async () => {
    const metadata = RICH_VALUE_METADATA.replace('<metadataTypes count="1">', '<metadataTypes count="2">')
      .replace("</metadataTypes>", '<metadataType name="XLDAPR" minSupportedVersion="120000" copy="1"/></metadataTypes>')
      .replace("<valueMetadata", '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray" fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="2"><bk><rc t="1" v="0"/></bk><bk><rc t="2" v="0"/></bk></cellMetadata><valueMetadata');
    const file = await sheetWorkbook('<sheetData><row r="1"><c r="A1"><f>SEQUENCE(2)</f></c></row></sheetData>', withMetadata(metadata));
    const { xml, zip } = await recalcOut(file);
    expect(xml).toContain('<c r="A1" cm="2"><f t="array" ref="A1:A2">SEQUENCE(2)</f>');
    expect(await zip.file("xl/metadata.xml")!.async("string")).toBe(metadata);
  });
});

describe("values Excel cannot hold", () => {
  it("are not written: the cell keeps its cached value and a warning names it", async () => {
    const file = await sheetWorkbook('<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f><v>5</v></c><c r="C1"><f>A1*3</f><v>6</v></c></row></sheetData>');
    const opened = await openWorkbook(file);
    if (!opened.ok) throw new Error(opened.problems.join("\n"));
    const formula = (col: number, text: string) => ({ sheet: "Plan", row: 0, col, formula: text, engineFormula: `=${text}` });
    const cells: ComputedCell[] = [
      { sheet: "Plan", row: 0, col: 1, key: "Plan!B1", value: "#ERROR!", error: { type: "ERROR", message: "" }, formula: formula(1, "A1*2") },
      { sheet: "Plan", row: 0, col: 2, key: "Plan!C1", value: "#CYCLE!", error: { type: "CYCLE", message: "" }, formula: formula(2, "A1*3") },
    ];
    const out = path.join(dir, "errors-out.xlsx");
    const written = await writeWorkbook(opened.value, evaluationOf(cells), out);
    if (!written.ok) throw new Error(written.problems.join("\n"));
    expect(written.value.warnings).toEqual([
      "Plan!B1: value not written (#ERROR! is not an Excel error value); the cell keeps its cached value.",
      "Plan!C1: value not written (#CYCLE! is not an Excel error value); the cell keeps its cached value.",
    ]);
    expect(changedParts(await partsOf(opened.value.bytes), await partsOf(await fs.readFile(out)))).toEqual([]);
  });
});

describe("cells the reader cannot take", () => {
  it("keep their cached value, and each is named with the reason", async () => {
    const file = await sheetWorkbook(
      '<sheetData><row r="1"><c r="A1"><f t="shared" si="7"/><v>10</v></c><c r="B1"><f>A1+1</f></c>' +
        '<c r="C1" t="q"><v>3</v></c><c r="XFE1"><v>1</v></c><c r="D1"><f t="dataTable" ref="D1" dt2D="0" dtr="0" r1="A1"/><v>4</v></c><c r="E1"><f>D1*2</f></c></row></sheetData>',
    );
    const result = await recalcWorkbook(file);
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const v = Object.fromEntries(result.value.cells.map((c) => [c.key, c.value]));
    expect(v).toEqual({ "Plan!B1": 11, "Plan!E1": 8 });
    expect(result.value.warnings).toEqual([
      "Plan!C1: not read: its type t=\"q\" is not one Excel writes; it is left empty.",
      "Sheet 'Plan', row 1: a cell at \"XFE1\", which is not a cell of Excel's grid, is not read.",
      "Plan!D1: not read: a what-if data table (TABLE) is not recalculated; its cached value is kept.",
      "Plan!A1: not read: its shared formula (si 7) has no master cell; its cached value is kept.",
    ]);
    expect(strictProblems(result.value)).toEqual(result.value.warnings);
  });

  it("are printed by the command, which exits 3 under --strict", async () => {
    const file = await sheetWorkbook('<sheetData><row r="1"><c r="A1" t="q"><v>3</v></c><c r="B1"><f>1+1</f></c></row></sheetData>');
    const [loose, strict] = await Promise.all([runCli([file, "--json"]), runCli([file, "--json", "--strict"])]);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toBe('mps-recalc: Plan!A1: not read: its type t="q" is not one Excel writes; it is left empty.\n');
    expect(JSON.parse(loose.stdout)).toEqual({ "Plan!B1": 2 });
    expect(strict.code).toBe(3);
    expect(strict.stderr).toBe(loose.stderr);
  }, 60_000);
});
