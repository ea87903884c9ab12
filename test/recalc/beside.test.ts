/**
 * Other formulas beside the MPS calls (src/recalc/beside.ts) against HyperFormula on the whole
 * workbook: the same cells — values, error messages, spill areas, refusals, order — wherever
 * `evaluateBeside` takes a workbook, and a give-up wherever it cannot be sure.
 */
import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { evaluateBeside } from "../../src/recalc/beside";
import { directCalls } from "../../src/recalc/direct";
import * as evaluation from "../../src/recalc/evaluate";
import { evaluate } from "../../src/recalc/evaluate";
import { evaluateWorkbook } from "../../src/recalc/recalc";
import type { EngineInput } from "../../src/recalc/toSheets";
import { DEFAULT_SETTINGS, type MpsSettings } from "../../src/shared/settings";
import { inputOf, plain, walked } from "./paths";

/** HyperFormula on the whole workbook, and `evaluateBeside` when it takes the workbook. */
function besideAndWhole(input: EngineInput, settings: MpsSettings = DEFAULT_SETTINGS) {
  const whole = evaluate(input, settings);
  if (!whole.ok) throw new Error(whole.problems.join(" "));
  const direct = directCalls(input, settings);
  const beside = direct ? evaluateBeside(input, direct, settings, {}) : undefined;
  if (beside) expect(walked(beside)).toEqual(walked(whole.value));
  return { whole: plain(whole.value), beside: beside && plain(beside) };
}

/** Four periods of forecast (row 1) and orders (row 2), a table at A4 (rows 4–12 when it plans). */
const PLAN: RawCellContent[][] = [
  ["'Forecast", 20, 20, 40, 40],
  ["'Orders", 23, 15, 8, 4],
];
const TABLE = { row: 3, col: 0, text: 'MPS.TABLE(B1:E1,B2:E2,45,10,"FOQ",40)' };

/** A Summary sheet beside Plan, holding `formulas`. */
function withSummary(input: EngineInput, formulas: { row: number; col: number; text: string }[]): EngineInput {
  const sheet: RawCellContent[][] = [];
  for (const { row, col, text } of formulas) (sheet[row] ??= [])[col] = `=${text}`;
  for (let r = 0; r < sheet.length; r++) sheet[r] ??= [];
  return {
    ...input,
    sheetNames: [...input.sheetNames, "Summary"],
    sheets: { ...input.sheets, Summary: sheet },
    formulas: [...input.formulas, ...formulas.map(({ row, col, text }) => ({ sheet: "Summary", row, col, formula: text, engineFormula: `=${text}` }))],
  };
}

describe("other formulas beside the MPS calls", () => {
  it("gives totals, lookups and labels of a planning table what HyperFormula gives", () => {
    const input = inputOf(PLAN, [
      TABLE,
      // A total right of every row of the table (rows shared with the result), and below it.
      ...[4, 5, 6, 7, 8, 9, 10, 11].map((row) => ({ row, col: 6, text: `SUM(B${row + 1}:E${row + 1})` })),
      { row: 14, col: 0, text: "A8" },
      { row: 14, col: 1, text: "INDEX(B4:E12,5,2)" },
      { row: 14, col: 2, text: 'VLOOKUP("MPS",A4:E12,3,FALSE)' },
      { row: 14, col: 3, text: "SUM(B4:E12)/COUNT(B4:E12)" },
    ]);
    const { whole, beside } = besideAndWhole(input);
    expect(beside).toEqual(whole);
    expect(whole.cells.find((c) => c.key === "Plan!G5")?.value).toBe(50);
    // The workbook goes this way in mps-recalc only when its results are large: the same cells either way.
    const ours = evaluateWorkbook(input, DEFAULT_SETTINGS);
    expect(ours.ok && plain(ours.value)).toEqual(whole);
  });

  it("runs calls on the values of formulas that read no result: period dates and a forecast computed in the sheet", () => {
    const grid: RawCellContent[][] = [[], ["'Orders", 23, 15, 8, 4], [null, 18, 19, 36, 38]];
    const input = inputOf(grid, [
      { row: 0, col: 1, text: "DATE(2027,1,4)" },
      { row: 0, col: 2, text: "B1+7" },
      { row: 0, col: 3, text: "C1+7" },
      { row: 0, col: 4, text: "D1+7" },
      // The forecast row as one formula spilling B4:E4, which the calls read.
      { row: 3, col: 1, text: "ROUND(B3:E3*1.1,0)" },
      { row: 5, col: 0, text: "MPS.PEG(B4:E4,B2:E2,1,1,,B1:E1)" },
      { row: 20, col: 0, text: 'MPS.TABLE(B4:E4,B2:E2,45,10,"FOQ",40)' },
      { row: 35, col: 0, text: "SUM(B22:E22)" },
    ]);
    const { whole, beside } = besideAndWhole(input);
    expect(beside).toEqual(whole);
    expect(whole.cells.find((c) => c.key === "Plan!C4")?.value).toBe(21);
  });

  it("reads results on another sheet, through names, whole columns and whole rows", () => {
    const input = withSummary(inputOf(PLAN, [TABLE]), [
      { row: 0, col: 0, text: "SUM(Plan!B8:E8)" },
      { row: 1, col: 0, text: "SUM(Demand)" },
      { row: 2, col: 0, text: "SUM(Plan!B:B)" },
      { row: 3, col: 0, text: "COUNT(Plan!5:5)" },
      { row: 4, col: 0, text: "IF(A1>A2,\"over\",\"under\")" },
    ]);
    input.names = [{ name: "Demand", expression: "=Plan!$B$6:$E$6" }];
    const { whole, beside } = besideAndWhole(input);
    expect(beside).toEqual(whole);
  });

  it("sums totals of rows and columns itself, and leaves to HyperFormula a total another formula reads", () => {
    const input = withSummary(inputOf(PLAN, [TABLE, ...[3, 4, 5, 6, 7, 8, 9, 10, 11].map((row) => ({ row, col: 6, text: `SUM($B${row + 1}:E${row + 1})` }))]), [
      { row: 0, col: 0, text: "SUM(Plan!G4:G12)" },
      { row: 1, col: 0, text: "SUM(Plan!C:C)" },
      { row: 2, col: 0, text: "SUM(Plan!4:4)" },
      { row: 3, col: 0, text: "A3*2" },
    ]);
    const { whole, beside } = besideAndWhole(input);
    expect(beside).toEqual(whole);
    expect(whole.cells.find((c) => c.key === "Summary!A3")?.value).toBe(240);
  });

  it("works out AVERAGE, MIN, MAX and COUNT of a row or column itself, without HyperFormula", () => {
    const cellsRead = jest.spyOn(evaluation, "cellsRead");
    const input = inputOf(PLAN, [
      TABLE,
      // PAB 22, 42, 42, 42; MPS 0, 40, 40, 40; demand 23, 20, 40, 40 (worked out by hand).
      { row: 9, col: 6, text: "MIN(B10:E10)" },
      { row: 9, col: 7, text: "MAX(B10:E10)" },
      { row: 9, col: 8, text: "AVERAGE(B10:E10)" },
      { row: 10, col: 6, text: "COUNT(A11:E11)" },
      { row: 7, col: 6, text: "AVERAGE(A8:E8)" },
      { row: 13, col: 1, text: "max(B4:B12)" },
      { row: 13, col: 2, text: "MIN(C20:E20)" },
    ]);
    const { whole, beside } = besideAndWhole(input);
    expect(beside).toEqual(whole);
    const value = (key: string) => whole.cells.find((c) => c.key === key)?.value;
    expect([value("Plan!G10"), value("Plan!H10"), value("Plan!I10"), value("Plan!G11"), value("Plan!G8")]).toEqual([22, 42, 37, 4, 30.75]);
    // MIN and MAX of no numbers are 0, as in HyperFormula and Excel.
    expect(value("Plan!C14")).toBe(0);
    expect(cellsRead).not.toHaveBeenCalled();
    cellsRead.mockRestore();
  });

  it("gives up an average of no numbers, which HyperFormula shows as #DIV/0!", () => {
    const input = inputOf(PLAN, [TABLE, { row: 13, col: 0, text: "AVERAGE(B20:E20)" }]);
    const { whole, beside } = besideAndWhole(input);
    expect(beside).toBeUndefined();
    expect(whole.cells.find((c) => c.key === "Plan!A14")?.value).toBe("#DIV/0!");
  });

  it("gives up a total too large for a number, which HyperFormula shows as an error", () => {
    const input = inputOf([...PLAN, ...Array.from({ length: 19 }, () => []), [1e308, 1e308]], [TABLE, { row: 22, col: 6, text: "SUM(A22:B22)" }]);
    const { whole, beside } = besideAndWhole(input);
    expect(beside).toBeUndefined();
    expect(whole.cells.find((c) => c.key === "Plan!G23")?.error).toBeDefined();
  });

  it.each([
    ["a total reads an error value", [TABLE, { row: 20, col: 5, text: "SUM(A21:C21)" }]],
    ["a call reads a formula that reads a result", [TABLE, { row: 20, col: 1, text: "SUM(B8:E8)" }, { row: 30, col: 0, text: "MPS.TABLE(B1:E1,B2:E2,B21)" }]],
    ["a formula is refused (an unknown function, a circle): HyperFormula's graph lists what depends on it", [TABLE, { row: 20, col: 0, text: "FOO(B5)" }, { row: 20, col: 1, text: "C21+B5" }, { row: 20, col: 2, text: "B21+1" }]],
    ["a formula asks whether a cell holds a formula", [TABLE, { row: 20, col: 0, text: "ISFORMULA(A4)" }]],
    ["a formula reads a refused call", [{ row: 3, col: 0, text: "MPS.TABLE(B1:E1,B2:E2)" }, { row: 20, col: 0, text: "A4" }]],
    ["a formula spills into a result", [TABLE, { row: 2, col: 1, text: "TRANSPOSE(B1:C1)" }]],
    ["a formula reads a cell a refused call fills with its error", [{ row: 3, col: 0, text: "MPS.TABLE(B1:E1,B2:E2)" }, { row: 20, col: 0, text: "C6" }]],
    ["a formula spills onto a cell it does not read", [TABLE, { row: 20, col: 0, text: "B1:E1*2" }, { row: 20, col: 10, text: "A21" }]],
  ])("gives up where %s", (_, formulas) => {
    const grid = PLAN.map((line) => line.slice());
    grid[20] = ["#DIV/0!", null, 7];
    const { whole, beside } = besideAndWhole(inputOf(grid, formulas));
    expect(beside).toBeUndefined();
    const ours = evaluateWorkbook(inputOf(grid, formulas), DEFAULT_SETTINGS);
    expect(ours.ok && plain(ours.value)).toEqual(whole);
  });

  // Random MPS calls and random other formulas on random constants.
  const content = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 60 }), fc.double({ min: -10, max: 100, noNaN: true }), fc.constantFrom("'FOQ", "'x", "'", true));
  const cell = fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 24 })).map(([c, r]) => `${String.fromCharCode(65 + c)}${r + 1}`);
  const line = fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })).map(([r, a, b]) => `${String.fromCharCode(65 + Math.min(a, b))}${r + 1}:${String.fromCharCode(65 + Math.max(a, b))}${r + 1}`);
  const other = fc.oneof(
    line.map((range) => `SUM(${range})`),
    fc.tuple(fc.constantFrom("AVERAGE", "MIN", "MAX", "COUNT"), line).map(([name, range]) => `${name}(${range})`),
    line.map((range) => `MAX(${range})-MIN(${range})`),
    cell.map((at) => `${at}*2`),
    cell.map((at) => `IF(ISNUMBER(${at}),${at}+1,"-")`),
    line.map((range) => `${range}+1`),
    fc.constant("SUM(B:B)"),
  );
  const call = fc.tuple(line, line, fc.integer({ min: 0, max: 50 }), fc.constantFrom("MPS.TABLE", "MPS.PLAN", "MPS.CONSUME")).map(([forecast, orders, onHand, name]) => (name === "MPS.TABLE" ? `${name}(${forecast},${orders},${onHand})` : name === "MPS.PLAN" ? `${name}(${forecast},${onHand})` : `${name}(${forecast},${orders})`));
  const place = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 9 }));

  it("gives random formulas beside random MPS calls what HyperFormula gives", () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(content, { minLength: 8, maxLength: 8 }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.tuple(place, call), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(place, other), { minLength: 1, maxLength: 4 }),
        (grid, calls, others) => {
          const formulas = [...calls, ...others].map(([[row, col], text]) => ({ row, col, text }));
          const unique = formulas.filter((f, i) => formulas.findIndex((g) => g.row === f.row && g.col === f.col) === i && !(f.row < 6 && grid[f.row][f.col] !== null));
          const input = inputOf(grid, unique);
          if (!evaluate(input, DEFAULT_SETTINGS).ok) return;
          const { whole, beside } = besideAndWhole(input);
          runs++;
          if (beside) {
            taken++;
            expect(beside).toEqual(whole);
          }
        },
      ),
      { numRuns: 120 },
    );
    // Only worth something if many random workbooks were taken.
    expect(taken / runs).toBeGreaterThan(0.25);
  });
});
