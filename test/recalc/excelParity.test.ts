/**
 * Where HyperFormula's answer differs from Excel's, the recalculation gives Excel's, or refuses
 * the cell with a reason. Expected values are worked out by hand from Excel's documented rules
 * and checked against values Excel itself cached in real workbooks (realWorkbooks.values.test.ts).
 */
import type { RawCellContent } from "hyperformula";
import { cellKey } from "../../src/recalc/address";
import type { EvaluateOptions } from "../../src/recalc/evaluate";
import { evaluateWorkbook } from "../../src/recalc/recalc";
import { ceiling, ceilingMath, dateParts, floor, floorMath, text } from "../../src/recalc/excelFunctions";
import { toEngineFormula } from "../../src/recalc/formula";
import type { EngineInput } from "../../src/recalc/toSheets";
import { DEFAULT_SETTINGS } from "../../src/shared/settings";

/** An engine input from grids of raw contents ("=…" are formulas, "'…" text). */
function engineInput(sheets: Record<string, RawCellContent[][]>, names: EngineInput["names"] = []): EngineInput {
  const formulas: EngineInput["formulas"] = [];
  const grids: EngineInput["sheets"] = {};
  for (const [sheet, grid] of Object.entries(sheets)) {
    grids[sheet] = grid.map((line, row) =>
      line.map((content, col) => {
        if (typeof content !== "string" || !content.startsWith("=")) return content;
        const engineFormula = toEngineFormula(content);
        formulas.push({ sheet, row, col, formula: content.slice(1), engineFormula });
        return engineFormula;
      }),
    );
  }
  return { sheetNames: Object.keys(sheets), sheets: grids, formulas, names, date1904: false };
}

/** Evaluates and returns values and refusal reasons by "Sheet!A1". */
function run(sheets: Record<string, RawCellContent[][]>, options: EvaluateOptions = {}, names: EngineInput["names"] = []) {
  const result = evaluateWorkbook(engineInput(sheets, names), DEFAULT_SETTINGS, options);
  if (!result.ok) throw new Error(result.problems.join("\n"));
  const values = Object.fromEntries(result.value.cells.map((c) => [c.key, c.value]));
  const refused = Object.fromEntries(result.value.refused.map((c) => [c.key, c]));
  return { values, refused, evaluation: result.value };
}

describe("CEILING and FLOOR as Excel rounds", () => {
  it.each([
    // number, significance → CEILING, FLOOR
    [23.5, 1, 24, 23],
    [-23.5, 1, -23, -24],
    [-23.5, -1, -24, -23],
    [2.1, 0.1, 2.1, 2.1],
    [23.5, 0, 0, "#DIV/0!"],
    [23.5, -1, "#NUM!", "#NUM!"],
  ])("CEILING(%p, %p) is %p and FLOOR is %p", (x, s, up, down) => {
    const shown = (v: unknown) => (typeof v === "number" ? v : (v as { type: string }).type === "DIV_BY_ZERO" ? "#DIV/0!" : "#NUM!");
    expect(typeof up === "number" ? ceiling(x, s) : shown(ceiling(x, s))).toEqual(up);
    expect(typeof down === "number" ? floor(x, s) : shown(floor(x, s))).toEqual(down);
  });

  it("rounds negative numbers the other way in .MATH for any non-zero mode", () => {
    expect(floorMath(-23.5, 1, 0)).toBe(-24);
    expect(floorMath(-23.5, 1, -1)).toBe(-23); // HyperFormula: -24 (it only looks at mode 1)
    expect(floorMath(-23.5, 1, 1)).toBe(-23);
    expect(ceilingMath(-23.5, 1, 0)).toBe(-23);
    expect(ceilingMath(-23.5, -1, 2)).toBe(-24);
    expect(ceilingMath(23.5, 0, 0)).toBe(0);
  });

  it("is what the formulas give in a workbook", () => {
    const { values } = run({ S: [[23.5, "=CEILING(A1,0)", "=_xlfn.FLOOR.MATH(-A1,1,-1)", "=FLOOR(A1,0)"]] });
    expect([values["S!B1"], values["S!C1"], values["S!D1"]]).toEqual([0, -23, "#DIV/0!"]);
  });
});

describe("bare TRUE and FALSE, OFFSET", () => {
  it("reads TRUE and FALSE written without parentheses", () => {
    const { values } = run({ S: [["'a", 1, "=VLOOKUP(\"a\",A1:B1,2,FALSE)", "=IF(TRUE,5,6)", "=FALSE"]] });
    expect([values["S!C1"], values["S!D1"], values["S!E1"]]).toEqual([1, 5, false]);
  });

  it("evaluates OFFSET with constant offsets and refuses one computed by a formula", () => {
    const { values, refused } = run({ S: [[10, 20, 30, "=OFFSET(A1,0,2)", "=OFFSET(A1,0,A1/5)"]] });
    expect(values["S!D1"]).toBe(30);
    expect(refused["S!E1"].reason).toBe("S!E1: OFFSET with a row, column, height or width computed by a formula is not supported (only constant numbers).");
  });
});

describe("SUMIF and COUNTIF with a criterion from an empty cell", () => {
  // Excel reads the empty criterion as the number 0: rows 1 and 3 (A = 0), not row 4 (A empty).
  it("match the zeros, not the blanks", () => {
    const { values } = run({ S: [[0, 10, null, "=SUMIF(A1:A4,C1,B1:B4)", "=COUNTIF(A1:A4,C1)"], ["'x", 20], [0, 30], [null, 40]] });
    expect([values["S!D1"], values["S!E1"]]).toEqual([40, 2]);
  });
});

describe("INDEX", () => {
  const grid = { S: [[null, 5, 6, 7, 8], [null, 1], [null, 2], ["=INDEX(B1:E1,3)", "=INDEX(B1:B3,3)", "=INDEX(B1:E1,5)", "=INDEX(B1:E3,2,1)", "=INDEX(B1:E3,2)"]] };

  it("picks the n-th cell of a one-row or one-column range, as Excel does", () => {
    const { values } = run(grid);
    expect([values["S!A4"], values["S!B4"], values["S!D4"]]).toEqual([7, 2, 1]);
  });

  it("gives #REF! past the end", () => {
    expect(run(grid).values["S!C4"]).toBe("#REF!");
  });

  it("refuses a whole row of a 2-D range (Excel spills it)", () => {
    expect(run(grid).refused["S!E4"].reason).toMatch(/^S!E4: INDEX returning a whole row or column/);
  });
});

describe("SUBTOTAL", () => {
  // B1:B2 = 100, 200 and B3 = SUBTOTAL of them (300); B4 = 400; SUBTOTAL(9, B1:B4) = 700, not 1000.
  it("leaves out nested subtotals", () => {
    const { values } = run({ S: [[null, 100], [null, 200], [null, "=SUBTOTAL(9,B1:B2)"], [null, 400], [null, "=SUBTOTAL(9,B1:B4)", "=SUBTOTAL(1,B1:B4)", "=SUBTOTAL(2,B1:B4)"]] });
    expect([values["S!B3"], values["S!B5"], values["S!C5"], values["S!D5"]]).toEqual([300, 700, 700 / 3, 3]);
  });

  it("leaves out hidden rows for 109 and refuses 9 over hidden rows", () => {
    const cache = { value: () => undefined, spill: () => undefined, isHiddenRow: (_s: string, row: number) => row === 1 };
    const { values, refused } = run({ S: [[1], [2], [4], ["=SUBTOTAL(109,A1:A3)", "=SUBTOTAL(9,A1:A3)"]] }, { cache });
    expect(values["S!A4"]).toBe(5);
    expect(refused["S!B4"].reason).toMatch(/hidden rows/);
  });
});

describe("TEXT through Excel's format codes", () => {
  it.each([
    [42438, "dd\\ mmm\\ yyyy", "09 Mar 2016"],
    [1234.5, "#,##0.00", "1,234.50"],
    [0.256, "0.0%", "25.6%"],
    [0, "yyyy-mm-dd", "1900-01-00"],
    [3, "00", "03"],
    ["12", "0.0", "12.0"],
    ["abc", "0.0", "abc"],
  ])("TEXT(%p, %p) is %p", (value, code, expected) => {
    expect(text(value, code, false)).toBe(expected);
  });

  it("formats in the workbook", () => {
    expect(run({ S: [[42438, '=TEXT(A1,"dd\\ mmm\\ yyyy")']] }).values["S!B1"]).toBe("09 Mar 2016");
  });
});

describe("serial 0, Excel's 0 Jan 1900", () => {
  it("has year 1900, month 1, day 0", () => {
    expect(dateParts(0, false)).toEqual({ year: 1900, month: 1, day: 0 });
    expect(dateParts(60, false)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(dateParts(61, false)).toEqual({ year: 1900, month: 3, day: 1 });
    const { values } = run({ S: [[0, "=YEAR(A1)", "=MONTH(A1)", "=DAY(A1)", "=EOMONTH(A1,0)", "=DAY(42438)"]] });
    expect([values["S!B1"], values["S!C1"], values["S!D1"], values["S!E1"], values["S!F1"]]).toEqual([1900, 1, 0, 31, 9]);
  });
});

describe("AND, OR and SWITCH", () => {
  it("skip empty cells and text in references", () => {
    const { values } = run({ S: [[true, null, "'x", "=AND(A1:C1)", "=OR(B1:C1,FALSE)", "=AND(B1:C1)"]] });
    expect([values["S!D1"], values["S!E1"], values["S!F1"]]).toEqual([true, false, "#VALUE!"]);
  });

  it("SWITCH returns an error met before a match and matches only values of the same type", () => {
    const { values } = run({ S: [["=1/0", 3, "=SWITCH(B1,A1,\"x\")", false, null, "=SWITCH(D1,E1,\"match\")", "=SWITCH(B1,3,\"three\",\"other\")"]] });
    expect([values["S!C1"], values["S!F1"], values["S!G1"]]).toEqual(["#DIV/0!", "#N/A", "three"]);
  });
});

describe("names", () => {
  it("refuses a formula using a name HyperFormula cannot hold, naming the name and why", () => {
    const names = [{ name: "Pair", expression: "=S!$A$1,S!$B$1" }];
    const { refused, values } = run({ S: [[1, 2, "=SUM(Pair)", "=A1+B1"]] }, {}, names);
    expect(refused["S!C1"].reason).toBe("S!C1: uses the defined name Pair, which the headless recalculation cannot evaluate (it is a union of ranges).");
    expect(values["S!D1"]).toBe(3);
  });

  it("evaluates names Excel allows but HyperFormula does not take as they are (Week12, Tax?, \\Rate)", () => {
    const names = [
      { name: "Week12", expression: "=S!$A$1" },
      { name: "Tax?", expression: "=0.25" },
      { name: "\\Rate", expression: "=Week12*2" },
    ];
    const { values, refused } = run({ S: [[10, "=Week12+1", "=A1*Tax?", "=\\Rate", '="Week12"']] }, {}, names);
    expect(refused).toEqual({});
    expect([values["S!B1"], values["S!C1"], values["S!D1"], values["S!E1"]]).toEqual([11, 2.5, 20, "Week12"]);
  });

  it("refuses a formula using a name the workbook does not define", () => {
    expect(run({ S: [["=Nowhere*2"]] }).refused["S!A1"].reason).toBe("S!A1: unknown name Nowhere (the workbook defines no such name).");
  });
});

describe("structured table references", () => {
  const tables = [{ name: "tblCost", sheet: "S", box: { top: 0, left: 0, bottom: 3, right: 1 }, columns: ["Item", "Amount"], headerRows: 1, totalsRows: 0 }];
  const grid = { S: [["'Item", "'Amount", "=SUM(tblCost[Amount])"], ["'a", 10, "=tblCost[[#This Row],[Amount]]*2"], ["'b", 20], ["'c", 30, "=COUNTA(tblCost[#All])", "=SUM(tblNope[X])"]] };

  it("evaluate as the ranges they stand for", () => {
    const { values } = run(grid, { tables });
    expect([values["S!C1"], values["S!C2"], values["S!C4"]]).toEqual([60, 20, 8]);
  });

  it("refuse the cell when the table is unknown", () => {
    expect(run(grid, { tables }).refused["S!D4"].reason).toBe("S!D4: cannot resolve a table reference (unknown table tblNope).");
  });
});

describe("HyperFormula-only errors never become values", () => {
  it("refuses an unreadable formula, and an array reading it spills from its saved value (none: empty)", () => {
    const { values, refused } = run({ S: [[1, "=1+", "=A1:B1*2"]] });
    expect(refused["S!B1"].reason).toBe("S!B1: cannot read the formula =1+ (a syntax HyperFormula does not read).");
    expect([values["S!C1"], values["S!D1"]]).toEqual([2, 0]);
  });

  it("refuses the cells of a circular reference, and computes their dependents from the saved values", () => {
    const saved: Record<string, RawCellContent> = { "S!A1": 5, "S!B1": 6 };
    const cache = { value: (sheet: string, row: number, col: number) => saved[cellKey(sheet, { row, col })], spill: () => undefined, isHiddenRow: () => false };
    const { values, refused, evaluation } = run({ S: [["=B1+1", "=A1+1", "=A1*10"]] }, { cache });
    expect(Object.keys(refused)).toEqual(["S!A1", "S!B1"]);
    expect(refused["S!A1"]).toMatchObject({ cached: 5, dependents: ["S!C1"] });
    expect(values["S!C1"]).toBe(50);
    expect(evaluation.cells.some((c) => /^#(CYCLE|ERROR|LIC)!$/.test(String(c.value)))).toBe(false);
  });
});
