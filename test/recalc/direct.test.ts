/**
 * The direct path (src/recalc/direct.ts) against HyperFormula: for workbooks whose formulas are
 * all MPS calls on constants, both must give the same cells — values, error messages, spill
 * areas, order — and the direct path must give up wherever it cannot be sure.
 */
import path from "path";
import fc from "fast-check";
import type { RawCellContent } from "hyperformula";
import { evaluate } from "../../src/recalc/evaluate";
import { ERRORS, MPS_FUNCTION_NAMES, hostedFunction } from "../../src/recalc/hosted";
import { ERROR_TYPE, errorText } from "../../src/recalc/plugin";
import { evaluateWorkbook } from "../../src/recalc/recalc";
import { emitJson, jsonText, toJson } from "../../src/recalc/report";
import type { EngineInput } from "../../src/recalc/toSheets";
import { DEFAULT_SETTINGS, type MpsSettings } from "../../src/shared/settings";
import { fixture, ROOT } from "./helpers";
import { both, inputOf, readInput } from "./paths";

/**
 * Both paths on a workbook that may not evaluate at all: HyperFormula gives up on a few random
 * layouts ("Unknown array"); the direct path must then have given it up and fail the same way.
 */
function bothOrFailures(input: EngineInput, settings: MpsSettings) {
  const hf = evaluate(input, settings);
  if (hf.ok) return both(input, settings);
  const direct = evaluateWorkbook(input, settings);
  return { hf: hf.problems, direct: direct.ok ? "evaluated" : direct.problems, tookDirectPath: false };
}

describe("the direct path", () => {
  it("gives the textbook MPS.TABLE what HyperFormula gives, and takes it", () => {
    const grid: RawCellContent[][] = [
      ["'Forecast", 20, 20, 20, 20, 40, 40, 40, 40],
      ["'Orders", 23, 15, 8, 4, null, 0, "'", null],
    ];
    const { hf, direct, tookDirectPath } = both(inputOf(grid, [{ row: 3, col: 0, text: "MPS.TABLE(B1:I1,B2:I2,45,10,\"FOQ\",40)" }]));
    expect(tookDirectPath).toBe(true);
    expect(direct).toEqual(hf);
    expect(direct.cells.length).toBeGreaterThan(50);
  });

  it("keeps a workbook of one table per item as blocks, and results side by side too, walked row by row", () => {
    const grid: RawCellContent[][] = [
      ["'Forecast", 20, 20, 20, 20],
      ["'Orders", 23, 15, 8, 4],
    ];
    const settings = DEFAULT_SETTINGS;
    const stacked = evaluateWorkbook(inputOf(grid, [{ row: 3, col: 0, text: "MPS.TABLE(B1:E1,B2:E2)" }, { row: 20, col: 0, text: "MPS.TABLE(B1:E1,B2:E2,5)" }]), settings);
    const sideBySide = evaluateWorkbook(inputOf(grid, [{ row: 3, col: 0, text: "MPS.TABLE(B1:E1,B2:E2)" }, { row: 3, col: 8, text: "MPS.TABLE(B1:E1,B2:E2,5)" }]), settings);
    if (!stacked.ok || !sideBySide.ok) throw new Error("not evaluated");
    expect(stacked.value.blocks).toHaveLength(2);
    expect(sideBySide.value.blocks).toHaveLength(2);
    const places = sideBySide.value.cells.map((c) => [c.row, c.col]);
    expect(places).toEqual([...places].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
  });

  it("runs a call that reads another call's result after it, as HyperFormula does", () => {
    const grid: RawCellContent[][] = [
      [null, 20, 20, 40, 40],
      [null, 23, 15, 8, 4],
    ];
    // Listed before the call it reads, and on the right of it: the order comes from what reads what.
    const chain = inputOf(grid, [
      { row: 9, col: 1, text: 'MPS.PLAN(B4:E4,45,10,"FOQ",40)' },
      { row: 3, col: 1, text: "MPS.DEMAND(B1:E1,B2:E2)" },
      { row: 15, col: 1, text: "MPS.PAB(B4:E4,45,B10:E10)" },
    ]);
    const { hf, direct, tookDirectPath } = both(chain);
    expect(tookDirectPath).toBe(true);
    expect(direct).toEqual(hf);
    expect(direct.cells.find((c) => c.key === "Plan!B10")?.value).toBe(0);
    // A circle of calls is HyperFormula's to report.
    const circle = inputOf(grid, [
      { row: 3, col: 1, text: "MPS.DEMAND(B10:E10,B2:E2)" },
      { row: 9, col: 1, text: "MPS.DEMAND(B4:E4,B2:E2)" },
    ]);
    const round = both(circle);
    expect(round.tookDirectPath).toBe(false);
    expect(round.direct).toEqual(round.hf);
  });

  it("names cells on another, quoted sheet as HyperFormula does, in messages too", () => {
    const input = inputOf([[null, null, null, null, null, null, null, 12]], [{ row: 0, col: 0, text: "MPS.TABLE('Demand 2027'!B1:E1,'Demand 2027'!B2:E2,Plan!$H$1)" }]);
    input.sheetNames.push("Demand 2027");
    input.sheets["Demand 2027"] = [[null, 5, 6, 7, 8], [null, 1, "'x", 3, 4]];
    const { hf, direct, tookDirectPath } = both(input);
    expect(tookDirectPath).toBe(true);
    expect(direct).toEqual(hf);
    expect(direct.cells[0].error?.message).toMatch(/'Demand 2027'!C2/);
  });

  it("reads a sheet named like a number (2027), which HyperFormula numbers first", () => {
    const input = inputOf([[null, null, null, null, null, null, null, 12]], [{ row: 0, col: 0, text: "MPS.TABLE('2027'!B1:E1,'2027'!B2:E2,$H$1)" }]);
    input.sheetNames.push("2027");
    input.sheets["2027"] = [[null, 5, 6, 7, 8], [null, 1, 9, 3, 4]];
    const { hf, direct, tookDirectPath } = both(input);
    expect(tookDirectPath).toBe(true);
    expect(direct).toEqual(hf);
    expect(direct.cells.find((c) => c.key === "Plan!B1")?.value).toBe(5);
  });

  it.each([
    ["another formula", "SUM(B1:C1)"],
    ["a name", "MPS.TABLE(Forecast,B2:E2)"],
    ["a nested call", "MPS.TABLE(B1:E1,B2:E2,ABS(-3))"],
    ["a negative literal", "MPS.TABLE(B1:E1,B2:E2,-3)"],
    ["an unknown MPS function", "MPS.NOPE(B1:E1)"],
  ])("leaves %s to HyperFormula", (_, text) => {
    const { hf, direct, tookDirectPath } = both(inputOf([[null, 1, 2, 3, 4], [null, 0, 1, 0, 1]], [{ row: 4, col: 0, text }]));
    expect(tookDirectPath).toBe(false);
    expect(direct).toEqual(hf);
  });

  it("leaves to HyperFormula a spill that meets a filled cell, an argument that reads a spill, and an error value", () => {
    const data: RawCellContent[][] = [[null, 1, 2, 3, 4], [null, 0, 1, 0, 1]];
    const blocked = inputOf([...data, [], [], [], [], [], [null, 7]], [{ row: 4, col: 0, text: "MPS.TABLE(B1:E1,B2:E2)" }]);
    const readsSpill = inputOf(data, [
      { row: 4, col: 0, text: "MPS.TABLE(B1:E1,B2:E2)" },
      { row: 20, col: 0, text: "MPS.TABLE(B5:E5,B2:E2)" },
    ]);
    const error = inputOf([[null, 1, "#DIV/0!", 3, 4], [null, 0, 1, 0, 1]], [{ row: 4, col: 0, text: "MPS.TABLE(B1:E1,B2:E2)" }]);
    for (const input of [blocked, readsSpill, error]) {
      const { hf, direct, tookDirectPath } = both(input);
      expect(tookDirectPath).toBe(false);
      expect(direct).toEqual(hf);
    }
  });

  it("gives every fixture and sample workbook what HyperFormula gives", async () => {
    const files = ["textbook.xlsx", "consume-column.xlsx", "bad-inputs.xlsx", "settings.xlsx", "circular.xlsx", "unknown-function.xlsx"].map(fixture);
    files.push(path.join(ROOT, "assets", "sample-plan.xlsx"));
    for (const file of files) {
      const input = await readInput(file);
      const { hf, direct } = both(input);
      expect({ file, ...direct }).toEqual({ file, ...hf });
    }
  });

  // Random MPS calls on random constants: whichever path runs, the cells are HyperFormula's.
  const content = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -5, max: 60 }),
    fc.double({ min: -10, max: 100, noNaN: true }),
    fc.constantFrom("'FOQ", "'LFL", "'MTS", "'MTO", "'x", "'12", "'", true, false),
  );
  const column = fc.integer({ min: 0, max: 7 });
  const row = fc.integer({ min: 0, max: 4 });
  const argument = fc.oneof(
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 30 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom('"FOQ"', '"LFL"', '"POQ"', '"MTS"', '"ATO"', '"MTO"', '"discrete"', '"cumulative"', '"x"') },
    { weight: 2, arbitrary: fc.tuple(column, row).map(([c, r]) => `${String.fromCharCode(65 + c)}${r + 1}`) },
    { weight: 5, arbitrary: fc.tuple(row, column, column).map(([r, a, b]) => `$${String.fromCharCode(65 + Math.min(a, b))}${r + 1}:${String.fromCharCode(65 + Math.max(a, b))}$${r + 1}`) },
    { weight: 1, arbitrary: fc.tuple(column, row, row).map(([c, a, b]) => `${String.fromCharCode(65 + c)}${Math.min(a, b) + 1}:${String.fromCharCode(65 + c)}${Math.max(a, b) + 1}`) },
    // Now and then a formula's own area: HyperFormula sees a cycle or a spilled value.
    { weight: 1, arbitrary: fc.integer({ min: 8, max: 14 }).map((r) => `A${r}:D${r}`) },
  );
  const call = fc
    .tuple(fc.constantFrom(...MPS_FUNCTION_NAMES), fc.array(argument, { maxLength: 9 }), fc.integer({ min: 6, max: 40 }), fc.integer({ min: 0, max: 6 }))
    .map(([name, args, r, c]) => ({ row: r, col: c, text: `${name}(${args.slice(0, hostedFunction(name)!.arity).join(",")})` }));
  const settings = fc.record({
    model: fc.constantFrom("MTS", "ATO", "MTO"),
    backward: fc.integer({ min: 0, max: 3 }),
    forward: fc.integer({ min: 0, max: 3 }),
    atpMethod: fc.constantFrom("discrete", "cumulative"),
  });

  it("gives random MPS calls on random constants what HyperFormula gives", () => {
    let direct = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.array(fc.array(content, { minLength: 8, maxLength: 8 }), { minLength: 5, maxLength: 5 }), fc.array(call, { minLength: 1, maxLength: 3 }), settings, (grid, calls, chosen) => {
        const unique = calls.filter((c, i) => calls.findIndex((d) => d.row === c.row && d.col === c.col) === i);
        const outcome = bothOrFailures(inputOf(grid, unique), { ...DEFAULT_SETTINGS, ...chosen } as MpsSettings);
        runs++;
        if (outcome.tookDirectPath) direct++;
        expect(outcome.direct).toEqual(outcome.hf);
      }),
      { numRuns: 150 },
    );
    // This layout made HyperFormula throw ("Unknown array"): A7 reads exactly the area of A8,
    // which ended in an error. It now evaluates (plugin.ts reads the error), on both paths alike.
    const grid: RawCellContent[][] = [[0, 0, "'FOQ", 0, 0, null, 0, 0], [], [], [], [0, 0, 0, 0, 0, null, 0, 0]];
    const layout = inputOf(grid, [{ row: 6, col: 0, text: "MPS.CONSUME(A8:D8)" }, { row: 7, col: 0, text: "MPS.CONSUME($C1:F$1)" }]);
    const once = bothOrFailures(layout, DEFAULT_SETTINGS);
    expect(once.direct).toEqual(once.hf);
    const hf = evaluate(layout, DEFAULT_SETTINGS);
    if (!hf.ok) throw new Error(hf.problems.join(" "));
    const a8 = hf.value.cells.find((c) => c.key === "Plan!A8");
    expect(a8?.value).toBe("#VALUE!");
    // A7's argument holds A8's error, passed on as any error in an argument is.
    expect(hf.value.cells.find((c) => c.key === "Plan!A7")).toMatchObject({ value: "#VALUE!", error: { message: a8?.error?.message } });
    // The property is only worth something if the direct path ran in many cases.
    expect(direct / runs).toBeGreaterThan(0.3);
  });
});

describe("the error codes without HyperFormula", () => {
  it("are HyperFormula's error types and Excel's texts", () => {
    for (const code of ["VALUE", "NA"] as const) {
      expect(ERRORS[code]).toEqual({ type: ERROR_TYPE[code], text: errorText(ERROR_TYPE[code]) });
    }
  });
});

describe("jsonText", () => {
  it("is exactly JSON.stringify of toJson, two spaces of indent", async () => {
    const input = await readInput(path.join(ROOT, "assets", "sample-plan.xlsx"));
    const evaluation = evaluateWorkbook(input, DEFAULT_SETTINGS);
    if (!evaluation.ok) throw new Error("not evaluated");
    const cells = evaluation.value.cells;
    expect(cells.length).toBeGreaterThan(1_000);
    expect(jsonText(cells)).toBe(JSON.stringify(toJson(cells), null, 2));
    const odd = [
      { sheet: 'Q"1\\', row: 0, col: 0, key: 'Q"1\\!A1', value: 'say "hi"\n' },
      { sheet: "Plan", row: 9, col: 27, key: "Plan!AB10", value: true },
      { sheet: "Plan", row: 10, col: 0, key: "Plan!A11", value: -0.1 },
    ];
    expect(jsonText(odd)).toBe(JSON.stringify(toJson(odd), null, 2));
    expect(jsonText([])).toBe(JSON.stringify({}, null, 2));
  });

  it("comes piece by piece from emitJson, pieces of at most a few thousand lines", () => {
    const cells = Array.from({ length: 5_000 }, (_, i) => ({ sheet: "Plan", row: i, col: 1, key: `Plan!B${i + 1}`, value: i * 1.5 }));
    const pieces: string[] = [];
    emitJson(cells, (piece) => pieces.push(piece));
    expect(pieces.length).toBe(4); // 2,048 + 2,048 + 904 lines, then the closing brace
    expect(pieces.join("")).toBe(JSON.stringify(toJson(cells), null, 2));
    const none: string[] = [];
    emitJson([], (piece) => none.push(piece));
    expect(none).toEqual(["{}"]);
  });
});
