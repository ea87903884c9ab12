import { toEngineFormula } from "../../src/recalc/formula";
import { a1, boxText, columnName, parseA1, parseBox } from "../../src/recalc/address";

describe("toEngineFormula", () => {
  it("rewrites the saved spelling of an MPS function, in any case", () => {
    expect(toEngineFormula("_xldudf_MPS_CONSUME(B2:I2,B3:I3)")).toBe("=MPS.CONSUME(B2:I2,B3:I3)");
    expect(toEngineFormula("SUM(_xldudf_mps_table(A1:C1,A2:C2,5))")).toBe("=SUM(MPS.table(A1:C1,A2:C2,5))");
  });

  it("keeps the typed spelling and drops Excel's future-function prefixes", () => {
    expect(toEngineFormula("=MPS.PLAN(A1:H1,64)")).toBe("=MPS.PLAN(A1:H1,64)");
    expect(toEngineFormula("_xlfn._xlws.SORT(A1:A3)+_xlfn.XLOOKUP(1,A1:A3,B1:B3)")).toBe("=SORT(A1:A3)+XLOOKUP(1,A1:A3,B1:B3)");
  });

  it("leaves text inside string literals alone", () => {
    expect(toEngineFormula('CONCAT("_xldudf_MPS_X ""q""",_xldudf_MPS_PEG(A1:B1,A2:B2))')).toBe(
      '=CONCAT("_xldudf_MPS_X ""q""",MPS.PEG(A1:B1,A2:B2))',
    );
  });
});

describe("addresses", () => {
  it("converts between A1 text and 0-based cells", () => {
    expect(columnName(0)).toBe("A");
    expect(columnName(27)).toBe("AB");
    expect(columnName(53)).toBe("BB");
    expect(a1({ row: 9, col: 1 })).toBe("B10");
    expect(parseA1("$BB$52")).toEqual({ row: 51, col: 53 });
    expect(parseA1("B")).toBeUndefined();
    expect(parseBox("B10:C11")).toEqual({ top: 9, left: 1, bottom: 10, right: 2 });
    expect(boxText({ top: 9, left: 1, bottom: 9, right: 1 })).toBe("B10");
  });
});
