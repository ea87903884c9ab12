/**
 * The workbook host inside Excel: the only task-pane module that calls Office.js.
 *
 * - Settings live in the document's add-in settings (`Office.context.document.settings`,
 *   saved in the file's web-extension part) under SETTINGS_KEY, in the stored form of
 *   `toStored`; the custom functions read the same value at calc time (settingsStore.ts).
 *   Changes other authors save arrive through the same settings source the functions use.
 * - Recalculation touches only the cells holding MPS.* formulas (`Range.calculate`), and none
 *   in manual calculation mode; never `Application.calculate`, which recalculates every open
 *   workbook.
 * - Sheets are added under new names only; charts are native Excel charts: a line chart of the
 *   plan, or a combo chart of load (columns) against capacity (a line), its overloads marked by a
 *   conditional format on the Load cells.
 * - The coach's reads (every MPS.TABLE block), its selection and the calculated event are in
 *   officeBlocks.ts.
 * - Every property is read after `load()` and `context.sync()`, as Excel requires.
 *
 * Office and Excel are passed in (the globals in the add-in, office-addin-mock in tests).
 */
import type { ProductionModel } from "../../engine";
import {
  SETTINGS_KEY,
  fromStored,
  settingsMessages,
  toStored,
  type LoadedSettings,
  type MpsSettings,
} from "../../shared/settings";
import { officeSettingsSource } from "../../shared/settingsSource";
import {
  BUSY_BLOCK_MESSAGE,
  NO_BLOCK_MESSAGE,
  isStored,
  type ChartInserted,
  type Recalculation,
  type WorkbookHost,
  type WorkbookSettings,
} from "./WorkbookHost";
import { arePeriodLabels, chooseChart, isStillCalculating, type CapacityChartPlan, type ChosenChart } from "./mpsBlock";
import { mpsFormulaCells } from "./mpsFormulas";
import { followCalculation, readMpsBlocks, selectCell } from "./officeBlocks";
import { sampleLayout, uniqueSheetName } from "./sampleSheet";
import { messageOf } from "../hooks/messageOf";

export interface OfficeApis {
  office: typeof Office;
  excel: typeof Excel;
}

/** Largest selection read cell by cell when looking for an MPS.TABLE block. */
const MAX_SELECTION_CELLS = 20000;

/** Excel's "Light red fill with dark red text", the colours of its own highlight-cells rules. */
const OVERLOAD_FILL = "#FFC7CE";
const OVERLOAD_FONT = "#9C0006";

const CHART_TITLES: Record<ChosenChart["kind"], string> = {
  plan: "Demand, MPS, PAB and ATP",
  capacity: "Load against capacity",
};

/** An MPS.TABLE block found to chart: its sheet, the chart chosen, and where the period labels may be. */
interface FoundBlock {
  sheet: Excel.Worksheet;
  chart: ChosenChart;
  source: ChartInserted["source"];
  /** Cells (on `sheet`) that may hold the period labels, lined up with the values. */
  categories?: string;
}

/** What looking for a block found: one, one still calculating, or none. */
type BlockSearch = FoundBlock | "calculating" | undefined;

export function createOfficeHost({ office, excel }: OfficeApis): WorkbookHost {
  const documentSettings = () => office.context.document.settings;
  const supports = (version: string) => {
    try {
      return office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };

  const settingsSource = officeSettingsSource(() => office);

  return {
    kind: "excel",

    async loadSettings(): Promise<WorkbookSettings> {
      try {
        const raw: unknown = documentSettings().get(SETTINGS_KEY);
        return { ...fromStored(raw), saved: isStored(raw) };
      } catch (error) {
        return { ...fromStored(undefined), saved: false, notice: settingsMessages.couldNotRead(messageOf(error)) };
      }
    },

    async saveSettings(settings: MpsSettings): Promise<void> {
      const store = documentSettings();
      const previous: unknown = store.get(SETTINGS_KEY);
      store.set(SETTINGS_KEY, toStored(settings, previous));
      try {
        await new Promise<void>((resolve, reject) =>
          store.saveAsync((result) =>
            result.status === office.AsyncResultStatus.Failed
              ? reject(new Error(result.error?.message || "Excel did not save the settings."))
              : resolve(),
          ),
        );
      } catch (error) {
        // Keep the functions on what the file really holds.
        if (previous === null || previous === undefined) store.remove(SETTINGS_KEY);
        else store.set(SETTINGS_KEY, previous);
        throw error;
      }
    },

    async recalculate(): Promise<Recalculation> {
      return excel.run(async (context) => {
        const application = context.workbook.application;
        application.load("calculationMode");
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const manual = application.calculationMode === excel.CalculationMode.manual;
        if (!supports("1.9")) {
          // Without getSpecialCells (ExcelApi 1.9) the formulas cannot be found: calculate this
          // workbook's sheets (ExcelApi 1.8), marking their formulas dirty so custom functions rerun.
          if (!manual) for (const sheet of sheets.items) sheet.calculate(true);
          await context.sync();
          return { mode: manual ? "manual" : "automatic" };
        }
        const cells = await mpsCells(context, sheets.items);
        if (!manual && cells.length > 0) {
          // Range.calculate (ExcelApi 1.6) recalculates the cell whatever Excel thinks of it, and
          // Excel then updates the cells that read it, as after an edit.
          for (const cell of cells) cell.calculate();
          await context.sync();
        }
        return { mode: manual ? "manual" : "automatic", formulas: cells.length };
      });
    },

    onSettingsChanged(listener: (loaded: LoadedSettings) => void): () => void {
      settingsSource.ready(); // starts following settingsChanged (Office is ready: at once)
      return settingsSource.onChange(() => listener(settingsSource.current()));
    },

    async insertSampleSheet(model: ProductionModel): Promise<string> {
      const layout = sampleLayout(model);
      return excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        await context.sync();
        const name = uniqueSheetName(sheets.items.map((sheet) => sheet.name));
        const sheet = sheets.add(name);
        for (const write of layout.writes) {
          const range = sheet.getRange(write.address);
          if (write.formulas) range.formulas = write.formulas;
          else if (write.values) range.values = write.values;
        }
        for (const address of layout.bold) sheet.getRange(address).format.font.bold = true;
        sheet.getRange("A:A").format.columnWidth = 110;
        sheet.activate();
        await context.sync();
        return name;
      });
    },

    async insertChart(sampleSheet?: string): Promise<ChartInserted> {
      return excel.run(async (context) => {
        // A selection still calculating is not passed over for the sample sheet: it is what the planner chose.
        const selected = await selectedBlock(context);
        const found = selected === undefined ? await sampleBlock(context, sampleSheet) : selected;
        if (found === "calculating") throw new Error(BUSY_BLOCK_MESSAGE);
        if (!found) throw new Error(NO_BLOCK_MESSAGE);
        const { sheet, chart: chosen, source } = found;
        const { plan } = chosen;
        const periods = found.categories ? await periodLabels(context, sheet, found.categories) : undefined;
        const [first, ...rest] = plan.series;
        const by = plan.orientation === "rows" ? excel.ChartSeriesBy.rows : excel.ChartSeriesBy.columns;
        const type = chosen.kind === "capacity" ? excel.ChartType.columnClustered : excel.ChartType.line;
        const chart = sheet.charts.add(type, sheet.getRange(first.address), by);
        const firstSeries = chart.series.getItemAt(0);
        firstSeries.name = first.name;
        const lines = [firstSeries];
        for (const line of rest) {
          const series = chart.series.add(line.name);
          series.setValues(sheet.getRange(line.address));
          lines.push(series);
        }
        // Periods on the category axis (ExcelApi 1.7, as setValues); else Excel's default 1…n.
        if (periods) for (const series of lines) series.setXAxisValues(periods);
        // A combo chart: Load stays columns, Capacity is drawn as a line (ChartSeries.chartType, ExcelApi 1.7).
        if (chosen.kind === "capacity") lines[1].chartType = excel.ChartType.line;
        chart.title.text = CHART_TITLES[chosen.kind];
        chart.setPosition(...plan.position);
        if (chosen.kind === "capacity") await markOverloads(context, sheet, chosen.plan.overload);
        sheet.load("name");
        await context.sync();
        return { sheet: sheet.name, source, chart: chosen.kind };
      });
    },

    readMpsBlocks: () => excel.run((context) => readMpsBlocks(context)),

    selectCell: (sheet: string, address: string) => excel.run((context) => selectCell(context, sheet, address)),

    onCalculated: (listener: () => void) => followCalculation(excel, supports("1.8"), listener),
  };

  /**
   * Shows the Load cells above capacity red with a conditional format (ExcelApi 1.6), so the
   * overloads follow the plan as it changes (a chart's point colours would not). A range that
   * already has conditional formats (the planner's, or an earlier chart's) is left as it is.
   */
  async function markOverloads(context: Excel.RequestContext, sheet: Excel.Worksheet, overload: CapacityChartPlan["overload"]) {
    const cells = sheet.getRange(overload.address);
    const existing = cells.conditionalFormats.getCount();
    await context.sync();
    if (existing.value > 0) return;
    const rule = cells.conditionalFormats.add(excel.ConditionalFormatType.custom);
    rule.custom.rule.formula = overload.formula;
    rule.custom.format.fill.color = OVERLOAD_FILL;
    rule.custom.format.font.color = OVERLOAD_FONT;
  }

  /**
   * Every cell holding an MPS.* formula, sheet by sheet: the sheet's formula cells
   * (`getSpecialCellsOrNullObject`, ExcelApi 1.9), read area by area, kept when they call MPS.*.
   */
  async function mpsCells(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<Excel.Range[]> {
    // Each *OrNullObject result is known only after a sync; nothing is asked of a null object.
    const used = sheets.map((sheet) => sheet.getUsedRangeOrNullObject());
    await context.sync();
    const found = used
      .filter((range) => !range.isNullObject)
      .map((range) => range.getSpecialCellsOrNullObject(excel.SpecialCellType.formulas));
    await context.sync();
    const areas = found.filter((cells) => !cells.isNullObject).map((cells) => cells.areas);
    for (const collection of areas) collection.load("items/formulas");
    await context.sync();
    const cells: Excel.Range[] = [];
    for (const collection of areas) {
      for (const area of collection.items) {
        for (const [row, column] of mpsFormulaCells(area.formulas)) cells.push(area.getCell(row, column));
      }
    }
    return cells;
  }

  /**
   * The MPS.TABLE block the selection is in: its spill (ExcelApi 1.12), else the selection
   * itself; the period labels may sit in the row above it (the column left of it, in columns).
   */
  async function selectedBlock(context: Excel.RequestContext): Promise<BlockSearch> {
    const selection = context.workbook.getSelectedRange();
    selection.load("address, rowCount, columnCount");
    const spill = supports("1.12") ? await spillAround(context, selection.getCell(0, 0)) : undefined;
    if (!spill) await context.sync();
    // The chart follows the row the selected cell is in (its top-left cell, for a range).
    const spillChart = spill && chooseChart(spill.address, spill.values, selection.address);
    if (spill && spillChart) {
      return { sheet: spill.worksheet, chart: spillChart, source: "selection", categories: spillChart.plan.categories };
    }
    if (selection.rowCount * selection.columnCount > MAX_SELECTION_CELLS) return undefined;
    selection.load("values, formulas");
    await context.sync();
    const chart = chooseChart(selection.address, selection.values, selection.address);
    if (chart) return { sheet: selection.worksheet, chart, source: "selection", categories: chart.plan.categories };
    const calculating = isStillCalculating(selection.values, selection.formulas) || (spill !== undefined && isStillCalculating(spill.values));
    return calculating ? "calculating" : undefined;
  }

  /** The range at `address` on `sheet` when it holds period labels (see arePeriodLabels). */
  async function periodLabels(context: Excel.RequestContext, sheet: Excel.Worksheet, address: string) {
    const range = sheet.getRange(address);
    range.load("values");
    await context.sync();
    return arePeriodLabels(range.values) ? range : undefined;
  }

  /** The spilled block a cell anchors or lies in, loaded with address and values; undefined if none. */
  async function spillAround(context: Excel.RequestContext, cell: Excel.Range): Promise<Excel.Range | undefined> {
    const anchored = cell.getSpillingToRangeOrNullObject();
    anchored.load("address, values");
    const parent = cell.getSpillParentOrNullObject();
    parent.load("address");
    await context.sync();
    if (!anchored.isNullObject) return anchored;
    if (parent.isNullObject) return undefined;
    const spill = parent.getSpillingToRange();
    spill.load("address, values");
    await context.sync();
    return spill;
  }

  /**
   * The block on the sample sheet, read at its largest extent (labels tell where each row is);
   * its periods are the layout's Period row.
   */
  async function sampleBlock(context: Excel.RequestContext, sampleSheet: string | undefined): Promise<BlockSearch> {
    if (!sampleSheet) return undefined;
    const sheet = context.workbook.worksheets.getItemOrNullObject(sampleSheet);
    await context.sync();
    if (sheet.isNullObject) return undefined;
    const layout = sampleLayout("MTS");
    const block = sheet.getRange(layout.tableBlock);
    block.load("address, values, formulas");
    await context.sync();
    const chart = chooseChart(block.address, block.values);
    if (chart) return { sheet, chart, source: "sample", categories: layout.periodRow };
    return isStillCalculating(block.values, block.formulas) ? "calculating" : undefined;
  }
}
