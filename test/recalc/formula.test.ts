import { calledFunctions, namesIn, renameNames, toEngineFormula } from "../../src/recalc/formula";
import { translateFormula } from "../../src/recalc/sharedFormula";
import { a1, boxText, columnName, parseA1, parseBox } from "../../src/recalc/address";
import * as sharedA1 from "../../src/shared/a1";
import { codeOnly } from "../../src/shared/formulaText";
import * as chartBlock from "../../src/taskpane/host/mpsBlock";

describe("codeOnly", () => {
  it("blanks the inside of strings and quoted sheet names, keeping quotes and positions", () => {
    expect(codeOnly(`=MPS.TABLE('My, plan'!B2:M2,"a,""b"")")`)).toBe(`=MPS.TABLE('        '!B2:M2,"        ")`);
    // a quote left open is no string: the text stays as written
    expect(codeOnly('=A1&"x')).toBe('=A1&"x');
  });
});

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

describe("quoted sheet names", () => {
  it("are not string literals, even when they hold a double quote", () => {
    expect(toEngineFormula(`'Pipe 5"'!B2+_xldudf_MPS_DEMAND(B1:C1,B2:C2)&"_xldudf_MPS_X"`)).toBe(
      `='Pipe 5"'!B2+MPS.DEMAND(B1:C1,B2:C2)&"_xldudf_MPS_X"`,
    );
    expect(toEngineFormula(`'Bob''s "plan"'!A1+_xlfn.XLOOKUP(1,A1:A3,B1:B3)`)).toBe(`='Bob''s "plan"'!A1+XLOOKUP(1,A1:A3,B1:B3)`);
  });
});

describe("calledFunctions", () => {
  it("lists the functions called outside strings and sheet names", () => {
    expect(calledFunctions(`=IFERROR(FOO (A1),"BAR(x)")+'SUM('!A1+MPS.TABLE(B1:C1)`)).toEqual(["IFERROR", "FOO", "MPS.TABLE"]);
  });
});

describe("namesIn and renameNames", () => {
  it("find names outside strings, calls, cell and column references and error literals", () => {
    expect(namesIn('=LeadTime*2+SUM(A1:B2)+Plan!Fc&"Qty"+IF(ISNA(#N/A),Tax?,\\Rate)+SUM(C:C)')).toEqual(["LeadTime", "Fc", "Tax?", "\\Rate"]);
  });

  it("respell names, leaving strings and look-alikes alone", () => {
    expect(renameNames('=Week12+Week123+"Week12"', new Map([["week12", "_A"]]))).toBe('=_A+Week123+"Week12"');
  });
});

describe("translateFormula (shared formulas)", () => {
  it("moves relative references and keeps absolute ones", () => {
    expect(translateFormula("A1*$B$1+B$2+$C3", 2, 1)).toBe("B3*$B$1+C$2+$C5");
    expect(translateFormula("SUM(A1:B2)+Plan!C3", 1, 0)).toBe("SUM(A2:B3)+Plan!C4");
  });

  it("leaves string literals, quoted sheet names, names and functions alone", () => {
    expect(translateFormula('A1*2&" A1"', 1, 0)).toBe('A2*2&" A1"');
    expect(translateFormula(`'Plan "A1"'!A1+LOG10(A1)+LeadTime2`, 1, 0)).toBe(`'Plan "A1"'!A2+LOG10(A2)+LeadTime2`);
  });

  it("gives #REF! for a reference moved off the sheet", () => {
    expect(translateFormula("A1", 0, -1)).toBe("#REF!");
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

  it("live in one module, src/shared/a1.ts, for the recalculation and the task pane alike", () => {
    expect(columnName).toBe(sharedA1.columnName);
    expect(chartBlock.parseAddress).toBe(sharedA1.parseAddress);
    expect(sharedA1.parseAddress("'Bob''s plan'!$B$2:D4")).toEqual({ sheet: "Bob's plan", row: 1, column: 1, rows: 3, columns: 3 });
    expect(sharedA1.cellName(0, 27)).toBe(a1({ row: 0, col: 27 }));
  });
});
