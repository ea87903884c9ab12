/**
 * The coach's list: the exception messages of every MPS.TABLE block, evaluated with the same
 * adapter Excel runs (`invoke("MESSAGES", …)`, so the rules are the engine's), grouped by item,
 * most urgent first, with a count per type. Pure and fast: the host has read the cells already.
 */
import { EXCEPTION_TYPES, RECORD_ROWS, type ExceptionType, type RecordField } from "../../../engine";
import { isFunctionError } from "../../../functions/cells";
import { CATALOG } from "../../../functions/catalog";
import { invoke, type CallSite } from "../../../functions/invoke";
import { takesRange } from "../../../functions/params";
import type { MpsSettings } from "../../../shared/settings";
import { cellName } from "../../../shared/a1";
import { quoteSheet, type BlockArgument, type MpsBlock } from "../../host/tableCalls";

/** One message of one item, and the cell it is about. */
export interface CoachLine {
  type: ExceptionType;
  /** Counted from 1, as the planner sees periods. */
  period: number;
  quantity: number;
  message: string;
  /** The period's cell in the record line the message is about (PAB for a shortage, …). */
  target: { sheet: string; address: string };
}

/** One MPS.TABLE block: its messages, or why it could not be checked. */
export interface CoachItem {
  /** "Sheet!A14": unique per block. */
  key: string;
  /** The item's name beside the block, else where it is. */
  label: string;
  /** Where the block is: "Sheet!A14". */
  where: string;
  /** Sorted by period, then severity, as MPS.MESSAGES lists them. */
  lines: CoachLine[];
  /** Why the block was not checked: an argument the coach cannot read, or MPS.TABLE's own refusal. */
  problem?: string;
}

export interface CoachReport {
  /** Blocks with messages, most urgent first, then the blocks not checked. */
  items: CoachItem[];
  /** Messages per type, over every block. */
  counts: Partial<Record<ExceptionType, number>>;
  /** MPS.TABLE blocks found. */
  blocks: number;
  /** Blocks checked with nothing to act on. */
  onPlan: number;
}

/** The record line each type of message is about: where selecting it takes the planner. */
const LINE_OF: Record<ExceptionType, RecordField> = {
  shortage: "projectedAvailable",
  expedite: "mps",
  overpromised: "atp",
  late: "mps",
  "release-past-due": "plannedStart",
  "past-due-load": "load",
  overload: "load",
  "reschedule-in": "receipts",
  "below-safety-stock": "projectedAvailable",
  "reschedule-out": "receipts",
  cancel: "receipts",
  "split-lot": "mps",
  "forecast-low": "excessOrders",
  "forecast-unconsumed": "remainingForecast",
  "forecast-bias": "forecast",
};

const LABEL_OF = new Map(RECORD_ROWS.map((row) => [row.field as RecordField, row.label as string]));

/** Words for each type, as the pane's filter names them. */
export const TYPE_NAMES: Record<ExceptionType, string> = {
  shortage: "Shortage",
  expedite: "Expedite",
  overpromised: "Overpromised",
  late: "Late",
  "release-past-due": "Release past due",
  "past-due-load": "Past-due load",
  overload: "Overload",
  "reschedule-in": "Reschedule in",
  "below-safety-stock": "Below safety stock",
  "reschedule-out": "Reschedule out",
  cancel: "Cancel",
  "split-lot": "Split lot",
  "forecast-low": "Forecast low",
  "forecast-unconsumed": "Forecast unconsumed",
  "forecast-bias": "Forecast bias",
};

const PARAMS = CATALOG.MESSAGES.params;

/** A blank cell as Excel on the web passes it to a custom function. */
const blank = (cell: unknown) => (cell === "" || cell === undefined ? null : cell);

/**
 * The arguments as Excel passes them to MPS.TABLE: ranges as rows of cells (blanks null, as Excel
 * on the web passes them), a single-cell argument as its value, with where each reference is (as
 * `invocation.parameterAddresses`, so a referenced blank cell is an empty cell, not an argument
 * left out, and a refusal names its cell); or the argument the coach cannot read.
 */
function excelCall(block: MpsBlock): { raw: unknown[]; site: CallSite } | { unreadable: string; text: string } {
  const raw: unknown[] = [];
  const addresses: string[] = [];
  for (let i = 0; i < block.args.length && i < PARAMS.length; i++) {
    const arg: BlockArgument = block.args[i];
    const param = PARAMS[i];
    if (arg.kind === "expression") return { unreadable: param.name, text: arg.text };
    addresses.push(arg.kind === "range" ? (arg.address ?? "") : "");
    if (arg.kind === "omitted") raw.push(null);
    else if (arg.kind === "value") raw.push(arg.value);
    else if (takesRange(param)) raw.push(arg.values.map((line) => line.map(blank)));
    else raw.push(blank(arg.values[0]?.[0]));
  }
  return { raw, site: { addresses, caller: `${quoteSheet(block.sheet)}!${block.cell}` } };
}

/** Where a message of this type in this period points: its record line's cell, else the block's first line. */
function targetOf(block: MpsBlock, type: ExceptionType, period: number): CoachLine["target"] {
  const index = Math.max(0, block.lines.indexOf(LABEL_OF.get(LINE_OF[type]) ?? ""));
  const [row, column] = block.orientation === "rows" ? [block.row + index, block.column + period] : [block.row + period, block.column + index];
  return { sheet: block.sheet, address: cellName(row, column) };
}

const rank = (type: ExceptionType) => EXCEPTION_TYPES.indexOf(type);

/** An item's urgency: its most severe type, then the earliest period of it (lower is more urgent). */
function urgency(item: CoachItem): [number, number] {
  let best: [number, number] = [Infinity, Infinity];
  for (const line of item.lines) {
    const key: [number, number] = [rank(line.type), line.period];
    if (key[0] < best[0] || (key[0] === best[0] && key[1] < best[1])) best = key;
  }
  return best;
}

/** Messages of one block, or why it was not checked. */
function checkBlock(block: MpsBlock, settings: MpsSettings): CoachItem {
  const where = `${block.sheet}!${block.cell}`;
  const item: CoachItem = { key: where, label: block.label ?? where, where, lines: [] };
  const call = excelCall(block);
  if ("unreadable" in call) {
    item.problem = `Not checked: ${call.unreadable} is ${call.text}, which only Excel can evaluate. Give it as a cell or range reference.`;
    return item;
  }
  const result = invoke("MESSAGES", call.raw, settings, call.site);
  if (isFunctionError(result)) {
    item.problem = `Not checked: MPS.TABLE refuses its arguments. ${result.message}`;
    return item;
  }
  const rows = Array.isArray(result) ? result : [];
  for (const [period, type, quantity, message] of rows.slice(1)) {
    if (typeof period !== "number" || !EXCEPTION_TYPES.includes(type as ExceptionType)) continue;
    const kind = type as ExceptionType;
    item.lines.push({ type: kind, period, quantity: quantity as number, message: String(message), target: targetOf(block, kind, period) });
  }
  return item;
}

/**
 * The coach's list for these blocks with these settings (the workbook's, as the functions read them).
 * @example coachReport([sampleBlock], DEFAULT_SETTINGS).items[0].lines[0]
 *   // → { type: "forecast-low", period: 1, quantity: 10, message: "Period 1: orders exceed forecast by 10", target: { sheet: "MPS sample", address: "B17" } }
 */
export function coachReport(blocks: readonly MpsBlock[], settings: MpsSettings): CoachReport {
  const counts: Partial<Record<ExceptionType, number>> = {};
  const flagged: { item: CoachItem; urgency: [number, number] }[] = [];
  const unchecked: CoachItem[] = [];
  let onPlan = 0;
  for (const block of blocks) {
    const item = checkBlock(block, settings);
    if (item.problem !== undefined) unchecked.push(item);
    else if (item.lines.length === 0) onPlan++;
    else {
      for (const line of item.lines) counts[line.type] = (counts[line.type] ?? 0) + 1;
      flagged.push({ item, urgency: urgency(item) });
    }
  }
  flagged.sort((a, b) => a.urgency[0] - b.urgency[0] || a.urgency[1] - b.urgency[1] || a.item.label.localeCompare(b.item.label));
  return { items: [...flagged.map((f) => f.item), ...unchecked], counts, blocks: blocks.length, onPlan };
}

/**
 * The list showing only messages of one type (items without any left out); all of it for null.
 * @example filterReport(report, "shortage").items.every((item) => item.lines.every((line) => line.type === "shortage")) // → true
 */
export function filterReport(report: CoachReport, type: ExceptionType | null): CoachItem[] {
  if (type === null) return report.items;
  return report.items
    .filter((item) => item.problem === undefined)
    .map((item) => ({ ...item, lines: item.lines.filter((line) => line.type === type) }))
    .filter((item) => item.lines.length > 0);
}
