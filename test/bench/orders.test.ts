/**
 * The order-line benchmark (bench/orders.ts) checks three recalculations against sums it works
 * out itself from the lines; those sums must be MPS.BUCKET's, or the check proves nothing. And
 * the workbooks must hold what the benchmark says: one BUCKET per item, a SUMIFS per item and
 * week reading only the item's lines. No timing here.
 */
import { bucketSheet, FIRST_WEEK, orderBook, ordersSheet, sumifsSheet } from "../../bench/orders";
import { bucketOrders } from "../../src/engine";

describe("orderBook", () => {
  it.each([
    [40, 52, 2_000, 7],
    [25, 13, 500, 3],
  ])("sums each item's lines as bucketOrders does (%i items × %i weeks, %i lines)", (items, weeks, lines, seed) => {
    const book = orderBook(items, weeks, lines, seed);
    expect(book.lines).toHaveLength(lines);
    expect(book.starts[0]).toBe(FIRST_WEEK);
    let pastDue = 0;
    let leftOut = 0;
    for (let item = 0; item < items; item++) {
      const own = book.lines.filter((line) => line.item === item);
      const bucketed = bucketOrders(
        own.map((line) => line.date),
        own.map((line) => line.quantity),
        book.starts,
      );
      if (!bucketed.ok) throw new Error(bucketed.error.message);
      expect(Array.from(book.expected[item])).toEqual(Array.from(bucketed.value.orders));
      pastDue += bucketed.value.pastDue;
      leftOut += bucketed.value.leftOut;
    }
    // The lines reach both edges: past-due lines and lines after the horizon.
    expect(pastDue).toBeGreaterThan(0);
    expect(leftOut).toBeGreaterThan(0);
  });

  it("keeps each item's lines together, so each formula can read only its own", () => {
    const book = orderBook(10, 4, 100, 1);
    const items = book.lines.map((line) => line.item);
    expect(items).toEqual([...items].sort((a, b) => a - b));
  });
});

describe("the order-line workbooks", () => {
  const book = orderBook(2, 3, 6, 5);

  it("write the lines below a header row", () => {
    const sheet = ordersSheet(book);
    expect(sheet[0]).toEqual(["'Item", "'Date", "'Quantity"]);
    expect(sheet).toHaveLength(7);
  });

  it("bucket each item with one MPS.BUCKET over its own lines", () => {
    const sheet = bucketSheet(book);
    expect(sheet[0]).toEqual(["'Week starting", FIRST_WEEK, FIRST_WEEK + 7, FIRST_WEEK + 14]);
    expect(sheet[1]).toEqual(["'Item 1", "=MPS.BUCKET(Orders!$B$2:$B$4,Orders!$C$2:$C$4,$B$1:$D$1)"]);
    expect(sheet[2][1]).toBe("=MPS.BUCKET(Orders!$B$5:$B$7,Orders!$C$5:$C$7,$B$1:$D$1)");
  });

  it("sum each week with SUMIFS by the same rules: past due in week 1, the last week a week long", () => {
    const row = sumifsSheet(book)[1];
    expect(row).toEqual([
      "'Item 1",
      '=SUMIFS(Orders!$C$2:$C$4,Orders!$B$2:$B$4,"<"&C$1)',
      '=SUMIFS(Orders!$C$2:$C$4,Orders!$B$2:$B$4,">="&C$1,Orders!$B$2:$B$4,"<"&D$1)',
      '=SUMIFS(Orders!$C$2:$C$4,Orders!$B$2:$B$4,">="&D$1,Orders!$B$2:$B$4,"<"&(2*D$1-C$1))',
    ]);
  });
});
