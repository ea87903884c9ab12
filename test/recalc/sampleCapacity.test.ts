/**
 * The sample workbook's capacity sheet (scripts/make-sample.ts, issue #14), recalculated
 * headless and checked against values worked out by hand below — not against what the engine
 * wrote into the file.
 *
 * Line capacity 110 h a week, 80 h in week 6. City bike 30 a week at 1 h; Cargo bike 20, 20,
 * 20, 40, 40, 20, 20, 20, 30, 30, 20, 20 at 2 h with 10 on hand (net 10 in week 1); Kids bike
 * 40 a week at 0.5 h. Lot for lot the load is 30 + 2 × Cargo + 20 h:
 *   70, 90, 90, 130, 130, 90, 90, 90, 110, 110, 90, 90 → overload 20, 20, 10 in weeks 4–6.
 * Build ahead, backwards (due earliest first, ties in item order City, Cargo, Kids):
 *   week 6 (80 h): City 30 h, Cargo 40 h, Kids 20 of 40 (10 h); 20 Kids pending
 *   week 5 (110 h): City 30, Cargo 80 h: full; its Kids 40 wait with the 20
 *   week 4: City 30, Cargo 80 h: full; its Kids 40 wait too
 *   week 3: City 30, Cargo 40 h, its Kids 40 (20 h), then Kids due 4's 40 (20 h): full
 *   week 2: City 30, Cargo 40 h, its Kids 40 (20 h), then Kids due 5's 40 (20 h): full
 *   week 1: City 30, Cargo 10 (20 h), its Kids 40 (20 h), then Kids due 6's 20 (10 h): 80 h
 *   Kids → 60, 80, 80, 0, 0, 20, 40 × 6; load 80, 110, 110, 110, 110, 80, 90, 90, 110, 110, 90, 90.
 */
import ExcelJS from "exceljs";
import { recalcWorkbook } from "../../src/recalc/recalc";
import { SAMPLE_WORKBOOK } from "../../src/recalc/samples";
import { CAPACITY_SHEET } from "../../scripts/make-sample";

const WEEK_COLUMNS = "EFGHIJKLMNOP".split("");
let computed: Map<string, unknown>;
let workbook: ExcelJS.Workbook;

/** The twelve weekly values of a sheet row, as recalculated now. */
const weekly = (row: number) => WEEK_COLUMNS.map((c) => computed.get(`${CAPACITY_SHEET}!${c}${row}`));

beforeAll(async () => {
  const result = await recalcWorkbook(SAMPLE_WORKBOOK);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  computed = new Map(result.value.cells.map((cell) => [cell.key, cell.value]));
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE_WORKBOOK);
});

describe("the sample's capacity sheet: three items on one line", () => {
  it("loads each item with MPS.LOAD and adds the loads with a native SUM", () => {
    const sheet = workbook.getWorksheet(CAPACITY_SHEET)!;
    expect(sheet.getCell("E15").formula).toBe("MPS.LOAD(E11:P11,D4)");
    expect(sheet.getCell("E18").formula).toBe("SUM(E15:E17)");
    expect(sheet.getCell("E22").formula).toBe("MPS.LEVEL(E4:P6,C4:C6,E8:P8,,D4:D6)");
    expect(weekly(15)).toEqual(Array(12).fill(30));
    expect(weekly(16)).toEqual([20, 40, 40, 80, 80, 40, 40, 40, 60, 60, 40, 40]);
    expect(weekly(17)).toEqual(Array(12).fill(20));
    expect(weekly(18)).toEqual([70, 90, 90, 130, 130, 90, 90, 90, 110, 110, 90, 90]);
  });

  it("shows the overloads of the lot-for-lot plan: weeks 4, 5 and 6", () => {
    expect(weekly(19)).toEqual([0, 0, 0, 20, 20, 10, 0, 0, 0, 0, 0, 0]);
    expect(computed.get(`${CAPACITY_SHEET}!C38`)).toBe(3);
    expect(computed.get(`${CAPACITY_SHEET}!C40`)).toBe(50);
  });

  it("levels the three items in one MPS.LEVEL block, building Kids bikes ahead", () => {
    expect(weekly(22)).toEqual(Array(12).fill(30));
    expect(weekly(23)).toEqual([10, 20, 20, 40, 40, 20, 20, 20, 30, 30, 20, 20]);
    expect(weekly(24)).toEqual([60, 80, 80, 0, 0, 20, 40, 40, 40, 40, 40, 40]);
  });

  it("has no overload once levelled", () => {
    expect(weekly(29)).toEqual([80, 110, 110, 110, 110, 80, 90, 90, 110, 110, 90, 90]);
    expect(weekly(30)).toEqual(Array(12).fill(0));
    expect(computed.get(`${CAPACITY_SHEET}!C39`)).toBe(0);
    expect(computed.get(`${CAPACITY_SHEET}!C41`)).toBe(0);
  });

  it("shows the stock built ahead in the levelled PAB, never below zero", () => {
    expect(weekly(33)).toEqual(Array(12).fill(0));
    expect(weekly(34)).toEqual(Array(12).fill(0));
    // Kids: 60 − 40, + 80 − 40, + 80 − 40, − 40, − 40, + 20 − 40, then 40 − 40
    expect(weekly(35)).toEqual([20, 60, 100, 60, 20, 0, 0, 0, 0, 0, 0, 0]);
  });
});
