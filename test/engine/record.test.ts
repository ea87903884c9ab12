import { MAX_TABLE_ROWS, PRODUCTION_MODELS, RECORD_ROWS, isPresent, planItem, presentRows, tableLabels } from "../../src/engine";
import { recordRows } from "../../src/engine/record";
import { list, unwrap } from "./helpers";

describe("RECORD_ROWS", () => {
  it("declares each field once", () => {
    const fields = RECORD_ROWS.map((row) => row.field);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it("repeats the doc examples", () => {
    expect(isPresent(RECORD_ROWS[11], { model: "MTS" })).toBe(false);
    expect(presentRows({ model: "ATO" })).toHaveLength(12);
    expect(tableLabels({ model: "MTS" })).toHaveLength(9);
  });

  it("gives MPS.TABLE nine rows, and ATO a tenth: Final assembly", () => {
    const nine = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP"];
    expect(tableLabels({ model: "MTS" })).toEqual(nine);
    expect(tableLabels({ model: "MTO" })).toEqual(nine);
    expect(tableLabels({ model: "ATO" })).toEqual([...nine, "Final assembly"]);
    expect(MAX_TABLE_ROWS).toBe(10);
  });
});

describe("recordRows", () => {
  it("repeats the doc example", () => {
    const rows = recordRows({ model: "MTS" }, 4);
    expect(rows.finalAssembly).toBeNull();
    expect(list(rows.mps)).toEqual([0, 0, 0, 0]);
  });

  it.each(PRODUCTION_MODELS)("carves every row %s has, zero-filled and apart, and null for the others", (model) => {
    const rows = recordRows({ model }, 5);
    const carved = RECORD_ROWS.filter((row) => isPresent(row, { model })).map((row) => rows[row.field]!);
    expect(Object.keys(rows)).toEqual(RECORD_ROWS.map((row) => row.field));
    for (const row of RECORD_ROWS) expect(rows[row.field] === null).toBe(!isPresent(row, { model }));
    carved.forEach((row, i) => {
      expect(list(row)).toEqual([0, 0, 0, 0, 0]);
      row.fill(i + 1);
    });
    // No two rows share an element.
    carved.forEach((row, i) => expect(list(row)).toEqual(Array(5).fill(i + 1)));
  });
});

describe("planItem's record", () => {
  const input = { forecast: [10, 10, 10], orders: [4, 12, 0], onHand: 5 };

  it.each(PRODUCTION_MODELS)("has the declared rows of %s, in their order, then actions, pegging and late lots", (model) => {
    const record = unwrap(planItem({ ...input, model }));
    expect(Object.keys(record)).toEqual([...RECORD_ROWS.map((row) => row.field), "actions", "pegging", "late"]);
    for (const row of RECORD_ROWS) {
      const values = record[row.field];
      if (isPresent(row, { model })) expect(values).toHaveLength(3);
      else expect(values).toBeNull();
    }
  });
});
