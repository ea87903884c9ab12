/**
 * MPS.LOAD and MPS.LEVEL as Excel calls them (2-D ranges in, spilled arrays or
 * CustomFunctions.Error out), on the worked examples of issue #14 and docs/engine.md §8, in
 * rows and in columns, for one item and for several items sharing one resource.
 */
import fc from "fast-check";
import { level, load } from "../../src/functions/functions";
import { OMITTED, column, excelError, row } from "./excelCalls";

/** A block given row by row, turned so that each given row runs down a column. */
const transposed = <T,>(rows: T[][]): T[][] => rows[0].map((_, c) => rows.map((r) => r[c]));

const ISSUE_DEMAND = [20, 40, 80, 30];

describe("MPS.LOAD", () => {
  it("loads a resource profile with lead-time offsets (issue #14)", () => {
    // 1 h in the due period, 2 h one period before: period 1 = 2 × 100 (due in 2), period 2 =
    // 1 × 100, period 3 = 2 × 50 (due in 4), period 4 = 1 × 50
    expect(load(row(0, 100, 0, 50), row(1, 2))).toEqual([[200, 100, 100, 50]]);
  });

  it("adds load that would fall before the first period to period 1 (issue #14: 160 past due)", () => {
    // 80 × 1 in period 1, and 80 × 2 one period before it: 80 + 160
    expect(load(row(80, 0, 0, 0), row(1, 2))).toEqual([[240, 0, 0, 0]]);
  });

  it("lays the load out like mps: a column mps gives a column", () => {
    expect(load(column(0, 100, 0, 50), row(1, 2))).toEqual(column(200, 100, 100, 50));
  });

  it("takes one cell as an overall factor: one resource, in the due period", () => {
    expect(load(row(10, 20, 0), [[0.5]])).toEqual([[5, 10, 0]]);
    expect(load(row(10, 20, 0), 0.5 as never)).toEqual([[5, 10, 0]]);
  });

  it("takes one column as a bill of capacity: one result row per resource (one column each for a column mps)", () => {
    // assembly 2 h, test 0.5 h per unit
    expect(load(row(10, 20), column(2, 0.5))).toEqual([
      [20, 40],
      [5, 10],
    ]);
    expect(load(column(10, 20), column(2, 0.5))).toEqual([
      [20, 5],
      [40, 10],
    ]);
  });

  it("takes resources × offsets: each row its own profile", () => {
    // assembly [1, 2] as above; test [0.5, 0] (its second offset empty)
    expect(load(row(0, 100, 0, 50), [[1, 2], [0.5, null]])).toEqual([
      [200, 100, 100, 50],
      [0, 50, 0, 25],
    ]);
  });

  it("gives loads that add up across items with a plain sum (several items on one line)", () => {
    const a = load(row(0, 100, 0, 50), row(1, 2))[0];
    const b = load(row(30, 0, 30, 0), row(1, 2))[0];
    // B: 30 in period 1 (and 60 past due, added to it), 60 in period 2 for the 30 due in 3, 30 in period 3
    expect(b).toEqual([90, 60, 30, 0]);
    expect(a.map((v, t) => v + b[t])).toEqual([290, 160, 130, 50]);
  });

  it("refuses a bad bill with #VALUE! naming the cell, row and cell in a block", () => {
    expect(excelError(() => load(row(1, 2), [[1, 2], [3, -4]]))).toBe("#VALUE! bill: row 2, cell 2 is -4; quantities must be 0 or more");
    expect(excelError(() => load(row(1, 2), row(1, "two")))).toBe(
      "#VALUE! bill: cell 2 is text 'two'; enter a number (numbers stored as text are not read)",
    );
    expect(excelError(() => load(row(1, 2), [[1, 2], [3, "x"]]))).toMatch(/^#VALUE! bill: row 2, cell 2 is text 'x'/);
    expect(excelError(() => load(row(1, 2), OMITTED))).toBe("#VALUE! bill is required");
  });

  it("refuses a negative MPS with #VALUE! naming its cell", () => {
    expect(excelError(() => load(row(1, -5, 2), row(1)))).toBe("#VALUE! mps: cell 2 is -5; quantities must be 0 or more");
    expect(excelError(() => load(column(1, 2, -5), row(1)))).toBe("#VALUE! mps: cell 3 is -5; quantities must be 0 or more");
  });
});

describe("MPS.LEVEL, one item (issue #14: demand 20, 40, 80, 30, on hand 0, capacity 50)", () => {
  it("builds ahead by default: what exceeds a period is built in the latest earlier periods", () => {
    // period 4 builds 30; period 3 50 of 80; period 2 its 40 and 10 of the 30 left; period 1 its 20 and the last 20
    expect(level(row(...ISSUE_DEMAND), row(0), row(50))).toEqual([[40, 50, 50, 30]]);
    expect(level(row(...ISSUE_DEMAND), 0 as never, 50 as never, OMITTED, OMITTED, OMITTED, "build-ahead")).toEqual([[40, 50, 50, 30]]);
  });

  it("chases: no building ahead, the rest late (10 not within the horizon)", () => {
    expect(level(row(...ISSUE_DEMAND), row(0), row(50), OMITTED, OMITTED, OMITTED, "chase")).toEqual([[20, 40, 50, 50]]);
  });

  it("levels at the smallest whole rate that keeps PAB ≥ 0: ⌈140/3⌉ = 47", () => {
    expect(level(row(...ISSUE_DEMAND), row(0), row(50), OMITTED, OMITTED, OMITTED, "Level")).toEqual([[47, 47, 47, 47]]);
  });

  it("cuts the level rate to capacity, the missed 7 built late (capacity 50, 40, 50, 60)", () => {
    expect(level(row(...ISSUE_DEMAND), row(0), row(50, 40, 50, 60), OMITTED, OMITTED, OMITTED, "level")).toEqual([[47, 40, 50, 51]]);
  });

  it("lays the MPS out like demand: a column in, a column out (capacity as a column or a row)", () => {
    expect(level(column(...ISSUE_DEMAND), row(0), column(50, 50, 50, 50))).toEqual(column(40, 50, 50, 30));
    expect(level(column(...ISSUE_DEMAND), row(0), row(50, 50, 50, 50), OMITTED, OMITTED, OMITTED, "chase")).toEqual(
      column(20, 40, 50, 50),
    );
  });

  it("counts capacity in hours with hours_per_unit (2 h per unit, 100 h: the same plan)", () => {
    expect(level(row(...ISSUE_DEMAND), row(0), row(100), OMITTED, row(2))).toEqual([[40, 50, 50, 30]]);
  });

  it("nets against safety stock and receipts lot for lot", () => {
    // demand 30 × 4, on hand 10, safety stock 10, receipts 0, 20, 0, 0 → net 30, 10, 30, 30; capacity 25
    // backwards: 25 (5 pending); 25 of 30 + 5; period 2 its 10 and both 5s; period 1 25 of 30, 5 late into period 2
    expect(level(row(30, 30, 30, 30), row(10), row(25), row(10), OMITTED, row(0, 20, 0, 0))).toEqual([[25, 25, 25, 25]]);
    expect(level(column(30, 30, 30, 30), row(10), row(25), row(10), OMITTED, row(0, 20, 0, 0))).toEqual(column(25, 25, 25, 25));
  });

  it("reads empty cells in demand as 0, and one empty cell of an optional argument as left out", () => {
    expect(level(row(20, null, "", 30), row(0), row(50), [[null]], [[""]])).toEqual([[20, 0, 0, 30]]);
  });
});

describe("MPS.LEVEL, several items sharing one resource (issue #14)", () => {
  // hours per unit A 1, B 2, capacity 100 h; demand A 30, 30, 30, B 10, 40, 20; on hand 0.
  // Period 3: A 30 h + B 40 h fit. Period 2: A 30 h, B the other 70 h = 35, 5 pending.
  // Period 1: A 30 h, B 20 h, then B's 5 (10 h) → A 30, 30, 30; B 15, 35, 20.
  const DEMAND = [
    [30, 30, 30],
    [10, 40, 20],
  ];

  it("builds ahead with one row per item when periods run across", () => {
    expect(level(DEMAND, row(0), row(100), OMITTED, column(1, 2))).toEqual([
      [30, 30, 30],
      [15, 35, 20],
    ]);
    // hours per unit may be given as a row too, and capacity as a row as long as the periods
    expect(level(DEMAND, row(0, 0), row(100, 100, 100), OMITTED, row(1, 2))).toEqual([
      [30, 30, 30],
      [15, 35, 20],
    ]);
  });

  it("builds ahead with one column per item when periods run down", () => {
    expect(level(transposed(DEMAND), row(0), column(100, 100, 100), OMITTED, row(1, 2))).toEqual(
      transposed([
        [30, 30, 30],
        [15, 35, 20],
      ]),
    );
    // one cell of capacity: hours per unit as a row of two tells the items run across, periods down
    expect(level(transposed(DEMAND), row(0), row(100), OMITTED, row(1, 2))).toEqual(
      transposed([
        [30, 30, 30],
        [15, 35, 20],
      ]),
    );
  });

  it("chases: B's 5 that do not fit in period 2 are built late, in period 3", () => {
    expect(level(DEMAND, row(0), row(100), OMITTED, column(1, 2), OMITTED, "chase")).toEqual([
      [30, 30, 30],
      [10, 35, 25],
    ]);
  });

  it("levels each item at its own rate: A 30, B ⌈50/2⌉ = 25", () => {
    expect(level(transposed(DEMAND), row(0), column(100, 100, 100), OMITTED, row(1, 2), OMITTED, "level")).toEqual(
      transposed([
        [30, 30, 30],
        [25, 25, 25],
      ]),
    );
  });

  it("takes on hand, safety stock and receipts per item", () => {
    // A: 30 on hand → net 0, 30, 30. B: a receipt of 10 in period 2 → net 10, 30, 20.
    // Period 3: A 30 h + B 40 h; period 2: A 30 h + B 60 h = 90 h; period 1: B 20 h. All fit.
    expect(level(DEMAND, column(30, 0), row(100), column(0, 0), column(1, 2), [[0, 0, 0], [0, 10, 0]])).toEqual([
      [0, 30, 30],
      [10, 30, 20],
    ]);
  });

  it("picks the periods by capacity's layout in a square block", () => {
    const square = [
      [10, 20],
      [30, 40],
    ];
    // capacity a row: periods across, items 10, 20 and 30, 40. Period 2 needs 60 of 50:
    // A 20, B 30 of 40; period 1 builds A 10, B 30 and B's 10 ahead.
    expect(level(square, row(0), row(100, 50))).toEqual([
      [10, 20],
      [40, 30],
    ]);
    // capacity a column: periods down, items 10, 30 and 20, 40. Period 2 needs 70 of 50:
    // A 30, B 20 of 40; period 1 builds A 10, B 20 and B's 20 ahead.
    expect(level(square, row(0), column(100, 50))).toEqual([
      [10, 40],
      [30, 20],
    ]);
  });
});

describe("MPS.LEVEL refuses bad input with #VALUE!, naming the argument and the cell", () => {
  const demand = row(...ISSUE_DEMAND);

  it("a negative capacity", () => {
    expect(excelError(() => level(demand, row(0), row(50, -5, 50, 50)))).toBe(
      "#VALUE! capacity: cell 2 is -5; quantities must be 0 or more",
    );
    expect(excelError(() => level(demand, row(0), column(50, 50, 50, -1)))).toBe(
      "#VALUE! capacity: cell 4 is -1; quantities must be 0 or more",
    );
    expect(excelError(() => level(demand, row(0), -50 as never))).toMatch(/^#VALUE! capacity/);
  });

  it("text in capacity", () => {
    expect(excelError(() => level(demand, row(0), row(50, "fifty", 50, 50)))).toBe(
      "#VALUE! capacity: cell 2 is text 'fifty'; enter a number (numbers stored as text are not read)",
    );
    expect(excelError(() => level(demand, row(0), "fifty" as never))).toBe(
      "#VALUE! capacity: 'fifty' is text; enter a number (numbers stored as text are not read)",
    );
  });

  it("capacity not as long as the periods", () => {
    expect(excelError(() => level(demand, row(0), row(50, 50)))).toBe(
      "#VALUE! capacity: 2 cells, but demand has 4 periods; give one value per period or one cell for all",
    );
    expect(excelError(() => level([[1, 2, 3], [4, 5, 6]], row(0), row(50, 50, 50, 50)))).toBe(
      "#VALUE! capacity: 4 cells, but demand is 2×3; give one capacity per period (as many as demand has rows or columns)",
    );
    expect(excelError(() => level(demand, row(0), [[50, 50], [50, 50]]))).toBe(
      "#VALUE! capacity: expected one cell, one row or one column, got 2×2 cells",
    );
  });

  it("hours per unit of 0, in one cell or for one item", () => {
    expect(excelError(() => level(demand, row(0), row(50), OMITTED, row(0)))).toBe(
      "#VALUE! hours_per_unit must be greater than 0 (got 0)",
    );
    expect(excelError(() => level([[1, 2], [3, 4]], row(0), row(50, 50), OMITTED, column(1, 0)))).toBe(
      "#VALUE! hours_per_unit: cell 2 is 0; it must be more than 0",
    );
  });

  it("a negative demand in a block: row and cell of the range as laid out", () => {
    expect(excelError(() => level([[1, 2, 3], [4, 5, -4]], row(0), row(50, 50, 50)))).toBe(
      "#VALUE! demand: row 2, cell 3 is -4; quantities must be 0 or more",
    );
    // one column per item: the engine's item 1, period 2 is sheet row 3, cell 2
    expect(excelError(() => level(transposed([[1, 2, 3], [4, 5, -4]]), row(0), column(50, 50, 50)))).toBe(
      "#VALUE! demand: row 3, cell 2 is -4; quantities must be 0 or more",
    );
  });

  it("per-item values that do not match the items, receipts of another shape, an unknown strategy", () => {
    expect(excelError(() => level([[1, 2], [3, 4]], column(0, 0, 0), row(50, 50)))).toBe(
      "#VALUE! on_hand must hold one value per item (2) or one value for all, got 3",
    );
    expect(excelError(() => level([[1, 2], [3, 4]], row(0), row(50, 50), OMITTED, OMITTED, row(1, 2)))).toBe(
      "#VALUE! receipts: 1×2 cells, but demand is 2×2; give it the same shape",
    );
    expect(excelError(() => level(demand, row(0), row(50), OMITTED, OMITTED, OMITTED, "fastest"))).toBe(
      "#VALUE! strategy: 'fastest' is not valid; use one of build-ahead, chase, level",
    );
    expect(excelError(() => level(demand, OMITTED, row(50)))).toBe("#VALUE! on_hand is required");
  });
});

describe("MPS.LEVEL's property", () => {
  it("never loads a period above capacity, for any strategy, layout and hours per unit", () => {
    const items = fc.integer({ min: 1, max: 3 });
    // Two periods at least: one period of several items would be one row or column, read as one item.
    const periods = fc.integer({ min: 2, max: 6 });
    fc.assert(
      fc.property(
        items.chain((n) =>
          periods.chain((t) =>
            fc.record({
              demand: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: t, maxLength: t }), { minLength: n, maxLength: n }),
              hours: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: n, maxLength: n }),
              capacity: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: t, maxLength: t }),
              onHand: fc.integer({ min: 0, max: 50 }),
              strategy: fc.constantFrom("build-ahead", "chase", "level"),
              down: fc.boolean(),
            }),
          ),
        ),
        ({ demand, hours, capacity, onHand, strategy, down }) => {
          const args = down
            ? [transposed(demand), [[onHand]], column(...capacity), OMITTED, row(...hours), OMITTED, strategy]
            : [demand, [[onHand]], row(...capacity), OMITTED, column(...hours), OMITTED, strategy];
          const mps = (level as (...a: unknown[]) => number[][])(...args);
          const perItem = down ? transposed(mps) : mps;
          capacity.forEach((room, t) => {
            const used = perItem.reduce((sum, itemRow, i) => sum + hours[i] * itemRow[t], 0);
            expect(used).toBeLessThanOrEqual(room + 1e-9 * Math.max(1, room));
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
