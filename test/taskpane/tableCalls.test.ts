/**
 * Finding MPS.TABLE blocks from formulas (host/tableCalls.ts) and the coach's list from them
 * (components/Coach/coachReport.ts), on the memory host: the sample sheet as the pane inserts
 * it, references across sheets, literals, expressions the coach cannot read.
 */
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { coachReport, filterReport } from "../../src/taskpane/components/Coach/coachReport";
import { createMemoryHost } from "../../src/taskpane/host/memoryHost";
import { findTableCalls, frameOf, parseArgument, rangesToRead, tableBlock, tableCallTexts } from "../../src/taskpane/host/tableCalls";

describe("tableCallTexts", () => {
  it("splits each MPS.TABLE call at its own commas, whatever the spelling", () => {
    expect(tableCallTexts("=MPS.TABLE(B9:M9,B10:M10,B3,B4,B5,B6,B2,B11:M11)")).toEqual([
      ["B9:M9", "B10:M10", "B3", "B4", "B5", "B6", "B2", "B11:M11"],
    ]);
    expect(tableCallTexts('=IFERROR(_xldudf_MPS_TABLE(B2:E2, B3:E3, 64, , "a,b)"),"")')).toEqual([["B2:E2", "B3:E3", "64", "", '"a,b)"']]);
    expect(tableCallTexts("=mps.table('Plan, 2026'!B2:E2,SUM(B3:E3,1),{1,2})")).toEqual([["'Plan, 2026'!B2:E2", "SUM(B3:E3,1)", "{1,2}"]]);
  });

  it("finds no call in text, in another function or in a string", () => {
    expect(tableCallTexts("MPS.TABLE(B2:E2)")).toEqual([]);
    expect(tableCallTexts("=XMPS.TABLE(B2:E2)")).toEqual([]);
    expect(tableCallTexts("=MPS.TABLES(B2:E2)")).toEqual([]);
    expect(tableCallTexts('="see MPS.TABLE(B2)"')).toEqual([]);
    expect(tableCallTexts("=MPS.PLAN(B2:E2,0)")).toEqual([]);
  });
});

describe("parseArgument", () => {
  it("reads references (with or without a sheet, quoted or not, with $), literals and left-out arguments", () => {
    expect(parseArgument("$B$3", "Plan")).toEqual({ kind: "reference", range: { sheet: "Plan", row: 2, column: 1, rows: 1, columns: 1 } });
    expect(parseArgument("Items!A1:H2", "Plan")).toEqual({ kind: "reference", range: { sheet: "Items", row: 0, column: 0, rows: 2, columns: 8 } });
    expect(parseArgument("'MPS sample'!B9:M9", "Plan")).toEqual({
      kind: "reference",
      range: { sheet: "MPS sample", row: 8, column: 1, rows: 1, columns: 12 },
    });
    expect(parseArgument("64", "Plan")).toEqual({ kind: "literal", value: 64 });
    expect(parseArgument("-1.5E1", "Plan")).toEqual({ kind: "literal", value: -15 });
    expect(parseArgument("10%", "Plan")).toEqual({ kind: "literal", value: 0.1 });
    expect(parseArgument('"F""OQ"', "Plan")).toEqual({ kind: "literal", value: 'F"OQ' });
    expect(parseArgument("true", "Plan")).toEqual({ kind: "literal", value: true });
    expect(parseArgument("  ", "Plan")).toEqual({ kind: "omitted" });
  });

  it("leaves names, spills, whole columns, table columns and functions to Excel", () => {
    for (const text of ["OnHand", "B14#", "B:B", "Items[On hand]", "SUM(B3:E3)", "-B3", "XFE1", "A1048577"]) {
      expect(parseArgument(text, "Plan")).toEqual({ kind: "expression", text });
    }
  });
});

describe("findTableCalls and the ranges to read", () => {
  const calls = findTableCalls("Plan", { row: 1, column: 1 }, [
    ["Bike", "=MPS.TABLE(C1:F1,C2:F2,Items!B2)", 5],
    [null, "=SUM(C1:F1)", "=MPS.TABLE(C4:C7,D4:D7,0)"],
  ]);

  it("places each call in its cell and reads its block's way from the forecast", () => {
    expect(calls.map((call) => [call.row, call.column, call.args.length])).toEqual([
      [1, 2, 3],
      [2, 3, 3],
    ]);
    // Forecast across: labels down the first column; the frame is the cells left and above, and the labels.
    expect(frameOf(calls[0])).toEqual({ sheet: "Plan", row: 0, column: 1, rows: 17, columns: 2 });
    // Forecast down: labels along the first row.
    expect(frameOf(calls[1])).toEqual({ sheet: "Plan", row: 1, column: 2, rows: 2, columns: 17 });
  });

  it("reads each range once", () => {
    const keys = rangesToRead([...calls, ...calls]).map((range) => `${range.sheet}!${range.row},${range.column}:${range.rows}x${range.columns}`);
    expect(keys).toHaveLength(new Set(keys).size);
    expect(keys).toContain("Items!1,1:1x1");
  });
});

/** The memory host with the sample sheet (MTS) as the pane inserts it. */
async function sampleHost() {
  const host = createMemoryHost();
  await host.insertSampleSheet("MTS");
  return host;
}

describe("the coach's list from a workbook", () => {
  it("finds the sample sheet's block by itself and lists its messages, labelled from the cell above it", async () => {
    const host = await sampleHost();
    const blocks = await host.readMpsBlocks();
    expect(blocks.map((b) => [b.sheet, b.cell, b.label, b.orientation])).toEqual([["MPS sample", "A14", "MPS record", "rows"]]);
    // forecast 100, 100, 100, 100, 120 × 4, 90 × 4; orders 110, 85, 60, 30, 25, 10, 0 …: period 1's orders are 10 above its forecast
    const report = coachReport(blocks, DEFAULT_SETTINGS);
    expect(report.blocks).toBe(1);
    expect(report.items[0].lines[0]).toMatchObject({ type: "forecast-low", period: 1, quantity: 10, message: "Period 1: orders exceed forecast by 10" });
    expect(report.counts["forecast-low"]).toBe(1);
  });

  it("points a message at its period's cell in the record line it is about, read from the block's labels", async () => {
    const host = await sampleHost();
    // What the block shows once Excel has calculated it: the labels down column A from A14.
    const labels = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP"];
    host.workbook.shown = { "MPS sample": Object.fromEntries(labels.map((label, i) => [`A${14 + i}`, label])) };
    const [item] = coachReport(await host.readMpsBlocks(), DEFAULT_SETTINGS).items;
    // Excess orders is the block's 4th line (row 17); period 1 is column B.
    expect(item.lines[0].target).toEqual({ sheet: "MPS sample", address: "B17" });
  });

  it("orders items by their most urgent message, then lists what it could not check", async () => {
    const host = createMemoryHost({ sheets: ["Plan", "Items"] });
    host.enter("Items", "A1:B2", [
      ["On hand", "Max lot"],
      [0, 100],
    ]);
    host.enter("Plan", "A1:E3", [
      ["Period", 1, 2, 3, 4],
      ["Forecast", 10, 10, 10, 10],
      ["Orders", 30, 0, 0, 0],
    ]);
    host.enter("Plan", "A5:B7", [
      ["Wheel", "=MPS.TABLE(B2:E2,B3:E3,100)"],
      ["Frame", "=MPS.TABLE(B2:E2,B3:E3,Items!A1:B2,,,,,B9:E9)"],
      ["Fork", "=MPS.TABLE(B2:E2,B3:E3,OnHand)"],
    ]);
    host.enter("Plan", "B9:E9", [[0, 0, 0, 50]]);
    const report = coachReport(await host.readMpsBlocks(), DEFAULT_SETTINGS);
    // Frame: on hand 0, receipt of 50 in period 4 needed in period 1 (reschedule-in ranks above
    // Wheel's forecast-low); Wheel: orders 30 against 10 → forecast-low 20.
    expect(report.items.map((item) => item.label)).toEqual(["Frame", "Wheel", "Fork"]);
    expect(report.items[0].lines.map((line) => line.type)).toEqual(["forecast-low", "reschedule-in"]);
    expect(report.items[2].problem).toBe("Not checked: on_hand is OnHand, which only Excel can evaluate. Give it as a cell or range reference.");
    expect(report.counts).toEqual({ "forecast-low": 2, "reschedule-in": 1 });
    expect(filterReport(report, "reschedule-in").map((item) => [item.label, item.lines.length])).toEqual([["Frame", 1]]);
    expect(filterReport(report, null)).toBe(report.items);
  });

  it("says so when MPS.TABLE refuses a block, and counts a block with nothing to act on as on plan", async () => {
    const host = createMemoryHost({ sheets: ["Plan"] });
    host.enter("Plan", "A1:C4", [
      [10, 10, 10],
      [5, 5, 5],
      ["=MPS.TABLE(A1:C1,A2:C2,-1)", null, null],
      ["=MPS.TABLE(A1:C1,A2:C2,30)", null, null],
    ]);
    const report = coachReport(await host.readMpsBlocks(), DEFAULT_SETTINGS);
    expect(report.onPlan).toBe(1);
    expect(report.items).toHaveLength(1);
    expect(report.items[0]).toMatchObject({ label: "Plan!A3", problem: expect.stringMatching(/^Not checked: MPS.TABLE refuses its arguments. .*on_hand/) });
  });

  it("passes Excel's argument addresses: a refusal names its cell, a referenced blank cell is an empty cell", async () => {
    const host = createMemoryHost({ sheets: ["Plan", "Items"] });
    host.enter("Plan", "A1:C2", [
      [10, 10, 10],
      [5, "x", 5],
    ]);
    host.enter("Items", "A1", [[20]]);
    // Orders on Plan, on hand on Items; the formulas on Plan: a cell of Items is named with its sheet.
    host.enter("Plan", "A4", [["=MPS.TABLE(A1:C1,A2:C2,Items!A1)"]]);
    host.enter("Plan", "A5", [["=MPS.TABLE(A1:C1,A1:C1,Items!B1)"]]);
    const [refused, blank] = coachReport(await host.readMpsBlocks(), DEFAULT_SETTINGS).items;
    expect(refused.problem).toBe(
      "Not checked: MPS.TABLE refuses its arguments. orders: cell B2 is text 'x'; enter a number (numbers stored as text are not read)",
    );
    // On hand in an empty cell (Items!B1) is 0, as Excel passes it: orders equal forecast, 10 a period
    // planned lot for lot, nothing to say.
    expect(blank).toBeUndefined();
    expect(coachReport(await host.readMpsBlocks(), DEFAULT_SETTINGS).onPlan).toBe(1);
  });

  it("points at the period's row when the block runs down (forecast in a column), labels along its first row", async () => {
    const host = createMemoryHost({ sheets: ["Plan"] });
    host.enter("Plan", "A2:B4", [
      [10, 20],
      [10, 20],
      [10, 20],
    ]);
    host.enter("Plan", "D1", [["=MPS.TABLE(A2:A4,B2:B4,0)"]]);
    host.workbook.shown = { Plan: { D1: "Forecast", E1: "Orders", F1: "Remaining forecast", G1: "Excess orders" } };
    const [block] = await host.readMpsBlocks();
    expect(block.orientation).toBe("columns");
    // Orders 20 against forecast 10 in each of the 3 periods: Excess orders is the 4th column (G), period p is row 1 + p.
    const [item] = coachReport([block], DEFAULT_SETTINGS).items;
    expect(item.lines.map((line) => [line.type, line.period, line.quantity, line.target.address])).toEqual([
      ["forecast-low", 1, 10, "G2"],
      ["forecast-low", 2, 10, "G3"],
      ["forecast-low", 3, 10, "G4"],
    ]);
  });
});

describe("tableBlock (a block without a workbook, for benchmarks)", () => {
  it("is the block a host would read for the same arguments", async () => {
    expect(tableBlock({ sheet: "Plan", row: 4, column: 1 }, [[[10, 10]], [[15, 0]], 0], "Widget").cell).toBe("B5");
    const host = createMemoryHost({ sheets: ["Plan"] });
    host.enter("Plan", "A1:B3", [
      [10, 10],
      [15, 0],
      [0, null],
    ]);
    host.enter("Plan", "A5:B5", [["Widget", "=MPS.TABLE(A1:B1,A2:B2,A3,,,,,)"]]);
    const read = await host.readMpsBlocks();
    const made = tableBlock({ sheet: "Plan", row: 4, column: 1 }, [[[10, 10]], [[15, 0]], [[0]], undefined, undefined, undefined, undefined, undefined], "Widget");
    // Widget: orders 15 against forecast 10 in period 1 → forecast-low 5.
    expect(coachReport([made], DEFAULT_SETTINGS)).toEqual(coachReport(read, DEFAULT_SETTINGS));
    expect(coachReport([made], DEFAULT_SETTINGS).items[0].lines.map((line) => line.message)).toEqual(["Period 1: orders exceed forecast by 5"]);
  });
});
