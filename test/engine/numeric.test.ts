import { ABSOLUTE_TOLERANCE, isBelow, lotsToCover, mayBeNoise, reaches, settle, settleZero, tolerance } from "../../src/engine/numeric";

describe("tolerance", () => {
  it("is one part in a billion of the magnitude, at least of 1, at most a millionth of a unit", () => {
    expect(tolerance(0)).toBe(1e-9);
    expect(tolerance(0.3)).toBe(1e-9);
    expect(tolerance(500)).toBeCloseTo(5e-7, 20);
    expect(tolerance(5000)).toBe(ABSOLUTE_TOLERANCE);
    expect(tolerance(5e9)).toBe(ABSOLUTE_TOLERANCE);
  });

  it("never lets two whole numbers be equal", () => {
    for (const x of [1, 1e6, 5e9, 1e15, 2 ** 53 - 2]) {
      expect(isBelow(x, x + 1)).toBe(true);
      expect(reaches(x + 1, x)).toBe(true);
    }
  });

  it("treats decimal noise as equal", () => {
    expect(reaches(0.1 + 0.2 - 0.3 - 1e-17, 0)).toBe(true);
    expect(isBelow(0.3 - 0.1 - 0.2, 0)).toBe(false);
    expect(isBelow(-0.001, 0)).toBe(true);
  });
});

describe("settle", () => {
  it("repeats the doc examples", () => {
    expect(settle(-5.551115123125783e-17, 0, 0.3)).toBe(0);
    expect(settleZero(0.3 - 0.1 - 0.2, 0.3)).toBe(0);
    expect([mayBeNoise(2.8e-17), mayBeNoise(0.001), mayBeNoise(0)]).toEqual([true, false, false]);
    expect(isBelow(0.3 - 0.1 - 0.2, 0)).toBe(false);
    expect(reaches(0.1 + 0.2, 0.3)).toBe(true);
  });

  it("scales with the operands: noise from a sum of millions is still noise", () => {
    const noise = 1e6 + 0.1 - 1e6 - 0.1; // about 1e-11
    expect(noise).not.toBe(0);
    expect(settleZero(noise, 1e6)).toBe(0);
    expect(settleZero(2e-6, 1e6)).toBe(2e-6);
  });

  it("keeps values that differ by more than noise", () => {
    expect(settle(1e-6 * 2, 0, 1)).toBe(2e-6);
    expect(settle(5e9 - 1, 5e9, 5e9)).toBe(5e9 - 1);
    expect(settle(10.000000000000002, 10, 10)).toBe(10);
  });
});

describe("lotsToCover", () => {
  it("repeats the doc examples", () => {
    expect(lotsToCover(5e9, 1)).toBe(5e9);
    expect(lotsToCover(0.1 + 0.2, 0.1)).toBe(3);
    expect(lotsToCover(55, 25)).toBe(3);
  });

  it("corrects a quotient rounded across a whole number", () => {
    // 0.7 / 0.07 = 10.000000000000002: ten lots cover it up to noise
    expect(lotsToCover(0.7, 0.07)).toBe(10);
    // lots as fine as noise: cover rather than drop one
    expect(lotsToCover(1, 1e-9)).toBe(1e9);
  });
});
