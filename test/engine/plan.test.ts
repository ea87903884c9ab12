import { LOT_RULES, planMps, projectAvailable } from "../../src/engine";
import { errorOf, list, rounded, unwrap } from "./helpers";

// demand of the issue's §2 example: forecast 10 × 6, orders 12,8,5,0,0,0, dtf 2
const DEMAND = [12, 8, 10, 10, 10, 10];

describe("planMps", () => {
  it("repeats the doc example: FOQ 25 on hand 20", () => {
    const p = unwrap(planMps(DEMAND, { onHand: 20, lotRule: "FOQ", lotSize: 25 }));
    expect(list(p.mps)).toEqual([0, 0, 25, 0, 25, 0]);
    expect(list(p.projectedAvailable)).toEqual([8, 0, 15, 5, 20, 10]);
    expect(p.actions).toEqual([]);
  });

  describe("worked examples from the issue", () => {
    it("returns PAB 31,1,41,11,41,1,31,61 and MPS 0,0,70,0,70,0,70,70 for FOQ 70 on hand 64", () => {
      // demand = orders + remaining forecast (window 0/0): 33, 20+10, 10+20, 4+26, 2+38, 40, 40, 40
      // 64-33=31; 31-30=1; 1-30<0 → 70: 41; 41-30=11; 11-40<0 → 70: 41; 41-40=1; 1-40<0 → 70: 31; 31-40<0 → 70: 61
      const p = unwrap(planMps([33, 30, 30, 30, 40, 40, 40, 40], { onHand: 64, lotRule: "FOQ", lotSize: 70 }));
      expect(list(p.projectedAvailable)).toEqual([31, 1, 41, 11, 41, 1, 31, 61]);
      expect(list(p.mps)).toEqual([0, 0, 70, 0, 70, 0, 70, 70]);
    });

    it("returns PAB 20,50,80,10 and MPS 100,100,100,0 for FOQ 100 on hand 0", () => {
      // demand: 80 (orders exceed forecast 70), 70, 70, 70
      // 0-80<0 → 100: 20; 20-70<0 → 100: 50; 50-70<0 → 100: 80; 80-70=10
      const p = unwrap(planMps([80, 70, 70, 70], { onHand: 0, lotRule: "FOQ", lotSize: 100 }));
      expect(list(p.projectedAvailable)).toEqual([20, 50, 80, 10]);
      expect(list(p.mps)).toEqual([100, 100, 100, 0]);
    });

    it("returns MPS 0,0,10,10,10,10 and PAB 8,0,0,0,0,0 for LFL, safety stock 0", () => {
      const p = unwrap(planMps(DEMAND, { onHand: 20 }));
      expect(list(p.mps)).toEqual([0, 0, 10, 10, 10, 10]);
      expect(list(p.projectedAvailable)).toEqual([8, 0, 0, 0, 0, 0]);
    });

    it("returns MPS 0,5,10,10,10,10 and PAB 8,5,5,5,5,5 for LFL, safety stock 5", () => {
      // 20-12=8 ≥ 5; 8-8=0 < 5 → 5; 5-10=-5 → 10; ...
      const p = unwrap(planMps(DEMAND, { onHand: 20, safetyStock: 5, lotRule: "LFL" }));
      expect(list(p.mps)).toEqual([0, 5, 10, 10, 10, 10]);
      expect(list(p.projectedAvailable)).toEqual([8, 5, 5, 5, 5, 5]);
    });

    it("returns MPS 0,0,20,0,20,0 and PAB 8,0,10,0,10,0 for POQ 2", () => {
      // period 2 covers periods 2-3: 10 + 10 = 20; period 4 covers 4-5: 20
      const p = unwrap(planMps(DEMAND, { onHand: 20, lotRule: "POQ", lotSize: 2 }));
      expect(list(p.mps)).toEqual([0, 0, 20, 0, 20, 0]);
      expect(list(p.projectedAvailable)).toEqual([8, 0, 10, 0, 10, 0]);
    });
  });

  describe("option lotRule", () => {
    it("defaults to LFL", () => {
      expect(LOT_RULES[0]).toBe("LFL");
      expect(unwrap(planMps(DEMAND, { onHand: 20 }))).toEqual(unwrap(planMps(DEMAND, { onHand: 20, lotRule: "LFL" })));
    });

    it("plans several fixed lots in one period when one is not enough", () => {
      // 0-55 → 3 lots of 25 = 75 → PAB 20
      const p = unwrap(planMps([55], { onHand: 0, lotRule: "FOQ", lotSize: 25 }));
      expect(list(p.mps)).toEqual([75]);
      expect(list(p.projectedAvailable)).toEqual([20]);
    });

    it("covers P periods with POQ 3", () => {
      // period 0 covers 0-2: 10+20+30 = 60 → PAB 50, 30, 0; period 3 covers 3-4: 40+50 = 90 → PAB 50, 0
      const p = unwrap(planMps([10, 20, 30, 40, 50], { onHand: 0, lotRule: "POQ", lotSize: 3 }));
      expect(list(p.mps)).toEqual([60, 0, 0, 90, 0]);
      expect(list(p.projectedAvailable)).toEqual([50, 30, 0, 50, 0]);
    });

    it("sizes a POQ lot by the lowest balance of its periods when receipts arrive inside them", () => {
      // balances without the lot: -10, -10+30-10=10, 10-10=0 → the lowest is -10 → lot 10
      const p = unwrap(planMps([10, 10, 10], { onHand: 0, lotRule: "POQ", lotSize: 3, receipts: [0, 30, 0] }));
      expect(list(p.mps)).toEqual([10, 0, 0]);
      expect(list(p.projectedAvailable)).toEqual([0, 20, 10]);
    });

    it("ignores lotSize for LFL", () => {
      expect(unwrap(planMps(DEMAND, { onHand: 20, lotSize: -3 }))).toEqual(unwrap(planMps(DEMAND, { onHand: 20 })));
    });
  });

  describe("option safetyStock", () => {
    it("restores safety stock in period 0 when on hand starts below it", () => {
      // 0 < 10 → 10; 10-5 < 10 → 5
      const p = unwrap(planMps([0, 5], { onHand: 0, safetyStock: 10 }));
      expect(list(p.mps)).toEqual([10, 5]);
      expect(list(p.projectedAvailable)).toEqual([10, 10]);
    });
  });

  describe("options minLot and multiple", () => {
    it("raises a lot to minLot", () => {
      // 0-10 → 15: 5; 5-10 → 15: 10; 10-10=0; 0-10 → 15: 5
      const p = unwrap(planMps(DEMAND, { onHand: 20, minLot: 15 }));
      expect(list(p.mps)).toEqual([0, 0, 15, 15, 0, 15]);
      expect(list(p.projectedAvailable)).toEqual([8, 0, 5, 10, 0, 5]);
    });

    it("rounds a lot up to the multiple", () => {
      // -10 → 12: 2; 2-10=-8 → 8: 0; -10 → 12: 2; -8 → 8: 0
      const p = unwrap(planMps(DEMAND, { onHand: 20, multiple: 4 }));
      expect(list(p.mps)).toEqual([0, 0, 12, 8, 12, 8]);
      expect(list(p.projectedAvailable)).toEqual([8, 0, 2, 0, 2, 0]);
    });

    it("applies minLot first, then the multiple", () => {
      // -10 → min 15 → multiple 16: 6; 6-10=-4 → 16: 12; 12-10=2; 2-10=-8 → 16: 8
      const p = unwrap(planMps(DEMAND, { onHand: 20, minLot: 15, multiple: 4 }));
      expect(list(p.mps)).toEqual([0, 0, 16, 16, 0, 16]);
      expect(list(p.projectedAvailable)).toEqual([8, 0, 6, 12, 2, 8]);
    });
  });

  describe("option maxLot", () => {
    it("keeps the total in the MPS row and reports a split into lots of at most maxLot", () => {
      const p = unwrap(planMps([250, 50], { onHand: 0, maxLot: 100 }));
      expect(list(p.mps)).toEqual([250, 50]);
      expect(list(p.projectedAvailable)).toEqual([0, 0]);
      expect(p.actions).toEqual([
        { type: "split-lot", period: 0, quantity: 250, lots: 3, message: "period 0: 250 exceeds maxLot 100, release as 3 lots of at most 100" },
      ]);
    });
  });

  describe("option receipts", () => {
    it("counts scheduled receipts as supply before planning", () => {
      // 0+15-10=5; 5-10 → 5: 0
      const p = unwrap(planMps([10, 10], { onHand: 0, receipts: [15, 0] }));
      expect(list(p.mps)).toEqual([0, 5]);
      expect(list(p.projectedAvailable)).toEqual([5, 0]);
    });
  });

  describe("options planningTimeFence and firmMps", () => {
    it("uses the firm MPS inside the fence and reports an expedite where PAB falls short", () => {
      // fence 3: 8; 0; 0+5-10=-5 → expedite 5 in period 2
      // period 3 (free): -5-10=-15 → 15: 0; then 10, 10
      const p = unwrap(planMps(DEMAND, { onHand: 20, planningTimeFence: 3, firmMps: [0, 0, 5, 0, 0, 0] }));
      expect(list(p.mps)).toEqual([0, 0, 5, 15, 10, 10]);
      expect(list(p.projectedAvailable)).toEqual([8, 0, -5, 0, 0, 0]);
      expect(p.actions).toEqual([
        {
          type: "expedite",
          period: 2,
          quantity: 5,
          message: "expedite 5 into period 2: firm supply leaves projected available -5, below safety stock 0",
        },
      ]);
    });

    it("reports only the further shortage in each period", () => {
      // fence 4, nothing firm: -10 in period 2 → expedite 10; -20 in period 3 → 10 more
      const p = unwrap(planMps(DEMAND, { onHand: 20, planningTimeFence: 4 }));
      expect(list(p.mps)).toEqual([0, 0, 0, 0, 30, 10]);
      expect(list(p.projectedAvailable)).toEqual([8, 0, -10, -20, 0, 0]);
      expect(p.actions.map((a) => [a.type, a.period, a.quantity])).toEqual([
        ["expedite", 2, 10],
        ["expedite", 3, 10],
      ]);
    });

    it("does not repeat an expedite that a later firm receipt already covers", () => {
      // -5 → expedite 5; 5 with the firm 10; 2 later: covered once 5 is expedited
      const p = unwrap(planMps([5, 0, 3], { onHand: 0, planningTimeFence: 3, firmMps: [0, 10, 0] }));
      expect(list(p.projectedAvailable)).toEqual([-5, 5, 2]);
      expect(p.actions.map((a) => [a.period, a.quantity])).toEqual([[0, 5]]);
    });

    it("keeps firm MPS outside the fence and plans new lots only on top", () => {
      // 0-10 → 10: 0; 0+30-10=20, no new lot
      const p = unwrap(planMps([10, 10], { onHand: 0, firmMps: [0, 30] }));
      expect(list(p.mps)).toEqual([10, 30]);
      expect(list(p.projectedAvailable)).toEqual([0, 20]);
    });

    it("freezes the whole horizon when the fence is past it", () => {
      const p = unwrap(planMps([10], { onHand: 0, planningTimeFence: 5 }));
      expect(list(p.mps)).toEqual([0]);
      expect(p.actions).toHaveLength(1);
    });
  });

  describe("whole quantities beyond a billion stay exact", () => {
    it("plans 5,000,000,000 for MPS.PLAN({5000000000},0,0,\"FOQ\",1), not 4,999,999,995", () => {
      const p = unwrap(planMps([5e9], { onHand: 0, safetyStock: 0, lotRule: "FOQ", lotSize: 1 }));
      expect(list(p.mps)).toEqual([5e9]);
      expect(list(p.projectedAvailable)).toEqual([0]);
    });

    it("keeps FOQ, POQ, minLot, multiple and maxLot exact at 10^14", () => {
      const big = 1e14;
      // FOQ 7: 1e14 + 3 needs ⌈(1e14 + 3) / 7⌉ = 14285714285715 lots = 100000000000005
      expect(list(unwrap(planMps([big + 3], { onHand: 0, lotRule: "FOQ", lotSize: 7 })).mps)).toEqual([big + 5]);
      // POQ 2: each lot covers two periods, to the unit
      const poq = unwrap(planMps([big + 1, big + 2, 5, 7], { onHand: 0, lotRule: "POQ", lotSize: 2 }));
      expect(list(poq.mps)).toEqual([2 * big + 3, 0, 12, 0]);
      expect(list(poq.projectedAvailable)).toEqual([big + 2, 0, 7, 0]);
      // LFL rounded to a multiple of 10: 1e14 + 1 → 1e14 + 10; 12 raised to minLot 2e13
      const modified = unwrap(planMps([big + 1, 1, 20], { onHand: 0, minLot: 2e13, multiple: 10, maxLot: big / 4 }));
      expect(list(modified.mps)).toEqual([big + 10, 0, 2e13]);
      expect(list(modified.projectedAvailable)).toEqual([9, 8, 2e13 - 12]);
      // 1e14 + 10 in lots of at most 2.5e13: 5 lots (4 would hold only 1e14)
      expect(modified.actions).toMatchObject([{ type: "split-lot", period: 0, quantity: big + 10, lots: 5 }]);
    });
  });

  it("plans no lot for floating-point noise", () => {
    // 0.3 on hand against 0.1 + 0.2 of demand leaves 0 up to noise
    const p = unwrap(planMps([0.1, 0.2], { onHand: 0.3 }));
    expect(list(p.mps)).toEqual([0, 0]);
    expect(rounded(p.projectedAvailable)).toEqual([0.2, 0]);
  });

  describe("invalid input", () => {
    it("requires onHand", () => {
      expect(errorOf(planMps([1], {} as never))).toMatchObject({ code: "VALUE", field: "onHand", message: "onHand is required" });
      expect(errorOf(planMps([1], undefined as never))).toMatchObject({ code: "VALUE", field: "options" });
    });

    it("refuses a negative on hand or safety stock", () => {
      expect(errorOf(planMps([1], { onHand: -1 }))).toMatchObject({ code: "NUM", field: "onHand", value: -1 });
      expect(errorOf(planMps([1], { onHand: 0, safetyStock: -5 }))).toMatchObject({ code: "NUM", field: "safetyStock" });
    });

    it("needs lotSize > 0 for FOQ", () => {
      expect(errorOf(planMps([1], { onHand: 0, lotRule: "FOQ" }))).toMatchObject({ code: "VALUE", field: "lotSize" });
      expect(errorOf(planMps([1], { onHand: 0, lotRule: "FOQ", lotSize: 0 }))).toMatchObject({
        code: "NUM",
        field: "lotSize",
        message: "lotSize must be greater than 0 for FOQ (got 0)",
      });
    });

    it("needs a whole lotSize ≥ 1 for POQ", () => {
      expect(errorOf(planMps([1], { onHand: 0, lotRule: "POQ", lotSize: 1.5 }))).toMatchObject({ code: "NUM", field: "lotSize" });
      expect(errorOf(planMps([1], { onHand: 0, lotRule: "POQ", lotSize: 0 }))).toMatchObject({ code: "NUM", field: "lotSize" });
    });

    it("lists the valid lot rules for an unknown rule", () => {
      expect(errorOf(planMps([1], { onHand: 0, lotRule: "EOQ" as never }))).toMatchObject({
        code: "VALUE",
        field: "lotRule",
        message: "lotRule must be one of LFL, FOQ, POQ",
      });
    });

    it("refuses minLot above maxLot, and maxLot or multiple of 0", () => {
      expect(errorOf(planMps([1], { onHand: 0, minLot: 50, maxLot: 10 }))).toMatchObject({
        code: "NUM",
        message: "minLot (50) is greater than maxLot (10)",
      });
      expect(errorOf(planMps([1], { onHand: 0, maxLot: 0 }))).toMatchObject({ code: "NUM", field: "maxLot" });
      expect(errorOf(planMps([1], { onHand: 0, multiple: 0 }))).toMatchObject({ code: "NUM", field: "multiple" });
    });

    it("names both lengths when receipts or firmMps differ from demand", () => {
      expect(errorOf(planMps([1, 2, 3], { onHand: 0, receipts: [1, 2] })).message).toBe(
        "demand and receipts differ in length: 3 vs 2",
      );
      expect(errorOf(planMps([1], { onHand: 0, firmMps: [1, 2] })).field).toBe("firmMps");
    });

    it("refuses a fractional planning time fence", () => {
      expect(errorOf(planMps([1], { onHand: 0, planningTimeFence: 2.5 }))).toMatchObject({ code: "NUM", field: "planningTimeFence" });
    });
  });

  it("does not mutate its inputs", () => {
    const demand = [12, 8, 10];
    const options = { onHand: 20, receipts: [0, 1, 0], firmMps: [0, 0, 3], planningTimeFence: 1 };
    planMps(demand, options);
    expect(demand).toEqual([12, 8, 10]);
    expect(options).toEqual({ onHand: 20, receipts: [0, 1, 0], firmMps: [0, 0, 3], planningTimeFence: 1 });
  });
});

describe("projectAvailable", () => {
  it("repeats the doc example", () => {
    expect(list(unwrap(projectAvailable([33, 30, 30, 30], 64, [0, 0, 70, 0])))).toEqual([31, 1, 41, 11]);
  });

  it("goes negative when supply falls short", () => {
    expect(list(unwrap(projectAvailable([10, 10], 5, [0, 0])))).toEqual([-5, -15]);
  });

  it("names both lengths when demand and supply differ", () => {
    expect(errorOf(projectAvailable([1], 0, [1, 1])).message).toBe("demand and supply differ in length: 1 vs 2");
  });
});
