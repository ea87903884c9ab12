/**
 * What the task pane needs from the workbook, and nothing more. Components and hooks talk to
 * this interface only: `officeHost.ts` implements it with Office.js inside Excel,
 * `memoryHost.ts` in memory when the page is opened in a plain browser.
 */
import type { ProductionModel } from "../../engine";
import type { LoadedSettings, MpsSettings } from "../../shared/settings";
import type { ChartKind } from "./mpsBlock";
import type { MpsBlock } from "./tableCalls";

export interface ChartInserted {
  /** Sheet the chart was placed on. */
  sheet: string;
  /** Where the data came from: the selected MPS.TABLE block or the sample sheet's block. */
  source: "selection" | "sample";
  /** Which chart: Demand, MPS, PAB and ATP ("plan"), or load against capacity ("capacity"). */
  chart: ChartKind;
}

/** The workbook's settings as read: the settings in force, what was wrong with the stored value, and whether there was one. */
export interface WorkbookSettings extends LoadedSettings {
  /** False when the workbook holds no MPS settings yet (the pane then shows its first-run block). */
  saved: boolean;
}

/** What Apply's recalculation did. */
export interface Recalculation {
  /**
   * "automatic": the MPS.* formulas were recalculated. "manual": Excel calculates this
   * workbook manually, so nothing was recalculated (F9 applies the settings there).
   */
  mode: "automatic" | "manual";
  /** How many MPS.* formulas the workbook holds; undefined when the host cannot tell. */
  formulas?: number;
}

export interface WorkbookHost {
  /** "excel" inside Excel; "memory" when the page runs outside Office. */
  readonly kind: "excel" | "memory";
  /** The workbook's saved settings; never rejects for corrupt data (defaults and a notice instead). */
  loadSettings(): Promise<WorkbookSettings>;
  /** Saves the settings in the workbook, so they travel with the file (names this version does not know are kept). */
  saveSettings(settings: MpsSettings): Promise<void>;
  /**
   * Recalculates what depends on the settings, the MPS.* formulas, and nothing else (not every
   * open workbook); in manual calculation mode, nothing.
   */
  recalculate(): Promise<Recalculation>;
  /**
   * Calls `listener` with the settings another author saved (co-authoring in Excel on the web);
   * returns how to stop listening.
   */
  onSettingsChanged(listener: (loaded: LoadedSettings) => void): () => void;
  /** Adds a sample sheet for the model under a new unique name, and returns that name. */
  insertSampleSheet(model: ProductionModel): Promise<string>;
  /**
   * Adds a line chart of Demand, MPS, PAB and ATP for the selected MPS.TABLE block; when the
   * selection is not in one, for the block on `sampleSheet` (the last sample sheet inserted).
   * When the selection is in the block's Load, Capacity or Utilization % row (or the block has
   * those rows but no Demand, MPS, PAB and ATP), a combo chart of load against capacity instead:
   * Load as columns, Capacity as a line, and the Load cells above capacity shown red.
   */
  insertChart(sampleSheet?: string): Promise<ChartInserted>;
  /**
   * Every MPS.TABLE block of the workbook, found from its formulas (the planner adds none), with
   * the cells its arguments refer to read, and the labels beside and along it (for the coach).
   */
  readMpsBlocks(): Promise<MpsBlock[]>;
  /** Selects a cell (its sheet made active), as a planner's click would: where a message points. */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * Calls `listener` after the workbook recalculates; returns how to stop listening. A host that
   * cannot tell never calls it (the pane refreshes on demand).
   */
  onCalculated(listener: () => void): () => void;
}

/** Said when neither the selection nor a sample sheet gives an MPS.TABLE block. */
export const NO_BLOCK_MESSAGE = "Select a cell of an MPS.TABLE block first, or insert a sample sheet.";

/**
 * Said when the block (the selected one, or the sample sheet's right after it was inserted) is
 * still being calculated: #BUSY!, or no labels yet.
 */
export const BUSY_BLOCK_MESSAGE = "The MPS.TABLE block is still calculating. Try again in a moment.";

/** Whether a document setting's value is there at all (Office returns null for a missing one). */
export function isStored(raw: unknown): boolean {
  return raw !== undefined && raw !== null && raw !== "";
}
