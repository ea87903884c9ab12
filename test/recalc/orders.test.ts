/**
 * Order lines and forecast health in the headless host: a workbook built here (dates typed as
 * dates, in the 1900 and in the 1904 date system) is recalculated by HyperFormula with the MPS
 * functions, and compared with hand-worked numbers, with the Excel entry points, and with Excel's
 * own formulas (SUMIFS, STDEV.S, NORM.S.INV, AVERAGE, ABS) evaluated in the same workbook.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import type ExcelJS from "exceljs";
import type { ComputedCell } from "../../src/recalc/evaluate";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { saveWorkbook } from "./helpers";

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "mps-orders-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const day = (month: number, date: number) => new Date(Date.UTC(2024, month - 1, date));

/**
 * Sheet "Orders": weekly period starts in B1:E1 (from Monday 1 Jan 2024), order lines in A3:C8
 * (number, date, quantity), forecast in B10:E10; formulas below. Sheet "Health": a forecast
 * history and actual history, the MPS functions and Excel's statistics formulas side by side.
 */
function build(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet("Orders");
  [day(1, 1), day(1, 8), day(1, 15), day(1, 22)].forEach((date, i) => (sheet.getCell(1, 2 + i).value = date));
  const lines: Array<[string, Date | null, number | null]> = [
    ["SO-1", new Date(Date.UTC(2023, 11, 30)), 5], // 30 Dec 2023: past due, week 1
    ["SO-2", day(1, 9), 60],
    ["SO-3", day(1, 8), 80],
    [null as never, null, null], // a blank line
    ["SO-4", day(1, 16), 30],
    ["SO-5", day(1, 29), 40], // the horizon ends on 29 Jan: left out
  ];
  lines.forEach(([id, date, quantity], i) => {
    if (id) sheet.getCell(3 + i, 1).value = id;
    if (date) sheet.getCell(3 + i, 2).value = date;
    if (quantity !== null) sheet.getCell(3 + i, 3).value = quantity;
  });
  [100, 100, 100, 100].forEach((q, i) => (sheet.getCell(10, 2 + i).value = q));
  const formula = (ref: string, text: string) => (sheet.getCell(ref).value = { formula: text } as never);
  formula("B12", "MPS.BUCKET(B3:B8,C3:C8,B1:E1)");
  // the same with Excel's SUMIFS, past due folded into week 1
  formula("B13", "SUMIFS($C$3:$C$8,$B$3:$B$8,\">=\"&B1,$B$3:$B$8,\"<\"&C1)+SUMIFS($C$3:$C$8,$B$3:$B$8,\"<\"&$B$1)");
  formula("C13", "SUMIFS($C$3:$C$8,$B$3:$B$8,\">=\"&C1,$B$3:$B$8,\"<\"&D1)");
  formula("D13", "SUMIFS($C$3:$C$8,$B$3:$B$8,\">=\"&D1,$B$3:$B$8,\"<\"&E1)");
  formula("E13", "SUMIFS($C$3:$C$8,$B$3:$B$8,\">=\"&E1,$B$3:$B$8,\"<\"&E1+7)");
  formula("A15", "_xldudf_MPS_PEGLINES(B10:E10,B1:E1,A3:A8,B3:B8,C3:C8,1,0)");
  formula("G15", "MPS.PEG(B10:E10,B12:E12,1,0)");
  formula("K15", "MPS.PEG(B10:E10,B12:E12,1,0,,B1:E1)");
  // Quotes: on hand 80, supply 0, 150, 0, 60 (the MPS), orders = the bucketed orders
  [0, 150, 0, 60].forEach((q, i) => (sheet.getCell(30, 2 + i).value = q));
  [500, 60, 10].forEach((q, i) => (sheet.getCell(32 + i, 1).value = q));
  formula("B32", "MPS.PROMISE(A32:A34,80,B30:E30,B12:E12,\"discrete\")");
  formula("C32", "MPS.PROMISE(A32:A34,80,B30:E30,B12:E12,\"discrete\",,B1:E1)");
  formula("D32", "MPS.PROMISE(A33,80,B30:E30,B12:E12,\"discrete\",,B1:E1)");
  formula("E32", "MPS.PROMISE(A32:A34,0,B30:E30,B12:E12,,,,\"MTO\",,,2)");
  // Promise from a record block: the record of this item, then a quote from it
  formula("A40", "MPS.TABLE(B10:E10,B12:E12,80,0,\"FOQ\",60)");
  formula("G40", "MPS.PROMISE(A33,A40:E48)");
  formula("H40", "MPS.PROMISE(A33,80,B47:E47+B45:E45,B41:E41)");

  const health = book.addWorksheet("Health");
  [100, 100, 100, 100, 100].forEach((q, i) => (health.getCell(1, 2 + i).value = q));
  [110, 95, 100, 115, 90].forEach((q, i) => (health.getCell(2, 2 + i).value = q));
  const h = (ref: string, text: string) => (health.getCell(ref).value = { formula: text } as never);
  h("A4", "MPS.ACCURACY(B1:F1,B2:F2)");
  h("D4", "AVERAGE(ABS(B2:F2-B1:F1))");
  h("D5", "AVERAGE(ABS(B2:F2-B1:F1)/B2:F2)*100");
  h("D6", "AVERAGE(B2:F2-B1:F1)");
  h("D7", "SUM(B2:F2-B1:F1)/D4");
  h("A10", "MPS.SAFETY(B1:F1,B2:F2,0.95,4)");
  h("B10", "NORM.S.INV(0.95)*STDEV.S(B2:F2-B1:F1)*SQRT(4)");
  h("A11", "MPS.SAFETY(B1:F1,B2:F2,95)");
}

async function recalculate(date1904: boolean): Promise<Map<string, ComputedCell>> {
  const file = await saveWorkbook(dir, (book) => {
    book.properties.date1904 = date1904;
    build(book);
  });
  const result = await recalcWorkbook(file);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return new Map(result.value.cells.map((c) => [c.key, c]));
}

let v1900: Map<string, ComputedCell>;
let v1904: Map<string, ComputedCell>;

beforeAll(async () => {
  [v1900, v1904] = [await recalculate(false), await recalculate(true)];
}, 60_000);

const value = (cells: Map<string, ComputedCell>, key: string) => cells.get(key)?.value;
const range = (cells: Map<string, ComputedCell>, sheet: string, refs: string[]) => refs.map((ref) => value(cells, `${sheet}!${ref}`));

describe("MPS.BUCKET headless", () => {
  it("sums the order lines per week, as SUMIFS does, with past due in week 1 and the horizon end left out", () => {
    // week 1: 5 (past due); week 2: 60 + 80; week 3: 30; week 4: nothing (SO-5 is dated at the horizon end)
    expect(range(v1900, "Orders", ["B12", "C12", "D12", "E12"])).toEqual([5, 140, 30, 0]);
    expect(range(v1900, "Orders", ["B13", "C13", "D13", "E13"])).toEqual([5, 140, 30, 0]);
  });

  it("gives the same periods in a 1904 workbook", () => {
    expect(range(v1904, "Orders", ["B12", "C12", "D12", "E12"])).toEqual([5, 140, 30, 0]);
  });
});

describe("MPS.PEGLINES and MPS.PEG headless", () => {
  it("pegs each line chronologically, adding up per period to MPS.PEG on the bucketed orders", () => {
    const table = [15, 16, 17, 18, 19, 20].map((r) => range(v1900, "Orders", [`A${r}`, `B${r}`, `C${r}`, `D${r}`]));
    expect(table).toEqual([
      ["Order", "Order period", "Forecast period", "Quantity"],
      ["SO-1", 1, 1, 5],
      ["SO-3", 2, 2, 80], // dated 8 Jan, before SO-2 (9 Jan)
      ["SO-2", 2, 2, 20],
      ["SO-2", 2, 1, 40], // window 1 back: week 1 has 95 left
      ["SO-4", 3, 3, 30],
    ]);
    expect(value(v1900, "Orders!A21")).toBeUndefined();
    const peg = [16, 17, 18, 19].map((r) => range(v1900, "Orders", [`G${r}`, `H${r}`, `I${r}`]));
    expect(peg).toEqual([
      [1, 1, 5],
      [2, 2, 100],
      [2, 1, 40],
      [3, 3, 30],
    ]);
  });

  it("shows MPS.PEG's periods as dates when period starts are given, in the workbook's date system", () => {
    expect(range(v1900, "Orders", ["K16", "L16", "K18", "L18"])).toEqual([45292, 45292, 45299, 45292]);
    expect(range(v1904, "Orders", ["K16", "L16", "K18", "L18"])).toEqual([43830, 43830, 43837, 43830]);
  });
});

describe("MPS.PROMISE headless", () => {
  it("promises lines in order with #N/A, and its message, in the cell of the line beyond the horizon", () => {
    // on hand 80, supply 0, 150, 0, 60, orders 5, 140, 30, 0: discrete ATP 75 − 20 = 55, 0, 0, 60 (week 2's
    // 150 − 170 nets against week 1). 500 → #N/A; 60 → week 4 (55 < 60 until then), booked there; 10 → week 1.
    const anchor = v1900.get("Orders!B32");
    expect(anchor?.value).toBe("#N/A");
    expect(anchor?.error?.message).toBe("not within horizon");
    expect(range(v1900, "Orders", ["B33", "B34"])).toEqual([4, 1]);
    expect(range(v1900, "Orders", ["C32", "C33", "C34"])).toEqual(["#N/A", 45313, 45292]);
    expect(range(v1904, "Orders", ["C33", "C34"])).toEqual([43851, 43830]);
    expect(value(v1900, "Orders!D32")).toBe(45313);
  });

  it("promises make-to-order lines by lead time", () => {
    expect(range(v1900, "Orders", ["E32", "E33", "E34"])).toEqual([3, 3, 3]);
  });

  it("promises from an MPS.TABLE block as from the supply row built by hand (MPS + Receipts)", () => {
    expect(value(v1900, "Orders!A45")).toBe("Receipts");
    expect(value(v1900, "Orders!A47")).toBe("MPS");
    expect(typeof value(v1900, "Orders!G40")).toBe("number");
    expect(value(v1900, "Orders!G40")).toBe(value(v1900, "Orders!H40"));
  });
});

describe("MPS.ACCURACY and MPS.SAFETY against Excel's own statistics formulas", () => {
  it("agrees with AVERAGE and ABS on MAD, MAPE %, bias and tracking signal", () => {
    const labels = range(v1900, "Health", ["A4", "A5", "A6", "A7", "A8"]);
    expect(labels).toEqual(["MAD", "MAPE %", "Bias", "Tracking signal", "MAPE periods left out (actual 0)"]);
    const ours = range(v1900, "Health", ["B4", "B5", "B6", "B7"]) as number[];
    const excel = range(v1900, "Health", ["D4", "D5", "D6", "D7"]) as number[];
    ours.forEach((x, i) => expect(x).toBeCloseTo(excel[i], 12));
    expect(ours).toEqual([8, expect.closeTo(7.7017, 4), 2, 1.25]);
    expect(value(v1900, "Health!B8")).toBe(0);
  });

  it("agrees with NORM.S.INV × STDEV.S × SQRT (34.1 in the issue's example)", () => {
    const ours = value(v1900, "Health!A10") as number;
    expect(ours).toBeCloseTo(value(v1900, "Health!B10") as number, 9);
    expect(ours).toBeCloseTo(34.11, 2);
  });

  it("refuses a service level of 95 (not 95 %) with #VALUE! and the reason", () => {
    const refused = v1900.get("Health!A11");
    expect(refused?.value).toBe("#VALUE!");
    expect(refused?.error?.message).toMatch(/^service_level must be strictly between 0 and 1/);
  });
});
