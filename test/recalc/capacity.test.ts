/**
 * MPS.LOAD and MPS.LEVEL in the headless recalculation (HyperFormula): the worked examples of
 * issue #14 in a real .xlsx, periods across and down, each result spilling exactly the area its
 * inputs' shapes announce (a note right next to it stays a note), and refusals as #VALUE! with
 * the message Excel would show.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ExcelJS from "exceljs";
import type { ComputedCell } from "../../src/recalc/evaluate";
import { recalcWorkbook } from "../../src/recalc/recalc";

let dir: string;
let cells: Map<string, ComputedCell>;

/** Values of the cells from `from` (e.g. "B3") along a row or down a column. */
function line(from: string, count: number, down = false): unknown[] {
  const column = from.charCodeAt(0) - 65;
  const row = Number(from.slice(1));
  return Array.from({ length: count }, (_, i) => {
    const key = down ? `Line!${String.fromCharCode(65 + column)}${row + i}` : `Line!${String.fromCharCode(65 + column + i)}${row}`;
    return cells.get(key)?.value;
  });
}

function put(sheet: ExcelJS.Worksheet, from: string, rows: (number | string)[][]): void {
  const column = from.charCodeAt(0) - 64;
  const row = Number(from.slice(1));
  rows.forEach((values, r) => values.forEach((v, c) => (sheet.getCell(row + r, column + c).value = v)));
}

function formula(sheet: ExcelJS.Worksheet, at: string, text: string): void {
  sheet.getCell(at).value = { formula: text } as ExcelJS.CellFormulaValue;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "mps-capacity-"));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Line");
  // One item, periods across: demand 20, 40, 80, 30, on hand 0, capacity 50.
  put(sheet, "B1", [[20, 40, 80, 30]]);
  formula(sheet, "B2", "MPS.LEVEL(B1:E1,0,50)");
  formula(sheet, "B3", 'MPS.LEVEL(B1:E1,0,50,,,,"chase")');
  formula(sheet, "B4", '_xldudf_MPS_LEVEL(B1:E1,0,50,,,,"level")');
  sheet.getCell("F2").value = "note beside the spill";
  // The same item, periods down (G1:G4), capacity as a column (H1:H4).
  put(sheet, "G1", [[20, 50], [40, 50], [80, 50], [30, 50]]);
  formula(sheet, "I1", "MPS.LEVEL(G1:G4,0,H1:H4)");
  sheet.getCell("I5").value = "note under the spill";
  // Two items on one line (hours per unit 1 and 2, capacity 100 h), periods across…
  put(sheet, "K1", [[30, 30, 30, 1], [10, 40, 20, 2]]);
  formula(sheet, "K4", "MPS.LEVEL(K1:M2,0,100,,N1:N2)");
  // …and down, hours per unit as a row, capacity one cell.
  put(sheet, "P1", [[30, 10], [30, 40], [30, 20], [1, 2]]);
  formula(sheet, "P6", "MPS.LEVEL(P1:Q3,0,100,,P4:Q4)");
  // Load: a resource profile (1 h in the due period, 2 h one period before), across and down.
  put(sheet, "B7", [[0, 100, 0, 50, 1, 2], [80, 0, 0, 0]]);
  formula(sheet, "B9", "MPS.LOAD(B7:E7,F7:G7)");
  formula(sheet, "B10", "MPS.LOAD(B8:E8,F7:G7)");
  put(sheet, "S1", [[0, 2], [100, 0.5], [0], [50]]);
  formula(sheet, "U1", "MPS.LOAD(S1:S4,T1:T2)"); // bill of capacity: two resources, a column each
  // Refusals.
  put(sheet, "B12", [[50, -5, 50, 50], [50, "fifty", 50, 50]]);
  formula(sheet, "B14", "MPS.LEVEL(B1:E1,0,B12:E12)");
  formula(sheet, "B15", "MPS.LEVEL(B1:E1,0,B13:E13)");
  formula(sheet, "B16", "MPS.LEVEL(B1:E1,0,B12:C12)");
  formula(sheet, "B17", "MPS.LEVEL(B1:E1,0,50,,0)");
  put(sheet, "B18", [[1, 2, 3], [4, 5, -4]]);
  formula(sheet, "B20", "MPS.LEVEL(B18:D19,0,50)");
  const file = path.join(dir, "capacity.xlsx");
  await book.xlsx.writeFile(file);
  const result = await recalcWorkbook(file);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  cells = new Map(result.value.cells.map((cell) => [cell.key, cell]));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("MPS.LEVEL headless", () => {
  it("builds ahead, chases and levels the issue's item (both spellings of the name)", () => {
    expect(line("B2", 4)).toEqual([40, 50, 50, 30]);
    expect(line("B3", 4)).toEqual([20, 40, 50, 50]);
    expect(line("B4", 4)).toEqual([47, 47, 47, 47]); // ⌈140/3⌉
  });

  it("spills exactly like demand, across and down, leaving the next cell alone", () => {
    expect(cells.get("Line!B2")?.spill).toEqual({ top: 1, left: 1, bottom: 1, right: 4 }); // B2:E2
    expect(cells.get("Line!F2")?.value).toBeUndefined(); // a note, not a result
    expect(line("I1", 4, true)).toEqual([40, 50, 50, 30]);
    expect(cells.get("Line!I1")?.spill).toEqual({ top: 0, left: 8, bottom: 3, right: 8 }); // I1:I4
  });

  it("levels two items sharing one line: A 30, 30, 30; B 15, 35, 20 (rows and columns)", () => {
    expect(line("K4", 3)).toEqual([30, 30, 30]);
    expect(line("K5", 3)).toEqual([15, 35, 20]);
    expect(line("P6", 3, true)).toEqual([30, 30, 30]);
    expect(line("Q6", 3, true)).toEqual([15, 35, 20]);
  });

  it("refuses bad capacity with #VALUE! and a message naming the argument and the cell by its address", () => {
    const refusal = (key: string) => [cells.get(`Line!${key}`)?.value, cells.get(`Line!${key}`)?.error?.message];
    expect(refusal("B14")).toEqual(["#VALUE!", "capacity: cell C12 is -5; quantities must be 0 or more"]);
    expect(refusal("B15")).toEqual([
      "#VALUE!",
      "capacity: cell C13 is text 'fifty'; enter a number (numbers stored as text are not read)",
    ]);
    expect(refusal("B16")).toEqual([
      "#VALUE!",
      "capacity: 2 cells, but demand has 4 periods; give one value per period or one cell for all",
    ]);
    expect(refusal("B17")).toEqual(["#VALUE!", "hours_per_unit must be greater than 0 (got 0)"]);
    expect(refusal("B20")).toEqual(["#VALUE!", "demand: cell D19 is -4; quantities must be 0 or more"]);
  });
});

describe("MPS.LOAD headless", () => {
  it("loads the issue's examples: 200, 100, 100, 50 and 240, 0, 0, 0 (160 past due)", () => {
    expect(line("B9", 4)).toEqual([200, 100, 100, 50]);
    expect(line("B10", 4)).toEqual([240, 0, 0, 0]);
  });

  it("gives a column per resource for a column MPS (assembly 2 h, test 0.5 h)", () => {
    expect(line("U1", 4, true)).toEqual([0, 200, 0, 100]);
    expect(line("V1", 4, true)).toEqual([0, 50, 0, 25]);
    expect(cells.get("Line!U1")?.spill).toEqual({ top: 0, left: 20, bottom: 3, right: 21 }); // U1:V4
  });
});
