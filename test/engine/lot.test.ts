import fc from "fast-check";
import { countLots, type LotPolicy, sizeLot } from "../../src/engine/lot";
import { MAX_QUANTITY } from "../../src/engine/numeric";

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

describe("lot arithmetic at every magnitude a double holds as a whole number", () => {
  // Whole quantities up to the largest the engine accepts; the oracle is exact (BigInt).
  const whole = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }).map((x) => Math.min(x, MAX_QUANTITY));
  const size = fc.oneof(fc.integer({ min: 1, max: 1000 }), whole);
  const ceilTimes = (required: number, lot: number): number => {
    const [r, s] = [BigInt(required), BigInt(lot)];
    return Number(((r + s - 1n) / s) * s);
  };

  it("plans 5,000,000,000 fixed lots of 1 for a requirement of 5,000,000,000 (not 4,999,999,995)", () => {
    expect(sizeLot(5e9, policy({ rule: "FOQ", lotSize: 1 }))).toBe(5e9);
    expect(sizeLot(5e9 + 1, policy({ rule: "FOQ", lotSize: 2 }))).toBe(5e9 + 2);
    expect(sizeLot(MAX_QUANTITY - 1, policy({ rule: "FOQ", lotSize: 1 }))).toBe(MAX_QUANTITY - 1);
    expect(sizeLot(MAX_QUANTITY - 2, policy({ rule: "FOQ", lotSize: 3 }))).toBe(MAX_QUANTITY - 1);
    expect(sizeLot(MAX_QUANTITY, policy({ rule: "FOQ", lotSize: 7 }))).toBe(MAX_QUANTITY + 1);
  });

  it("sizes FOQ lots as exactly ⌈required / Q⌉ × Q", () => {
    fc.assert(
      fc.property(whole, size, (required, lotSize) => {
        expect(sizeLot(required, policy({ rule: "FOQ", lotSize }))).toBe(ceilTimes(required, lotSize));
      }),
    );
  });

  it("raises to minLot and rounds to the multiple exactly", () => {
    fc.assert(
      fc.property(whole, whole, size, (required, minLot, multiple) => {
        const raised = Math.max(required, minLot);
        expect(sizeLot(required, policy({ minLot, multiple }))).toBe(ceilTimes(raised, multiple));
      }),
    );
  });

  it("counts exactly ⌈quantity / maxLot⌉ lots", () => {
    fc.assert(
      fc.property(whole, size, (quantity, maxLot) => {
        const expected = quantity > maxLot ? Number((BigInt(quantity) + BigInt(maxLot) - 1n) / BigInt(maxLot)) : 1;
        expect(countLots(quantity, maxLot)).toBe(expected);
      }),
    );
    expect(countLots(5e9, 1)).toBe(5e9);
    expect(countLots(5e9 + 1, 1e9)).toBe(6);
  });
});
