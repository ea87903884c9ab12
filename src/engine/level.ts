/**
 * A levelled MPS: lot-for-lot net requirements planned within the capacity of one resource
 * that one or more items share, by the aggregate-planning strategies build-ahead, chase and
 * level. What capacity cannot take in time is built late and reported.
 */
import { checkBlock, checkOptionalBlock, periodValues, rowValues } from "./block";
import { type CapacityUse, useCore } from "./load";
import { LOT_FOR_LOT } from "./lot";
import { lotsToCover, reaches, tolerance } from "./numeric";
import { planCore } from "./plan";
import { resultRows } from "./rows";
import type { ActionMessage, Result, Series } from "./types";
import {
  checkObject, checkOneOf, checkPeriods, checkPlanRows, checkPositive, checkQuantity, checkRequired, fail, ok,
} from "./validate";

/** How requirements meet capacity: build ahead in quiet periods, chase demand, or one constant rate. */
export type LevelStrategy = "build-ahead" | "chase" | "level";
/** Every levelling strategy; the first is the default. */
export const LEVEL_STRATEGIES: readonly LevelStrategy[] = ["build-ahead", "chase", "level"];

/** Options of one levelling run, shared by all its items. */
export interface LevelRunOptions {
  /**
   * Capacity of the resource per period (a row as long as demand, or one number for every
   * period): in units of the item, or in hours when `hoursPerUnit` is given.
   */
  capacity: Series | number;
  /** @default "build-ahead" */
  strategy?: LevelStrategy;
  /** Periods 0..ptf-1 are frozen: firm MPS only, no new production. @default 0 */
  planningTimeFence?: number;
}

/** Options of `levelMps`: one item. */
export interface LevelOptions extends LevelRunOptions {
  /** Stock at the start of period 0. */
  onHand: number;
  /** Projected available is to stay at or above this. @default 0 */
  safetyStock?: number;
  /** Capacity one unit takes (hours per unit); capacity is then in hours. @default 1 */
  hoursPerUnit?: number;
  /** Scheduled receipts per period. @default zeros */
  receipts?: Series;
  /** Firm MPS per period: kept as it is and taking capacity first (it may overload). @default zeros */
  firmMps?: Series;
}

/** Options of `levelItems`: every per-item value is one number for all items or one per item. */
export interface LevelItemsOptions extends LevelRunOptions {
  onHand: number | Series;
  /** @default 0 */
  safetyStock?: number | Series;
  /** @default 1 */
  hoursPerUnit?: number | Series;
  /** One row per item. @default zeros */
  receipts?: readonly Series[];
  /** One row per item. @default zeros */
  firmMps?: readonly Series[];
}

/**
 * Quantity of a requirement due in `duePeriod` that is built after it: in `builtPeriod`, or
 * not within the horizon at all (`builtPeriod: null`).
 */
export interface LateLot {
  duePeriod: number;
  quantity: number;
  builtPeriod: number | null;
}

/** The levelled plan of one item. */
export interface LevelledItem {
  /** Levelled MPS per period (firm MPS included): never more than capacity allows. */
  mps: Float64Array;
  /** PAB of the levelled MPS: on hand + MPS + receipts − demand, period by period (may go negative). */
  projectedAvailable: Float64Array;
  /** Lot-for-lot net requirement per period, before capacity (what `planMps` with LFL plans). */
  netRequirements: Float64Array;
  /** `level` only: the constant rate in units per period; null for the other strategies. */
  rate: number | null;
  /** Quantities built after their due period, by due period, then built period. */
  late: LateLot[];
  /** Total quantity not built within the horizon (the `late` lots with `builtPeriod: null`). */
  lateAfterHorizon: number;
  /** Expedite messages inside the planning time fence (as `planMps` gives them). */
  actions: ActionMessage[];
}

/** `levelItems`: one levelled plan per item, in the order of the demand rows, and the resource's use. */
export interface Levelling extends CapacityUse {
  items: LevelledItem[];
}

/** `levelMps`: the levelled plan of the item and the resource's use. */
export interface LevelledMps extends LevelledItem, CapacityUse {}

/** Inputs of `levelCore`, checked and with defaults applied. */
export interface LevelInput {
  /** One demand row per item, all as long as capacity. */
  demand: readonly Series[];
  onHand: ArrayLike<number>;
  safetyStock: ArrayLike<number>;
  hoursPerUnit: ArrayLike<number>;
  receipts: readonly Series[] | null;
  firmMps: readonly Series[] | null;
  /** Capacity per period; returned as the result's capacity row. */
  capacity: Float64Array;
  strategy: LevelStrategy;
  planningTimeFence: number;
}

/**
 * Plan one item's MPS within capacity.
 *
 * Net requirements are lot-for-lot against safety stock and receipts, exactly as `planMps`
 * plans them with LFL (inside the planning time fence only the firm MPS, with expedites).
 * Capacity is per period, in units, or in hours with `hoursPerUnit`; firm MPS takes it first.
 * - `build-ahead` (default): going backwards from the last period, each period builds the
 *   pending requirements due nearest to it first, so what exceeds a period's capacity is built
 *   in the latest earlier periods with spare capacity.
 * - `chase`: each period builds its own net requirement, up to capacity.
 * - `level`: one constant rate from the planning time fence on, the smallest whole number of
 *   units per period that keeps PAB at or above safety stock in every period,
 *   max over t of ⌈cumulative net requirement to t / periods to t⌉, cut to capacity.
 * What is not built by its due period (or, for `level`, in its own period) is built late, in
 * the earliest later periods with capacity left, or not within the horizon; `late` says which.
 * The result never exceeds capacity except where a firm MPS alone does.
 *
 * @param demand demand per period
 * @param options on hand, capacity, and optionally safety stock, hours per unit, receipts,
 *   firm MPS, strategy and planning time fence
 * @returns the levelled MPS, its PAB, the net requirements, what is late, and the load
 * @example
 * levelMps([20, 40, 80, 30], { onHand: 0, capacity: 50 });
 * // net requirements 20, 40, 80, 30; backwards: period 3 builds 30; period 2 builds 50 of 80;
 * // period 1 builds its 40 and 10 of period 2's 30 left; period 0 its 20 and the last 20
 * // mps [40, 50, 50, 30], projectedAvailable [20, 30, 0, 0], late []
 * levelMps([20, 40, 80, 30], { onHand: 0, capacity: 50, strategy: "chase" });
 * // mps [20, 40, 50, 50]: 30 of period 2 is late, 20 built in period 3, 10 after the horizon
 * // projectedAvailable [0, 0, -30, -10]
 * levelMps([20, 40, 80, 30], { onHand: 0, capacity: 50, strategy: "level" });
 * // rate = max(⌈20/1⌉, ⌈60/2⌉, ⌈140/3⌉, ⌈170/4⌉) = 47
 * // mps [47, 47, 47, 47], projectedAvailable [27, 34, 1, 18]
 */
export function levelMps(demand: Series, options: LevelOptions): Result<LevelledMps> {
  const rowError = checkPlanRows(demand, options);
  if (rowError) return fail(rowError);
  const [capacityRow] = resultRows(1, demand.length);
  const capacity = periodValues(options.capacity, "capacity", demand.length, "demand", capacityRow);
  if (!capacity.ok) return capacity;
  const error =
    checkRequired(options.onHand, "onHand") ??
    checkQuantity(options.onHand, "onHand") ??
    checkQuantity(options.safetyStock, "safetyStock") ??
    checkPositive(options.hoursPerUnit, "hoursPerUnit") ??
    checkOneOf(options.strategy, "strategy", LEVEL_STRATEGIES) ??
    checkPeriods(options.planningTimeFence, "planningTimeFence");
  if (error) return fail(error);
  const { items, ...use } = levelCore({
    demand: [demand],
    onHand: [options.onHand],
    safetyStock: [options.safetyStock ?? 0],
    hoursPerUnit: [options.hoursPerUnit ?? 1],
    receipts: options.receipts == null ? null : [options.receipts],
    firmMps: options.firmMps == null ? null : [options.firmMps],
    capacity: capacity.value,
    strategy: options.strategy ?? LEVEL_STRATEGIES[0],
    planningTimeFence: options.planningTimeFence ?? 0,
  });
  return ok({ ...items[0], ...use });
}

/**
 * Plan several items that share one resource within its capacity.
 *
 * Each item's net requirements are as in `levelMps`; `capacity` is the shared resource's
 * hours (or units) per period and `hoursPerUnit` what one unit of each item takes. Where
 * items compete, among the requirements pending in a period the one due earliest goes first,
 * ties in item order (the order of the demand rows); late quantities take the spare capacity
 * left after that, in order of due period, ties in item order. With `level` every item gets
 * its own rate, and a period whose capacity is below the sum of the rates builds in item
 * order. With one item this is `levelMps`.
 *
 * Time O(items × periods): each requirement enters a stack or queue once, and every step
 * either finishes a requirement or fills a period.
 *
 * @param demand one demand row per item, all the same length
 * @param options on hand (required), safety stock and hours per unit (each one number for all
 *   items or one per item), receipts and firm MPS (one row per item), capacity, strategy,
 *   planning time fence
 * @returns one levelled plan per item, and the load, spare capacity and overload per period
 * @example
 * levelItems([[30, 30, 30], [10, 40, 20]], { onHand: 0, hoursPerUnit: [1, 2], capacity: 100 });
 * // period 2: A 30 h + B 40 h = 70 h, fits; period 1: A 30 h, B 80 h > 70 h left: B builds 35,
 * // 5 pending; period 0: A 30 h, B 20 h, then B's 5 (10 h) built ahead
 * // mps A [30, 30, 30], B [15, 35, 20]; load [60, 100, 70] (30 + 2 × 15, …), spare [40, 0, 30]
 */
export function levelItems(demand: readonly Series[], options: LevelItemsOptions): Result<Levelling> {
  const rowError =
    checkBlock(demand, "demand", { rowName: "item", sameLength: true }) ??
    checkObject(options, "options", true) ??
    checkOptionalBlock(options.receipts, "receipts", demand, "demand") ??
    checkOptionalBlock(options.firmMps, "firmMps", demand, "demand");
  if (rowError) return fail(rowError);
  const n = demand[0].length;
  const count = demand.length;
  const [capacityRow] = resultRows(1, n);
  const capacity = periodValues(options.capacity, "capacity", n, "demand", capacityRow);
  if (!capacity.ok) return capacity;
  const onHand = rowValues(options.onHand, "onHand", count, "item", "quantity", undefined);
  if (!onHand.ok) return onHand;
  const safetyStock = rowValues(options.safetyStock, "safetyStock", count, "item", "quantity", 0);
  if (!safetyStock.ok) return safetyStock;
  const hoursPerUnit = rowValues(options.hoursPerUnit, "hoursPerUnit", count, "item", "positive", 1);
  if (!hoursPerUnit.ok) return hoursPerUnit;
  const error =
    checkOneOf(options.strategy, "strategy", LEVEL_STRATEGIES) ?? checkPeriods(options.planningTimeFence, "planningTimeFence");
  if (error) return fail(error);
  return ok(
    levelCore({
      demand,
      onHand: onHand.value,
      safetyStock: safetyStock.value,
      hoursPerUnit: hoursPerUnit.value,
      receipts: options.receipts ?? null,
      firmMps: options.firmMps ?? null,
      capacity: capacity.value,
      strategy: options.strategy ?? LEVEL_STRATEGIES[0],
      planningTimeFence: options.planningTimeFence ?? 0,
    }),
  );
}

/** Capacity left after using `used` of `room`, with floating-point noise of the period's capacity taken as 0. */
function leftOver(room: number, used: number, capacity: number): number {
  const rest = room - used;
  return rest > tolerance(capacity) ? rest : 0;
}

/**
 * Requirements waiting for capacity, as parallel rows: due period, item, quantity still to
 * build. Build-ahead uses it as a stack (the top is due earliest), chase and level as a queue.
 * It grows by doubling, so its memory follows what actually waits, not items × periods.
 */
interface Pending {
  due: Int32Array;
  item: Int32Array;
  quantity: Float64Array;
  size: number;
}

function pendingList(): Pending {
  return { due: new Int32Array(64), item: new Int32Array(64), quantity: new Float64Array(64), size: 0 };
}

function push(list: Pending, due: number, item: number, quantity: number): void {
  if (list.size === list.due.length) {
    const size = 2 * list.size;
    list.due = copiedInto(list.due, new Int32Array(size));
    list.item = copiedInto(list.item, new Int32Array(size));
    list.quantity = copiedInto(list.quantity, new Float64Array(size));
  }
  list.due[list.size] = due;
  list.item[list.size] = item;
  list.quantity[list.size] = quantity;
  list.size++;
}

/**
 * What the build steps (build ahead, in period, late) share: each item's net requirements,
 * hours per unit and MPS row, and the resource as they use it up.
 */
interface LevelRun {
  needs: Float64Array[];
  hours: ArrayLike<number>;
  mpsRows: Float64Array[];
  /** Capacity still open to new production, per period; the build steps lower it. */
  open: Float64Array;
  capacity: Float64Array;
  /** The first period that may take new production (the planning time fence, at most the horizon). */
  fence: number;
}

/**
 * `levelItems` on inputs already checked.
 * @param input demand rows, per-item values, capacity, strategy and fence
 * @returns the levelled plans and the use of the resource
 */
export function levelCore(input: LevelInput): Levelling {
  const { demand, hoursPerUnit: hours, capacity, strategy } = input;
  const count = demand.length;
  const n = capacity.length;
  const fence = Math.min(input.planningTimeFence, n);
  const [load, spare, overload, utilization] = resultRows(4, n);
  // `spare` first holds the capacity still open to new production; it is recomputed at the end.
  const open = spare;
  for (let t = fence; t < n; t++) open[t] = capacity[t];

  const items: LevelledItem[] = new Array<LevelledItem>(count);
  const mpsRows: Float64Array[] = new Array<Float64Array>(count);
  const needs: Float64Array[] = new Array<Float64Array>(count);
  for (let i = 0; i < count; i++) {
    const [mps, projectedAvailable, netRequirements] = resultRows(3, n);
    const receipts = input.receipts === null ? null : input.receipts[i];
    const firm = input.firmMps === null ? null : input.firmMps[i];
    // Netting sees firm MPS and receipts alike; the MPS row holds their sum until it gets the firm MPS.
    let fixed: Series | null = firm ?? receipts;
    if (firm !== null && receipts !== null) {
      for (let t = 0; t < n; t++) mps[t] = firm[t] + receipts[t];
      fixed = mps;
    }
    const settings = { onHand: input.onHand[i], safetyStock: input.safetyStock[i], lot: LOT_FOR_LOT, planningTimeFence: fence };
    const plan = planCore(demand[i], settings, fixed, null, { mps: netRequirements, projectedAvailable });
    if (firm !== null) {
      mps.set(firm);
      for (let t = 0; t < n; t++) open[t] -= hours[i] * firm[t];
    }
    items[i] = { mps, projectedAvailable, netRequirements, rate: null, late: [], lateAfterHorizon: 0, actions: plan.actions };
    mpsRows[i] = mps;
    needs[i] = netRequirements;
  }
  if (input.firmMps !== null) for (let t = 0; t < n; t++) open[t] = leftOver(open[t], 0, capacity[t]);

  const run: LevelRun = { needs, hours, mpsRows, open, capacity, fence };
  const late = strategy === "build-ahead" ? buildAhead(run) : buildInPeriod(run, items, strategy === "level");
  buildLate(run, late, items);

  for (let i = 0; i < count; i++) {
    const { mps, projectedAvailable: pab } = items[i];
    const receipts = input.receipts === null ? null : input.receipts[i];
    const row = demand[i];
    const h = hours[i];
    let balance = input.onHand[i];
    for (let t = 0; t < n; t++) {
      balance += mps[t] + (receipts === null ? 0 : receipts[t]) - row[t];
      pab[t] = balance;
      load[t] += h * mps[t];
    }
  }
  return { items, ...useCore(capacity, load, { spare, overload, utilization }) };
}

/**
 * Backwards from the last period: each period builds the pending requirements due earliest
 * first (ties in item order) while capacity lasts. Requirements due in period t are pushed when
 * the sweep reaches t, last item first, so the stack's top is always the one due earliest.
 * @returns what is left pending: the requirements that must be built late, due earliest first
 */
function buildAhead(run: LevelRun): Pending {
  const { needs, hours, mpsRows, open, capacity, fence } = run;
  const count = needs.length;
  const n = open.length;
  const stack = pendingList();
  for (let t = n - 1; t >= fence; t--) {
    for (let i = count - 1; i >= 0; i--) {
      const need = needs[i][t];
      if (need > 0) push(stack, t, i, need);
    }
    let room = open[t];
    const { item, quantity } = stack;
    while (stack.size > 0 && room > 0) {
      const s = stack.size - 1;
      const i = item[s];
      const used = quantity[s] * hours[i];
      if (reaches(room, used)) {
        mpsRows[i][t] += quantity[s];
        room = leftOver(room, used, capacity[t]);
        stack.size--;
      } else {
        const part = room / hours[i];
        mpsRows[i][t] += part;
        quantity[s] -= part;
        room = 0;
      }
    }
    open[t] = room;
  }
  // The stack read from the top is in order of due period, then item: turn it into that queue.
  for (let a = 0, b = stack.size - 1; a < b; a++, b--) {
    swap(stack.due, a, b);
    swap(stack.item, a, b);
    swap(stack.quantity, a, b);
  }
  return stack;
}

function copiedInto<T extends Int32Array | Float64Array>(row: T, larger: T): T {
  larger.set(row);
  return larger;
}

function swap(row: Int32Array | Float64Array, a: number, b: number): void {
  const x = row[a];
  row[a] = row[b];
  row[b] = x;
}

/**
 * Chase and level: each period from the fence on builds its own requirement (the net
 * requirement, or the level rate), items in order, while capacity lasts.
 * @returns what does not fit, in order of due period, then item
 */
function buildInPeriod(run: LevelRun, items: LevelledItem[], level: boolean): Pending {
  const { needs, hours, mpsRows, open, capacity, fence } = run;
  const count = needs.length;
  const n = open.length;
  const rates = new Float64Array(count);
  if (level) {
    for (let i = 0; i < count; i++) {
      // The rate must cover the cumulative net requirement to every period t by period t.
      let cumulative = 0;
      let rate = 0;
      for (let t = fence; t < n; t++) {
        cumulative += needs[i][t];
        if (cumulative > 0) rate = Math.max(rate, lotsToCover(cumulative, t - fence + 1));
      }
      items[i].rate = rates[i] = rate;
    }
  }
  const queue = pendingList();
  for (let t = fence; t < n; t++) {
    let room = open[t];
    for (let i = 0; i < count; i++) {
      const need = level ? rates[i] : needs[i][t];
      if (!(need > 0)) continue;
      const used = need * hours[i];
      if (reaches(room, used)) {
        mpsRows[i][t] += need;
        room = leftOver(room, used, capacity[t]);
        continue;
      }
      const part = room / hours[i];
      mpsRows[i][t] += part;
      room = 0;
      push(queue, t, i, need - part);
    }
    open[t] = room;
  }
  return queue;
}

/**
 * Build late requirements, in queue order, in the earliest periods after their due period
 * with capacity left. One pointer walks the periods once: requirements come in order of due
 * period, and a period left without capacity never gets any back.
 */
function buildLate(run: LevelRun, late: Pending, items: LevelledItem[]): void {
  const { hours, open, capacity, fence } = run;
  const n = open.length;
  let p = fence;
  for (let s = 0; s < late.size; s++) {
    const duePeriod = late.due[s];
    const i = late.item[s];
    const h = hours[i];
    const { mps, late: lots } = items[i];
    let left = late.quantity[s];
    if (p <= duePeriod) p = duePeriod + 1;
    while (p < n) {
      const room = open[p];
      if (!(room > 0)) {
        p++;
        continue;
      }
      const used = left * h;
      if (reaches(room, used)) {
        mps[p] += left;
        lots.push({ duePeriod, quantity: left, builtPeriod: p });
        open[p] = leftOver(room, used, capacity[p]);
        left = 0;
        break;
      }
      const part = room / h;
      mps[p] += part;
      lots.push({ duePeriod, quantity: part, builtPeriod: p });
      left -= part;
      open[p] = 0;
      p++;
    }
    if (left > 0) {
      lots.push({ duePeriod, quantity: left, builtPeriod: null });
      items[i].lateAfterHorizon += left;
    }
  }
}
