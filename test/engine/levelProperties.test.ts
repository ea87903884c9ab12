import fc from "fast-check";
import { LEVEL_STRATEGIES, type LevelStrategy, levelItems, levelMps, loadOf } from "../../src/engine";
import { sum, unwrap } from "./helpers";

const TOLERANCE = 1e-6;

interface Case {
  demand: number[][];
  onHand: number[];
  safetyStock: number[];
  hoursPerUnit: number[];
  receipts: number[][];
  firmMps: number[][];
  capacity: number[];
  strategy: LevelStrategy;
  planningTimeFence: number;
}

/**
 * Small random cases. Hours per unit are powers of two, so every quantity and every division
 * is exact in binary and the fast algorithm and the reference can be compared closely.
 */
const caseOf = (options: { firm: boolean; maxItems: number }) =>
  fc
    .record({ items: fc.integer({ min: 1, max: options.maxItems }), n: fc.integer({ min: 0, max: 10 }) })
    .chain(({ items, n }) => {
      const row = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n });
      const sparse = (max: number) => fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max })), { minLength: n, maxLength: n });
      const perItem = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { minLength: items, maxLength: items });
      return fc.record({
        demand: perItem(row(60)),
        onHand: perItem(fc.integer({ min: 0, max: 60 })),
        safetyStock: perItem(fc.integer({ min: 0, max: 20 })),
        hoursPerUnit: perItem(fc.constantFrom(0.5, 1, 2, 4)),
        receipts: perItem(sparse(40)),
        firmMps: options.firm ? perItem(sparse(30)) : fc.constant(Array.from({ length: items }, () => new Array<number>(n).fill(0))),
        capacity: row(150),
        strategy: fc.constantFrom(...LEVEL_STRATEGIES),
        planningTimeFence: fc.integer({ min: 0, max: 3 }),
      });
    });

function run(c: Case) {
  return unwrap(levelItems(c.demand, c));
}

/** Textbook lot-for-lot netting: a lot where the balance would fall below safety stock, none inside the fence. */
function naiveNet(demand: number[], onHand: number, safetyStock: number, fixed: number[], fence: number): number[] {
  let balance = onHand;
  return demand.map((d, t) => {
    const projected = balance + fixed[t] - d;
    const net = t >= fence && projected < safetyStock ? safetyStock - projected : 0;
    balance = projected + net;
    return net;
  });
}

interface NaiveLot {
  duePeriod: number;
  quantity: number;
  builtPeriod: number | null;
}

/**
 * The rules, written the slow and obvious way: every choice rescans every pending
 * requirement (O(requirements) per step), and the level rate is found by trying 0, 1, 2, …
 */
function naiveLevel(c: Case): { mps: number[][]; late: NaiveLot[][]; rates: number[] } {
  const n = c.capacity.length;
  const items = c.demand.length;
  const fence = Math.min(c.planningTimeFence, n);
  const fixed = c.demand.map((_, i) => c.receipts[i].map((r, t) => r + c.firmMps[i][t]));
  const nets = c.demand.map((d, i) => naiveNet(d, c.onHand[i], c.safetyStock[i], fixed[i], fence));
  const mps = c.firmMps.map((row) => [...row]);
  const room = c.capacity.map((cap, t) => (t < fence ? 0 : Math.max(0, cap - sum(c.firmMps.map((row, i) => row[t] * c.hoursPerUnit[i])))));
  const rates = c.demand.map((d, i) => {
    if (c.strategy !== "level") return 0;
    for (let rate = 0; ; rate++) {
      let balance = c.onHand[i];
      let fine = true;
      for (let t = 0; t < n; t++) {
        balance += fixed[i][t] + (t >= fence ? rate : 0) - d[t];
        if (t >= fence && balance < c.safetyStock[i]) fine = false;
      }
      if (fine) return rate;
    }
  });
  const requirements: Array<{ due: number; item: number; quantity: number }> = [];
  for (let t = fence; t < n; t++) {
    for (let i = 0; i < items; i++) {
      const quantity = c.strategy === "level" ? rates[i] : nets[i][t];
      if (quantity > 0) requirements.push({ due: t, item: i, quantity });
    }
  }
  const build = (r: { item: number; quantity: number }, t: number): number => {
    const h = c.hoursPerUnit[r.item];
    const quantity = Math.min(r.quantity, room[t] / h);
    mps[r.item][t] += quantity;
    r.quantity -= quantity;
    room[t] -= quantity * h;
    return quantity;
  };
  if (c.strategy === "build-ahead") {
    for (let t = n - 1; t >= fence; t--) {
      for (;;) {
        let best: (typeof requirements)[number] | undefined;
        for (const r of requirements) {
          if (r.quantity <= 0 || r.due < t) continue;
          if (best === undefined || r.due < best.due || (r.due === best.due && r.item < best.item)) best = r;
        }
        if (best === undefined || room[t] <= 0) break;
        build(best, t);
      }
    }
  } else {
    for (const r of requirements) build(r, r.due);
  }
  const late: NaiveLot[][] = c.demand.map(() => []);
  const waiting = requirements.filter((r) => r.quantity > 0).sort((a, b) => a.due - b.due || a.item - b.item);
  for (const r of waiting) {
    for (let p = r.due + 1; p < n && r.quantity > 0; p++) {
      if (room[p] <= 0) continue;
      const built = build(r, p);
      if (built > 0) late[r.item].push({ duePeriod: r.due, quantity: built, builtPeriod: p });
    }
    if (r.quantity > 0) late[r.item].push({ duePeriod: r.due, quantity: r.quantity, builtPeriod: null });
  }
  return { mps, late, rates };
}

describe("levelItems against the slow reference", () => {
  it("plans the same MPS rows, late lots and rates for every strategy, fence, firm MPS and receipts", () => {
    fc.assert(
      fc.property(caseOf({ firm: true, maxItems: 4 }), (c) => {
        const fast = run(c);
        const naive = naiveLevel(c);
        fast.items.forEach((item, i) => {
          expect(Array.from(item.mps)).toEqual(naive.mps[i]);
          expect(item.late).toEqual(naive.late[i]);
          if (c.strategy === "level") expect(item.rate).toBe(naive.rates[i]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("levelItems properties", () => {
  const requirementOf = (c: Case, item: { netRequirements: Float64Array; rate: number | null }, n: number) =>
    c.strategy === "level" ? (item.rate ?? 0) * (n - Math.min(c.planningTimeFence, n)) : sum(item.netRequirements);

  it("never loads the resource above capacity, except where a firm MPS alone does; overload and spare add up", () => {
    fc.assert(
      fc.property(caseOf({ firm: true, maxItems: 4 }), (c) => {
        const l = run(c);
        c.capacity.forEach((capacity, t) => {
          const firm = sum(c.firmMps.map((row, i) => row[t] * c.hoursPerUnit[i]));
          const added = sum(l.items.map((item, i) => (item.mps[t] - c.firmMps[i][t]) * c.hoursPerUnit[i]));
          expect(added).toBeGreaterThanOrEqual(-TOLERANCE);
          if (added > TOLERANCE) expect(l.load[t]).toBeLessThanOrEqual(capacity + TOLERANCE);
          expect(l.load[t]).toBeCloseTo(firm + added, 6);
          expect(l.overload[t]).toBeCloseTo(Math.max(0, l.load[t] - capacity), 6);
          expect(l.spare[t]).toBeCloseTo(Math.max(0, capacity - l.load[t]), 6);
          if (t < c.planningTimeFence) expect(added).toBeCloseTo(0, 9);
        });
      }),
    );
  });

  it("produces the requirement minus what is still late at the horizon; late lots add up and come after their due period", () => {
    fc.assert(
      fc.property(caseOf({ firm: true, maxItems: 4 }), (c) => {
        const l = run(c);
        const n = c.capacity.length;
        l.items.forEach((item, i) => {
          const produced = sum(item.mps) - sum(c.firmMps[i]);
          expect(produced).toBeCloseTo(requirementOf(c, item, n) - item.lateAfterHorizon, 6);
          let afterHorizon = 0;
          for (const lot of item.late) {
            expect(lot.quantity).toBeGreaterThan(0);
            if (lot.builtPeriod === null) afterHorizon += lot.quantity;
            else expect(lot.builtPeriod).toBeGreaterThan(lot.duePeriod);
          }
          expect(afterHorizon).toBeCloseTo(item.lateAfterHorizon, 6);
        });
      }),
    );
  });

  it("follows the PAB equation, and keeps PAB at or above safety stock from the fence on when nothing of the item is late", () => {
    fc.assert(
      fc.property(caseOf({ firm: true, maxItems: 3 }), (c) => {
        const l = run(c);
        l.items.forEach((item, i) => {
          let balance = c.onHand[i];
          c.capacity.forEach((_, t) => {
            balance += item.mps[t] + c.receipts[i][t] - c.demand[i][t];
            expect(item.projectedAvailable[t]).toBeCloseTo(balance, 6);
            if (item.late.length === 0 && t >= c.planningTimeFence) expect(balance).toBeGreaterThanOrEqual(c.safetyStock[i] - TOLERANCE);
          });
        });
      }),
    );
  });

  it("build-ahead builds nothing earlier than needed: a unit built in time and moved one period later breaks safety stock or capacity", () => {
    fc.assert(
      fc.property(caseOf({ firm: true, maxItems: 4 }), (c) => {
        const l = run({ ...c, strategy: "build-ahead" });
        const n = c.capacity.length;
        l.items.forEach((item, i) => {
          for (let t = 0; t + 1 < n; t++) {
            const builtLate = sum(item.late.filter((lot) => lot.builtPeriod === t).map((lot) => lot.quantity));
            if (item.mps[t] - c.firmMps[i][t] - builtLate <= TOLERANCE) continue;
            const roomNext = l.spare[t + 1] > TOLERANCE;
            const aboveSafety = item.projectedAvailable[t] > c.safetyStock[i] + TOLERANCE;
            expect(roomNext && aboveSafety).toBe(false);
          }
        });
      }),
    );
  });

  it("builds late quantities as early as possible: no spare capacity between the due period and where a lot is built", () => {
    fc.assert(
      fc.property(caseOf({ firm: true, maxItems: 4 }), (c) => {
        const l = run(c);
        const n = c.capacity.length;
        for (const item of l.items) {
          for (const lot of item.late) {
            const end = lot.builtPeriod ?? n;
            for (let p = lot.duePeriod + 1; p < end; p++) expect(l.spare[p]).toBeLessThanOrEqual(TOLERANCE);
          }
        }
      }),
    );
  });

  it("chase never builds ahead: new production to any period is at most the net requirement to it", () => {
    fc.assert(
      fc.property(caseOf({ firm: true, maxItems: 4 }), (c) => {
        const l = run({ ...c, strategy: "chase" });
        l.items.forEach((item, i) => {
          let produced = 0;
          let needed = 0;
          c.capacity.forEach((_, t) => {
            produced += item.mps[t] - c.firmMps[i][t];
            needed += item.netRequirements[t];
            expect(produced).toBeLessThanOrEqual(needed + TOLERANCE);
          });
        });
      }),
    );
  });

  it("level plans the rate in every period from the fence on wherever capacity allows, and no rate below it keeps safety stock", () => {
    fc.assert(
      fc.property(caseOf({ firm: false, maxItems: 1 }), (c) => {
        const unlimited = { ...c, capacity: c.capacity.map(() => 1e6), strategy: "level" as const };
        const [item] = run(unlimited).items;
        const rate = item.rate ?? 0;
        const fence = Math.min(c.planningTimeFence, c.capacity.length);
        c.capacity.forEach((_, t) => expect(item.mps[t]).toBe(t < fence ? 0 : rate));
        expect(Number.isInteger(rate)).toBe(true);
        if (rate > 0) {
          // one unit less per period leaves some period from the fence on below safety stock
          let balance = c.onHand[0];
          let short = false;
          c.capacity.forEach((_, t) => {
            balance += c.receipts[0][t] + (t >= fence ? rate - 1 : 0) - c.demand[0][t];
            if (t >= fence && balance < c.safetyStock[0]) short = true;
          });
          expect(short).toBe(true);
        }
      }),
    );
  });

  it("with one item equals levelMps, and levelMps single-item build-ahead equals the carry-backwards formula", () => {
    fc.assert(
      fc.property(caseOf({ firm: true, maxItems: 1 }), (c) => {
        const options = {
          onHand: c.onHand[0],
          safetyStock: c.safetyStock[0],
          hoursPerUnit: c.hoursPerUnit[0],
          receipts: c.receipts[0],
          firmMps: c.firmMps[0],
          capacity: c.capacity,
          strategy: c.strategy,
          planningTimeFence: c.planningTimeFence,
        };
        const one = unwrap(levelMps(c.demand[0], options));
        const { items, ...use } = run(c);
        expect({ ...items[0], ...use }).toEqual(one);
      }),
    );
    // One item, no fence, no firm MPS: backwards, each period builds min(capacity, its need +
    // what later periods could not build); what is still carried at period 0 is late.
    fc.assert(
      fc.property(caseOf({ firm: false, maxItems: 1 }), (c) => {
        const one = unwrap(levelMps(c.demand[0], { onHand: c.onHand[0], safetyStock: c.safetyStock[0], receipts: c.receipts[0], capacity: c.capacity }));
        let carried = 0;
        for (let t = c.capacity.length - 1; t >= 0; t--) {
          const built = one.mps[t] - (one.late.filter((lot) => lot.builtPeriod === t).reduce((a, lot) => a + lot.quantity, 0));
          const expected = Math.min(c.capacity[t], one.netRequirements[t] + carried);
          expect(built).toBeCloseTo(expected, 9);
          carried += one.netRequirements[t] - expected;
        }
        expect(sum(one.late.map((lot) => lot.quantity))).toBeCloseTo(carried, 9);
      }),
    );
  });

  it("is deterministic and returns results independent of earlier calls", () => {
    fc.assert(
      fc.property(caseOf({ firm: true, maxItems: 3 }), caseOf({ firm: true, maxItems: 3 }), (a, b) => {
        const first = run(a);
        run(b);
        expect(run(a)).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });
});

describe("capacity functions", () => {
  it("return a result and never throw, whatever they are given", () => {
    const anything = fc.anything();
    fc.assert(
      fc.property(anything, anything, anything, (a, b, c) => {
        const calls: Array<() => { ok: boolean }> = [
          () => loadOf(a as never, b as never),
          () => loadOf([1, 2], [a, b] as never),
          () => levelMps(a as never, b as never),
          () => levelMps([1, 2], { onHand: 1, capacity: a, hoursPerUnit: b, strategy: c } as never),
          () => levelItems(a as never, b as never),
          () => levelItems([[1, 2], a] as never, { onHand: b, capacity: c } as never),
          () => levelItems([[1, 2]], { onHand: [1], capacity: 1, safetyStock: a, receipts: b, firmMps: c } as never),
        ];
        for (const call of calls) expect(typeof call().ok).toBe("boolean");
      }),
    );
  });
});
