/**
 * What the task pane needs from the workbook, and nothing more. Components and hooks talk to
 * this interface only: `officeHost.ts` implements it with Office.js inside Excel,
 * `memoryHost.ts` in memory when the page is opened in a plain browser.
 */
import type { ProductionModel } from "../../engine";
import type { LoadedSettings, MpsSettings } from "../../shared/settings";

export interface ChartInserted {
  /** Sheet the chart was placed on. */
  sheet: string;
  /** Where the data came from: the selected MPS.TABLE block or the sample sheet's block. */
  source: "selection" | "sample";
}

export interface WorkbookHost {
  /** "excel" inside Excel; "memory" when the page runs outside Office. */
  readonly kind: "excel" | "memory";
  /** The workbook's saved settings; never rejects for corrupt data (defaults and a notice instead). */
  loadSettings(): Promise<LoadedSettings>;
  /** Saves the settings in the workbook, so they travel with the file. */
  saveSettings(settings: MpsSettings): Promise<void>;
  /** Recalculates the workbook so every MPS.* formula picks the settings up. */
  recalculate(): Promise<void>;
  /** Adds a sample sheet for the model under a new unique name, and returns that name. */
  insertSampleSheet(model: ProductionModel): Promise<string>;
  /**
   * Adds a line chart of Demand, MPS, PAB and ATP for the selected MPS.TABLE block; when the
   * selection is not in one, for the block on `sampleSheet` (the last sample sheet inserted).
   */
  insertChart(sampleSheet?: string): Promise<ChartInserted>;
}

/** Said when neither the selection nor a sample sheet gives an MPS.TABLE block. */
export const NO_BLOCK_MESSAGE = "Select a cell of an MPS.TABLE block first, or insert a sample sheet.";

/**
 * Said when the block (the selected one, or the sample sheet's right after it was inserted) is
 * still being calculated: #BUSY!, or no labels yet.
 */
export const BUSY_BLOCK_MESSAGE = "The MPS.TABLE block is still calculating. Try again in a moment.";
