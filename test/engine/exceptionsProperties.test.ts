import fc from "fast-check";
import {
  ATP_METHODS,
  compareLoad,
  EXCEPTION_TYPES,
  type ExceptionInput,
  type ExceptionMessage,
  type ExceptionType,
  exceptionsOf,
  LEVEL_STRATEGIES,
  levelMps,
  loadOf,
  planItem,
  PRODUCTION_MODELS,
} from "../../src/engine";
import { coachMessages } from "../../src/engine/messages";
import { unwrap } from "./helpers";

const NOISE = 1e-9;
const below = (value: number, floor: number) => value < floor - NOISE * Math.max(1, Math.abs(value), Math.abs(floor));
const positive = (value: number) => below(0, value);
const severity = (type: ExceptionType) => EXCEPTION_TYPES.indexOf(type);
const name = coachMessages.period;

/**
 * The textbook reference: each message type found by its own straightforward scan of the
 * record, the receipts' need periods by recomputing the whole firm projection for each
 * receipt, then everything sorted by period and severity.
 */
function naiveExceptions(x: ExceptionInput): ExceptionMessage[] {
  const n = x.demand.length;
  const ss = x.safetyStock ?? 0;
  const ptf = x.planningTimeFence ?? 0;
  const dtf = x.demandTimeFence ?? 0;
  const lines: ExceptionMessage[] = [];
  const add = (period: number, type: ExceptionType, quantity: number, message: string) => lines.push({ period, type, quantity, message });
  const pab = x.projectedAvailable;
  const actions = x.actions ?? [];
  const expediteIn = (t: number) => actions.filter((a) => a.type === "expedite" && a.period === t).reduce((s, a) => s + a.quantity, 0);

  for (let t = 0; t < n; t++) {
    const e = expediteIn(t);
    if (positive(e)) add(t, "expedite", e, coachMessages.expedite(name(t), e, pab[t], ss));
    else if (below(pab[t], 0)) add(t, "shortage", -pab[t], coachMessages.shortage(name(t), -pab[t], t < ptf));
    else if (below(pab[t], ss)) add(t, "below-safety-stock", ss - pab[t], coachMessages.belowSafetyStock(name(t), ss - pab[t], pab[t], ss));
  }
  for (let t = 0; t < n; t++) {
    const splits = actions.filter((a) => a.type === "split-lot" && a.period === t);
    const quantity = splits.reduce((s, a) => s + a.quantity, 0);
    const lots = splits.reduce((s, a) => s + (a.type === "split-lot" ? a.lots : 0), 0);
    if (positive(quantity)) add(t, "split-lot", quantity, coachMessages.splitLot(name(t), quantity, lots));
  }
  if (x.atp) for (let t = 0; t < n; t++) if (below(x.atp[t], 0)) add(t, "overpromised", -x.atp[t], coachMessages.overpromised(name(t), -x.atp[t]));
  for (let t = 0; t < n; t++) {
    const lots = (x.late ?? []).filter((l) => l.duePeriod === t);
    const total = lots.reduce((s, l) => s + l.quantity, 0);
    if (!positive(total)) continue;
    const built = lots.filter((l) => l.builtPeriod !== null).map((l) => l.builtPeriod as number);
    const after = lots.filter((l) => l.builtPeriod === null).reduce((s, l) => s + l.quantity, 0);
    const first = built.length ? name(Math.min(...built)) : null;
    const last = built.length ? name(Math.max(...built)) : null;
    add(t, "late", total, coachMessages.late(name(t), total, first, last, after));
  }
  if (n > 0 && x.releasePastDue) {
    const row = Array.from(x.releasePastDue);
    const total = row.reduce((s, q) => s + q, 0);
    const lastDue = row.reduce((d, q, i) => (q > 0 ? i : d), 0);
    if (positive(total)) add(0, "release-past-due", total, coachMessages.releasePastDue(name(0), total, name(lastDue)));
  }
  if (n > 0 && positive(x.pastDueLoad ?? 0)) add(0, "past-due-load", x.pastDueLoad as number, coachMessages.pastDueLoad(name(0), x.pastDueLoad as number));
  if (x.capacityUse) {
    const { load, capacity, overload } = x.capacityUse;
    const text = (x.capacityStrategy ?? "check") === "check" ? coachMessages.overload : coachMessages.firmOverload;
    for (let t = 0; t < n; t++) if (positive(overload[t])) add(t, "overload", overload[t], text(name(t), overload[t], load[t], capacity[t]));
  }

  // Receipts, earliest first: needed where the firm projection (without planned MPS, with the
  // earlier receipts at their need periods, without this one and the later ones) first falls below.
  const receipts = x.receipts ? Array.from(x.receipts) : new Array<number>(n).fill(0);
  const onHand = x.onHand ?? (n > 0 ? pab[0] - x.mps[0] - receipts[0] + x.demand[0] : 0);
  const firmAt = (t: number) => (t < ptf ? x.mps[t] : x.firmMps ? x.firmMps[t] : 0);
  const placed: { at: number; quantity: number }[] = [];
  for (let r = 0; r < n; r++) {
    if (!positive(receipts[r])) continue;
    let projection = onHand;
    let need = -1;
    for (let t = 0; t < n && need < 0; t++) {
      projection += firmAt(t) - x.demand[t] + placed.filter((p) => p.at === t).reduce((s, p) => s + p.quantity, 0);
      if (below(projection, ss)) need = t;
    }
    if (need < 0) add(r, "cancel", receipts[r], coachMessages.cancel(name(r), receipts[r]));
    else {
      placed.push({ at: need, quantity: receipts[r] });
      if (need < r) add(r, "reschedule-in", receipts[r], coachMessages.rescheduleIn(name(r), receipts[r], name(need)));
      if (need > r) add(r, "reschedule-out", receipts[r], coachMessages.rescheduleOut(name(r), receipts[r], name(need)));
    }
  }

  if (x.excessOrders) for (let t = 0; t < n; t++) if (positive(x.excessOrders[t])) add(t, "forecast-low", x.excessOrders[t], coachMessages.forecastLow(name(t), x.excessOrders[t]));
  if (x.remainingForecast) {
    for (let t = 0; t < Math.min(dtf, n); t++) {
      const left = x.remainingForecast[t];
      if (positive(left)) add(t, "forecast-unconsumed", left, coachMessages.forecastUnconsumed(name(t), left));
    }
  }
  const signal = x.trackingSignal;
  if (n > 0 && signal != null && Math.abs(signal) > 4) add(0, "forecast-bias", Math.abs(signal), coachMessages.forecastBias(signal, 4));
  return lines.sort((a, b) => a.period - b.period || severity(a.type) - severity(b.type));
}

const qty = fc.integer({ min: 0, max: 60 });
const sparse = (n: number) => fc.array(fc.oneof(fc.constant(0), fc.constant(0), qty), { minLength: n, maxLength: n });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const extras = fc.record({
  trackingSignal: maybe(fc.double({ min: -10, max: 10, noNaN: true })),
  leadTime: fc.integer({ min: 0, max: 3 }),
});

/** A record from planItem, with a rough-cut check (bill with offsets) and planned starts by lead time. */
const plannedRecord = fc.integer({ min: 0, max: 14 }).chain((n) =>
  fc
    .record({
      forecast: fc.array(qty, { minLength: n, maxLength: n }),
      orders: sparse(n),
      receipts: sparse(n),
      firmMps: maybe(sparse(n)),
      onHand: fc.integer({ min: 0, max: 120 }),
      safetyStock: fc.integer({ min: 0, max: 30 }),
      planningTimeFence: fc.integer({ min: 0, max: n + 1 }),
      demandTimeFence: fc.integer({ min: 0, max: n + 1 }),
      backward: fc.integer({ min: 0, max: 2 }),
      forward: fc.integer({ min: 0, max: 2 }),
      model: fc.constantFrom(...PRODUCTION_MODELS),
      atpMethod: fc.constantFrom(...ATP_METHODS),
      maxLot: maybe(fc.integer({ min: 10, max: 60 })),
      bill: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
      capacity: maybe(fc.integer({ min: 0, max: 150 })),
      extras,
    })
    .map((g): ExceptionInput => {
      const { bill, capacity, extras: e, ...item } = g;
      const record = unwrap(planItem(item));
      const input: ExceptionInput = {
        ...record,
        safetyStock: g.model === "MTO" ? 0 : g.safetyStock,
        planningTimeFence: g.planningTimeFence,
        demandTimeFence: g.demandTimeFence,
        firmMps: g.firmMps,
        trackingSignal: e.trackingSignal,
        releasePastDue: Array.from(record.mps, (q, t) => (t < e.leadTime ? q : 0)),
      };
      if (capacity !== undefined) {
        const load = unwrap(loadOf(record.mps, [bill]));
        return { ...input, capacityUse: unwrap(compareLoad(load.load[0], capacity)), pastDueLoad: load.pastDue[0], capacityStrategy: "check" };
      }
      return input;
    }),
);

/** A levelled plan: late lots, firm overloads, expedites in the fence. */
const levelledRecord = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc
    .record({
      demand: fc.array(qty, { minLength: n, maxLength: n }),
      receipts: sparse(n),
      firmMps: maybe(sparse(n)),
      onHand: fc.integer({ min: 0, max: 60 }),
      safetyStock: fc.integer({ min: 0, max: 20 }),
      planningTimeFence: fc.integer({ min: 0, max: n }),
      capacity: fc.integer({ min: 0, max: 50 }),
      strategy: fc.constantFrom(...LEVEL_STRATEGIES),
      extras,
    })
    .map((g): ExceptionInput => {
      const { demand, extras: e, ...options } = g;
      const levelled = unwrap(levelMps(demand, options));
      return {
        demand,
        ...levelled,
        receipts: g.receipts,
        firmMps: g.firmMps,
        safetyStock: g.safetyStock,
        planningTimeFence: g.planningTimeFence,
        capacityUse: levelled,
        capacityStrategy: g.strategy,
        trackingSignal: e.trackingSignal,
      };
    }),
);

const anyRecord = fc.oneof(plannedRecord, levelledRecord);

describe("exceptionsOf properties", () => {
  it("agrees with the straightforward per-type reference", () => {
    fc.assert(
      fc.property(anyRecord, (input) => {
        expect(unwrap(exceptionsOf(input))).toEqual(naiveExceptions(input));
      }),
      { numRuns: 300 },
    );
  });

  it("lines are sorted by period then severity, one per period and type, quantities positive", () => {
    fc.assert(
      fc.property(anyRecord, (input) => {
        const lines = unwrap(exceptionsOf(input));
        for (const line of lines) {
          expect(line.quantity).toBeGreaterThan(0);
          expect(line.period).toBeGreaterThanOrEqual(0);
          expect(line.period).toBeLessThan(input.demand.length);
          expect(line.message).not.toBe("");
        }
        for (let i = 1; i < lines.length; i++) {
          const [a, b] = [lines[i - 1], lines[i]];
          expect(a.period < b.period || (a.period === b.period && severity(a.type) < severity(b.type))).toBe(true);
        }
      }),
    );
  });

  it("never contradicts the record: expedites only inside the fence, overloads only where load exceeds capacity", () => {
    fc.assert(
      fc.property(anyRecord, (input) => {
        const lines = unwrap(exceptionsOf(input));
        for (const line of lines) {
          if (line.type === "expedite") expect(line.period).toBeLessThan(input.planningTimeFence ?? 0);
          if (line.type === "overload") {
            const use = input.capacityUse;
            expect(use).toBeDefined();
            expect(use!.load[line.period] - use!.capacity[line.period]).toBeCloseTo(line.quantity, 6);
          }
          if (line.type === "forecast-unconsumed") expect(line.period).toBeLessThan(input.demandTimeFence ?? 0);
          if (line.type === "overpromised") expect(input.atp![line.period]).toBe(-line.quantity);
          if (line.type === "forecast-low") expect(input.excessOrders![line.period]).toBe(line.quantity);
        }
      }),
    );
  });

  it("every period below safety stock has exactly one line saying so; shortages are −PAB", () => {
    fc.assert(
      fc.property(anyRecord, (input) => {
        const lines = unwrap(exceptionsOf(input));
        const ss = input.safetyStock ?? 0;
        const pab = input.projectedAvailable;
        let shortages = 0;
        let negative = 0;
        for (let t = 0; t < pab.length; t++) {
          const stock = lines.filter((l) => l.period === t && ["shortage", "expedite", "below-safety-stock"].includes(l.type));
          expect(stock.length).toBe(below(pab[t], ss) ? 1 : 0);
          const shortage = stock.find((l) => l.type === "shortage");
          if (shortage) shortages += shortage.quantity;
          if (below(pab[t], 0) && !lines.some((l) => l.period === t && l.type === "expedite")) negative -= pab[t];
          const gap = stock.find((l) => l.type === "below-safety-stock");
          if (gap) expect(gap.quantity).toBeCloseTo(ss - pab[t], 9);
        }
        expect(shortages).toBeCloseTo(negative, 6);
      }),
    );
  });

  it("late lines add up to the late lots; a receipt gets at most one move, for its whole quantity", () => {
    fc.assert(
      fc.property(anyRecord, (input) => {
        const lines = unwrap(exceptionsOf(input));
        const lateLines = lines.filter((l) => l.type === "late").reduce((s, l) => s + l.quantity, 0);
        const lateLots = (input.late ?? []).reduce((s, l) => s + l.quantity, 0);
        expect(lateLines).toBeCloseTo(lateLots, 6);
        // a receipt gets at most one of in / out / cancel, in its own period, for its whole quantity
        const moves = lines.filter((l) => ["reschedule-in", "reschedule-out", "cancel"].includes(l.type));
        for (const move of moves) expect(move.quantity).toBe(input.receipts![move.period]);
        expect(new Set(moves.map((m) => m.period)).size).toBe(moves.length);
      }),
    );
  });

  it("moving the receipts as told never brings a shortage earlier, and after a cancel none is left", () => {
    fc.assert(
      fc.property(anyRecord, (input) => {
        const lines = unwrap(exceptionsOf(input));
        const n = input.demand.length;
        const ss = input.safetyStock ?? 0;
        const ptf = input.planningTimeFence ?? 0;
        const receipts = input.receipts ? Array.from(input.receipts) : new Array<number>(n).fill(0);
        const moved = [...receipts];
        for (const line of lines) {
          if (!["reschedule-in", "reschedule-out", "cancel"].includes(line.type)) continue;
          moved[line.period] -= line.quantity;
          const to = line.message.match(/ to Period (\d+),/);
          if (to) moved[Number(to[1]) - 1] += line.quantity;
        }
        const onHand = n > 0 ? input.projectedAvailable[0] - input.mps[0] - receipts[0] + input.demand[0] : 0;
        const firstBelow = (supply: number[]) => {
          let balance = onHand;
          for (let t = 0; t < n; t++) {
            balance += (t < ptf ? input.mps[t] : input.firmMps ? input.firmMps[t] : 0) + supply[t] - input.demand[t];
            if (below(balance, ss)) return t;
          }
          return n;
        };
        expect(firstBelow(moved)).toBeGreaterThanOrEqual(firstBelow(receipts));
        if (lines.some((l) => l.type === "cancel")) expect(firstBelow(moved)).toBe(n);
      }),
    );
  });

  it("never throws, whatever it is given", () => {
    const row = fc.oneof(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double(), fc.string()), { maxLength: 4 }), fc.anything());
    fc.assert(
      fc.property(
        fc.record(
          {
            demand: row,
            mps: row,
            projectedAvailable: row,
            receipts: row,
            atp: row,
            actions: fc.anything(),
            late: fc.anything(),
            capacityUse: fc.oneof(fc.anything(), fc.record({ load: row, capacity: row, overload: row })),
            safetyStock: fc.anything(),
            planningTimeFence: fc.anything(),
            periodName: fc.anything(),
            trackingSignal: fc.anything(),
          },
          { requiredKeys: [] },
        ),
        (input) => {
          const result = exceptionsOf(input as never);
          expect(typeof result.ok).toBe("boolean");
        },
      ),
    );
  });
});
