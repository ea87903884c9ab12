import { isMpsFormula, mpsFormulaCells } from "../../src/taskpane/host/mpsFormulas";

describe("isMpsFormula", () => {
  it("repeats its examples", () => {
    expect(isMpsFormula("=SUM(MPS.PLAN(B2:M2,40))")).toBe(true);
    expect(isMpsFormula('="see MPS.TABLE("')).toBe(false);
  });

  it("finds a call in any case, with spaces before the bracket, or saved without the add-in", () => {
    expect(isMpsFormula("=mps.table(B9:M9,B10:M10,B3)")).toBe(true);
    expect(isMpsFormula("=MPS.ATP (B1, C1:D1, E1:F1)")).toBe(true);
    expect(isMpsFormula("=_xldudf_MPS_TABLE(B9:M9,B10:M10,B3)")).toBe(true);
  });

  it("ignores constants, other functions and names that only end in MPS", () => {
    for (const cell of [5, "", "MPS.TABLE(A1)", "=SUM(A1:A3)", "=XMPS.TABLE(A1)", "=MY_MPS.PLAN(A1)", null, undefined]) {
      expect(isMpsFormula(cell)).toBe(false);
    }
  });
});

describe("mpsFormulaCells", () => {
  it("repeats its example", () => {
    expect(mpsFormulaCells([["=MPS.TABLE(B9:M9,B10:M10,B3)", 5], ["x", "=A1"]])).toEqual([[0, 0]]);
  });

  it("lists every MPS formula row by row", () => {
    expect(mpsFormulaCells([["=A1", "=MPS.PEG(A1:C1,A2:C2)"], ["=MPS.PAB(A1:C1,0,A3:C3)", 1]])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });
});
