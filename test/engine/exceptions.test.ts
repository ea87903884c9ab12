import {
  compareLoad,
  EXCEPTION_TYPES,
  type ExceptionMessage,
  exceptionsOf,
  levelMps,
  loadOf,
  planItem,
} from "../../src/engine";
import { errorOf, unwrap } from "./helpers";

/** Lines as [period, type, quantity] for compact expectations. */
const brief = (lines: ExceptionMessage[]) => lines.map((l) => [l.period, l.type, Math.round(l.quantity * 1e9) / 1e9]);

/** A record whose demand is the forecast row (no orders: nothing consumed, nothing promised). */
function recordOf(demand: number[], options: Record<string, unknown> = {}) {
  return unwrap(planItem({ forecast: demand, orders: demand.map(() => 0), onHand: 0, ...options }));
}

describe("exceptionsOf", () => {
  describe("the doc comment's examples", () => {
    it("a receipt needed where it is gives no line; excess orders are forecast-low", () => {
      // on hand 20 + 30 = 50; firm projection without the receipt 20, −10: needed in period 1, where it is
      const lines = unwrap(
        exceptionsOf({ demand: [30, 30, 30], mps: [0, 0, 0], projectedAvailable: [20, 40, 10], receipts: [0, 50, 0], excessOrders: [0, 0, 40] }),
      );
      expect(lines).toEqual([{ period: 2, type: "forecast-low", quantity: 40, message: "Period 3: orders exceed forecast by 40" }]);
    });

    it("a receipt not needed until later is rescheduled out", () => {
      // without the receipt: 90, 80, 70, 60 — first below safety stock 65 in period 3
      const lines = unwrap(
        exceptionsOf({ demand: [10, 10, 10, 10], mps: [0, 0, 0, 0], projectedAvailable: [90, 130, 120, 110], receipts: [0, 50, 0, 0], safetyStock: 65 }),
      );
      expect(lines).toEqual([
        { period: 1, type: "reschedule-out", quantity: 50, message: "Period 2: move the receipt of 50 out to Period 4, it is not needed before" },
      ]);
    });
  });

  it("returns an empty list when all is well (the function layer adds the none line)", () => {
    // issue #13's record: forecast 350 × 4, orders 300, 500, 280, 0, window 1/1 → no excess;
    // on hand 400 covers the first period, LFL the rest
    const record = unwrap(
      planItem({ forecast: [350, 350, 350, 350], orders: [300, 500, 280, 0], backward: 1, forward: 1, onHand: 400 }),
    );
    expect(unwrap(exceptionsOf({ ...record }))).toEqual([]);
  });

  describe("forecast-low and forecast-unconsumed", () => {
    it("forecast-low: orders 140 against forecast 100 → 40 in period 3", () => {
      // remaining 50, 0, 0; excess 0, 0, 40; demand 100, 100, 140; on hand 200 covers two periods, LFL 140
      const record = unwrap(planItem({ forecast: [100, 100, 100], orders: [50, 100, 140], onHand: 200 }));
      expect(unwrap(exceptionsOf({ ...record }))).toEqual([
        { period: 2, type: "forecast-low", quantity: 40, message: "Period 3: orders exceed forecast by 40" },
      ]);
    });

    it("forecast-unconsumed: forecast left inside the demand time fence drops out of demand", () => {
      // docs/engine.md §2: forecast 10 × 6, orders 12, 8, 5, 0, 0, 0, dtf 2, on hand 20:
      // remaining 0, 2, 5, 10, 10, 10 — inside the fence (periods 0, 1) 2 is left in period 1;
      // the order of 12 in period 0 is 2 beyond its forecast
      const record = unwrap(planItem({ forecast: [10, 10, 10, 10, 10, 10], orders: [12, 8, 5, 0, 0, 0], onHand: 20, demandTimeFence: 2 }));
      expect(unwrap(exceptionsOf({ ...record, demandTimeFence: 2 }))).toEqual([
        { period: 0, type: "forecast-low", quantity: 2, message: "Period 1: orders exceed forecast by 2" },
        {
          period: 1,
          type: "forecast-unconsumed",
          quantity: 2,
          message: "Period 2: 2 of forecast not taken by orders inside the demand time fence, it drops out of demand",
        },
      ]);
    });
  });

  describe("expedite, shortage and below-safety-stock", () => {
    it("expedite: planning's action, and no shortage line in the same period", () => {
      // docs/engine.md §4: on hand 20, demand 12, 8, 10, 10, 10, 10, ptf 3, firm 0, 0, 5 → PAB 8, 0, −5: expedite 5
      const record = recordOf([12, 8, 10, 10, 10, 10], { onHand: 20, planningTimeFence: 3, firmMps: [0, 0, 5, 0, 0, 0] });
      expect(unwrap(exceptionsOf({ ...record, planningTimeFence: 3 }))).toEqual([
        { period: 2, type: "expedite", quantity: 5, message: "Period 3: expedite 5, firm supply leaves projected available -5" },
      ]);
    });

    it("shortage: later fence periods the expedite already covers still show their negative PAB", () => {
      // on hand 0, demand 5, 0, 0, all frozen: PAB −5, −5, −5; one expedite of 5 in period 0
      const record = recordOf([5, 0, 0], { planningTimeFence: 3 });
      const lines = unwrap(exceptionsOf({ ...record, planningTimeFence: 3 }));
      expect(brief(lines)).toEqual([
        [0, "expedite", 5],
        [1, "shortage", 5],
        [2, "shortage", 5],
      ]);
      expect(lines[1].message).toBe("Period 2: short 5, projected available -5 inside the planning time fence");
    });

    it("expedite with safety stock names it", () => {
      // on hand 20, SS 5, demand 12, 8, 10, ptf 2: PAB 8, 0 → expedite 5 in period 1; period 2 plans 15 → 5
      const record = recordOf([12, 8, 10], { onHand: 20, safetyStock: 5, planningTimeFence: 2 });
      expect(unwrap(exceptionsOf({ ...record, safetyStock: 5, planningTimeFence: 2 }))).toEqual([
        { period: 1, type: "expedite", quantity: 5, message: "Period 2: expedite 5, firm supply leaves projected available 0 (safety stock 5)" },
      ]);
    });

    it("shortage and late from a chase plan: quantities add up to the negative PAB", () => {
      // docs/engine.md §8.3: demand 20, 40, 80, 30, capacity 50, chase → MPS 20, 40, 50, 50,
      // PAB 0, 0, −30, −10; 30 due in period 2 is late: 20 built in period 3, 10 after the horizon
      const demand = [20, 40, 80, 30];
      const levelled = unwrap(levelMps(demand, { onHand: 0, capacity: 50, strategy: "chase" }));
      const lines = unwrap(exceptionsOf({ demand, ...levelled, capacityUse: levelled, capacityStrategy: "chase" }));
      expect(lines).toEqual([
        { period: 2, type: "shortage", quantity: 30, message: "Period 3: short 30, projected available -30" },
        {
          period: 2,
          type: "late",
          quantity: 30,
          message: "Period 3: 30 cannot be built in time, 20 built late in Period 4, 10 after the horizon",
        },
        { period: 3, type: "shortage", quantity: 10, message: "Period 4: short 10, projected available -10" },
      ]);
    });

    it("below-safety-stock, late and reschedule-in from a build-ahead plan with a receipt", () => {
      // docs/engine.md §8.3: demand 30 × 4, on hand 10, SS 10, receipts 0, 20, 0, 0, capacity 25
      // → MPS 25 × 4, PAB 5, 20, 15, 10; 5 due in period 0 built in period 1.
      // The receipt: firm projection without it 10 − 30 = −20 < 10 in period 0 → needed in period 0
      const demand = [30, 30, 30, 30];
      const receipts = [0, 20, 0, 0];
      const levelled = unwrap(levelMps(demand, { onHand: 10, safetyStock: 10, receipts, capacity: 25 }));
      const lines = unwrap(exceptionsOf({ demand, receipts, safetyStock: 10, ...levelled, capacityUse: levelled, capacityStrategy: "build-ahead" }));
      expect(lines).toEqual([
        { period: 0, type: "late", quantity: 5, message: "Period 1: 5 cannot be built in time, built late in Period 2" },
        { period: 0, type: "below-safety-stock", quantity: 5, message: "Period 1: projected available 5 is 5 below safety stock 10" },
        { period: 1, type: "reschedule-in", quantity: 20, message: "Period 2: move the receipt of 20 in to Period 1, it is needed then" },
      ]);
    });

    it("late: every piece of one due period on one line, built over several periods", () => {
      const lines = unwrap(
        exceptionsOf({
          demand: [0, 0, 0, 0],
          mps: [0, 0, 0, 0],
          projectedAvailable: [0, 0, 0, 0],
          late: [
            { duePeriod: 1, quantity: 4, builtPeriod: 2 },
            { duePeriod: 1, quantity: 6, builtPeriod: 3 },
            { duePeriod: 0, quantity: 7, builtPeriod: null },
          ],
        }),
      );
      expect(lines.map((l) => l.message)).toEqual([
        "Period 1: 7 cannot be built in time, not before the end of the horizon",
        "Period 2: 10 cannot be built in time, built late in Period 3 to Period 4",
      ]);
    });
  });

  describe("capacity", () => {
    it("overload under the check strategy: load 200 on capacity 150 in period 1", () => {
      // MPS 0, 100, 0, 50 (LFL on that demand), bill 1 h in the due period and 2 h one period
      // before → load 200, 100, 100, 50 (docs/engine.md §8.1); capacity 150
      const record = recordOf([0, 100, 0, 50]);
      const load = unwrap(loadOf(record.mps, [[1, 2]]));
      const use = unwrap(compareLoad(load.load[0], 150));
      expect(unwrap(exceptionsOf({ ...record, capacityUse: use, capacityStrategy: "check" }))).toEqual([
        { period: 0, type: "overload", quantity: 50, message: "Period 1: load 200 exceeds capacity 150 by 50" },
      ]);
    });

    it("past-due-load: 160 of load before period 1, reported in period 1", () => {
      // MPS 80, 0, 0, 0 with the same bill → load 240, 160 of it past due; capacity 250: no overload
      const record = recordOf([80, 0, 0, 0]);
      const load = unwrap(loadOf(record.mps, [[1, 2]]));
      const use = unwrap(compareLoad(load.load[0], 250));
      expect(unwrap(exceptionsOf({ ...record, capacityUse: use, pastDueLoad: load.pastDue[0] }))).toEqual([
        { period: 0, type: "past-due-load", quantity: 160, message: "Period 1: 160 of load is past due, work that should have started before Period 1" },
      ]);
    });

    it("overload of a levelled plan is the firm MPS inside the fence", () => {
      // docs/engine.md §8.3: demand 20, 40, 80, 30, fence 1, firm 60 in period 0, capacity 50
      // → period 0 loads 60 on 50; MPS 60, 30, 50, 30, PAB 40, 30, 0, 0
      const demand = [20, 40, 80, 30];
      const levelled = unwrap(levelMps(demand, { onHand: 0, capacity: 50, planningTimeFence: 1, firmMps: [60, 0, 0, 0] }));
      const lines = unwrap(exceptionsOf({ demand, ...levelled, planningTimeFence: 1, capacityUse: levelled, capacityStrategy: "build-ahead" }));
      expect(lines).toEqual([
        { period: 0, type: "overload", quantity: 10, message: "Period 1: firm MPS loads 60 on capacity 50, 10 over" },
      ]);
    });

    it("no overload line without capacity rows", () => {
      const record = recordOf([0, 100, 0, 50]);
      expect(unwrap(exceptionsOf({ ...record })).filter((l) => l.type === "overload")).toEqual([]);
    });
  });

  it("release-past-due: starts before period 1 because of the lead time, in period 1", () => {
    // MPS 10, 5, 30, 40, 50 with lead time 2: the 10 due in period 0 and the 5 due in period 1
    // should have started in periods −2 and −1 → start 15 now
    const record = recordOf([10, 5, 30, 40, 50]);
    expect(unwrap(exceptionsOf({ ...record, releasePastDue: [10, 5, 0, 0, 0] }))).toEqual([
      {
        period: 0,
        type: "release-past-due",
        quantity: 15,
        message: "Period 1: start 15 now, the lead time puts its start before Period 1 (due by Period 2)",
      },
    ]);
  });

  describe("reschedule-in, reschedule-out, cancel", () => {
    it("several receipts, earliest first: out, in, cancel", () => {
      // on hand 10, demand 10 × 6, receipts 20 in period 0, 30 in period 4, 40 in period 5.
      // Firm projection without receipts: 0, −10, −20, −30, −40, −50.
      // Receipt of period 0: first below 0 in period 1 → out to period 1; it lifts periods 1.. by 20:
      //   10, 0, −10, −20, −30.
      // Receipt of period 4: first below 0 in period 3 → in to period 3; now 20, 10, 0 in periods 3..5.
      // Receipt of period 5: never needed → cancel.
      const record = recordOf([10, 10, 10, 10, 10, 10], { onHand: 10, receipts: [20, 0, 0, 0, 30, 40] });
      expect(unwrap(exceptionsOf({ ...record }))).toEqual([
        { period: 0, type: "reschedule-out", quantity: 20, message: "Period 1: move the receipt of 20 out to Period 2, it is not needed before" },
        { period: 4, type: "reschedule-in", quantity: 30, message: "Period 5: move the receipt of 30 in to Period 4, it is needed then" },
        { period: 5, type: "cancel", quantity: 40, message: "Period 6: cancel the receipt of 40, it is not needed within the horizon" },
      ]);
    });

    it("a receipt covered by a planned lot before it is rescheduled in, not cancelled (planned MPS does not count)", () => {
      // on hand 0, demand 10, 0, 0, receipt 10 in period 2: planning plans 10 in period 0;
      // the firm projection without the receipt is −10 from period 0 → in to period 0
      const record = recordOf([10, 0, 0], { receipts: [0, 0, 10] });
      expect(Array.from(record.mps)).toEqual([10, 0, 0]);
      expect(brief(unwrap(exceptionsOf({ ...record })))).toEqual([[2, "reschedule-in", 10]]);
    });

    it("firm MPS counts as firm supply: given outside the fence, and the MPS row inside it", () => {
      // on hand 0, demand 0, 10, 10; firm 10 in period 1; receipt 10 in period 0
      // without the receipt: 0, 0, −10 → needed in period 2 → out to period 2
      const toPeriod3 = "Period 1: move the receipt of 10 out to Period 3, it is not needed before";
      const record = recordOf([0, 10, 10], { receipts: [10, 0, 0], firmMps: [0, 10, 0] });
      expect(unwrap(exceptionsOf({ ...record, firmMps: [0, 10, 0] })).map((l) => l.message)).toEqual([toPeriod3]);
      // the same firm MPS frozen by a fence of 2: the MPS row there is firm
      const frozen = recordOf([0, 10, 10], { receipts: [10, 0, 0], firmMps: [0, 10, 0], planningTimeFence: 2 });
      expect(unwrap(exceptionsOf({ ...frozen, planningTimeFence: 2 })).map((l) => l.message)).toEqual([toPeriod3]);
      // without the firm MPS the projection is 0, −10, −20: the receipt is needed in period 1
      expect(unwrap(exceptionsOf({ ...record })).map((l) => l.message)).toEqual([
        "Period 1: move the receipt of 10 out to Period 2, it is not needed before",
      ]);
    });

    it("on hand is taken from the record unless given", () => {
      // PAB 20 = on hand + 0 + 0 − 10 → on hand 30; given 0, the receipt is needed at once
      const input = { demand: [10, 10], mps: [0, 0], projectedAvailable: [20, 20], receipts: [0, 10] };
      expect(brief(unwrap(exceptionsOf(input)))).toEqual([[1, "cancel", 10]]);
      expect(brief(unwrap(exceptionsOf({ ...input, onHand: 0 })))).toEqual([[1, "reschedule-in", 10]]);
    });
  });

  it("split-lot: a lot above the maximum lot size", () => {
    // docs/engine.md §4: on hand 0, demand 250, maxLot 100 → 3 lots
    const record = recordOf([250], { maxLot: 100 });
    expect(unwrap(exceptionsOf({ ...record }))).toEqual([
      { period: 0, type: "split-lot", quantity: 250, message: "Period 1: release 250 as 3 lots, it is above the maximum lot size" },
    ]);
  });

  it("overpromised: negative ATP, sorted by severity after an expedite of the same period", () => {
    // forecast 0, 10, orders 5, 10, on hand 0, ptf 1: demand 5, 10; PAB −5 → expedite 5;
    // period 1 plans 15; discrete ATP −5, 5 (netting only looks back); the order of 5 is excess
    const record = unwrap(planItem({ forecast: [0, 10], orders: [5, 10], onHand: 0, planningTimeFence: 1 }));
    expect(unwrap(exceptionsOf({ ...record, planningTimeFence: 1 }))).toEqual([
      { period: 0, type: "expedite", quantity: 5, message: "Period 1: expedite 5, firm supply leaves projected available -5" },
      { period: 0, type: "overpromised", quantity: 5, message: "Period 1: orders promised 5 beyond supply (ATP -5)" },
      { period: 0, type: "forecast-low", quantity: 5, message: "Period 1: orders exceed forecast by 5" },
    ]);
  });

  describe("forecast-bias", () => {
    const quiet = { demand: [0, 0], mps: [0, 0], projectedAvailable: [0, 0] };
    it("a tracking signal beyond ±4 is one line in period 1", () => {
      expect(unwrap(exceptionsOf({ ...quiet, trackingSignal: 5.2 }))).toEqual([
        { period: 0, type: "forecast-bias", quantity: 5.2, message: "Forecast runs low: tracking signal 5.2 is beyond ±4" },
      ]);
      expect(unwrap(exceptionsOf({ ...quiet, trackingSignal: -6.254 }))[0].message).toBe("Forecast runs high: tracking signal -6.25 is beyond ±4");
    });
    it("within the limit (±4 included) gives nothing", () => {
      for (const trackingSignal of [4, -4, 0, 3.9]) expect(unwrap(exceptionsOf({ ...quiet, trackingSignal }))).toEqual([]);
    });
  });

  it("names periods with the caller's label, in the line and in the periods it points to", () => {
    const record = recordOf([10, 10, 10, 10, 10, 10], { onHand: 10, receipts: [20, 0, 0, 0, 30, 40] });
    const weeks = ["2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01", "2027-02-08"];
    const lines = unwrap(exceptionsOf({ ...record, periodName: (p) => `Week of ${weeks[p]}` }));
    expect(lines[0].message).toBe("Week of 2027-01-04: move the receipt of 20 out to Week of 2027-01-11, it is not needed before");
    expect(lines.map((l) => l.period)).toEqual([0, 4, 5]);
  });

  it("orders the lines of one period by severity (EXCEPTION_TYPES)", () => {
    const lines = unwrap(
      exceptionsOf({
        demand: [10, 0],
        mps: [0, 0],
        projectedAvailable: [-10, -10],
        receipts: [0, 0],
        atp: [-3, 0],
        excessOrders: [2, 0],
        remainingForecast: [4, 0],
        demandTimeFence: 1,
        late: [{ duePeriod: 0, quantity: 10, builtPeriod: null }],
        releasePastDue: [1, 0],
        pastDueLoad: 2,
        capacityUse: { load: [12, 0], capacity: [10, 0], overload: [2, 0] },
        trackingSignal: 9,
        actions: [{ type: "split-lot", period: 0, quantity: 20, lots: 2, message: "" }],
      }),
    );
    const types = lines.filter((l) => l.period === 0).map((l) => l.type);
    expect(types).toEqual([
      "shortage",
      "overpromised",
      "late",
      "release-past-due",
      "past-due-load",
      "overload",
      "split-lot",
      "forecast-low",
      "forecast-unconsumed",
      "forecast-bias",
    ]);
    expect([...types].sort((a, b) => EXCEPTION_TYPES.indexOf(a) - EXCEPTION_TYPES.indexOf(b))).toEqual(types);
  });

  it("takes actions and late lots in any order", () => {
    const input = {
      demand: [0, 0, 0],
      mps: [0, 0, 0],
      projectedAvailable: [0, 0, 0],
      actions: [
        { type: "split-lot" as const, period: 2, quantity: 30, lots: 2, message: "" },
        { type: "split-lot" as const, period: 0, quantity: 20, lots: 2, message: "" },
      ],
      late: [
        { duePeriod: 1, quantity: 3, builtPeriod: 2 },
        { duePeriod: 0, quantity: 4, builtPeriod: 1 },
      ],
    };
    expect(brief(unwrap(exceptionsOf(input)))).toEqual([
      [0, "late", 4],
      [0, "split-lot", 20],
      [1, "late", 3],
      [2, "split-lot", 30],
    ]);
    expect(input.actions[0].period).toBe(2); // the caller's list is not reordered
  });

  describe("invalid input gives an error value naming the input", () => {
    const base = { demand: [1, 2], mps: [0, 0], projectedAvailable: [0, -1] };
    it.each([
      [{ ...base, demand: "x" }, "demand", "demand must be a row of numbers"],
      [{ ...base, mps: undefined }, "mps", "mps is required"],
      [{ ...base, projectedAvailable: [0, "a"] }, "projectedAvailable", 'projectedAvailable[1] is not a number ("a")'],
      [{ ...base, projectedAvailable: [0, NaN] }, "projectedAvailable", "projectedAvailable[1] is not a finite number (NaN)"],
      [{ ...base, receipts: [1] }, "receipts", "demand and receipts differ in length: 2 vs 1"],
      [{ ...base, atp: [0, Infinity] }, "atp", "atp[1] is not a finite number (Infinity)"],
      [{ ...base, atp: Float64Array.of(0, -Infinity) }, "atp", "atp[1] is not a finite number (-Infinity)"],
      [{ ...base, projectedAvailable: Float64Array.of(NaN, 0) }, "projectedAvailable", "projectedAvailable[0] is not a finite number (NaN)"],
      [{ ...base, capacityUse: { load: [1, 1], capacity: [1, 1] } }, "capacityUse.overload", "capacityUse.overload is required"],
      [{ ...base, safetyStock: -1 }, "safetyStock", "safetyStock is negative (-1)"],
      [{ ...base, planningTimeFence: 1.5 }, "planningTimeFence", "planningTimeFence must be a whole number of periods, 0 or more (got 1.5)"],
      [{ ...base, capacityStrategy: "max" }, "capacityStrategy", "capacityStrategy must be one of check, build-ahead, chase, level"],
      [{ ...base, trackingSignal: "high" }, "trackingSignal", 'trackingSignal must be a number (got "high")'],
      [{ ...base, periodName: "Week" }, "periodName", "periodName must be a function from a 0-based period to its name"],
      [{ ...base, actions: {} }, "actions", "actions must be a list"],
      [
        { ...base, actions: [{ type: "expedite", period: 2, quantity: 1 }] },
        "actions",
        "actions[0] must be an action message { type, period, quantity }, with periods 0 to 1",
      ],
      [
        { ...base, late: [{ duePeriod: 0, quantity: -1, builtPeriod: null }] },
        "late",
        "late[0] must be a late lot { duePeriod, quantity, builtPeriod }, with periods 0 to 1",
      ],
    ])("%#: %s", (input, field, message) => {
      const error = errorOf(exceptionsOf(input as never));
      expect(error.field).toBe(field);
      expect(error.message).toBe(message);
    });

    it("refuses a missing input object", () => {
      expect(errorOf(exceptionsOf(undefined as never)).message).toBe("input is required");
    });
  });
});
