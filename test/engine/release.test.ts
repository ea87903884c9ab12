import fc from "fast-check";
import { plannedStarts } from "../../src/engine";
import { errorOf, list, sum, unwrap } from "./helpers";

describe("plannedStarts", () => {
  it("repeats the doc example: lead time 2, period 0's lot released past due", () => {
    const s = unwrap(plannedStarts([10, 0, 30, 40, 50], 2));
    expect(list(s.plannedStarts)).toEqual([40, 40, 50, 0, 0]);
    expect(s.pastDue).toBe(10);
    expect(s.releasePastDue).toEqual([
      {
        duePeriod: 0,
        startPeriod: -2,
        quantity: 10,
        message: "release 10 now: due in period 0, with lead time 2 it should have started 2 periods before period 0",
      },
    ]);
  });

  it("returns the MPS row itself with lead time 0 or none", () => {
    expect(list(unwrap(plannedStarts([5, 0, 7], 0)).plannedStarts)).toEqual([5, 0, 7]);
    expect(list(unwrap(plannedStarts([5, 0, 7])).plannedStarts)).toEqual([5, 0, 7]);
    expect(list(unwrap(plannedStarts([5, 0, 7], null)).plannedStarts)).toEqual([5, 0, 7]);
  });

  it("reports each past-due MPS period on its own, in due order, with singular wording for one period", () => {
    // textbook record: MPS 0, 0, 70, 0, 70 with a lead time of 3 → the period-2 lot should have started in period -1
    const s = unwrap(plannedStarts([20, 0, 70, 0, 70], 3));
    expect(list(s.plannedStarts)).toEqual([90, 70, 0, 0, 0]);
    expect(s.releasePastDue.map((r) => [r.duePeriod, r.startPeriod, r.quantity])).toEqual([
      [0, -3, 20],
      [2, -1, 70],
    ]);
    expect(s.releasePastDue[1].message).toBe("release 70 now: due in period 2, with lead time 3 it should have started 1 period before period 0");
  });

  it("puts everything in period 0 when the lead time reaches past the horizon", () => {
    const s = unwrap(plannedStarts([1, 2, 3], 10));
    expect(list(s.plannedStarts)).toEqual([6, 0, 0]);
    expect(s.pastDue).toBe(6);
  });

  it("returns an empty row for an empty MPS", () => {
    expect(unwrap(plannedStarts([], 2))).toEqual({ plannedStarts: new Float64Array(0), pastDue: 0, releasePastDue: [] });
  });

  describe("invalid input", () => {
    it("refuses a negative or fractional lead time", () => {
      expect(errorOf(plannedStarts([1], -1))).toMatchObject({
        code: "NUM",
        field: "leadTime",
        message: "leadTime must be a whole number of periods, 0 or more (got -1)",
      });
      expect(errorOf(plannedStarts([1], 1.5))).toMatchObject({ code: "NUM", field: "leadTime" });
      expect(errorOf(plannedStarts([1], "2" as never))).toMatchObject({ code: "VALUE", field: "leadTime" });
    });

    it("refuses a bad MPS row", () => {
      expect(errorOf(plannedStarts([1, -2], 1))).toMatchObject({ code: "NUM", field: "mps", period: 1 });
    });
  });

  it("does not mutate its input", () => {
    const mps = [10, 20];
    unwrap(plannedStarts(mps, 1));
    expect(mps).toEqual([10, 20]);
  });

  it("sums to the MPS row: starts on time plus past due; each start is its MPS lead-time periods later", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 30 }), fc.integer({ min: 0, max: 35 }), (mps, lead) => {
        const s = unwrap(plannedStarts(mps, lead));
        const onTime = sum(mps.slice(lead));
        expect(sum(s.plannedStarts)).toBe(sum(mps));
        expect(sum(s.plannedStarts)).toBe(onTime + s.pastDue);
        expect(s.pastDue).toBe(sum(s.releasePastDue.map((r) => r.quantity)));
        for (let t = 1; t < mps.length; t++) expect(s.plannedStarts[t]).toBe(t + lead < mps.length ? mps[t + lead] : 0);
        if (mps.length > 0) expect(s.plannedStarts[0]).toBe((lead < mps.length ? mps[lead] : 0) + s.pastDue);
        for (const r of s.releasePastDue) {
          expect(r.quantity).toBeGreaterThan(0);
          expect(r.startPeriod).toBeLessThan(0);
          expect(r.duePeriod - r.startPeriod).toBe(lead);
        }
      }),
    );
  });
});
