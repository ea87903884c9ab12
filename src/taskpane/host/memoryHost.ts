/**
 * The workbook host used outside Office (a plain browser, tests): settings, sheets and charts
 * kept in memory for the life of the page (a selected block can be given, to chart it). Settings go through the same stored form as in
 * Excel, so what the pane saves is read back the way a workbook would read it.
 */
import type { ProductionModel } from "../../engine";
import { fromStored, toStored, type LoadedSettings, type MpsSettings } from "../../shared/settings";
import { NO_BLOCK_MESSAGE, isStored, type ChartInserted, type Recalculation, type WorkbookHost } from "./WorkbookHost";
import { chooseChart, parseAddress, type ChartKind } from "./mpsBlock";
import { uniqueSheetName } from "./sampleSheet";

export interface MemoryWorkbook {
  /** The stored settings value, as the document would hold it. */
  stored?: unknown;
  sheets: string[];
  charts: { sheet: string; chart: ChartKind }[];
  /**
   * The MPS.TABLE block the selection lies in, if any: its address ("Plan!B3:E14"), its values,
   * and the selected cell ("Plan!C13"), which decides between the plan and the capacity chart.
   */
  selection?: { block: string; values: unknown[][]; cell: string };
  calculationMode: Recalculation["mode"];
  recalculations: number;
}

export interface MemoryHost extends WorkbookHost {
  readonly workbook: MemoryWorkbook;
  /** Another author saves `stored` (as Excel on the web reports it with settingsChanged). */
  coauthorSaves(stored: unknown): void;
}

/** A host over an in-memory workbook; pass `stored` to start from a saved (or corrupt) value. */
export function createMemoryHost(initial: Partial<MemoryWorkbook> = {}): MemoryHost {
  const workbook: MemoryWorkbook = {
    sheets: ["Sheet1"],
    charts: [],
    calculationMode: "automatic",
    recalculations: 0,
    ...initial,
  };
  const listeners = new Set<(loaded: LoadedSettings) => void>();
  return {
    kind: "memory",
    workbook,
    async loadSettings() {
      return { ...fromStored(workbook.stored), saved: isStored(workbook.stored) };
    },
    async saveSettings(settings: MpsSettings) {
      workbook.stored = toStored(settings, workbook.stored);
    },
    async recalculate() {
      if (workbook.calculationMode === "automatic") workbook.recalculations += 1;
      // No real formulas here: how many there are is unknown.
      return { mode: workbook.calculationMode };
    },
    onSettingsChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    coauthorSaves(stored: unknown) {
      workbook.stored = stored;
      const loaded = fromStored(stored);
      listeners.forEach((listener) => listener(loaded));
    },
    async insertSampleSheet(_model: ProductionModel) {
      const name = uniqueSheetName(workbook.sheets);
      workbook.sheets.push(name);
      return name;
    },
    async insertChart(sampleSheet?: string): Promise<ChartInserted> {
      const { selection } = workbook;
      const chosen = selection && chooseChart(selection.block, selection.values, selection.cell);
      if (selection && chosen) {
        const sheet = parseAddress(selection.block)?.sheet ?? workbook.sheets[0];
        workbook.charts.push({ sheet, chart: chosen.kind });
        return { sheet, source: "selection", chart: chosen.kind };
      }
      if (!sampleSheet || !workbook.sheets.includes(sampleSheet)) throw new Error(NO_BLOCK_MESSAGE);
      // A sample sheet's block is a plan (its MPS.TABLE has no capacity rows).
      workbook.charts.push({ sheet: sampleSheet, chart: "plan" });
      return { sheet: sampleSheet, source: "sample", chart: "plan" };
    },
  };
}
