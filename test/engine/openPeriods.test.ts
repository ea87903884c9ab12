import { closePeriod, nearestOpenAtOrAfter, nearestOpenAtOrBefore, openPeriods } from "../../src/engine/openPeriods";

describe("openPeriods", () => {
  it("repeats the doc example", () => {
    const open = openPeriods([5, 0, 0, 7]);
    expect(nearestOpenAtOrBefore(open, 2)).toBe(0);
    expect(nearestOpenAtOrAfter(open, 1)).toBe(3);
  });

  it("returns -1 and N when nothing is open on that side", () => {
    const open = openPeriods([0, 3, 0]);
    expect(nearestOpenAtOrBefore(open, 0)).toBe(-1);
    expect(nearestOpenAtOrBefore(open, -1)).toBe(-1);
    expect(nearestOpenAtOrAfter(open, 2)).toBe(3);
    expect(nearestOpenAtOrAfter(open, 3)).toBe(3);
  });

  it("skips a closed period in both directions", () => {
    const open = openPeriods([1, 1, 1, 1]);
    closePeriod(open, 1);
    closePeriod(open, 2);
    expect(nearestOpenAtOrBefore(open, 2)).toBe(0);
    expect(nearestOpenAtOrAfter(open, 1)).toBe(3);
    closePeriod(open, 0);
    expect(nearestOpenAtOrBefore(open, 3)).toBe(3);
    expect(nearestOpenAtOrBefore(open, 2)).toBe(-1);
  });
});
