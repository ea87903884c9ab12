/**
 * The workbook host used outside Office (a plain browser, tests): settings, sheets, cells and
 * charts kept in memory for the life of the page (a selected block can be given, to chart it).
 * Settings go through the same stored form as in Excel, so what the pane saves is read back the
 * way a workbook would read it. Cells hold what was typed (a constant, or a formula as "=…");
 * nothing is calculated here, so a formula's result is what `shown` gives, else blank.
 */
import type { ProductionModel } from "../../engine";
import { fromStored, toStored, type LoadedSettings, type MpsSettings } from "../../shared/settings";
import { NO_BLOCK_MESSAGE, isStored, type ChartInserted, type Recalculation, type WorkbookHost } from "./WorkbookHost";
import { chooseChart, parseAddress, type ChartKind } from "./mpsBlock";
import { sampleLayout, uniqueSheetName } from "./sampleSheet";
import { cellName, parseA1 } from "../../shared/a1";
import { assembleBlocks, findTableCalls, type SheetRange, type TableCall } from "./tableCalls";

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
  /** What was typed in each sheet's cells, by sheet and A1 address: a constant, or a formula "=…". */
  cells: Record<string, Record<string, unknown>>;
  /** What formula cells show (their results, spills included), by sheet and A1 address. */
  shown?: Record<string, Record<string, unknown>>;
  /** The cell last selected by the pane: "Sheet!B20". */
  selected?: string;
}

export interface MemoryHost extends WorkbookHost {
  readonly workbook: MemoryWorkbook;
  /** Another author saves `stored` (as Excel on the web reports it with settingsChanged). */
  coauthorSaves(stored: unknown): void;
  /** The planner types into cells (constants, or formulas as "=…"), and the workbook recalculates. */
  enter(sheet: string, address: string, grid: unknown[][]): void;
}

/** A host over an in-memory workbook; pass `stored` to start from a saved (or corrupt) value. */
export function createMemoryHost(initial: Partial<MemoryWorkbook> = {}): MemoryHost {
  const workbook: MemoryWorkbook = {
    sheets: ["Sheet1"],
    charts: [],
    calculationMode: "automatic",
    recalculations: 0,
    cells: {},
    ...initial,
  };
  const listeners = new Set<(loaded: LoadedSettings) => void>();
  const calculated = new Set<() => void>();
  const recalculated = () => calculated.forEach((listener) => listener());
  const sheetNamed = (name: string) => workbook.sheets.find((sheet) => sheet.toLowerCase() === name.toLowerCase());
  /** What a range shows: constants as typed, formulas' results as `shown` says (blank ""), as Office.js reads values. */
  const valuesOf = (range: SheetRange): unknown[][] | undefined => {
    const sheet = sheetNamed(range.sheet);
    if (sheet === undefined) return undefined;
    const typed = workbook.cells[sheet] ?? {};
    const results = workbook.shown?.[sheet] ?? {};
    return Array.from({ length: range.rows }, (_, r) =>
      Array.from({ length: range.columns }, (_, c) => {
        const address = cellName(range.row + r, range.column + c);
        const content = typed[address];
        const formula = typeof content === "string" && content.startsWith("=");
        return results[address] ?? (formula || content === undefined || content === null ? "" : content);
      }),
    );
  };
  const write = (sheet: string, address: string, grid: unknown[][]) => {
    const at = parseAddress(address);
    if (!at) throw new Error(`Not an address: ${address}`);
    const cells = (workbook.cells[sheet] ??= {});
    grid.forEach((line, r) => line.forEach((content, c) => (cells[cellName(at.row + r, at.column + c)] = content)));
  };
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
      if (workbook.calculationMode === "automatic") {
        workbook.recalculations += 1;
        recalculated();
      }
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
    async insertSampleSheet(model: ProductionModel) {
      const name = uniqueSheetName(workbook.sheets);
      workbook.sheets.push(name);
      for (const { address, values, formulas } of sampleLayout(model).writes) write(name, address, (formulas ?? values) as unknown[][]);
      recalculated();
      return name;
    },
    enter(sheet: string, address: string, grid: unknown[][]) {
      if (!sheetNamed(sheet)) workbook.sheets.push(sheet);
      write(sheetNamed(sheet) as string, address, grid);
      if (workbook.calculationMode === "automatic") recalculated();
    },
    async readMpsBlocks() {
      const calls: TableCall[] = [];
      for (const sheet of workbook.sheets) {
        const found = Object.entries(workbook.cells[sheet] ?? {}).flatMap(([address, content]) => {
          const at = parseA1(address);
          return at ? findTableCalls(sheet, { row: at.row, column: at.col }, [[content]]) : [];
        });
        calls.push(...found.sort((a, b) => a.row - b.row || a.column - b.column));
      }
      return assembleBlocks(calls, valuesOf);
    },
    async selectCell(sheet: string, address: string) {
      const name = sheetNamed(sheet);
      if (name === undefined) throw new Error(`There is no sheet ${sheet}.`);
      workbook.selected = `${name}!${address}`;
    },
    onCalculated(listener: () => void) {
      calculated.add(listener);
      return () => calculated.delete(listener);
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
