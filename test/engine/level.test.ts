import { LEVEL_STRATEGIES, levelItems, levelMps, planMps } from "../../src/engine";
import { errorOf, list, rounded, unwrap } from "./helpers";

// The example: demand 20, 40, 80, 30, on hand 0, capacity 50 per period.
const DEMAND = [20, 40, 80, 30];

describe("levelMps", () => {
  describe("worked examples from the issue", () => {
    it("build-ahead (the default): MPS 40,50,50,30, PAB 20,30,0,0", () => {
      // backwards: period 3 builds its 30; period 2 builds 50 of 80 (30 pending); period 1
      // builds its own 40 first, then 10 of period 2's 30; period 0 its 20 and the last 20
      const l = unwrap(levelMps(DEMAND, { onHand: 0, capacity: 50 }));
      expect(list(l.mps)).toEqual([40, 50, 50, 30]);
      expect(list(l.projectedAvailable)).toEqual([20, 30, 0, 0]);
      expect(list(l.netRequirements)).toEqual(DEMAND);
      expect(l.late).toEqual([]);
      expect(l.lateAfterHorizon).toBe(0);
      expect(l.rate).toBeNull();
      expect(list(l.load)).toEqual([40, 50, 50, 30]);
      expect(list(l.capacity)).toEqual([50, 50, 50, 50]);
      expect(list(l.spare)).toEqual([10, 0, 0, 20]);
      expect(list(l.overload)).toEqual([0, 0, 0, 0]);
      expect(list(l.utilization)).toEqual([80, 100, 100, 60]);
    });

    it("chase: MPS 20,40,50,50, PAB 0,0,-30,-10, 10 still late after the horizon", () => {
      // period 2 builds 50 of 80; its 30 left take period 3's spare 20, and 10 does not fit
      const l = unwrap(levelMps(DEMAND, { onHand: 0, capacity: 50, strategy: "chase" }));
      expect(list(l.mps)).toEqual([20, 40, 50, 50]);
      expect(list(l.projectedAvailable)).toEqual([0, 0, -30, -10]);
      expect(l.late).toEqual([
        { duePeriod: 2, quantity: 20, builtPeriod: 3 },
        { duePeriod: 2, quantity: 10, builtPeriod: null },
      ]);
      expect(l.lateAfterHorizon).toBe(10);
      expect(list(l.spare)).toEqual([30, 10, 0, 0]);
    });

    it("level: rate ⌈140/3⌉ = 47 → MPS 47,47,47,47, PAB 27,34,1,18", () => {
      // cumulative net requirement over periods to t: 20/1, 60/2, 140/3 = 46.7, 170/4 = 42.5;
      // period 2 binds (140 by the end of 3 periods), so the smallest whole rate is 47
      const l = unwrap(levelMps(DEMAND, { onHand: 0, capacity: 50, strategy: "level" }));
      expect(l.rate).toBe(47);
      expect(list(l.mps)).toEqual([47, 47, 47, 47]);
      expect(list(l.projectedAvailable)).toEqual([27, 34, 1, 18]);
      expect(l.late).toEqual([]);
      // one unit less breaks period 2: 3 × 46 = 138 < 140
      expect(3 * 46).toBeLessThan(140);
    });
  });

  describe("option strategy", () => {
    it("defaults to build-ahead", () => {
      expect(LEVEL_STRATEGIES[0]).toBe("build-ahead");
      expect(unwrap(levelMps(DEMAND, { onHand: 0, capacity: 50, strategy: null as never }))).toEqual(
        unwrap(levelMps(DEMAND, { onHand: 0, capacity: 50, strategy: "build-ahead" })),
      );
    });

    it("plans what planMps plans with LFL when capacity is never short, for every strategy but level", () => {
      const plain = unwrap(planMps(DEMAND, { onHand: 10, safetyStock: 5 }));
      for (const strategy of ["build-ahead", "chase"] as const) {
        const l = unwrap(levelMps(DEMAND, { onHand: 10, safetyStock: 5, capacity: 1000, strategy }));
        expect(l.mps).toEqual(plain.mps);
        expect(l.projectedAvailable).toEqual(plain.projectedAvailable);
      }
    });

    it("level: cuts the rate to capacity and builds the cut late in later spare capacity", () => {
      // rate 47; period 1 has 40: 7 late → period 2 has 3 spare, period 3 has 60 − 47 = 13
      const l = unwrap(levelMps(DEMAND, { onHand: 0, capacity: [50, 40, 50, 60], strategy: "level" }));
      expect(list(l.mps)).toEqual([47, 40, 50, 51]);
      expect(list(l.projectedAvailable)).toEqual([27, 27, -3, 18]);
      expect(l.late).toEqual([
        { duePeriod: 1, quantity: 3, builtPeriod: 2 },
        { duePeriod: 1, quantity: 4, builtPeriod: 3 },
      ]);
    });

    it("level: rate 0 when on hand and receipts cover everything", () => {
      const l = unwrap(levelMps([5, 5], { onHand: 10, capacity: 50, strategy: "level" }));
      expect(l.rate).toBe(0);
      expect(list(l.mps)).toEqual([0, 0]);
    });

    it("level: the rate keeps PAB at safety stock from a shortfall in period 0", () => {
      // on hand 0, safety stock 10, demand 5, 5, 5: needs 15 by period 0, 20 by 1, 25 by 2 → 15
      const l = unwrap(levelMps([5, 5, 5], { onHand: 0, safetyStock: 10, capacity: 100, strategy: "level" }));
      expect(l.rate).toBe(15);
      expect(list(l.projectedAvailable)).toEqual([10, 20, 30]);
    });
  });

  describe("safety stock, receipts and hours per unit", () => {
    it("nets against safety stock and receipts, and builds what fits nowhere earlier late", () => {
      // on hand 10, SS 10, receipts 0,20,0,0, demand 30 × 4 → net requirements 30, 10, 30, 30.
      // capacity 25, backwards: period 3 builds 25 (5 pending); period 2 builds 25 of 30 + 5;
      // period 1 builds its 10 and both 5s: 20 (5 spare); period 0 builds 25 of 30: 5 late, in period 1
      const l = unwrap(levelMps([30, 30, 30, 30], { onHand: 10, safetyStock: 10, receipts: [0, 20, 0, 0], capacity: 25 }));
      expect(list(l.netRequirements)).toEqual([30, 10, 30, 30]);
      expect(list(l.mps)).toEqual([25, 25, 25, 25]);
      expect(list(l.projectedAvailable)).toEqual([5, 20, 15, 10]);
      expect(l.late).toEqual([{ duePeriod: 0, quantity: 5, builtPeriod: 1 }]);
    });

    it("reads capacity in hours with hoursPerUnit: 100 h at 2 h per unit is 50 units", () => {
      const l = unwrap(levelMps(DEMAND, { onHand: 0, capacity: 100, hoursPerUnit: 2 }));
      expect(list(l.mps)).toEqual([40, 50, 50, 30]);
      expect(list(l.load)).toEqual([80, 100, 100, 60]);
      expect(list(l.spare)).toEqual([20, 0, 0, 40]);
    });

    it("plans fractional quantities where hours do not divide, like LFL does", () => {
      // 45 h at 2 h per unit: 22.5 units per period; 7.5 of each period's 30 never fits
      const l = unwrap(levelMps([30, 30], { onHand: 0, capacity: 45, hoursPerUnit: 2 }));
      expect(rounded(l.mps)).toEqual([22.5, 22.5]);
      expect(l.late).toEqual([
        { duePeriod: 0, quantity: 7.5, builtPeriod: null },
        { duePeriod: 1, quantity: 7.5, builtPeriod: null },
      ]);
      expect(l.lateAfterHorizon).toBe(15);
    });

    it("ignores floating-point noise: 0.3 h of capacity takes 3 units of 0.1 h (3 × 0.1 = 0.30000000000000004)", () => {
      const l = unwrap(levelMps([1, 3], { onHand: 0, capacity: [0.1, 0.3], hoursPerUnit: 0.1 }));
      expect(list(l.mps)).toEqual([1, 3]);
      expect(l.late).toEqual([]);
      expect(list(l.spare)).toEqual([0, 0]);
    });
  });

  describe("planning time fence and firm MPS", () => {
    it("keeps firm MPS (it may overload) and builds nothing new inside the fence", () => {
      // firm 60 in period 0 against capacity 50 (10 h overload); the fence holds period 0.
      // PAB 40 after period 0 covers period 1; net requirements 0, 0, 80, 30; backwards: 30,
      // 50 of 80, the other 30 in period 1
      const l = unwrap(levelMps(DEMAND, { onHand: 0, capacity: 50, planningTimeFence: 1, firmMps: [60, 0, 0, 0] }));
      expect(list(l.netRequirements)).toEqual([0, 0, 80, 30]);
      expect(list(l.mps)).toEqual([60, 30, 50, 30]);
      expect(list(l.projectedAvailable)).toEqual([40, 30, 0, 0]);
      expect(list(l.load)).toEqual([60, 30, 50, 30]);
      expect(list(l.overload)).toEqual([10, 0, 0, 0]);
      expect(list(l.spare)).toEqual([0, 20, 0, 20]);
    });

    it("firm MPS outside the fence takes capacity first", () => {
      // firm 30 in period 3 leaves 20; net requirements 20, 40, 80, 0 → backwards: period 3 has
      // nothing due; period 2 builds 50 (30 pending) ; period 1 40 + 10; period 0 20 + 20
      const l = unwrap(levelMps(DEMAND, { onHand: 0, capacity: 50, firmMps: [0, 0, 0, 30] }));
      expect(list(l.netRequirements)).toEqual([20, 40, 80, 0]);
      expect(list(l.mps)).toEqual([40, 50, 50, 30]);
      expect(list(l.spare)).toEqual([10, 0, 0, 20]);
    });

    it("reports expedites inside the fence, and builds the catch-up from the fence on", () => {
      // fence 2, nothing firm: PAB -20, -60 → expedite 20 and 40; period 2 needs 140, period 3 30.
      // backwards: period 3 builds 30 (20 spare), period 2 builds 50: 90 late; 20 in period 3, 70 after
      const l = unwrap(levelMps(DEMAND, { onHand: 0, capacity: 50, planningTimeFence: 2 }));
      expect(l.actions.map((a) => [a.type, a.period, a.quantity])).toEqual([
        ["expedite", 0, 20],
        ["expedite", 1, 40],
      ]);
      expect(list(l.netRequirements)).toEqual([0, 0, 140, 30]);
      expect(list(l.mps)).toEqual([0, 0, 50, 50]);
      expect(list(l.projectedAvailable)).toEqual([-20, -60, -90, -70]);
      expect(l.late).toEqual([
        { duePeriod: 2, quantity: 20, builtPeriod: 3 },
        { duePeriod: 2, quantity: 70, builtPeriod: null },
      ]);
      expect(l.lateAfterHorizon).toBe(70);
    });

    it("level: the rate runs from the fence on", () => {
      // fence 1, on hand 30: period 0 covered (PAB 10); then 40, 80, 30 over 3 periods:
      // (40 − 10)/1 = 30, (120 − 10)/2 = 55, (150 − 10)/3 = 46.7 → 55
      const l = unwrap(levelMps(DEMAND, { onHand: 30, capacity: 100, planningTimeFence: 1, strategy: "level" }));
      expect(l.rate).toBe(55);
      expect(list(l.mps)).toEqual([0, 55, 55, 55]);
      expect(list(l.projectedAvailable)).toEqual([10, 25, 0, 25]);
    });
  });

  it("returns empty rows for no periods", () => {
    const l = unwrap(levelMps([], { onHand: 5, capacity: [] }));
    expect(list(l.mps)).toEqual([]);
    expect(list(l.load)).toEqual([]);
  });

  it("does not mutate its inputs", () => {
    const demand = [...DEMAND];
    const capacity = [50, 50, 50, 50];
    const receipts = [0, 10, 0, 0];
    unwrap(levelMps(demand, { onHand: 0, capacity, receipts }));
    expect([demand, capacity, receipts]).toEqual([DEMAND, [50, 50, 50, 50], [0, 10, 0, 0]]);
  });

  describe("invalid input", () => {
    const base = { onHand: 0, capacity: 50 };

    it("refuses bad capacity: negative, text, not finite, wrong length, missing", () => {
      expect(errorOf(levelMps(DEMAND, { ...base, capacity: -1 }))).toMatchObject({ code: "NUM", field: "capacity", message: "capacity is negative (-1)" });
      expect(errorOf(levelMps(DEMAND, { ...base, capacity: "fifty" as never }))).toMatchObject({
        code: "VALUE",
        field: "capacity",
        message: 'capacity must be a number or a row of numbers (got "fifty")',
      });
      expect(errorOf(levelMps(DEMAND, { ...base, capacity: [50, 50, -3, 50] }))).toMatchObject({
        code: "NUM",
        field: "capacity",
        period: 2,
        message: "capacity[2] is negative (-3)",
      });
      expect(errorOf(levelMps(DEMAND, { ...base, capacity: [50, "x", 50, 50] as never }))).toMatchObject({ code: "VALUE", field: "capacity", period: 1 });
      expect(errorOf(levelMps(DEMAND, { ...base, capacity: NaN }))).toMatchObject({ code: "NUM", field: "capacity" });
      expect(errorOf(levelMps(DEMAND, { ...base, capacity: [50, 50] }))).toMatchObject({
        code: "VALUE",
        field: "capacity",
        message: "demand and capacity differ in length: 4 vs 2",
      });
      expect(errorOf(levelMps(DEMAND, { onHand: 0 } as never))).toMatchObject({ code: "VALUE", field: "capacity", message: "capacity is required" });
      expect(errorOf(levelMps(DEMAND, { ...base, capacity: true as never }))).toMatchObject({ code: "VALUE", field: "capacity" });
      expect(errorOf(levelMps(DEMAND, { ...base, capacity: {} as never }))).toMatchObject({
        code: "VALUE",
        field: "capacity",
        message: "capacity must be a number or a row of numbers (got an object)",
      });
    });

    it("refuses hours per unit of 0 or less", () => {
      expect(errorOf(levelMps(DEMAND, { ...base, hoursPerUnit: 0 }))).toMatchObject({
        code: "NUM",
        field: "hoursPerUnit",
        message: "hoursPerUnit must be greater than 0 (got 0)",
      });
      expect(errorOf(levelMps(DEMAND, { ...base, hoursPerUnit: -2 }))).toMatchObject({ field: "hoursPerUnit" });
    });

    it("refuses an unknown strategy, a bad fence, missing on hand, rows of other lengths", () => {
      expect(errorOf(levelMps(DEMAND, { ...base, strategy: "smooth" as never }))).toMatchObject({
        code: "VALUE",
        field: "strategy",
        message: "strategy must be one of build-ahead, chase, level",
      });
      expect(errorOf(levelMps(DEMAND, { ...base, planningTimeFence: 1.5 }))).toMatchObject({ code: "NUM", field: "planningTimeFence" });
      expect(errorOf(levelMps(DEMAND, { capacity: 50 } as never))).toMatchObject({ code: "VALUE", field: "onHand", message: "onHand is required" });
      expect(errorOf(levelMps(DEMAND, { ...base, safetyStock: -1 }))).toMatchObject({ code: "NUM", field: "safetyStock" });
      expect(errorOf(levelMps(DEMAND, { ...base, receipts: [1] }))).toMatchObject({ code: "VALUE", field: "receipts" });
      expect(errorOf(levelMps(DEMAND, { ...base, firmMps: [0, 0, 0, -1] }))).toMatchObject({ code: "NUM", field: "firmMps", period: 3 });
      expect(errorOf(levelMps([1, -1], base))).toMatchObject({ code: "NUM", field: "demand", period: 1 });
      expect(errorOf(levelMps(DEMAND, null as never))).toMatchObject({ code: "VALUE", field: "options" });
    });
  });
});

describe("levelItems", () => {
  const A = [30, 30, 30];
  const B = [10, 40, 20];

  it("repeats the issue's example: A 1 h, B 2 h per unit, 100 h → A 30,30,30; B 15,35,20", () => {
    // period 2: A 30 h + B 40 h = 70 h fits; period 1: A 30 h first (ties in item order), then
    // B gets 70 h = 35 units, 5 pending; period 0: A 30 h, B 10 × 2 = 20 h, then B's 5 (10 h)
    const l = unwrap(levelItems([A, B], { onHand: 0, hoursPerUnit: [1, 2], capacity: 100 }));
    expect(l.items.map((item) => list(item.mps))).toEqual([
      [30, 30, 30],
      [15, 35, 20],
    ]);
    expect(l.items.map((item) => list(item.projectedAvailable))).toEqual([
      [0, 0, 0],
      [5, 0, 0],
    ]);
    expect(list(l.load)).toEqual([60, 100, 70]);
    expect(list(l.spare)).toEqual([40, 0, 30]);
    expect(l.items.every((item) => item.late.length === 0)).toBe(true);
  });

  it("chase: B's 5 that does not fit in period 1 takes period 2's spare", () => {
    const l = unwrap(levelItems([A, B], { onHand: 0, hoursPerUnit: [1, 2], capacity: 100, strategy: "chase" }));
    expect(l.items.map((item) => list(item.mps))).toEqual([
      [30, 30, 30],
      [10, 35, 25],
    ]);
    expect(l.items[1].late).toEqual([{ duePeriod: 1, quantity: 5, builtPeriod: 2 }]);
  });

  it("level: one rate per item (A 30, B ⌈50/2⌉ = 25)", () => {
    const l = unwrap(levelItems([A, B], { onHand: 0, hoursPerUnit: [1, 2], capacity: 100, strategy: "level" }));
    expect(l.items.map((item) => item.rate)).toEqual([30, 25]);
    expect(l.items.map((item) => list(item.mps))).toEqual([
      [30, 30, 30],
      [25, 25, 25],
    ]);
    expect(list(l.load)).toEqual([80, 80, 80]);
  });

  it("level cut: the first item builds first, the rest of the rates are late in item order", () => {
    // rates A 30, B 25 (80 h); capacity 70 h in period 0: B gets 40 h = 20, 5 late; period 1 has
    // 20 h spare → B's 5 (10 h) there
    const l = unwrap(levelItems([A, B], { onHand: 0, hoursPerUnit: [1, 2], capacity: [70, 100, 100], strategy: "level" }));
    expect(l.items.map((item) => list(item.mps))).toEqual([
      [30, 30, 30],
      [20, 30, 25],
    ]);
    expect(l.items[1].late).toEqual([{ duePeriod: 0, quantity: 5, builtPeriod: 1 }]);
  });

  it("serves the requirement due earliest first, whatever the item", () => {
    // one unit per period of capacity, items of 1 h; A needs 2 in period 1, B 1 in period 0:
    // period 1 builds A's 1; period 0: B's own (due 0) first, A's second unit does not fit →
    // A's 1 late, and no spare after → after the horizon
    const l = unwrap(levelItems([[0, 2], [1, 0]], { onHand: 0, capacity: 1 }));
    expect(l.items.map((item) => list(item.mps))).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(l.items[0].late).toEqual([{ duePeriod: 1, quantity: 1, builtPeriod: null }]);
    expect(l.items[0].lateAfterHorizon).toBe(1);
  });

  it("takes later spare capacity for late quantities in order of due period, ties in item order", () => {
    // capacity 10, 10, 0, 30; chase. Period 0: A 10 of 15 (5 late), B 0 of 5 (5 late);
    // period 1: A 10 of 10, B 0 of 10 late. Late in order (0, A 5), (0, B 5), (1, B 10):
    // period 2 has nothing, period 3 has 30 → all there
    const l = unwrap(levelItems([[15, 10, 0, 0], [5, 10, 0, 0]], { onHand: 0, capacity: [10, 10, 0, 30], strategy: "chase" }));
    expect(l.items.map((item) => list(item.mps))).toEqual([
      [10, 10, 0, 5],
      [0, 0, 0, 15],
    ]);
    expect(l.items[0].late).toEqual([{ duePeriod: 0, quantity: 5, builtPeriod: 3 }]);
    expect(l.items[1].late).toEqual([
      { duePeriod: 0, quantity: 5, builtPeriod: 3 },
      { duePeriod: 1, quantity: 10, builtPeriod: 3 },
    ]);
  });

  it("accepts one value for all items or one per item, receipts and firm MPS per item", () => {
    const l = unwrap(
      levelItems([A, B], {
        onHand: [10, 0],
        safetyStock: 5,
        hoursPerUnit: 1,
        receipts: [
          [0, 0, 0],
          [0, 10, 0],
        ],
        firmMps: [
          [0, 0, 0],
          [20, 0, 0],
        ],
        capacity: [100, 100, 100],
      }),
    );
    // A: 10 − 30 < 5 → 25, then 30, 30. B: firm 20 − 10 = 10 ≥ 5; 10 + 10 − 40 → 25; 20 → 20
    expect(l.items.map((item) => list(item.netRequirements))).toEqual([
      [25, 30, 30],
      [0, 25, 20],
    ]);
    expect(l.items.map((item) => list(item.mps))).toEqual([
      [25, 30, 30],
      [20, 25, 20],
    ]);
  });

  it("equals levelMps for one item", () => {
    const options = { onHand: 5, safetyStock: 10, capacity: [40, 0, 60, 50], hoursPerUnit: 1.5, receipts: [0, 0, 20, 0] };
    for (const strategy of LEVEL_STRATEGIES) {
      const one = unwrap(levelMps(DEMAND, { ...options, strategy }));
      const many = unwrap(levelItems([DEMAND], { ...options, receipts: [options.receipts], strategy }));
      const { items, ...use } = many;
      expect({ ...items[0], ...use }).toEqual(one);
    }
  });

  describe("invalid input", () => {
    it("names the item and period of a bad demand", () => {
      expect(errorOf(levelItems([A, [10, -4, 20]], { onHand: 0, capacity: 100 }))).toEqual({
        code: "NUM",
        field: "demand",
        row: 1,
        period: 1,
        value: -4,
        message: "demand[1][1] is negative (-4)",
      });
      expect(errorOf(levelItems([A, [1, 2]], { onHand: 0, capacity: 100 }))).toMatchObject({
        code: "VALUE",
        field: "demand",
        row: 1,
        message: "demand[0] and demand[1] differ in length: 3 vs 2",
      });
      expect(errorOf(levelItems([], { onHand: 0, capacity: 100 }))).toMatchObject({ field: "demand", message: "demand needs at least one item" });
    });

    it("names the item of a bad per-item value, and refuses a row of the wrong count", () => {
      expect(errorOf(levelItems([A, B], { onHand: 0, capacity: 100, hoursPerUnit: [1, 0] }))).toMatchObject({
        code: "NUM",
        field: "hoursPerUnit",
        period: 1,
        message: "hoursPerUnit[1] must be greater than 0 (got 0)",
      });
      expect(errorOf(levelItems([A, B], { onHand: [0, 1, 2], capacity: 100 }))).toMatchObject({
        code: "VALUE",
        field: "onHand",
        message: "onHand must hold one value per item (2) or one value for all, got 3",
      });
      expect(errorOf(levelItems([A, B], { onHand: [0, null as never], capacity: 100 }))).toMatchObject({ code: "VALUE", field: "onHand", period: 1 });
      expect(errorOf(levelItems([A, B], { onHand: "x" as never, capacity: 100 }))).toMatchObject({ code: "VALUE", field: "onHand" });
      expect(errorOf(levelItems([A, B], { onHand: 0, safetyStock: [0, -1], capacity: 100 }))).toMatchObject({ code: "NUM", field: "safetyStock", period: 1 });
    });

    it("refuses receipts without one row per item", () => {
      expect(errorOf(levelItems([A, B], { onHand: 0, capacity: 100, receipts: [A] }))).toMatchObject({
        code: "VALUE",
        field: "receipts",
        message: "receipts must have one row per row of demand (2), got 1",
      });
      expect(errorOf(levelItems([A, B], { onHand: 0, capacity: 100, receipts: [A, [1, 2]] }))).toMatchObject({
        field: "receipts",
        row: 1,
        message: "demand[1] and receipts[1] differ in length: 3 vs 2",
      });
    });

    it("checks capacity against the length of the demand rows", () => {
      expect(errorOf(levelItems([A, B], { onHand: 0, capacity: [1, 2] }))).toMatchObject({
        field: "capacity",
        message: "demand and capacity differ in length: 3 vs 2",
      });
    });
  });
});
