import { countLots, type LotPolicy, sizeLot } from "../../src/engine/lot";

const policy = (p: Partial<LotPolicy>): LotPolicy => ({ rule: "LFL", lotSize: 0, minLot: 0, maxLot: Infinity, multiple: 0, ...p });

describe("sizeLot", () => {
  it("repeats the doc examples", () => {
    expect(sizeLot(10, policy({ rule: "FOQ", lotSize: 25 }))).toBe(25);
    expect(sizeLot(55, policy({ rule: "FOQ", lotSize: 25 }))).toBe(75);
    expect(sizeLot(12, policy({ minLot: 20 }))).toBe(20);
    expect(sizeLot(23, policy({ multiple: 10 }))).toBe(30);
  });

  it("returns the requirement itself for LFL", () => {
    expect(sizeLot(17.5, policy({}))).toBe(17.5);
  });

  it("raises to minLot before rounding to the multiple", () => {
    // 10 → min 15 → next multiple of 4 is 16
    expect(sizeLot(10, policy({ minLot: 15, multiple: 4 }))).toBe(16);
  });

  it("ignores floating-point noise when counting fixed lots", () => {
    // 0.1 + 0.2 = 0.30000000000000004 is three lots of 0.1, not four
    expect(sizeLot(0.1 + 0.2, policy({ rule: "FOQ", lotSize: 0.1 }))).toBeCloseTo(0.3, 12);
  });
});

describe("countLots", () => {
  it("repeats the doc example", () => {
    expect(countLots(250, 100)).toBe(3);
  });

  it("returns 1 up to maxLot and without a maximum", () => {
    expect(countLots(100, 100)).toBe(1);
    expect(countLots(1e9, Infinity)).toBe(1);
  });
});
