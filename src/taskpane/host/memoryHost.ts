/**
 * The workbook host used outside Office (a plain browser, tests): settings, sheets and charts
 * kept in memory for the life of the page. Settings go through the same stored form as in
 * Excel, so what the pane saves is read back the way a workbook would read it.
 */
import type { ProductionModel } from "../../engine";
import { fromStored, toStored, type LoadedSettings, type MpsSettings } from "../../shared/settings";
import { NO_BLOCK_MESSAGE, isStored, type ChartInserted, type Recalculation, type WorkbookHost } from "./WorkbookHost";
import { uniqueSheetName } from "./sampleSheet";

export interface MemoryWorkbook {
  /** The stored settings value, as the document would hold it. */
  stored?: unknown;
  sheets: string[];
  charts: { sheet: string }[];
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
      if (!sampleSheet || !workbook.sheets.includes(sampleSheet)) throw new Error(NO_BLOCK_MESSAGE);
      workbook.charts.push({ sheet: sampleSheet });
      return { sheet: sampleSheet, source: "sample" };
    },
  };
}
