/**
 * The Office.js host against office-addin-mock: scalar properties read without load() and
 * sync() come back as the mock's error strings, so a forgotten load shows as a failure here.
 * What office-addin-mock leaves as plain objects (ranges returned by methods, collection items)
 * are strict proxies (strictProxy.ts): reading them before load() and sync() throws, as in Excel.
 */
import { SETTINGS_KEY, DEFAULT_SETTINGS, toStored, type MpsSettings } from "../../src/shared/settings";
import { createOfficeHost } from "../../src/taskpane/host/officeHost";
import { BUSY_BLOCK_MESSAGE, NO_BLOCK_MESSAGE } from "../../src/taskpane/host/WorkbookHost";
import { sampleLayout } from "../../src/taskpane/host/sampleSheet";
import { StrictContext, strictObject } from "./strictProxy";

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

/** Whether an "ExcelApi" requirement `version` is met by a host at `supported` ("1.12" is above "1.9"). */
function meets(version: string, supported: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  const [hasMajor, hasMinor] = supported.split(".").map(Number);
  return major < hasMajor || (major === hasMajor && minor <= hasMinor);
}

function officeMock(initial?: string, failSave = false, excelApi = "1.12") {
  const store: Record<string, unknown> = initial === undefined ? {} : { [SETTINGS_KEY]: initial };
  /** What the document holds, as other authors see it; the in-memory copy follows on refreshAsync. */
  let documentCopy: Record<string, unknown> = { ...store };
  const calls = { set: [] as unknown[][], saveAsync: 0, refreshAsync: 0 };
  const handlers: Record<string, () => void> = {};
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
            if (!failSave) documentCopy = { ...store };
            callback(
              failSave
                ? { status: "failed", error: { message: "The workbook is read-only." } }
                : { status: "succeeded" },
            );
          },
          addHandlerAsync: (type: string, handler: () => void) => {
            handlers[type] = handler;
          },
          refreshAsync: (callback: (result: any) => void) => {
            calls.refreshAsync += 1;
            for (const name of Object.keys(store)) delete store[name];
            Object.assign(store, documentCopy);
            callback({ status: "succeeded" });
          },
        },
      },
      requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && meets(version, excelApi) },
    },
  });
  // Enums are constants, not proxies to load: attach them as they are.
  Object.assign(office, {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { SettingsChanged: "settingsChanged" },
  });
  /** Another author saves `value`: the document changes, Office fires settingsChanged. */
  const coauthorSaves = (value: string) => {
    documentCopy = { ...documentCopy, [SETTINGS_KEY]: value };
    handlers.settingsChanged?.();
  };
  return { office, store, calls, coauthorSaves };
}

/**
 * A range got by address: what the host assigns is kept for the test to read; its values,
 * once loaded and synced, are the sheet's `cells` at that address (blank when the test gave none).
 */
function writableRange(strict: StrictContext, address: string, cells: Record<string, unknown[][]> = {}) {
  return strictObject(strict, () => ({ values: cells[address] ?? [[""]] }), {
    address,
    format: { font: {} as Record<string, unknown> },
  }) as Record<string, any>;
}

/** A block of formulas on a sheet, from its top-left cell (0-based), as getSpecialCells returns an area. */
interface FormulaArea {
  row: number;
  column: number;
  formulas: unknown[][];
}

/** A sheet as the recalculation sees it: no used range, used with no formulas, or its formula areas. */
interface SheetSpec {
  name: string;
  areas?: FormulaArea[] | "empty" | "no formulas";
}

interface ExcelOptions {
  sheets?: (string | SheetSpec)[];
  /** Excel's calculation mode. */
  calculationMode?: "Automatic" | "AutomaticExceptTables" | "Manual";
  /** The spilled block the selection lies in, if any. */
  spill?: { address: string; values: unknown[][] };
  /** The selection itself (formulas default to its values). */
  selection?: { address: string; values: unknown[][]; formulas?: unknown[][] };
  /** The block found on the sample sheet, if that sheet exists (formulas default to its values). */
  sample?: { name: string; address: string; values: unknown[][]; formulas?: unknown[][] };
  /** Values of other cells, by address without sheet (e.g. the period labels above a block). */
  cells?: Record<string, unknown[][]>;
  /** Addresses (without sheet) of ranges that already have conditional formats. */
  formatted?: string[];
}

/** A conditional format as the mock records it. */
interface RecordedFormat {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  font?: string;
}

/** A ClientResult: its value reads only after the next sync, as Excel's (e.g. getCount()). */
function clientResult<T>(strict: StrictContext, value: () => T): { readonly value: T } {
  let synced = false;
  strict.register({ commit: () => (synced = true) });
  return {
    get value() {
      if (!synced) throw new Error("The value of the result object has not been loaded yet. Call context.sync().");
      return value();
    },
  };
}

/** A charted line as the mock records it: its name, values and category (x-axis) cells. */
interface Line {
  name: string;
  values?: string;
  categories?: string;
  /** Set when the series is drawn otherwise than the chart (a combo chart). */
  chartType?: string;
}

function excelMock(options: ExcelOptions = {}) {
  const strict = new StrictContext();
  const added: string[] = [];
  const ranges: Record<string, any>[] = [];
  const charts: any[] = [];
  /** Cells recalculated by Range.calculate, as "Sheet!row,column" (0-based). */
  const calculatedCells: string[] = [];
  /** Sheets calculated by Worksheet.calculate, with markAllDirty. */
  const calculatedSheets: [string, boolean][] = [];
  /** Application.calculate calls: every open workbook recalculated. */
  const applicationCalculations: string[] = [];
  const conditionalFormats: RecordedFormat[] = [];
  const getRange = (address: string) => {
    const range = writableRange(strict, address, options.cells);
    range.conditionalFormats = {
      getCount: () =>
        clientResult(
          strict,
          () => conditionalFormats.filter((f) => f.address === address).length + (options.formatted?.includes(address) ? 1 : 0),
        ),
      add: (type: string) => {
        const recorded: RecordedFormat = { address, type };
        conditionalFormats.push(recorded);
        return {
          custom: {
            rule: {
              set formula(formula: string) {
                recorded.formula = formula;
              },
            },
            format: {
              fill: {
                set color(color: string) {
                  recorded.fill = color;
                },
              },
              font: {
                set color(color: string) {
                  recorded.font = color;
                },
              },
            },
          },
        };
      },
    };
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
          set chartType(type: string) {
            line.chartType = type;
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
  /** A worksheet of `items`: its name, its used range, its formula cells and their areas, all strict. */
  const sheetItem = ({ name, areas = "empty" }: SheetSpec) => {
    const areaItems = Array.isArray(areas)
      ? areas.map((area) =>
          strictObject(strict, () => ({ formulas: area.formulas }), {
            getCell: (r: number, c: number) => ({
              calculate: () => calculatedCells.push(`${name}!${area.row + r},${area.column + c}`),
            }),
          }),
        )
      : [];
    const collection = strictObject(strict, () => ({ items: areaItems }), {});
    const loadCollection = collection.load;
    Object.assign(collection, {
      load(what: string) {
        if (what === "items/formulas") {
          for (const area of areaItems) area.load("formulas");
          return loadCollection("items");
        }
        return loadCollection(what);
      },
    });
    const special = strictObject(strict, () => ({ isNullObject: !Array.isArray(areas) }), { areas: collection });
    const used = strictObject(strict, () => ({ isNullObject: areas === "empty" }), {
      getSpecialCellsOrNullObject: (type: string) => {
        if (type !== "Formulas") throw new Error(`Unexpected special cell type ${type}`);
        return special;
      },
    });
    return strictObject(strict, () => ({ name }), {
      getUsedRangeOrNullObject: () => used,
      calculate: (markAllDirty: boolean) => calculatedSheets.push([name, markAllDirty]),
    });
  };
  const selection = options.selection ?? { address: "Sheet1!H20", values: [[""]] };
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        application: {
          calculationMode: options.calculationMode ?? "Automatic",
          calculate: (type: string) => applicationCalculations.push(type),
        },
        worksheets: {
          items: (options.sheets ?? ["Sheet1"]).map((sheet) => sheetItem(typeof sheet === "string" ? { name: sheet } : sheet)),
          // office-addin-mock keeps arrays as plain values: "items/name" loads the array, and
          // each item (a strict proxy) its name, both readable only after the next sync.
          load(this: any, what: string) {
            if (what === "items/name") {
              for (const item of this._properties.get("items")._valueBeforeLoaded) item.load("name");
              return OfficeMockObject.prototype.load.call(this, "items");
            }
            return OfficeMockObject.prototype.load.call(this, what);
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
    CalculationMode: { automatic: "Automatic", automaticExceptTables: "AutomaticExceptTables", manual: "Manual" },
    SpecialCellType: { formulas: "Formulas" },
    ChartType: { line: "Line", columnClustered: "ColumnClustered" },
    ConditionalFormatType: { custom: "Custom" },
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
  // Each sync of the context also answers the strict proxies' loads.
  const mockSync = excel.context.sync.bind(excel.context);
  excel.context.sync = async () => {
    await mockSync();
    strict.sync();
  };
  return { excel, added, ranges, charts, conditionalFormats, calculatedCells, calculatedSheets, applicationCalculations, strict };
}

function hostOver(office: any, excel: any) {
  return createOfficeHost({ office: office as typeof Office, excel: excel as typeof Excel });
}

/** insertChart over a workbook mocked with `options` (`sample`: the sample sheet to fall back on): its answer and what it drew. */
async function insertChartIn(options: ExcelOptions, sample?: string) {
  const { excel, charts, conditionalFormats } = excelMock(options);
  const inserted = await hostOver(officeMock().office, excel).insertChart(sample);
  return { inserted, charts, conditionalFormats };
}

describe("officeHost", () => {
  describe("loadSettings", () => {
    it("reads the document's settings under SETTINGS_KEY", async () => {
      const { office } = officeMock(toStored(SETTINGS));
      await expect(hostOver(office, excelMock().excel).loadSettings()).resolves.toEqual({ settings: SETTINGS, saved: true });
    });

    it("says when the workbook holds no MPS settings yet (the pane's first run)", async () => {
      const { office } = officeMock();
      await expect(hostOver(office, excelMock().excel).loadSettings()).resolves.toEqual({ settings: DEFAULT_SETTINGS, saved: false });
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

    it("keeps the names a newer version stored, which this one does not know", async () => {
      const { office, store } = officeMock(JSON.stringify({ version: 1, ...DEFAULT_SETTINGS, shiftPattern: "two-shift" }));
      await hostOver(office, excelMock().excel).saveSettings(SETTINGS);
      expect(JSON.parse(store[SETTINGS_KEY] as string)).toEqual({ version: 1, ...SETTINGS, shiftPattern: "two-shift" });
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

  describe("recalculate", () => {
    const plan: SheetSpec = {
      name: "Plan",
      areas: [
        { row: 13, column: 0, formulas: [["=MPS.TABLE(B9:M9,B10:M10,B3)"], ["=SUM(B2:B5)"]] },
        { row: 2, column: 4, formulas: [['="MPS.TABLE(" & A1', "=IFERROR(mps.plan(B1:C1,3),0)"]] },
      ],
    };
    const sheets: SheetSpec[] = [plan, { name: "Notes" }, { name: "Totals", areas: "no formulas" }];

    it("recalculates only the cells holding MPS.* formulas, never every open workbook", async () => {
      const { excel, calculatedCells, calculatedSheets, applicationCalculations } = excelMock({ sheets });
      const done = await hostOver(officeMock().office, excel).recalculate();
      expect(done).toEqual({ mode: "automatic", formulas: 2 });
      expect(calculatedCells).toEqual(["Plan!13,0", "Plan!2,5"]);
      expect(calculatedSheets).toEqual([]);
      expect(applicationCalculations).toEqual([]);
    });

    it("recalculates nothing in manual calculation mode, and says how many formulas wait for F9", async () => {
      const { excel, calculatedCells, applicationCalculations } = excelMock({ sheets, calculationMode: "Manual" });
      await expect(hostOver(officeMock().office, excel).recalculate()).resolves.toEqual({ mode: "manual", formulas: 2 });
      expect(calculatedCells).toEqual([]);
      expect(applicationCalculations).toEqual([]);
    });

    it("reports a workbook without MPS formulas", async () => {
      const { excel, calculatedCells } = excelMock({ sheets: [{ name: "Sheet1" }] });
      await expect(hostOver(officeMock().office, excel).recalculate()).resolves.toEqual({ mode: "automatic", formulas: 0 });
      expect(calculatedCells).toEqual([]);
    });

    it("calculates this workbook's sheets, marked dirty, where getSpecialCells (ExcelApi 1.9) is missing", async () => {
      const { excel, calculatedCells, calculatedSheets, applicationCalculations } = excelMock({ sheets });
      const done = await hostOver(officeMock(undefined, false, "1.8").office, excel).recalculate();
      expect(done).toEqual({ mode: "automatic" });
      expect(calculatedSheets).toEqual([
        ["Plan", true],
        ["Notes", true],
        ["Totals", true],
      ]);
      expect(calculatedCells).toEqual([]);
      expect(applicationCalculations).toEqual([]);
    });
  });

  describe("onSettingsChanged", () => {
    it("passes on the settings another author saved, read again from the document (refreshAsync)", async () => {
      const { office, calls, coauthorSaves } = officeMock(toStored(DEFAULT_SETTINGS));
      const host = hostOver(office, excelMock().excel);
      const heard: unknown[] = [];
      const stop = host.onSettingsChanged((loaded) => heard.push(loaded.settings));
      coauthorSaves(toStored(SETTINGS));
      expect(calls.refreshAsync).toBe(1);
      expect(heard).toEqual([SETTINGS]);
      stop();
      coauthorSaves(toStored(DEFAULT_SETTINGS));
      expect(heard).toEqual([SETTINGS]);
    });

    it("names what another author saved that the functions cannot use", async () => {
      const { office, coauthorSaves } = officeMock(toStored(DEFAULT_SETTINGS));
      const heard: unknown[] = [];
      hostOver(office, excelMock().excel).onSettingsChanged((loaded) => heard.push(loaded.invalid));
      coauthorSaves(JSON.stringify({ ...DEFAULT_SETTINGS, backward: -2 }));
      expect(heard).toEqual([{ backward: "Backward periods cannot be negative." }]);
    });
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
      const { inserted, charts } = await insertChartIn({
        spill: { address: "Plan!B3:E11", values: TABLE_VALUES },
        selection: { address: "Plan!C9", values: [[40]] },
      });
      expect(inserted).toEqual({ sheet: "Plan", source: "selection", chart: "plan" });
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
      const { charts } = await insertChartIn({
        spill: { address: "Plan!B3:E11", values: TABLE_VALUES },
        selection: { address: "Plan!C9", values: [[40]] },
        cells: { "C2:E2": labels },
      });
      expect(charts[0].series.map((line: Line) => [line.name, line.categories])).toEqual([
        ["Demand", "C2:E2"],
        ["MPS", "C2:E2"],
        ["PAB", "C2:E2"],
        ["ATP", "C2:E2"],
      ]);
    });

    it("leaves the default categories when the row above the block holds quantities, not periods", async () => {
      const { charts } = await insertChartIn({
        spill: { address: "Plan!B3:E11", values: TABLE_VALUES },
        selection: { address: "Plan!C9", values: [[40]] },
        cells: { "C2:E2": [[30, 0, 40]] },
      });
      expect(charts[0].series.every((line: Line) => line.categories === undefined)).toBe(true);
    });

    it("charts a selected block that is not spilled (values pasted), laid out in columns", async () => {
      const columns = TABLE_VALUES[0].map((_, c) => TABLE_VALUES.map((row) => row[c]));
      const { inserted, charts } = await insertChartIn({ selection: { address: "Sheet1!A1:I4", values: columns } });
      expect(inserted).toEqual({ sheet: "Sheet1", source: "selection", chart: "plan" });
      expect(charts[0].seriesBy).toBe("Columns");
      expect(charts[0].series.map((s: { values: string }) => s.values)).toEqual(["E2:E4", "H2:H4", "G2:G4", "I2:I4"]);
    });

    it("falls back to the sample sheet's block when the selection is not in one", async () => {
      const layout = sampleLayout("MTS");
      const { inserted, charts } = await insertChartIn({
        sample: { name: "MPS sample", address: `'MPS sample'!${layout.tableBlock}`, values: TABLE_VALUES },
      }, "MPS sample");
      expect(inserted).toEqual({ sheet: "MPS sample", source: "sample", chart: "plan" });
      expect(charts[0].series[0]).toEqual({ name: "Demand", values: "B18:M18" });
    });

    it("puts the sample sheet's Period row on the category axis", async () => {
      const layout = sampleLayout("MTS");
      const periods = [Array.from({ length: 12 }, (_, i) => i + 1)];
      const { charts } = await insertChartIn({
        sample: { name: "MPS sample", address: `'MPS sample'!${layout.tableBlock}`, values: TABLE_VALUES },
        cells: { [layout.periodRow]: periods },
      }, "MPS sample");
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

    describe("load against capacity", () => {
      /** An MPS.TABLE block in rows with capacity: Load, Capacity and Utilization % after ATP (B12:B14). */
      const WITH_CAPACITY = [
        ...TABLE_VALUES,
        ["Load", 160, 60, 200],
        ["Capacity", 150, 150, 150],
        ["Utilization %", 106.7, 40, 133.3],
      ];

      it.each([
        ["Load", "Plan!D12"],
        ["Utilization %", "Plan!C14"],
      ])("charts Load as columns and Capacity as a line when the selection is in the %s row", async (_row, selected) => {
        const { inserted, charts, conditionalFormats } = await insertChartIn({
          spill: { address: "Plan!B3:E14", values: WITH_CAPACITY },
          selection: { address: selected, values: [[0]] },
        });
        expect(inserted).toEqual({ sheet: "Plan", source: "selection", chart: "capacity" });
        expect(charts).toHaveLength(1);
        expect(charts[0]).toMatchObject({
          type: "ColumnClustered",
          seriesBy: "Rows",
          title: { text: "Load against capacity" },
          position: ["B16", "I31"],
          series: [
            { name: "Load", values: "C12:E12" },
            { name: "Capacity", values: "C13:E13", chartType: "Line" },
          ],
        });
        expect(charts[0].series[0].chartType).toBeUndefined(); // Load keeps the chart's columns
        // The overloads (periods 1 and 3 here) follow the plan: a conditional format on the Load cells.
        expect(conditionalFormats).toEqual([
          { address: "C12:E12", type: "Custom", formula: "=C12-C13>1E-9*MAX(1,C12,C13)", fill: "#FFC7CE", font: "#9C0006" },
        ]);
      });

      it("keeps the plan chart when the selection is in another row of the same block", async () => {
        const { inserted, charts, conditionalFormats } = await insertChartIn({
          spill: { address: "Plan!B3:E14", values: WITH_CAPACITY },
          selection: { address: "Plan!C9", values: [[40]] },
        });
        expect(inserted.chart).toBe("plan");
        expect(charts[0]).toMatchObject({ type: "Line", title: { text: "Demand, MPS, PAB and ATP" } });
        expect(conditionalFormats).toEqual([]);
      });

      it("charts a pasted block in columns that has Load and Capacity but no plan rows", async () => {
        const { inserted, charts, conditionalFormats } = await insertChartIn({
          selection: {
            address: "Sheet1!A1:C4",
            values: [
              ["MPS", "Load", "Capacity"],
              [80, 160, 150],
              [0, 0, 150],
              [50, 100, 150],
            ],
          },
        });
        expect(inserted).toEqual({ sheet: "Sheet1", source: "selection", chart: "capacity" });
        expect(charts[0]).toMatchObject({
          type: "ColumnClustered",
          seriesBy: "Columns",
          series: [
            { name: "Load", values: "B2:B4" },
            { name: "Capacity", values: "C2:C4", chartType: "Line" },
          ],
        });
        expect(conditionalFormats.map((f) => [f.address, f.formula])).toEqual([["B2:B4", "=B2-C2>1E-9*MAX(1,B2,C2)"]]);
      });

      it("adds no conditional format over one the Load cells already have", async () => {
        const { charts, conditionalFormats } = await insertChartIn({
          spill: { address: "Plan!B3:E14", values: WITH_CAPACITY },
          selection: { address: "Plan!D12", values: [[0]] },
          formatted: ["C12:E12"],
        });
        expect(charts).toHaveLength(1);
        expect(conditionalFormats).toEqual([]);
      });
    });

    it("refuses, saying what to do, without a block or a sample sheet", async () => {
      const { excel, charts } = excelMock();
      await expect(hostOver(officeMock().office, excel).insertChart("Gone")).rejects.toThrow(NO_BLOCK_MESSAGE);
      expect(charts).toHaveLength(0);
    });
  });
});
