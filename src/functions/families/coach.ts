/**
 * The coach: what in an item's MPS record needs the planner, in a list.
 *
 *   MPS.MESSAGES(forecast, orders, on_hand, [safety_stock], [lot_rule], [lot_size], [model], [receipts],
 *                [capacity], [hours_per_unit], [lead_time], [min_lot], [max_lot], [multiple], [plan_from], [firm_mps])
 *       → Period, Type, Quantity, Message: one line per period and exception type, sorted by period
 *         then severity (engine exceptionsOf); one line of Type "none" when all is well
 *
 * The arguments are MPS.TABLE's (itemRecord.ts): the record planned is the very one MPS.TABLE
 * shows for the same arguments, and the messages read it with the parameters it was planned
 * with (safety stock actually kept, time fences, capacity strategy).
 */
import { EXCEPTION_TYPES, exceptionsOf, type ExceptionInput, type ExceptionMessage } from "../../engine";
import type { MpsSettings } from "../../shared/settings";
import { isFunctionError } from "../cells";
import { periodsOf, type Cell } from "../define";
import { messages } from "../messages";
import { unwrapResult } from "../results";
import { defineRecordFunction, type PlannedRecord, type RecordArgs } from "./itemRecord";

/** Header of the MPS.MESSAGES table. */
export const MESSAGES_HEADER: readonly string[] = ["Period", "Type", "Quantity", "Message"];

/** The Type of the one line shown when the record needs nothing. */
export const NO_EXCEPTION = "none";

/**
 * What the coach reads of a planned record: its rows, and the parameters it was planned with.
 * - Safety stock: what planning kept, 0 for make to order (it plans orders only, without one).
 * - Forecast rows (remaining forecast, excess orders) only when the forecast is planned from:
 *   for make to order it is for information, and orders above it are not a forecast error.
 * - Capacity rows only when capacity was given; the strategy only words the overload.
 * - MPS.TABLE's load is the MPS's own period, so nothing of it is past due: the lead time's
 *   past-due starts come as `releasePastDue`.
 */
export function exceptionInputOf({ input, record }: PlannedRecord, args: RecordArgs, settings: MpsSettings): ExceptionInput {
  const makeToOrder = args.model === "MTO";
  const capacity = record.load !== null && record.capacity !== null && record.overload !== null;
  return {
    demand: record.demand,
    mps: record.mps,
    projectedAvailable: record.projectedAvailable,
    receipts: record.receipts,
    remainingForecast: makeToOrder ? null : record.remainingForecast,
    excessOrders: makeToOrder ? null : record.excessOrders,
    atp: record.atp,
    safetyStock: makeToOrder ? 0 : (input.safetyStock ?? 0),
    demandTimeFence: settings.demandTimeFence,
    planningTimeFence: settings.planningTimeFence,
    onHand: input.onHand,
    firmMps: args.firm_mps?.values ?? null,
    actions: record.actions,
    capacityUse: capacity ? { load: record.load!, capacity: record.capacity!, overload: record.overload! } : null,
    capacityStrategy: capacity ? settings.capacityStrategy : "check",
    late: record.late,
    releasePastDue: record.releasePastDue,
  };
}

/** One exception as a line of the table: the period counted from 1. */
function lineOf(line: ExceptionMessage): Cell[] {
  return [line.period + 1, line.type, line.quantity, line.message];
}

export const MESSAGES = defineRecordFunction({
  id: "MESSAGES",
  fromRecord(planned, args, settings) {
    const lines = unwrapResult(exceptionsOf(exceptionInputOf(planned, args, settings)));
    if (isFunctionError(lines)) return lines;
    const rows: Cell[][] = [[...MESSAGES_HEADER]];
    if (lines.length === 0) rows.push(["", NO_EXCEPTION, "", messages.noException()]);
    for (const line of lines) rows.push(lineOf(line));
    return rows;
  },
  // At most one line per period and type (and the header).
  size: (call) => ({ rows: EXCEPTION_TYPES.length * periodsOf(call.shape("forecast")) + 1, columns: MESSAGES_HEADER.length }),
});
