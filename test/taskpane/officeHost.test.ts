/**
 * The Office.js host against office-addin-mock: scalar properties read without load() and
 * sync() come back as the mock's error strings, so a forgotten load shows as a failure here.
 */
import { SETTINGS_KEY, DEFAULT_SETTINGS, toStored, type MpsSettings } from "../../src/shared/settings";
import { createOfficeHost } from "../../src/taskpane/host/officeHost";
import { BUSY_BLOCK_MESSAGE, NO_BLOCK_MESSAGE } from "../../src/taskpane/host/WorkbookHost";
import { sampleLayout } from "../../src/taskpane/host/sampleSheet";

// office-addin-mock imports office-addin-manifest only for its OfficeApp enum, and that
// package pulls in an ES-module-only dependency Jest cannot require: hand it the enum alone.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OfficeMockObject } = require("office-addin-mock");

/* eslint-disable @typescript-eslint/no-explicit-any -- mock objects are untyped by nature */

const SETTINGS: MpsSettings = { ...DEFAULT_SETTINGS, model: "ATO", backward: 2, forward: 1, mode: "forward" };

/** An MPS.TABLE block in rows, as Excel would return its values. */
const TABLE_VALUES = [
  ["Forecast", 100, 100, 100],
  ["Orders", 110, 85, 60],
  ["Remaining forecast", 0, 15, 40],
  ["Excess orders", 10, 0, 0],
  ["Demand", 110, 100, 100],
  ["Receipts", 0, 60, 0],
  ["PAB", 30, 40, 40],
  ["MPS", 100, 50, 100],
  ["ATP", 30, 0, 40],
];

function officeMock(initial?: string, failSave = false) {
  const store: Record<string, unknown> = initial === undefined ? {} : { [SETTINGS_KEY]: initial };
  const calls = { set: [] as unknown[][], saveAsync: 0 };
  const office = new OfficeMockObject({
    context: {
      document: {
        settings: {
          get: (name: string) => (name in store ? store[name] : null),
          set: (name: string, value: unknown) => {
            calls.set.push([name, value]);
            store[name] = value;
          },
          remove: (name: string) => {
            delete store[name];
          },
          saveAsync: (callback: (result: any) => void) => {
            calls.saveAsync += 1;
            callback(
              failSave
                ? { status: "failed", error: { message: "The workbook is read-only." } }
                : { status: "succeeded" },
            );
          },
        },
      },
      requirements: { isSetSupported: () => true },
    },
  });
  // An enum is a constant, not a proxy to load: attach it as it is.
  Object.assign(office, { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } });
  return { office, store, calls };
}

/**
 * A range got by address: what the host assigns is kept for the test to read; loading its
 * values gives the sheet's `cells` at that address (blank when the test gave none).
 */
function writableRange(address: string, cells: Record<string, unknown[][]> = {}) {
  return {
    address,
    format: { font: {} as Record<string, unknown> },
    load(this: Record<string, any>, what: string) {
      if (/values/.test(what)) this.values = cells[address] ?? [[""]];
      return this;
    },
  } as Record<string, any>;
}

interface ExcelOptions {
  sheets?: string[];
  /** The spilled block the selection lies in, if any. */
  spill?: { address: string; values: unknown[][] };
  /** The selection itself (formulas default to its values). */
  selection?: { address: string; values: unknown[][]; formulas?: unknown[][] };
  /** The block found on the sample sheet, if that sheet exists (formulas default to its values). */
  sample?: { name: string; address: string; values: unknown[][]; formulas?: unknown[][] };
  /** Values of other cells, by address without sheet (e.g. the period labels above a block). */
  cells?: Record<string, unknown[][]>;
}

/** A charted line as the mock records it: its name, values and category (x-axis) cells. */
interface Line {
  name: string;
  values?: string;
  categories?: string;
}

function excelMock(options: ExcelOptions = {}) {
  const added: string[] = [];
  const ranges: Record<string, any>[] = [];
  const charts: any[] = [];
  const getRange = (address: string) => {
    const range = writableRange(address, options.cells);
    ranges.push(range);
    return range;
  };
  const chartSheet = (name: string) => ({
    name,
    getRange,
    charts: {
      add: (type: string, source: any, seriesBy: string) => {
        const chart = {
          type,
          seriesBy,
          source: source.address,
          title: {} as { text?: string },
          position: [] as string[],
          series: [{ name: "", values: source.address }] as Line[],
        };
        charts.push(chart);
        /** A ChartSeries over one recorded line. */
        const seriesOf = (line: Line) => ({
          set name(name: string) {
            line.name = name;
          },
          setValues: (range: any) => (line.values = range.address),
          setXAxisValues: (range: any) => (line.categories = range.address),
        });
        return {
          title: chart.title,
          setPosition: (start: string, end: string) => chart.position.push(start, end),
          series: {
            getItemAt: (i: number) => seriesOf(chart.series[i]),
            add: (name: string) => {
              const line: Line = { name };
              chart.series.push(line);
              return seriesOf(line);
            },
          },
        };
      },
    },
  });
  const selection = options.selection ?? { address: "Sheet1!H20", values: [[""]] };
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        application: {
          calculated: "none",
          calculate(type: string) {
            this.calculated = type;
          },
        },
        worksheets: {
          items: (options.sheets ?? ["Sheet1"]).map((name) => ({ name })),
          // office-addin-mock keeps arrays as plain values, so the navigation path
          // "items/name" is loaded as "items": still nothing to read without a load().
          load(this: any, what: string) {
            return OfficeMockObject.prototype.load.call(this, what === "items/name" ? "items" : what);
          },
          add(this: any, name: string) {
            added.push(name);
            return this.newSheet;
          },
          newSheet: {
            activated: false,
            getRange,
            activate() {
              this.activated = true;
            },
          },
          getItemOrNullObject(this: any, name: string) {
            return options.sample?.name === name ? this.sampleSheet : this.missingSheet;
          },
          sampleSheet: {
            isNullObject: false,
            name: options.sample?.name ?? "",
            getRange(this: any, address: string) {
              return address === sampleLayout("MTS").tableBlock ? this.block : getRange(address);
            },
            block: {
              address: options.sample?.address ?? "",
              values: options.sample?.values ?? [[]],
              formulas: options.sample?.formulas ?? options.sample?.values ?? [[]],
            },
            charts: chartSheet(options.sample?.name ?? "").charts,
          },
          missingSheet: { isNullObject: true },
        },
        getSelectedRange(this: any) {
          return this.selection;
        },
        selection: {
          address: selection.address,
          values: selection.values,
          formulas: selection.formulas ?? selection.values,
          rowCount: selection.values.length,
          columnCount: selection.values[0].length,
          worksheet: chartSheet("Sheet1"),
          getCell(this: any) {
            return this.cell;
          },
          cell: {
            getSpillingToRangeOrNullObject(this: any) {
              return this.anchored;
            },
            anchored: { isNullObject: true, address: "", values: [[]] },
            getSpillParentOrNullObject(this: any) {
              return this.parent;
            },
            parent: {
              isNullObject: !options.spill,
              address: options.spill ? options.spill.address.replace(/:.*$/, "") : "",
              getSpillingToRange(this: any) {
                return this.spill;
              },
              spill: {
                address: options.spill?.address ?? "",
                values: options.spill?.values ?? [[]],
                worksheet: chartSheet("Plan"),
              },
            },
          },
        },
      },
    },
    run: async function (this: any, batch: (context: any) => Promise<unknown>) {
      return batch(this.context);
    },
  });
  // Enums are constants, not proxies to load: attach them as they are.
  Object.assign(excel, {
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    ChartType: { line: "Line" },
    ChartSeriesBy: { auto: "Auto", rows: "Rows", columns: "Columns" },
  });
  // Excel sets isNullObject on every *OrNullObject result at sync, loaded or not.
  const workbook = excel.context.workbook;
  for (const nullable of [
    workbook.selection.cell.anchored,
    workbook.selection.cell.parent,
    workbook.worksheets.sampleSheet,
    workbook.worksheets.missingSheet,
  ]) {
    nullable.load("isNullObject");
  }
  return { excel, added, ranges, charts };
}

function hostOver(office: any, excel: any) {
  return createOfficeHost({ office: office as typeof Office, excel: excel as typeof Excel });
}

describe("officeHost", () => {
  describe("loadSettings", () => {
    it("reads the document's settings under SETTINGS_KEY", async () => {
      const { office } = officeMock(toStored(SETTINGS));
      await expect(hostOver(office, excelMock().excel).loadSettings()).resolves.toEqual({ settings: SETTINGS });
    });

    it("returns defaults with a notice for a corrupt value", async () => {
      const { office } = officeMock("{oops");
      const loaded = await hostOver(office, excelMock().excel).loadSettings();
      expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
      expect(loaded.notice).toMatch(/unreadable/);
    });
  });

  describe("saveSettings", () => {
    it("sets the stored form and saves the document's settings", async () => {
      const { office, store, calls } = officeMock();
      await hostOver(office, excelMock().excel).saveSettings(SETTINGS);
      expect(calls.set).toEqual([[SETTINGS_KEY, toStored(SETTINGS)]]);
      expect(calls.saveAsync).toBe(1);
      expect(store[SETTINGS_KEY]).toBe(toStored(SETTINGS));
    });

    it("rejects with Office's message when saving fails, and puts the previous value back", async () => {
      const before = toStored(DEFAULT_SETTINGS);
      const { office, store } = officeMock(before, true);
      await expect(hostOver(office, excelMock().excel).saveSettings(SETTINGS)).rejects.toThrow(
        "The workbook is read-only.",
      );
      expect(store[SETTINGS_KEY]).toBe(before);
    });
  });

  it("recalculate requests a full calculation", async () => {
    const { excel } = excelMock();
    await hostOver(officeMock().office, excel).recalculate();
    expect(excel.context.workbook.application.calculated).toBe("Full");
  });

  describe("insertSampleSheet", () => {
    it("adds a sheet under a name not yet used, with the layout and the MPS.TABLE formula", async () => {
      const { excel, added, ranges } = excelMock({ sheets: ["Sheet1", "MPS sample", "mps SAMPLE (2)"] });
      const name = await hostOver(officeMock().office, excel).insertSampleSheet("ATO");
      expect(name).toBe("MPS sample (3)");
      expect(added).toEqual(["MPS sample (3)"]);
      const formula = ranges.find((range) => range.address === "A14");
      expect(formula?.formulas).toEqual([["=MPS.TABLE(B9:M9,B10:M10,B3,B4,B5,B6,B2,B11:M11)"]]);
      const inputs = ranges.find((range) => range.address === "A2:C7");
      expect(inputs?.values[0]).toEqual(["Production model", "ATO", "MTS, ATO or MTO"]);
      expect(ranges.find((range) => range.address === "A8:M11")?.values.map((row: unknown[]) => row[0])).toEqual([
        "Period",
        "Forecast",
        "Orders",
        "Receipts",
      ]);
      expect(excel.context.workbook.worksheets.newSheet.activated).toBe(true);
    });
  });

  describe("insertChart", () => {
    it("charts Demand, MPS, PAB and ATP of the spilled block the selection lies in", async () => {
      const { excel, charts } = excelMock({
        spill: { address: "Plan!B3:E11", values: TABLE_VALUES },
        selection: { address: "Plan!C9", values: [[40]] },
      });
      const inserted = await hostOver(officeMock().office, excel).insertChart();
      expect(inserted).toEqual({ sheet: "Plan", source: "selection" });
      expect(charts).toHaveLength(1);
      expect(charts[0]).toMatchObject({
        type: "Line",
        seriesBy: "Rows",
        title: { text: "Demand, MPS, PAB and ATP" },
        position: ["B13", "I28"],
        series: [
          { name: "Demand", values: "C7:E7" },
          { name: "MPS", values: "C10:E10" },
          { name: "PAB", values: "C9:E9" },
          { name: "ATP", values: "C11:E11" },
        ],
      });
      // No period labels above the block (C2:E2 is blank): Excel's default categories stay.
      expect(charts[0].series.map((line: Line) => line.categories)).toEqual([undefined, undefined, undefined, undefined]);
    });

    it.each([
      ["period numbers", [[1, 2, 3]]],
      ["dates (serial numbers)", [[46023, 46054, 46082]]],
      ["text labels", [["Jan", "Feb", "Mar"]]],
    ])("puts the %s in the row above the selected block on the category axis", async (_what, labels) => {
      const { excel, charts } = excelMock({
        spill: { address: "Plan!B3:E11", values: TABLE_VALUES },
        selection: { address: "Plan!C9", values: [[40]] },
        cells: { "C2:E2": labels },
      });
      await hostOver(officeMock().office, excel).insertChart();
      expect(charts[0].series.map((line: Line) => [line.name, line.categories])).toEqual([
        ["Demand", "C2:E2"],
        ["MPS", "C2:E2"],
        ["PAB", "C2:E2"],
        ["ATP", "C2:E2"],
      ]);
    });

    it("leaves the default categories when the row above the block holds quantities, not periods", async () => {
      const { excel, charts } = excelMock({
        spill: { address: "Plan!B3:E11", values: TABLE_VALUES },
        selection: { address: "Plan!C9", values: [[40]] },
        cells: { "C2:E2": [[30, 0, 40]] },
      });
      await hostOver(officeMock().office, excel).insertChart();
      expect(charts[0].series.every((line: Line) => line.categories === undefined)).toBe(true);
    });

    it("charts a selected block that is not spilled (values pasted), laid out in columns", async () => {
      const columns = TABLE_VALUES[0].map((_, c) => TABLE_VALUES.map((row) => row[c]));
      const { excel, charts } = excelMock({ selection: { address: "Sheet1!A1:I4", values: columns } });
      const inserted = await hostOver(officeMock().office, excel).insertChart();
      expect(inserted).toEqual({ sheet: "Sheet1", source: "selection" });
      expect(charts[0].seriesBy).toBe("Columns");
      expect(charts[0].series.map((s: { values: string }) => s.values)).toEqual(["E2:E4", "H2:H4", "G2:G4", "I2:I4"]);
    });

    it("falls back to the sample sheet's block when the selection is not in one", async () => {
      const layout = sampleLayout("MTS");
      const { excel, charts } = excelMock({
        sample: { name: "MPS sample", address: `'MPS sample'!${layout.tableBlock}`, values: TABLE_VALUES },
      });
      const inserted = await hostOver(officeMock().office, excel).insertChart("MPS sample");
      expect(inserted).toEqual({ sheet: "MPS sample", source: "sample" });
      expect(charts[0].series[0]).toEqual({ name: "Demand", values: "B18:M18" });
    });

    it("puts the sample sheet's Period row on the category axis", async () => {
      const layout = sampleLayout("MTS");
      const periods = [Array.from({ length: 12 }, (_, i) => i + 1)];
      const { excel, charts } = excelMock({
        sample: { name: "MPS sample", address: `'MPS sample'!${layout.tableBlock}`, values: TABLE_VALUES },
        cells: { [layout.periodRow]: periods },
      });
      await hostOver(officeMock().office, excel).insertChart("MPS sample");
      expect(layout.periodRow).toBe("B8:M8");
      expect(charts[0].series.map((line: Line) => line.categories)).toEqual(Array(4).fill("B8:M8"));
    });

    it("says the block is still calculating when the selected MPS.TABLE reads #BUSY!", async () => {
      const layout = sampleLayout("MTS");
      const { excel, charts } = excelMock({
        selection: { address: "'MPS sample'!A14", values: [["#BUSY!"]], formulas: [["=MPS.TABLE(B9:M9,B10:M10)"]] },
        // A sample sheet to fall back on does not replace the block the planner selected.
        sample: { name: "MPS sample", address: `'MPS sample'!${layout.tableBlock}`, values: TABLE_VALUES },
      });
      await expect(hostOver(officeMock().office, excel).insertChart("MPS sample")).rejects.toThrow(BUSY_BLOCK_MESSAGE);
      expect(charts).toHaveLength(0);
    });

    it.each([
      ["#BUSY!", [["#BUSY!", ...Array(12).fill("")], ...Array(9).fill(Array(13).fill(""))]],
      ["no labels yet", Array(10).fill(Array(13).fill(""))],
    ])("says the sample block is still calculating (%s) right after the sheet was inserted", async (_what, values) => {
      const layout = sampleLayout("MTS");
      const formulas = values.map((row: string[], r: number) => (r === 0 ? ["=MPS.TABLE(B9:M9,B10:M10)", ...row.slice(1)] : row));
      const { excel, charts } = excelMock({
        sample: { name: "MPS sample", address: `'MPS sample'!${layout.tableBlock}`, values, formulas },
      });
      const insert = hostOver(officeMock().office, excel).insertChart("MPS sample");
      await expect(insert).rejects.toThrow(BUSY_BLOCK_MESSAGE);
      await expect(insert).rejects.not.toThrow(/insert a sample sheet/);
      expect(charts).toHaveLength(0);
    });

    it("still says what to do when the sample block was cleared (no MPS.TABLE formula left)", async () => {
      const layout = sampleLayout("MTS");
      const { excel } = excelMock({
        sample: { name: "MPS sample", address: `'MPS sample'!${layout.tableBlock}`, values: Array(10).fill(Array(13).fill("")) },
      });
      await expect(hostOver(officeMock().office, excel).insertChart("MPS sample")).rejects.toThrow(NO_BLOCK_MESSAGE);
    });

    it("refuses, saying what to do, without a block or a sample sheet", async () => {
      const { excel, charts } = excelMock();
      await expect(hostOver(officeMock().office, excel).insertChart("Gone")).rejects.toThrow(NO_BLOCK_MESSAGE);
      expect(charts).toHaveLength(0);
    });
  });
});
