/**
 * Hostile and runaway workbooks, built here at test time (none is stored in the repository):
 * each is refused or read with a clear message naming the part, sheet or cell and the cause,
 * within the budget of docs/recalc.md, and the input file is never changed. No wall-clock
 * assertions: the jest timeout (generous) is the only bound, as the guide asks.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_BUDGET } from "../../src/recalc/budget";
import { openWorkbook } from "../../src/recalc/readWorkbook";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { toEngineInput } from "../../src/recalc/toSheets";
import { writeWorkbook, type WriteFs } from "../../src/recalc/writeWorkbook";
import { crc32 } from "../../src/recalc/zipPackage";
import { runCli } from "./helpers";
import { evaluationOf } from "./packageHelpers";

const SHEET = "xl/worksheets/sheet1.xml";
const STACK = /\n\s+at |node:internal|FATAL ERROR/;

let dir: string;
beforeAll(async () => (dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-hostile-"))));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** A one-sheet workbook ("Plan", A1 = 1, B1 = A1*2) saved by ExcelJS, then edited on the zip. */
async function workbook(name: string, edit?: (zip: JSZip) => Promise<void> | void, compression: "DEFLATE" | "STORE" = "DEFLATE"): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Plan");
  sheet.getCell("A1").value = 1;
  sheet.getCell("B1").value = { formula: "A1*2", result: 0 } as never;
  const zip = await JSZip.loadAsync(Buffer.from(await book.xlsx.writeBuffer()));
  if (edit) await edit(zip);
  const file = path.join(dir, name);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression }));
  return file;
}

/** The sheet part with `sheetData` replaced. */
async function withSheetData(zip: JSZip, sheetData: string, after = ""): Promise<void> {
  const xml = await zip.file(SHEET)!.async("string");
  zip.file(SHEET, xml.replace(/<sheetData[\s\S]*<\/sheetData>|<sheetData\/>/, `${sheetData}${after}`));
}

const digest = async (file: string): Promise<string> => createHash("sha256").update(await fs.readFile(file)).digest("hex");

/** Recalculates (with `--out` in place when asked) and checks the input is unchanged unless written. */
async function refused(file: string): Promise<string> {
  const before = await digest(file);
  const result = await recalcWorkbook(file, { out: file });
  expect(await digest(file)).toBe(before);
  expect(result.ok).toBe(false);
  const problems = result.ok ? "" : result.problems.join("\n");
  expect(problems).not.toMatch(STACK);
  return problems;
}

describe("a zip bomb", () => {
  it("is refused from the zip directory, before anything is inflated", async () => {
    // 20 MB of zeros deflate to about 20 KB: a part inflating 1,000× (the 19 GB is the same at scale).
    const file = await workbook("bomb.xlsx", (zip) => {
      zip.file("xl/media/image1.png", Buffer.alloc(20 * 1024 * 1024));
    });
    const problems = await refused(file);
    expect(problems).toMatch(/bomb\.xlsx: not opened: its part xl\/media\/image1\.png inflates \d+× \(\d+ KB to 20 MB\), more than the 500× a workbook part may \(a zip bomb\?\)\./);
  }, 120_000);

  it("is refused when its parts declare more than the budget in all", async () => {
    const file = await workbook("big.xlsx");
    const opened = await openWorkbook(file, { ...DEFAULT_BUDGET, packageBytes: 4096 });
    expect(!opened.ok && opened.problems[0]).toMatch(/big\.xlsx: not opened: its parts inflate to \d+ KB in all, more than the 4 KB a workbook may hold here \(a zip bomb\?\)\./);
  });

  it("is refused when it has more parts than the budget, by count", async () => {
    const file = await workbook("many.xlsx");
    const opened = await openWorkbook(file, { ...DEFAULT_BUDGET, parts: 3 });
    expect(!opened.ok && opened.problems[0]).toMatch(/many\.xlsx: not opened: it has \d+ parts, more than the 3 a workbook may have here\./);
  });

  it("cannot make a part inflate past the size its directory declares", async () => {
    const file = await workbook("liar.xlsx");
    const bytes = await fs.readFile(file);
    // Understate the sheet's inflated size in the central directory (the local header is not read for sizes).
    // The directory comes last, so the name's last occurrence is its directory entry (46 bytes after the entry's start).
    const central = bytes.lastIndexOf(Buffer.from(SHEET)) - 46;
    expect(bytes.readUInt32LE(central)).toBe(0x02014b50);
    bytes.writeUInt32LE(10, central + 24);
    await fs.writeFile(file, bytes);
    const problems = await refused(file);
    expect(problems).toMatch(/Sheet 'Plan': not read: its part xl\/worksheets\/sheet1\.xml inflates past the size its zip directory declares \(a zip bomb\?\)\./);
  });
});

describe("a declared array range over the whole sheet", () => {
  it("does not hang: the anchor is rewritten to what it fills, nothing else is visited", async () => {
    const file = await workbook("huge-array.xlsx", (zip) =>
      withSheetData(zip, '<sheetData><row r="4"><c r="B4" cm="1"><f t="array" ref="B4:XFD1048576">A4+1</f><v>1</v></c></row></sheetData>'),
    );
    const out = path.join(dir, "huge-array-out.xlsx");
    const result = await recalcWorkbook(file, { out });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.value.cells.map((c) => [c.key, c.value])).toEqual([["Plan!B4", 1]]);
    const xml = await (await JSZip.loadAsync(await fs.readFile(out))).file(SHEET)!.async("string");
    expect(xml).toContain('<c r="B4" cm="1"><f t="array" ref="B4">A4+1</f><v>1</v></c>');
  });
});

/** CRC-32: Node's own where it has one (20.15+), else the reader's. */
const checksum = (data: Buffer): number => ((zlib as { crc32?: (d: Buffer) => number }).crc32 ?? crc32)(data);

/**
 * A package whose parts are all stored uncompressed (method 0, as a zip may), built by hand so a
 * 200 MB part costs no deflating here and no inflating in the reader.
 */
function storedZip(parts: ReadonlyArray<[string, Buffer]>): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(checksum(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(Buffer.byteLength(name), 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    header.copy(entry, 16, 14, 26); // crc and sizes
    entry.writeUInt16LE(Buffer.byteLength(name), 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(header, Buffer.from(name), data);
    directory.push(entry, Buffer.from(name));
    offset += 30 + Buffer.byteLength(name) + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dir, end]);
}

describe("a dense sheet", () => {
  it("is refused at the cell budget with a message naming the sheet", async () => {
    // 40,000 rows × 250 columns = 10 million cells, about 200 MB of XML. Rows and cells without
    // `r` (it is optional) let the part be one block of 10 rows repeated, filled natively.
    const row = (): string => `<row>${Array.from({ length: 250 }, () => `<c><v>${Math.floor(Math.random() * 1e6)}</v></c>`).join("")}</row>`;
    const rows = Array.from({ length: 10 }, row).join("");
    const base = await JSZip.loadAsync(await fs.readFile(await workbook("dense-base.xlsx")));
    const parts: Array<[string, Buffer]> = [];
    for (const name of Object.keys(base.files)) {
      let data = await base.files[name].async("nodebuffer");
      if (name === SHEET) {
        const [head, tail] = data.toString("utf8").split(/<sheetData>[\s\S]*<\/sheetData>/);
        data = Buffer.concat([Buffer.from(`${head}<sheetData>`), Buffer.alloc(rows.length * 4_000).fill(rows), Buffer.from(`</sheetData>${tail}`)]);
      }
      parts.push([name, data]);
    }
    const file = path.join(dir, "dense.xlsx");
    await fs.writeFile(file, storedZip(parts));
    parts.length = 0;
    const problems = await refused(file);
    expect(problems).toContain("Sheet 'Plan' holds more than 2,000,000 cells with a value or formula, the most one sheet may hold here.");
    expect(problems).toContain("dense.xlsx: not recalculated.");
  }, 180_000);
});

describe("a whole-column data validation", () => {
  it("costs nothing: validations are never parsed", async () => {
    const validation =
      '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="A1:A1048576 C1:XFD1048576"><formula1>"MTS,ATO,MTO"</formula1></dataValidation></dataValidations>';
    const file = await workbook("validation.xlsx", (zip) =>
      withSheetData(zip, '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1*2</f></c></row></sheetData>', validation),
    );
    const result = await recalcWorkbook(file, { out: path.join(dir, "validation-out.xlsx") });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    expect(result.value.cells.map((c) => [c.key, c.value])).toEqual([["Plan!B1", 2]]);
    const xml = await (await JSZip.loadAsync(await fs.readFile(path.join(dir, "validation-out.xlsx")))).file(SHEET)!.async("string");
    expect(xml).toContain(validation);
  });
});

describe("60,000 defined names", () => {
  const names = (closed: boolean): string =>
    `<definedNames>${Array.from({ length: 60_000 }, (_, i) => `<definedName name="N${i}">Plan!$A$1${closed ? "</definedName>" : ""}`).join("")}</definedNames>`;

  it("are read in one pass", async () => {
    const file = await workbook("names.xlsx", async (zip) => {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      zip.file("xl/workbook.xml", xml.replace("</sheets>", `</sheets>${names(true)}`));
    });
    const opened = await openWorkbook(file);
    if (!opened.ok) throw new Error(opened.problems.join("\n"));
    expect(opened.value.book.definedNames).toHaveLength(60_000);
    expect(opened.value.book.definedNames[59_999]).toEqual({ name: "N59999", formula: "Plan!$A$1", sheet: undefined });
    const input = toEngineInput(opened.value.book, opened.value.budget);
    expect(input.ok && input.value.names).toHaveLength(60_000);
    const result = await recalcWorkbook(file);
    expect(result.ok && result.value.cells.map((c) => [c.key, c.value])).toEqual([["Plan!B1", 2]]);
  }, 120_000);

  it("left unclosed are refused at once, not scanned 60,000 times", async () => {
    const file = await workbook("names-unclosed.xlsx", async (zip) => {
      const xml = await zip.file("xl/workbook.xml")!.async("string");
      zip.file("xl/workbook.xml", xml.replace("</sheets>", `</sheets>${names(false)}`));
    });
    const problems = await refused(file);
    expect(problems).toMatch(/names-unclosed\.xlsx: not a readable \.xlsx workbook \(its workbook part is not well-formed XML \(<definedName> is not closed\)\)\./);
  });
});

describe("a write that fails half-way", () => {
  /** The real file system, except that writing stops after half the bytes with a full disk. */
  const failingDisk: WriteFs = {
    writeFile: async (file, data, options) => {
      const bytes = Buffer.concat(data);
      await fs.writeFile(file, bytes.subarray(0, bytes.length >> 1), options);
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    },
    rename: fs.rename,
    unlink: fs.unlink,
    stat: fs.stat,
  };

  it("leaves the input untouched when writing in place, and no temporary file behind", async () => {
    const file = await workbook("in-place.xlsx");
    const before = await digest(file);
    const opened = await openWorkbook(file);
    if (!opened.ok) throw new Error(opened.problems.join("\n"));
    const result = await writeWorkbook(opened.value, evaluationOf([]), file, { io: failingDisk });
    expect(!result.ok && result.problems[0]).toBe(`${file}: cannot write the workbook (ENOSPC: no space left on device, write).`);
    expect(await digest(file)).toBe(before);
    expect((await fs.readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("replaces the input whole when writing in place succeeds", async () => {
    const file = await workbook("in-place-ok.xlsx");
    const result = await recalcWorkbook(file, { out: file });
    if (!result.ok) throw new Error(result.problems.join("\n"));
    const xml = await (await JSZip.loadAsync(await fs.readFile(file))).file(SHEET)!.async("string");
    expect(xml).toMatch(/<c r="B1"><f>A1\*2<\/f><v>2<\/v><\/c>/);
  });
});

describe("a workbook larger than the memory this process may use", () => {
  it("is refused with a message before evaluating, not a native out-of-memory abort", async () => {
    // 600,000 value cells need about 270 MB; the process is given a 150 MB heap.
    const row = `<row>${"<c><v>1</v></c>".repeat(100)}</row>`;
    const file = await workbook("memory.xlsx", (zip) => withSheetData(zip, `<sheetData>${row.repeat(6_000)}<row><c><f>SUM(A1:A10)</f></c></row></sheetData>`));
    const run = await runCli([file, "--json"], { ...process.env, NODE_OPTIONS: "--max-old-space-size=150" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/memory\.xlsx: not recalculated: it needs about \d+ MB of memory and this process may use \d+ MB more \(give Node more with NODE_OPTIONS=--max-old-space-size=<MB>, or split the workbook\)\./);
    expect(run.stderr).not.toMatch(STACK);
  }, 60_000);
});

describe("the command line", () => {
  it("says what is over budget, exit 1, never a stack trace", async () => {
    const file = await workbook("cli-bomb.xlsx", (zip) => {
      zip.file("xl/media/image1.png", Buffer.alloc(32 * 1024 * 1024));
    });
    const run = await runCli([file, "--out", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/mps-recalc: .*cli-bomb\.xlsx: not opened: its part xl\/media\/image1\.png inflates \d+×/);
    expect(run.stderr).not.toMatch(STACK);
  }, 60_000);
});
