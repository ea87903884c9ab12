/**
 * planItem's optional rows: lead time (Planned start), lot limits (Lots), plan from (Expired
 * forecast), capacity (Load, Capacity, Utilization %) with the check and the levelling
 * strategies. Every expectation is worked out by hand in the comment above it.
 */
import fc from "fast-check";
import { CAPACITY_STRATEGIES, LARGEST_TABLE_ROWS, levelMps, planItem, planMps, tableLabels, tableRows, type ItemInput } from "../../src/engine";
import { errorOf, list, repeat, rounded, sum, unwrap } from "./helpers";

const NO_ORDERS = (n: number) => repeat(0, n);

describe("planItem with a lead time", () => {
  it("repeats the doc example: build-ahead within 50, lead time 1", () => {
    const r = unwrap(
      planItem({ forecast: [20, 40, 80, 30], orders: NO_ORDERS(4), onHand: 0, leadTime: 1, capacity: 50, capacityStrategy: "build-ahead" }),
    );
    expect(list(r.mps)).toEqual([40, 50, 50, 30]);
    expect(list(r.plannedStart!)).toEqual([90, 50, 30, 0]);
    expect(list(r.load!)).toEqual([40, 50, 50, 30]);
    expect(list(r.capacity!)).toEqual([50, 50, 50, 50]);
    expect(list(r.utilization!)).toEqual([80, 100, 100, 60]);
  });

  it("starts each MPS quantity lead-time periods earlier; a start before period 0 is released in period 0", () => {
    // demand 10 × 5, on hand 15, LFL: PAB 5, then 5 short → MPS 0, 5, 10, 10, 10.
    // Lead time 2: period 1's 5 should start in period −1 → period 0 (past due);
    // period 2's 10 starts in 0, period 3's in 1, period 4's in 2 → 15, 10, 10, 0, 0
    const r = unwrap(planItem({ forecast: repeat(10, 5), orders: NO_ORDERS(5), onHand: 15, leadTime: 2 }));
    expect(list(r.mps)).toEqual([0, 5, 10, 10, 10]);
    expect(list(r.plannedStart!)).toEqual([15, 10, 10, 0, 0]);
    expect(list(r.releasePastDue!)).toEqual([0, 5, 0, 0, 0]);
    expect(sum(r.plannedStart!)).toBe(sum(r.mps));
  });

  it("has a Planned start row equal to the MPS for lead time 0, and none without a lead time", () => {
    const input: ItemInput = { forecast: [10, 10], orders: [0, 0], onHand: 5 };
    expect(list(unwrap(planItem({ ...input, leadTime: 0 })).plannedStart!)).toEqual([5, 10]);
    expect(unwrap(planItem(input)).plannedStart).toBeNull();
    expect(unwrap(planItem({ ...input, leadTime: null as never })).releasePastDue).toBeNull();
  });

  it("refuses a negative or fractional lead time", () => {
    const input: ItemInput = { forecast: [10], orders: [0], onHand: 0 };
    expect(errorOf(planItem({ ...input, leadTime: -1 }))).toMatchObject({ field: "leadTime", value: -1 });
    expect(errorOf(planItem({ ...input, leadTime: 1.5 }))).toMatchObject({ field: "leadTime", value: 1.5 });
  });
});

describe("planItem with lot limits", () => {
  // demand 100, 250, 40, 0, on hand 0, LFL, min 50, max 100, multiple 30:
  // period 0: need 100 → multiple of 30 → 120 (2 lots of ≤ 100), PAB 20
  // period 1: 20 − 250 = −230 → 230 → 240 (3 lots), PAB 10
  // period 2: 10 − 40 = −30 → 30 → min 50 → multiple 60 (1 lot), PAB 30; period 3: 30, nothing
  const input: ItemInput = { forecast: [100, 250, 40, 0], orders: NO_ORDERS(4), onHand: 0, minLot: 50, maxLot: 100, multiple: 30 };

  it("sizes lots with min, max and multiple and shows the split in Lots", () => {
    const r = unwrap(planItem(input));
    expect(list(r.mps)).toEqual([120, 240, 60, 0]);
    expect(list(r.projectedAvailable)).toEqual([20, 10, 30, 30]);
    expect(list(r.lots!)).toEqual([2, 3, 1, 0]);
    expect(r.actions.map((a) => [a.type, a.period, a.quantity])).toEqual([
      ["split-lot", 0, 120],
      ["split-lot", 1, 240],
    ]);
  });

  it("has no Lots row without a maximum lot", () => {
    expect(unwrap(planItem({ ...input, maxLot: undefined })).lots).toBeNull();
  });

  it("counts the lots of a firm MPS too: the whole MPS quantity is released in lots of at most max lot", () => {
    // firm 150 in period 0 covers 100 and leaves 50; period 1: 50 − 250 → 200 (LFL) → 2 lots; period 0: 150 → 2 lots
    const r = unwrap(planItem({ forecast: [100, 250], orders: [0, 0], onHand: 0, maxLot: 100, firmMps: [150, 0] }));
    expect(list(r.mps)).toEqual([150, 200]);
    expect(list(r.lots!)).toEqual([2, 2]);
  });

  it("refuses min above max", () => {
    expect(errorOf(planItem({ ...input, minLot: 150 }))).toMatchObject({ field: "minLot", value: 150 });
  });
});

describe("planItem planning from a later period", () => {
  it("lets the forecast before it expire, shows it, and plans the rest", () => {
    // forecast 100 × 4, orders 0, 50, 120, 0, window 1/1, plan from period 2 (0-based):
    // expired 100, 100, 0, 0; period 1's order takes 50 from period 2; period 2's 120 takes its
    // remaining 50 and 70 of period 3 → remaining 0, 0, 0, 30; demand 0, 50, 120, 30.
    // On hand 100: PAB 100, 50, −70 → MPS 70 → 0, then 30 → MPS 30 → 0
    const r = unwrap(
      planItem({ forecast: repeat(100, 4), orders: [0, 50, 120, 0], onHand: 100, backward: 1, forward: 1, currentPeriod: 2 }),
    );
    expect(list(r.expiredForecast)).toEqual([100, 100, 0, 0]);
    expect(list(r.remainingForecast)).toEqual([0, 0, 0, 30]);
    expect(list(r.demand)).toEqual([0, 50, 120, 30]);
    expect(list(r.mps)).toEqual([0, 0, 70, 30]);
  });

  it("shows Expired forecast in the table only when planning starts after period 0", () => {
    expect(tableLabels({ model: "MTS", expired: true })).toContain("Expired forecast");
    expect(tableLabels({ model: "MTS" })).not.toContain("Expired forecast");
  });
});

describe("planItem with capacity", () => {
  const demand = [20, 40, 80, 30];
  const input: ItemInput = { forecast: demand, orders: NO_ORDERS(4), onHand: 0, capacity: 50 };

  it("checks the plan against capacity by default: the plan is unchanged, overloads shown", () => {
    // LFL MPS = demand 20, 40, 80, 30; load = MPS; 80 on 50 → 160 %, 30 over
    const r = unwrap(planItem(input));
    expect(list(r.mps)).toEqual(demand);
    expect(list(r.load!)).toEqual(demand);
    expect(list(r.capacity!)).toEqual([50, 50, 50, 50]);
    expect(list(r.utilization!)).toEqual([40, 80, 160, 60]);
    expect(list(r.overload!)).toEqual([0, 0, 30, 0]);
    expect(r.late).toEqual([]);
  });

  it("counts load in hours with hours per unit, and takes capacity per period", () => {
    // 2 h per unit: load 40, 80, 160, 60 on 100, 100, 200, 50 h → 40, 80, 80, 120 %
    const r = unwrap(planItem({ ...input, hoursPerUnit: 2, capacity: [100, 100, 200, 50] }));
    expect(list(r.load!)).toEqual([40, 80, 160, 60]);
    expect(list(r.utilization!)).toEqual([40, 80, 80, 120]);
    expect(list(r.overload!)).toEqual([0, 0, 0, 10]);
  });

  it("gives Infinity utilization for load on no capacity, 0 for none", () => {
    const r = unwrap(planItem({ forecast: [10, 0], orders: [0, 0], onHand: 0, capacity: 0 }));
    expect(list(r.utilization!)).toEqual([Infinity, 0]);
  });

  it.each([
    // the examples (docs/engine.md §8.3)
    ["build-ahead", [40, 50, 50, 30], [20, 30, 0, 0]],
    ["chase", [20, 40, 50, 50], [0, 0, -30, -10]],
    ["level", [47, 47, 47, 47], [27, 34, 1, 18]],
  ] as const)("levels the MPS with %s, as levelMps does", (strategy, mps, pab) => {
    const r = unwrap(planItem({ ...input, capacityStrategy: strategy }));
    expect(list(r.mps)).toEqual(mps);
    expect(list(r.projectedAvailable)).toEqual(pab);
    expect(list(r.load!)).toEqual(mps);
  });

  it("reports what a levelled MPS builds late", () => {
    // chase: period 2 builds 50 of 80; 20 late in period 3, 10 after the horizon
    const r = unwrap(planItem({ ...input, capacityStrategy: "chase" }));
    expect(r.late).toEqual([
      { duePeriod: 2, quantity: 20, builtPeriod: 3 },
      { duePeriod: 2, quantity: 10, builtPeriod: null },
    ]);
  });

  it("keeps the firm MPS inside the planning time fence, overloading if it must", () => {
    // fence 1, firm 60 in period 0 (10 over 50); net requirements 0, 0, 80, 30 → 30 built ahead in period 1
    const r = unwrap(planItem({ ...input, capacityStrategy: "build-ahead", planningTimeFence: 1, firmMps: [60, 0, 0, 0] }));
    expect(list(r.mps)).toEqual([60, 30, 50, 30]);
    expect(list(r.projectedAvailable)).toEqual([40, 30, 0, 0]);
    expect(list(r.overload!)).toEqual([10, 0, 0, 0]);
  });

  it("computes ATP from the levelled MPS", () => {
    // orders 20, 0, 0, 0 on the build-ahead MPS 40, 50, 50, 30 (demand stays 20, 40, 80, 30):
    // discrete ATP: 40 − 20 = 20, 50, 50, 30
    const r = unwrap(planItem({ ...input, orders: [20, 0, 0, 0], capacityStrategy: "build-ahead" }));
    expect(list(r.atp)).toEqual([20, 50, 50, 30]);
  });

  it("splits a levelled lot above the maximum lot", () => {
    const r = unwrap(planItem({ ...input, capacityStrategy: "build-ahead", maxLot: 45 }));
    expect(list(r.lots!)).toEqual([1, 2, 2, 1]);
    expect(r.actions.map((a) => [a.type, a.period])).toEqual([
      ["split-lot", 1],
      ["split-lot", 2],
    ]);
  });

  it("has no capacity rows without capacity, whatever the strategy", () => {
    const r = unwrap(planItem({ forecast: demand, orders: NO_ORDERS(4), onHand: 0, capacityStrategy: "level" }));
    expect(r.load).toBeNull();
    expect(list(r.mps)).toEqual(demand);
  });

  it("refuses a lot rule, minimum lot or multiple with a levelling strategy, but not with check", () => {
    expect(errorOf(planItem({ ...input, capacityStrategy: "level", lotRule: "FOQ", lotSize: 50 }))).toMatchObject({
      code: "VALUE",
      field: "lotRule",
    });
    expect(errorOf(planItem({ ...input, capacityStrategy: "chase", minLot: 10 }))).toMatchObject({ field: "minLot" });
    expect(errorOf(planItem({ ...input, capacityStrategy: "build-ahead", multiple: 10 }))).toMatchObject({ field: "multiple" });
    expect(planItem({ ...input, lotRule: "FOQ", lotSize: 50 }).ok).toBe(true);
    // MTO is lot for lot anyway
    expect(planItem({ ...input, model: "MTO", capacityStrategy: "level", lotRule: "FOQ", lotSize: 50 }).ok).toBe(true);
  });

  it("refuses bad capacity input", () => {
    expect(errorOf(planItem({ ...input, capacity: -5 }))).toMatchObject({ field: "capacity", value: -5 });
    expect(errorOf(planItem({ ...input, capacity: [50, 50] }))).toMatchObject({ field: "capacity" });
    expect(errorOf(planItem({ ...input, capacity: [50, -1, 50, 50] }))).toMatchObject({ field: "capacity", period: 1 });
    expect(errorOf(planItem({ ...input, hoursPerUnit: 0 }))).toMatchObject({ field: "hoursPerUnit", value: 0 });
    expect(errorOf(planItem({ ...input, capacityStrategy: "fast" as never }))).toMatchObject({ field: "capacityStrategy" });
  });
});

describe("planItem properties with the new rows", () => {
  const quantities = (n: number) => fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n });
  const item = fc.integer({ min: 1, max: 16 }).chain((n) =>
    fc.record({
      forecast: quantities(n),
      orders: quantities(n),
      onHand: fc.integer({ min: 0, max: 150 }),
      safetyStock: fc.integer({ min: 0, max: 30 }),
      leadTime: fc.integer({ min: 0, max: 6 }),
      capacity: fc.oneof(fc.integer({ min: 0, max: 120 }), quantities(n)),
      hoursPerUnit: fc.constantFrom(0.5, 1, 2),
      capacityStrategy: fc.constantFrom(...CAPACITY_STRATEGIES),
      maxLot: fc.integer({ min: 1, max: 80 }),
    }),
  );

  it("has a planned start row that sums to the MPS row, past-due starts included", () => {
    fc.assert(
      fc.property(item, (input) => {
        const r = unwrap(planItem(input));
        expect(sum(r.plannedStart!)).toBeCloseTo(sum(r.mps), 6);
        // on-time starts are the MPS shifted; period 0 adds what is past due
        for (let t = 0; t + input.leadTime < r.mps.length; t++) {
          if (t > 0) expect(r.plannedStart![t]).toBeCloseTo(r.mps[t + input.leadTime], 9);
        }
        expect(r.plannedStart![0] - (input.leadTime < r.mps.length ? r.mps[input.leadTime] : 0)).toBeCloseTo(sum(r.releasePastDue!), 6);
      }),
    );
  });

  it("never loads a period above capacity with a levelling strategy (no firm MPS)", () => {
    fc.assert(
      fc.property(item, (input) => {
        const r = unwrap(planItem(input));
        if (input.capacityStrategy === "check") return;
        for (let t = 0; t < r.mps.length; t++) expect(r.load![t]).toBeLessThanOrEqual(r.capacity![t] * (1 + 1e-9) + 1e-9);
        expect(rounded(r.overload!)).toEqual(repeat(0, r.mps.length));
      }),
    );
  });

  it("levels as levelMps does on the record's demand, and checks as planMps plans", () => {
    fc.assert(
      fc.property(item, (input) => {
        const r = unwrap(planItem(input));
        if (input.capacityStrategy === "check") {
          const plan = unwrap(planMps(r.demand, { onHand: input.onHand, safetyStock: input.safetyStock, maxLot: input.maxLot }));
          expect(list(r.mps)).toEqual(list(plan.mps));
          r.mps.forEach((q, t) => expect(r.load![t]).toBeCloseTo(q * input.hoursPerUnit, 9));
        } else {
          const levelled = unwrap(
            levelMps(r.demand, {
              onHand: input.onHand,
              safetyStock: input.safetyStock,
              capacity: input.capacity,
              hoursPerUnit: input.hoursPerUnit,
              strategy: input.capacityStrategy,
            }),
          );
          expect(list(r.mps)).toEqual(list(levelled.mps));
          expect(list(r.projectedAvailable)).toEqual(list(levelled.projectedAvailable));
        }
      }),
    );
  });
});

describe("the optional table rows", () => {
  it("repeats the doc example of tableRows", () => {
    expect(tableRows({ model: "MTS", leadTime: true }).map((row) => row.label)).toEqual([
      "Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "Planned start", "ATP",
    ]);
  });

  it("orders every row a table can have, and counts them for the largest spill", () => {
    const all = { model: "ATO", leadTime: true, maxLot: true, capacity: true, expired: true } as const;
    expect(tableLabels(all)).toEqual([
      "Forecast", "Orders", "Remaining forecast", "Excess orders", "Expired forecast", "Demand", "Receipts", "PAB", "MPS",
      "Lots", "Planned start", "ATP", "Final assembly", "Load", "Capacity", "Utilization %",
    ]);
    expect(LARGEST_TABLE_ROWS).toBe(16);
  });
});
