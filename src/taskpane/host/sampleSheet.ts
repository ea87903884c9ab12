/**
 * The sample sheet: a ready MPS layout with labelled input rows, one MPS.TABLE formula and,
 * for make to stock and assemble to order, a quote promised from its block (MPS.PROMISE reads
 * supply = MPS + Receipts from the record, as the sample workbook's bike does). Pure data,
 * written to the workbook by a WorkbookHost. Labels sit in column A, one period per column
 * from B, so the spilled MPS.TABLE block lines up under the Period row.
 */
import { MAX_TABLE_ROWS, tableLabels, type ProductionModel } from "../../engine";
import { SETTING_DESCRIPTIONS } from "../../shared/settings";

/** Name of the first sample sheet; later ones get " (2)", " (3)", … */
export const SAMPLE_SHEET_NAME = "MPS sample";

/**
 * A sheet name not yet used (Excel compares names without regard to case).
 * @example uniqueSheetName(["Sheet1", "MPS sample"]) // → "MPS sample (2)"
 */
export function uniqueSheetName(existing: readonly string[], base = SAMPLE_SHEET_NAME): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** One rectangular write: constants in `values`, or a formula in `formulas`. */
export interface SampleWrite {
  address: string;
  values?: (string | number)[][];
  formulas?: string[][];
}

export interface SampleLayout {
  writes: SampleWrite[];
  /** Cells shown bold: the title and the labels. */
  bold: string[];
  /** Where the MPS.TABLE formula sits; its block spills from here. */
  tableAnchor: string;
  /** The spilled block at its largest (ATO adds the Final assembly row). */
  tableBlock: string;
  /** The Period row, used as the chart's category axis. */
  periodRow: string;
}

const PERIODS = 12;
const FORECAST = [100, 100, 100, 100, 120, 120, 120, 120, 90, 90, 90, 90];
const ORDERS = [110, 85, 60, 30, 25, 10, 0, 0, 0, 0, 0, 0];
const RECEIPTS = [0, 60, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const LAST = "M"; // column of period 12
const TABLE_ANCHOR_ROW = 14;

/**
 * The sample layout for a production model: inputs in rows 2–11, a quote in row 12 (not for
 * make to order, whose ATP is 0: it promises by lead time), the MPS record from row 14.
 * @example sampleLayout("ATO").writes.find((w) => w.formulas)?.formulas
 *   // → [["=MPS.TABLE(B9:M9,B10:M10,B3,B4,B5,B6,B2,B11:M11)"]]
 */
export function sampleLayout(model: ProductionModel): SampleLayout {
  const modelLabel = SETTING_DESCRIPTIONS.model.choices.find((c) => c.value === model)?.label ?? model;
  const period = Array.from({ length: PERIODS }, (_, i) => i + 1);
  // The block as it spills for this model, labels included: what MPS.PROMISE reads (A14# in Excel).
  const block = `A${TABLE_ANCHOR_ROW}:${LAST}${TABLE_ANCHOR_ROW + tableLabels({ model }).length - 1}`;
  const quote: SampleWrite[] =
    model === "MTO" ? [] : [{ address: "A12:C12", formulas: [["Earliest period for 100 more", `=MPS.PROMISE(100,${block})`, "From the record: supply = MPS + Receipts"]] }];
  return {
    writes: [
      { address: "A1", values: [[`MPS sample: ${modelLabel}`]] },
      {
        address: "A2:C7",
        values: [
          ["Production model", model, "MTS, ATO or MTO"],
          ["On hand", 40, "Stock at the start of period 1"],
          ["Safety stock", 10, "Stock kept in reserve"],
          ["Lot rule", "FOQ", "LFL, FOQ or POQ"],
          ["Lot size", 50, "FOQ: lot quantity; POQ: periods per lot"],
          ["Settings", "", "Window, fences and ATP method come from the task pane."],
        ],
      },
      {
        address: `A8:${LAST}11`,
        values: [
          ["Period", ...period],
          ["Forecast", ...FORECAST],
          ["Orders", ...ORDERS],
          ["Receipts", ...RECEIPTS],
        ],
      },
      // Period numbers right above the record too, so a chart of the block itself finds them.
      { address: `A13:${LAST}13`, values: [["MPS record", ...period]] },
      { address: "A14", formulas: [[`=MPS.TABLE(B9:${LAST}9,B10:${LAST}10,B3,B4,B5,B6,B2,B11:${LAST}11)`]] },
      // After the record's formula, so a host that calculates in the order written has the block first.
      ...quote,
    ],
    bold: ["A1", "A2:A11", "A13"],
    tableAnchor: "A14",
    tableBlock: `A${TABLE_ANCHOR_ROW}:${LAST}${TABLE_ANCHOR_ROW + MAX_TABLE_ROWS - 1}`,
    periodRow: `B8:${LAST}8`,
  };
}
