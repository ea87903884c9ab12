/**
 * Structured references (Excel tables) rewritten to the plain ranges they stand for, by hand:
 * table tblCost on 'Budget' B4:D9 — header row 4, data rows 5–8, totals row 9; columns Item,
 * Unit cost, Amount (B, C, D).
 */
import { parseTable, resolveReference, rewriteTableReferences, type TableDefinition } from "../../src/recalc/tables";

const table: TableDefinition = { name: "tblCost", sheet: "Budget", box: { top: 3, left: 1, bottom: 8, right: 3 }, columns: ["Item", "Unit cost", "Amount"], headerRows: 1, totalsRows: 1 };

describe("resolveReference", () => {
  it.each([
    ["Amount", "'Budget'!$D$5:$D$8"],
    ["[#All]", "'Budget'!$B$4:$D$9"],
    ["#Data", "'Budget'!$B$5:$D$8"],
    ["[#Headers],[Amount]", "'Budget'!$D$4"],
    ["[#Totals],[Amount]", "'Budget'!$D$9"],
    ["[#Headers],[#Data],[Item]", "'Budget'!$B$4:$B$8"],
    ["[Unit cost]:[Amount]", "'Budget'!$C$5:$D$8"],
    ["[#This Row],[Unit cost]", "'Budget'!$C$7"],
    ["@Amount", "'Budget'!$D$7"],
  ])("tblCost[%s] is %s", (inner, range) => {
    expect(resolveReference(table, inner, { sheet: "Budget", row: 6 })).toBe(range);
  });

  it("says what is wrong with a reference it cannot resolve", () => {
    expect(resolveReference(table, "Qty")).toEqual({ problem: "table tblCost has no column Qty" });
    expect(resolveReference(table, "[#This Row],[Amount]")).toEqual({ problem: "tblCost[#This Row] is used outside the rows of table tblCost" });
  });
});

describe("rewriteTableReferences", () => {
  it("rewrites references outside strings, any case, and leaves the rest of the formula alone", () => {
    expect(rewriteTableReferences('=SUM(TBLCOST[Amount])&"tblCost[Amount]"', [table])).toEqual({ formula: "=SUM('Budget'!$D$5:$D$8)&\"tblCost[Amount]\"" });
  });

  it("refuses a table the workbook does not have and a reference to another workbook", () => {
    expect(rewriteTableReferences("=SUM(tblNope[X])", [table])).toEqual({ problem: "unknown table tblNope" });
    expect(rewriteTableReferences("=[1]Sheet1!A1", [table])).toHaveProperty("problem");
  });
});

describe("parseTable", () => {
  it("reads a table part as Excel writes it", () => {
    const xml = '<table id="1" name="Table1" displayName="tblIncome" ref="B4:C7" totalsRowCount="1"><tableColumns count="2"><tableColumn id="1" name="Item"/><tableColumn id="2" name="Amount &amp; tax"/></tableColumns></table>';
    expect(parseTable(xml, "Budget")).toEqual({ name: "tblIncome", sheet: "Budget", box: { top: 3, left: 1, bottom: 6, right: 2 }, columns: ["Item", "Amount & tax"], headerRows: 1, totalsRows: 1 });
  });
});
