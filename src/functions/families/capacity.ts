/**
 * Capacity: the rough-cut load an MPS puts on resources, and an MPS levelled within capacity.
 *
 *   MPS.LOAD(mps, bill)  → load per resource and period: one row per resource, laid out like mps
 *                          (one column per resource for a column mps)
 *   MPS.LEVEL(demand, on_hand, capacity, [safety_stock], [hours_per_unit], [receipts], [strategy])
 *                        → the levelled MPS, the same shape as demand (one item, or several
 *                          items sharing one resource)
 *
 * The engine works on one row per item (or resource); these adapters find which way the
 * planner's ranges run and map every refusal back onto the cell it came from.
 */
import { LEVEL_STRATEGIES, levelItems, loadOf, type Series } from "../../engine";
import { functionError, isFunctionError, type FunctionError } from "../cells";
import { defineFunction, lineShape, periodsOf, type Cell, type Shape } from "../define";
import { messages } from "../messages";
import { block, option, series } from "../params";
import { inRange, isLine, lineValues, type RangeArgument, type BlockInput } from "../ranges";
import { asBlock, toCells } from "../results";

/** Where element `index` of a one-row or one-column range lies. */
function alongLine(range: BlockInput): (row: number, index: number) => [number, number] {
  return (_row, index) => (range.rows === 1 ? [0, index] : [index, 0]);
}

// ---- MPS.LOAD -------------------------------------------------------------------------------

const MPS = series("mps", "MPS quantity per period (one row or one column), each due in its period.");
const BILL = block(
  "bill",
  "Capacity per unit: one cell (one resource), one column (a row per resource), or resources × offsets where column k holds what is needed k periods before the due period.",
);

export const LOAD = defineFunction({
  id: "LOAD",
  params: [MPS, BILL],
  run(args) {
    const { mps, bill } = args;
    const result = loadOf(mps.values, bill.cells);
    if (!result.ok) {
      const mpsRange: BlockInput = { cells: [Array.from(mps.values)], rows: 1, columns: mps.values.length };
      return inRange(result.error, {
        mps: { param: "mps", range: mpsRange, locate: alongLine(mpsRange) },
        bill: { param: "bill", range: bill, locate: (resource, offset) => [resource, offset] },
      });
    }
    // Past-due load is in period 1's load (the engine's pastDue says how much): the result
    // stays one row per resource, so the loads of several items add up with SUM.
    return asBlock(
      result.value.load.map((row) => toCells(row)),
      mps.orientation,
    );
  },
  size: (call) => {
    const line = lineShape(call.shape("mps"));
    const resources = lineShape(call.shape("bill")).rows;
    const periods = periodsOf(line);
    return line.rows === 1 ? { rows: resources, columns: periods } : { rows: periods, columns: resources };
  },
});

// ---- MPS.LEVEL ------------------------------------------------------------------------------

/** How the planner laid out demand: periods across (one row per item) or down (one column per item). */
interface Layout {
  across: boolean;
  items: number;
  periods: number;
}

function lengthOf(range: BlockInput): number {
  return Math.max(range.rows, range.columns);
}

/**
 * Which way the periods run in `demand`. A one-row or one-column demand is one item. A block's
 * periods run along the side as long as `capacity`; when both sides are (a square block), as
 * capacity runs. With one cell of capacity, a per-item argument given as a line tells which
 * side holds the items; failing that, periods run across (one row per item).
 */
function levelLayout(demand: BlockInput, capacity: BlockInput, perItem: ReadonlyArray<BlockInput | undefined>): Layout | FunctionError {
  if (!isLine(capacity)) return functionError("VALUE", messages.notOneCellOrLine("capacity", capacity.rows, capacity.columns));
  const capacityLength = lengthOf(capacity);
  let across: boolean;
  if (isLine(demand)) across = demand.rows === 1;
  else if (capacityLength > 1) {
    const fitsAcross = capacityLength === demand.columns;
    const fitsDown = capacityLength === demand.rows;
    if (!fitsAcross && !fitsDown) {
      return functionError("VALUE", messages.noPeriodDimension(demand.rows, demand.columns, capacityLength));
    }
    across = fitsAcross && fitsDown ? capacity.rows === 1 : fitsAcross;
  } else {
    // A line as long as one side of a (non-square) block holds one value per item of that side.
    const tells = (value: BlockInput | undefined): value is BlockInput =>
      value !== undefined && isLine(value) && lengthOf(value) > 1 && demand.rows !== demand.columns &&
      (lengthOf(value) === demand.rows || lengthOf(value) === demand.columns);
    const told = perItem.find(tells);
    across = told === undefined || lengthOf(told) === demand.rows;
  }
  const layout = { across, items: across ? demand.rows : demand.columns, periods: across ? demand.columns : demand.rows };
  if (capacityLength > 1 && capacityLength !== layout.periods) {
    return functionError("VALUE", messages.periodsMismatch("capacity", capacityLength, "demand", layout.periods));
  }
  return layout;
}

/** The rows of a range one item (or period) each way: as laid out, or its columns. */
function rowsOf(range: BlockInput, across: boolean): number[][] {
  if (across) return range.cells;
  return Array.from({ length: range.columns }, (_, c) => range.cells.map((row) => row[c]));
}

/** A per-item value: undefined, one number for every item, or one per item (count checked by the engine). */
function perItemValue(param: string, value: BlockInput | undefined): number | Series | undefined | FunctionError {
  if (value === undefined) return undefined;
  if (!isLine(value)) return functionError("VALUE", messages.notOneCellOrLine(param, value.rows, value.columns));
  if (value.rows === 1 && value.columns === 1) return value.cells[0][0];
  return lineValues(value);
}

/** Receipts in the engine's layout: one row per item, as long as the periods. */
function receiptRows(receipts: BlockInput | undefined, demand: BlockInput, layout: Layout): number[][] | undefined | FunctionError {
  if (receipts === undefined) return undefined;
  if (layout.items === 1 && isLine(receipts)) {
    const values = lineValues(receipts);
    if (values.length !== layout.periods) {
      return functionError("VALUE", messages.periodsMismatch("receipts", values.length, "demand", layout.periods));
    }
    return [values];
  }
  if (receipts.rows !== demand.rows || receipts.columns !== demand.columns) {
    return functionError("VALUE", messages.shapeMismatch("receipts", receipts.rows, receipts.columns, "demand", demand.rows, demand.columns));
  }
  return rowsOf(receipts, layout.across);
}

export const LEVEL = defineFunction({
  id: "LEVEL",
  params: [
    block(
      "demand",
      "Demand per period: one row or one column for one item; a block for several items sharing the resource (a row per item when periods run across, a column per item when they run down).",
    ),
    block("on_hand", "Stock on hand at the start of the first period: one cell, or one per item (a row or a column)."),
    block("capacity", "Capacity of the resource per period (a row or a column as long as the periods, or one cell for all): in units, or in hours with hours_per_unit."),
    block("safety_stock", "Stock to keep in reserve: one cell, or one per item.", { optional: true, defaultText: "Default 0." }),
    block("hours_per_unit", "Capacity one unit takes, more than 0: one cell, or one per item; capacity is then in hours.", {
      optional: true,
      defaultText: "Default 1.",
    }),
    block("receipts", "Scheduled receipts per period, the same shape as demand.", { optional: true }),
    option(
      "strategy",
      '"build-ahead" (build early in quiet periods), "chase" (no building ahead) or "level" (one constant rate).',
      LEVEL_STRATEGIES,
      { optional: true, defaultText: `Default ${LEVEL_STRATEGIES[0]}.` },
    ),
  ] as const,
  run(args) {
    const { demand, capacity } = args;
    const onHand = args.on_hand;
    const layout = levelLayout(demand, capacity, [onHand, args.safety_stock, args.hours_per_unit]);
    if (isFunctionError(layout)) return layout;
    const receipts = receiptRows(args.receipts, demand, layout);
    if (isFunctionError(receipts)) return receipts;
    const perItem = {
      onHand: perItemValue("on_hand", onHand),
      safetyStock: perItemValue("safety_stock", args.safety_stock),
      hoursPerUnit: perItemValue("hours_per_unit", args.hours_per_unit),
    };
    for (const value of Object.values(perItem)) if (isFunctionError(value)) return value;
    const capacityValue = capacity.rows === 1 && capacity.columns === 1 ? capacity.cells[0][0] : lineValues(capacity);
    const result = levelItems(rowsOf(demand, layout.across), {
      onHand: perItem.onHand as number | Series,
      safetyStock: perItem.safetyStock as number | Series | undefined,
      hoursPerUnit: perItem.hoursPerUnit as number | Series | undefined,
      receipts,
      capacity: capacityValue,
      strategy: args.strategy,
    });
    if (!result.ok) {
      const inDemand = (item: number, period: number): [number, number] => (layout.across ? [item, period] : [period, item]);
      const line = (param: string, value: BlockInput | undefined): RangeArgument | undefined =>
        value && { param, range: value, locate: alongLine(value) };
      return inRange(result.error, {
        demand: { param: "demand", range: demand, locate: inDemand },
        receipts: args.receipts && { param: "receipts", range: args.receipts, locate: layout.items === 1 ? alongLine(args.receipts) : inDemand },
        capacity: line("capacity", capacity),
        onHand: line("on_hand", onHand),
        safetyStock: line("safety_stock", args.safety_stock),
        hoursPerUnit: line("hours_per_unit", args.hours_per_unit),
      });
    }
    const rows: Cell[][] = result.value.items.map((item) => toCells(item.mps));
    return layout.across ? rows : asBlock(rows, "column");
  },
  size: (call): Shape => lineShape(call.shape("demand")),
});
