/**
 * A number cell written as bytes is exactly the string the writer spells for one cell
 * (`<c r="B7"><v>25</v></c>`, -0 as 0), for every finite number: whole numbers take a path
 * of their own below 2³¹, every other number goes through its text.
 */
import fc from "fast-check";
import { columnName } from "../../src/recalc/address";
import { MOST_CELL_BYTES, NumberCellBytes, writeNumber } from "../../src/recalc/numberCells";

const spelled = (value: number) => String(value === 0 ? 0 : value);

function numberText(value: number): string {
  const bytes = Buffer.alloc(32);
  return bytes.toString("latin1", 0, writeNumber(bytes, 0, value));
}

const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -0, 9, 10, 99, 100, 2147483647, 2147483648, -2147483648, -2147483649, 2 ** 53, -(2 ** 53) - 2, 1e21, 1e-7, 123456789012, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -1.7976931348623157e308, -1.2345678901234567e-6, -1.2345678901234567e20),
);

describe("writeNumber", () => {
  it("writes what String() writes, -0 as 0", () => {
    fc.assert(fc.property(finite, (value) => expect(numberText(value)).toBe(spelled(value))), { numRuns: 5000 });
  });
});

describe("NumberCellBytes", () => {
  it("writes a row's cells one after another as the writer spells them, within MOST_CELL_BYTES each", () => {
    const cell = fc.record({ col: fc.integer({ min: 0, max: 16383 }), value: finite });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.array(cell, { maxLength: 20 }), (row, cells) => {
        const writer = new NumberCellBytes();
        writer.atRow(row);
        const bytes = Buffer.alloc(cells.length * MOST_CELL_BYTES);
        let at = 0;
        let expected = "";
        for (const { col, value } of cells) {
          const before = at;
          at = writer.writeRun(bytes, at, Float64Array.of(value), 0, 1, col);
          expect(at - before).toBeLessThanOrEqual(MOST_CELL_BYTES);
          expected += `<c r="${columnName(col)}${row + 1}"><v>${spelled(value)}</v></c>`;
        }
        expect(bytes.toString("latin1", 0, at)).toBe(expected);
      }),
    );
  });
});

describe("NumberCellBytes.writeRun", () => {
  it("writes a run of values in consecutive columns and stops before the first that is not finite", () => {
    const writer = new NumberCellBytes();
    writer.atRow(6);
    const bytes = Buffer.alloc(10 * MOST_CELL_BYTES);
    const values = Float64Array.of(99, 1, -0, 2.5, NaN, 7);
    const end = writer.writeRun(bytes, 0, values, 1, values.length, 25);
    expect(bytes.toString("latin1", 0, end)).toBe('<c r="AA7"><v>1</v></c><c r="AB7"><v>0</v></c><c r="AC7"><v>2.5</v></c>');
    expect(writer.stopped).toBe(4);
  });
});

describe("MOST_CELL_BYTES", () => {
  it("is what the longest cell takes: the last column and row, the longest number", () => {
    const writer = new NumberCellBytes();
    writer.atRow(1048575);
    expect(writer.writeRun(Buffer.alloc(MOST_CELL_BYTES), 0, Float64Array.of(-1.2345678901234567e-6), 0, 1, 16383)).toBe(MOST_CELL_BYTES);
  });
});
