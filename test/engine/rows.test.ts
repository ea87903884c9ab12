import { planItem } from "../../src/engine";
import { resultRow, resultRows, SCRATCH, scratchDoubles, scratchInts } from "../../src/engine/rows";
import { list, unwrap } from "./helpers";

describe("resultRows", () => {
  it("repeats the doc example: two zero-filled rows, independent of each other", () => {
    const [mps, pab] = resultRows(2, 4);
    expect(list(mps)).toEqual([0, 0, 0, 0]);
    mps.fill(7);
    expect(list(pab)).toEqual([0, 0, 0, 0]);
  });

  it("never hands out the same memory twice, across slabs and for rows larger than a slab", () => {
    const rows = [...Array.from({ length: 200 }, () => resultRows(11, 104)).flat(), resultRow(100_000), resultRow(0)];
    rows.forEach((row, i) => {
      expect(row.every((x) => x === 0)).toBe(true);
      row.fill(i + 1);
    });
    rows.forEach((row, i) => expect(row.every((x) => x === i + 1)).toBe(true));
  });

  it("gives scratch rows of the asked length, in slots that do not overlap", () => {
    const left = scratchInts(SCRATCH.left, 10);
    const right = scratchInts(SCRATCH.right, 10);
    left.fill(1);
    right.fill(2);
    expect(left.length).toBe(10);
    expect(list(left)).toEqual(Array(10).fill(1));
    expect(scratchDoubles(SCRATCH.supply, 70_000).length).toBe(70_000);
  });

  it("keeps records apart: a later plan does not change an earlier record", () => {
    const input = { forecast: [30, 30, 30, 30], orders: [33, 20, 10, 4], onHand: 64, lotRule: "FOQ" as const, lotSize: 70 };
    const first = unwrap(planItem(input));
    const before = list(first.atp);
    unwrap(planItem({ ...input, onHand: 0, orders: [0, 0, 0, 0] }));
    expect(list(first.atp)).toEqual(before);
    expect(list(first.mps)).toEqual([0, 0, 70, 0]);
  });
});
