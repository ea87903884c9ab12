/**
 * The rows of an item's MPS record, declared once. Their order is the order of the record's
 * slab region and of the `MPS.TABLE` block; which rows a record has, how many slab rows it takes,
 * the record's type, `MPS.TABLE`'s rows and its spill size all follow from this list.
 *
 * A new row is one entry here; the compiler then asks `planItem` to fill it, and `MPS.TABLE` shows
 * it when `inTable` is set (and `shownWhen`, if any, holds).
 */
import { resultRows } from "./rows";
import { PRODUCTION_MODELS, type ProductionModel } from "./types";

/**
 * What decides which rows a record has: the production model and which of the optional
 * planning inputs were given. A flag left out means "not given".
 */
export interface RecordShape {
  model: ProductionModel;
  /** A lead time was given: Planned start (and the hidden release-past-due row). */
  leadTime?: boolean;
  /** A maximum lot was given: Lots. */
  maxLot?: boolean;
  /** Capacity was given: Load, Capacity and Utilization % (and the hidden overload row). */
  capacity?: boolean;
  /** Planning starts after period 0 (plan from period 2 or later): the table shows Expired forecast. */
  expired?: boolean;
}

export interface RecordRowSpec {
  /** The field of `MpsRecord` that holds the row. */
  readonly field: string;
  /** The row's name as a planner reads it (the `MPS.TABLE` label). */
  readonly label: string;
  /** Shown as a row of `MPS.TABLE`; a row the planner never asked to see stays engine-side. */
  readonly inTable: boolean;
  /** When the record has this row; always when left out. An absent row is `null` in the record. */
  readonly presentWhen?: (shape: RecordShape) => boolean;
  /** For a row the record always has: when `MPS.TABLE` shows it; always when left out. */
  readonly shownWhen?: (shape: RecordShape) => boolean;
}

export const RECORD_ROWS = [
  { field: "forecast", label: "Forecast", inTable: true },
  { field: "orders", label: "Orders", inTable: true },
  { field: "remainingForecast", label: "Remaining forecast", inTable: true },
  { field: "consumed", label: "Consumed forecast", inTable: false },
  { field: "excessOrders", label: "Excess orders", inTable: true },
  // Forecast before the period planning starts from: shown once there is such a period.
  { field: "expiredForecast", label: "Expired forecast", inTable: true, shownWhen: (shape) => shape.expired === true },
  { field: "demand", label: "Demand", inTable: true },
  { field: "receipts", label: "Receipts", inTable: true },
  { field: "projectedAvailable", label: "PAB", inTable: true },
  { field: "mps", label: "MPS", inTable: true },
  // How many lots of at most the maximum lot the period's MPS quantity is released in.
  { field: "lots", label: "Lots", inTable: true, presentWhen: (shape) => shape.maxLot === true },
  // The MPS offset by the lead time: when production must start (starts before period 1 in period 1).
  { field: "plannedStart", label: "Planned start", inTable: true, presentWhen: (shape) => shape.leadTime === true },
  // Per MPS due period, the quantity whose start falls before period 1 (what the coach reports).
  { field: "releasePastDue", label: "Release past due", inTable: false, presentWhen: (shape) => shape.leadTime === true },
  { field: "atp", label: "ATP", inTable: true },
  // The final-assembly schedule, which is the orders row: ATO assembles to order.
  { field: "finalAssembly", label: "Final assembly", inTable: true, presentWhen: (shape) => shape.model === "ATO" },
  // Rough-cut capacity of the MPS row: hours per unit × MPS, in the unit capacity is given in.
  { field: "load", label: "Load", inTable: true, presentWhen: (shape) => shape.capacity === true },
  { field: "capacity", label: "Capacity", inTable: true, presentWhen: (shape) => shape.capacity === true },
  // 100 × load / capacity: 85 means 85 %.
  { field: "utilization", label: "Utilization %", inTable: true, presentWhen: (shape) => shape.capacity === true },
  { field: "overload", label: "Overload", inTable: false, presentWhen: (shape) => shape.capacity === true },
] as const satisfies readonly RecordRowSpec[];

type DeclaredRow = (typeof RECORD_ROWS)[number];
export type RecordField = DeclaredRow["field"];
type ConditionalField = Extract<DeclaredRow, { presentWhen: unknown }>["field"];

/** Every row of a record: a row per period, `null` for a row this record does not have. */
export type RecordRows = {
  [F in RecordField]: F extends ConditionalField ? Float64Array | null : Float64Array;
};

/**
 * Whether a record of this shape has the row.
 * @example
 * const finalAssembly = RECORD_ROWS.find((row) => row.field === "finalAssembly")!;
 * isPresent(finalAssembly, { model: "MTS" }) // → false: Final assembly is ATO only
 */
export function isPresent(row: RecordRowSpec, shape: RecordShape): boolean {
  return row.presentWhen === undefined || row.presentWhen(shape);
}

/**
 * The rows a record of this shape has, in order.
 * @example presentRows({ model: "ATO" }).length // → 12
 */
export function presentRows(shape: RecordShape): RecordRowSpec[] {
  return RECORD_ROWS.filter((row) => isPresent(row, shape));
}

/** Whether `MPS.TABLE` shows the row for a record of this shape. */
function isShown(row: RecordRowSpec, shape: RecordShape): boolean {
  return row.inTable && isPresent(row, shape) && (row.shownWhen === undefined || row.shownWhen(shape));
}

/**
 * A number for each distinct shape, keying the per-shape caches below (a workbook has only a
 * few shapes, and MPS.TABLE asks for one per call). Every flag of RecordShape has its bit: the
 * type of `bits` makes a new flag a compile error here until it has one.
 * @returns the key, or −1 for a model the engine does not know (never cached)
 */
function shapeKey(shape: RecordShape): number {
  const model = PRODUCTION_MODELS.indexOf(shape.model);
  const bits: Record<Exclude<keyof RecordShape, "model">, number> = {
    leadTime: shape.leadTime === true ? 1 : 0,
    maxLot: shape.maxLot === true ? 2 : 0,
    capacity: shape.capacity === true ? 4 : 0,
    expired: shape.expired === true ? 8 : 0,
  };
  return model < 0 ? -1 : model * 16 + bits.leadTime + bits.maxLot + bits.capacity + bits.expired;
}

/** Looks a shape up in `cache`, computing and keeping it the first time. */
function perShape<T>(cache: Map<number, T>, shape: RecordShape, compute: (shape: RecordShape) => T): T {
  const key = shapeKey(shape);
  if (key < 0) return compute(shape);
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(shape);
    cache.set(key, value);
  }
  return value;
}

const TABLE_ROWS = new Map<number, readonly RecordRowSpec[]>();

/**
 * The `MPS.TABLE` rows of a record of this shape, in order (one list per shape, shared: read only).
 * @example tableRows({ model: "MTS", leadTime: true }).map((row) => row.label)
 * // → Forecast, Orders, Remaining forecast, Excess orders, Demand, Receipts, PAB, MPS, Planned start, ATP
 */
export function tableRows(shape: RecordShape): readonly RecordRowSpec[] {
  return perShape(TABLE_ROWS, shape, (s) => RECORD_ROWS.filter((row) => isShown(row, s)));
}

/**
 * The labels of the `MPS.TABLE` rows of a record of this shape, in order.
 * @example tableLabels({ model: "MTS" }).length // → 9
 */
export function tableLabels(shape: RecordShape): string[] {
  return tableRows(shape).map((row) => row.label);
}

/**
 * The largest `MPS.TABLE` of any production model without the optional rows (lead time, lots,
 * capacity, expired forecast): the room kept when only the model is unknown before evaluation.
 */
export const MAX_TABLE_ROWS = Math.max(...PRODUCTION_MODELS.map((model) => tableLabels({ model }).length));

/** The largest `MPS.TABLE` of all: ATO with every optional row. */
export const LARGEST_TABLE_ROWS = tableLabels({ model: "ATO", leadTime: true, maxLot: true, capacity: true, expired: true }).length;

/** Where each row of one shape's record sits among its slab rows (−1: the record has no such row). */
interface RecordLayout {
  count: number;
  slot: Record<RecordField, number>;
}

const LAYOUTS = new Map<number, RecordLayout>();

function layoutOf(shape: RecordShape): RecordLayout {
  return perShape(LAYOUTS, shape, (s) => {
    const slot = {} as Record<RecordField, number>;
    let count = 0;
    for (const row of RECORD_ROWS) slot[row.field] = isPresent(row, s) ? count++ : -1;
    return { count, slot };
  });
}

const optional = (rows: Float64Array[], slot: number): Float64Array | null => (slot < 0 ? null : rows[slot]);

/**
 * The rows of one record, carved as views of one slab region (see rows.ts): the rows the shape
 * has, zero-filled; `null` for the others. Every record has the same fields in the same order.
 *
 * Written as one literal (in RECORD_ROWS order, as record.test.ts checks): this runs once per
 * planned item, and filling a copied object field by field by name measured ~10% of planning a
 * 104-period item.
 * @param shape what decides the rows (the production model)
 * @param n periods per row
 * @example recordRows({ model: "MTS" }, 4).finalAssembly // → null; .mps is Float64Array [0, 0, 0, 0]
 */
export function recordRows(shape: RecordShape, n: number): RecordRows {
  const { count, slot } = layoutOf(shape);
  const rows = resultRows(count, n);
  return {
    forecast: rows[slot.forecast],
    orders: rows[slot.orders],
    remainingForecast: rows[slot.remainingForecast],
    consumed: rows[slot.consumed],
    excessOrders: rows[slot.excessOrders],
    expiredForecast: rows[slot.expiredForecast],
    demand: rows[slot.demand],
    receipts: rows[slot.receipts],
    projectedAvailable: rows[slot.projectedAvailable],
    mps: rows[slot.mps],
    lots: optional(rows, slot.lots),
    plannedStart: optional(rows, slot.plannedStart),
    releasePastDue: optional(rows, slot.releasePastDue),
    atp: rows[slot.atp],
    finalAssembly: optional(rows, slot.finalAssembly),
    load: optional(rows, slot.load),
    capacity: optional(rows, slot.capacity),
    utilization: optional(rows, slot.utilization),
    overload: optional(rows, slot.overload),
  };
}
