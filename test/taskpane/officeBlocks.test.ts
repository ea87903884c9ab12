/**
 * The coach's Office.js calls (host/officeBlocks.ts, through createOfficeHost) against
 * office-addin-mock, with the objects Excel hands out (sheets, used ranges, ranges) as strict
 * proxies: read before load() and sync() they throw, as in Excel. The workbook is a map of cells
 * per sheet; what the host reads and selects is recorded.
 */
import { DEFAULT_SETTINGS } from "../../src/shared/settings";
import { parseAddress, cellName } from "../../src/shared/a1";
import { coachReport } from "../../src/taskpane/components/Coach/coachReport";
import { createOfficeHost } from "../../src/taskpane/host/officeHost";
import { quoteSheet } from "../../src/taskpane/host/tableCalls";
import { StrictContext, strictObject } from "./strictProxy";

// office-addin-mock imports office-addin-manifest only for its OfficeApp enum (see officeHost.test.ts);
// every value matters: a mock without a host counts as Outlook's when OfficeApp.Outlook is undefined.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OfficeMockObject } = require("office-addin-mock");

/* eslint-disable @typescript-eslint/no-explicit-any -- mock objects are untyped by nature */

/** What each sheet's cells hold, by A1 address: a constant, or a formula "=…" with what it shows in `shown`. */
type Cells = Record<string, unknown>;

interface Book {
  sheets: Record<string, Cells>;
  /** What formula cells show (spilled results), by sheet and address. */
  shown?: Record<string, Cells>;
  /** ExcelApi version the host supports. */
  excelApi?: string;
}

/** The cells of a rectangle, row by row: `pick` gives each cell's content. */
function grid(box: { row: number; column: number; rows: number; columns: number }, pick: (address: string) => unknown): unknown[][] {
  return Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.columns }, (_, c) => pick(cellName(box.row + r, box.column + c))));
}

function officeOf(excelApi: string) {
  const office = new OfficeMockObject({
    context: {
      document: { settings: { get: () => null } },
      requirements: {
        isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version.split(".")[1]) <= Number(excelApi.split(".")[1]),
      },
    },
  });
  return office;
}

function excelOf(book: Book) {
  const strict = new StrictContext();
  /** Every range the host asked for by address, "Sheet!A1:B2". */
  const reads: string[] = [];
  /** What the planner would see: the sheet made active, then the cell selected. */
  const ui: string[] = [];
  const handlers: (() => Promise<void>)[] = [];
  let removed = 0;

  const sheetItem = (name: string) => {
    const cells = book.sheets[name];
    const shown = book.shown?.[name] ?? {};
    const addresses = Object.keys(cells).map((a) => parseAddress(a)!);
    const top = Math.min(...addresses.map((a) => a.row));
    const left = Math.min(...addresses.map((a) => a.column));
    const used = {
      row: top,
      column: left,
      rows: Math.max(...addresses.map((a) => a.row)) - top + 1,
      columns: Math.max(...addresses.map((a) => a.column)) - left + 1,
    };
    const empty = addresses.length === 0;
    // Office.js: `formulas` gives a constant cell's value and "" for a blank; `values` a formula's result.
    const usedRange = strictObject(strict, () => ({
      isNullObject: empty,
      address: empty ? "" : `${quoteSheet(name)}!${cellName(used.row, used.column)}:${cellName(used.row + used.rows - 1, used.column + used.columns - 1)}`,
      formulas: empty ? [] : grid(used, (a) => cells[a] ?? ""),
    }));
    const valueOf = (a: string) => {
      const content = cells[a];
      return shown[a] ?? (content === undefined || (typeof content === "string" && content.startsWith("=")) ? "" : content);
    };
    return strictObject(strict, () => ({ name }), {
      getUsedRangeOrNullObject: () => usedRange,
      getRange: (address: string) => {
        reads.push(`${name}!${address}`);
        return strictObject(strict, () => ({ values: grid(parseAddress(address)!, valueOf) }));
      },
    });
  };

  const excel = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          items: Object.keys(book.sheets).map(sheetItem),
          // As in officeHost.test.ts: "items/name" loads the array and each item's name.
          load(this: any, what: string) {
            if (what === "items/name") {
              for (const item of this._properties.get("items")._valueBeforeLoaded) item.load("name");
              return OfficeMockObject.prototype.load.call(this, "items");
            }
            return OfficeMockObject.prototype.load.call(this, what);
          },
          getItem(name: string) {
            if (!(name in book.sheets)) throw new Error(`ItemNotFound: ${name}`);
            return {
              activate: () => ui.push(`activate ${name}`),
              getRange: (address: string) => ({ select: () => ui.push(`select ${name}!${address}`) }),
            };
          },
          onCalculated: {
            add(handler: () => Promise<void>) {
              handlers.push(handler);
              return { context: "the context it was added in", remove: () => (removed += 1) };
            },
          },
        },
      },
    },
    run: async function (this: any, first: unknown, second?: (context: any) => Promise<unknown>) {
      // Excel.run(batch), or Excel.run(object, batch) to work on an object of an earlier context.
      const batch = (typeof first === "function" ? first : second) as (context: any) => Promise<unknown>;
      return batch(this.context);
    },
  });
  const mockSync = excel.context.sync.bind(excel.context);
  excel.context.sync = async () => {
    await mockSync();
    strict.sync();
  };
  const host = createOfficeHost({ office: officeOf(book.excelApi ?? "1.12") as typeof Office, excel: excel as typeof Excel });
  /** Excel calculates a sheet: every registered handler hears it. */
  const calculate = () => Promise.all(handlers.map((handler) => handler()));
  return { host, strict, reads, ui, handlers, calculate, removed: () => removed };
}

const TABLE_LABELS = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP"];

/**
 * Plan: Widget's forecast 10, 10, 10 and orders 15, 0, 0 on the sheet, on hand on the Items
 * sheet, the formula in B5 named "Widget" left of it; a second formula reads the same forecast.
 * Empty: no used range. Items: the on-hand cell.
 */
function twoBlocks(): Book {
  return {
    sheets: {
      Plan: {
        B1: 10,
        C1: 10,
        D1: 10,
        B2: 15,
        C2: 0,
        D2: 0,
        A5: "Widget",
        B5: "=MPS.TABLE(B1:D1,B2:D2,Items!A1)",
        F5: "=IFERROR(MPS.TABLE(B1:D1,B1:D1,0,,,,\"MTO\"),\"\")",
      },
      Empty: {},
      Items: { A1: 0 },
    },
    shown: { Plan: Object.fromEntries(TABLE_LABELS.map((label, i) => [`B${5 + i}`, label])) },
  };
}

describe("the Office host's coach reads", () => {
  it("finds every MPS.TABLE block from the formulas and reads its arguments, in three syncs", async () => {
    const { host, strict, reads } = excelOf(twoBlocks());
    const blocks = await host.readMpsBlocks();
    expect(strict.syncs).toBe(3);
    expect(blocks.map((b) => [b.sheet, b.cell, b.label, b.orientation])).toEqual([
      ["Plan", "B5", "Widget", "rows"],
      ["Plan", "F5", undefined, "rows"],
    ]);
    expect(blocks[0].args).toEqual([
      { kind: "range", values: [[10, 10, 10]], address: "Plan!B1:D1" },
      { kind: "range", values: [[15, 0, 0]], address: "Plan!B2:D2" },
      { kind: "range", values: [[0]], address: "Items!A1" },
    ]);
    expect(blocks[1].args.slice(2)).toEqual([
      { kind: "value", value: 0 },
      { kind: "omitted" },
      { kind: "omitted" },
      { kind: "omitted" },
      { kind: "value", value: "MTO" },
    ]);
    expect(blocks[0].lines.slice(0, 9)).toEqual(TABLE_LABELS);
    // Each distinct range once: the forecast both blocks read, the orders, on hand and each block's frame.
    expect(reads).toHaveLength(new Set(reads).size);
    expect(reads).toEqual(expect.arrayContaining(["Plan!B1:D1", "Plan!B2:D2", "Items!A1"]));
    // Widget: orders 15 against forecast 10 in period 1 → 5 above it, on its Excess orders line (row 8).
    const [widget] = coachReport(blocks, DEFAULT_SETTINGS).items;
    expect(widget.lines.map((line) => [line.message, `${line.target.sheet}!${line.target.address}`])).toEqual([
      ["Period 1: orders exceed forecast by 5", "Plan!C8"],
    ]);
  });

  it("reads nothing more than the formulas of a workbook without MPS.TABLE", async () => {
    const { host, strict, reads } = excelOf({ sheets: { Sheet1: { A1: 1, B1: "=SUM(A1)" }, Empty: {} } });
    await expect(host.readMpsBlocks()).resolves.toEqual([]);
    expect(strict.syncs).toBe(2);
    expect(reads).toEqual([]);
  });

  it("leaves a reference to a sheet that is not there to the block's message", async () => {
    const { host } = excelOf({ sheets: { Plan: { A1: 10, A3: "=MPS.TABLE(A1,A1,Gone!A1)" } } });
    const [block] = await host.readMpsBlocks();
    expect(block.args[2]).toEqual({ kind: "expression", text: "Gone!A1" });
    expect(coachReport([block], DEFAULT_SETTINGS).items[0].problem).toMatch(/^Not checked: on_hand is Gone!A1/);
  });

  it("selects a message's cell on its sheet, made active first", async () => {
    const { host, ui } = excelOf(twoBlocks());
    await host.selectCell("Plan", "C8");
    expect(ui).toEqual(["activate Plan", "select Plan!C8"]);
    await expect(host.selectCell("Gone", "A1")).rejects.toThrow("ItemNotFound");
  });

  it("follows Excel's calculated event until told to stop, and removes its handler in the context it was added in", async () => {
    const { host, handlers, calculate, removed } = excelOf(twoBlocks());
    const heard = jest.fn();
    const stop = host.onCalculated(heard);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handlers).toHaveLength(1);
    await calculate();
    await calculate();
    expect(heard).toHaveBeenCalledTimes(2);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(removed()).toBe(1);
    await calculate();
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it("stops a registration still under way once it is there", async () => {
    const { host, handlers, calculate, removed } = excelOf(twoBlocks());
    const heard = jest.fn();
    host.onCalculated(heard)(); // stopped at once
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handlers).toHaveLength(1);
    expect(removed()).toBe(1);
    await calculate();
    expect(heard).not.toHaveBeenCalled();
  });

  it("follows nothing without ExcelApi 1.8 (the pane refreshes on demand)", async () => {
    const { host, handlers } = excelOf({ ...twoBlocks(), excelApi: "1.7" });
    const stop = host.onCalculated(jest.fn());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handlers).toEqual([]);
    expect(stop).not.toThrow();
  });
});
