/**
 * The text report of mps-recalc: wide rows wrapped to the terminal's width (every value shown,
 * row labels repeated), and dates shown as dates where the workbook labels them so.
 */
import type { ComputedCell, Shown } from "../../src/recalc/evaluate";
import type { FormulaCell } from "../../src/recalc/toSheets";
import { formatReport, isoDate, renderGrid } from "../../src/recalc/report";
import { main } from "../../src/recalc/cli";
import { SAMPLE_WORKBOOK } from "../../src/recalc/samples";

const formula = (sheet: string, row: number, col: number, text: string): FormulaCell => ({ sheet, row, col, formula: text, engineFormula: `=${text}` });
const key = (row: number, col: number) => `Plan!${String.fromCharCode(65 + col)}${row + 1}`;

/** A spill of `grid` anchored at (row, col) of sheet Plan, as the evaluation reports it. */
function spill(row: number, col: number, text: string, grid: Shown[][]): ComputedCell[] {
  const box = { top: row, left: col, bottom: row + grid.length - 1, right: col + grid[0].length - 1 };
  return grid.flatMap((line, r) =>
    line.map((value, c) => ({
      sheet: "Plan",
      row: row + r,
      col: col + c,
      key: key(row + r, col + c),
      value,
      ...(r === 0 && c === 0 ? { formula: formula("Plan", row, col, text), spill: box } : {}),
    })),
  );
}

describe("renderGrid", () => {
  it("repeats its example", () => {
    expect(renderGrid([["", "A", "B"], ["1", "10", "20"]], 8, { wrap: true })).toBe("   A\n1  10\n\n   B\n1  20");
  });

  it("cuts at the width with a note by default", () => {
    expect(renderGrid([["", "A", "B"], ["1", "10", "20"]], 8)).toBe("   A\n1  10\n… 1 more column");
  });

  it("wraps every column into bands no wider than the width, repeating the kept columns", () => {
    const rows = [["", "B", ...Array.from({ length: 30 }, (_, i) => `W${i + 1}`)], ["14", "Forecast", ...Array.from({ length: 30 }, (_, i) => String(100 + i))]];
    const text = renderGrid(rows, 40, { wrap: true, keep: 2 });
    const lines = text.split("\n");
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    for (let i = 1; i <= 30; i++) expect(text).toContain(`W${i}`);
    for (let i = 0; i < 30; i++) expect(text).toContain(String(100 + i));
    const bands = text.split("\n\n");
    expect(bands.length).toBeGreaterThan(1);
    for (const band of bands) expect(band.split("\n")[1]).toMatch(/^14\s+Forecast\s+\d/);
  });

  it("shows a column wider than the width on its own, never loops", () => {
    expect(renderGrid([["", "A very long heading"], ["1", "2"]], 5, { wrap: true })).toBe("   A very long heading\n1                    2");
  });
});

describe("isoDate", () => {
  it("repeats its example", () => {
    expect(isoDate(46391)).toBe("2027-01-04");
    expect(isoDate(44929, true)).toBe("2027-01-04"); // 1904 system: 1462 days fewer
    expect(isoDate(3)).toBeUndefined();
  });

  it("takes only whole days between 1990 and 2099", () => {
    expect(isoDate(46391.5)).toBeUndefined();
    expect(isoDate(32874)).toBe("1990-01-01");
    expect(isoDate(32873)).toBeUndefined();
    expect(isoDate(73050)).toBe("2099-12-31");
    expect(isoDate(73051)).toBeUndefined();
  });
});

describe("formatReport: dates", () => {
  // Row 1: "Week starting" in A1, dates in B1:C1 (formulas =B$5, =C$5); A3 "Total" with a large number.
  const sheets = {
    Plan: [
      ["'Week starting", "=B$5", "=C$5"],
      [],
      ["'Total", "=SUM(B1:C1)"],
      ["'Promised"],
      ["=MPS.PROMISE(…)"],
    ],
  };
  const cells: ComputedCell[] = [
    { sheet: "Plan", row: 0, col: 1, key: "Plan!B1", value: 46391, formula: formula("Plan", 0, 1, "B$5") },
    { sheet: "Plan", row: 0, col: 2, key: "Plan!C1", value: 46398, formula: formula("Plan", 0, 2, "C$5") },
    { sheet: "Plan", row: 2, col: 1, key: "Plan!B3", value: 92789, formula: formula("Plan", 2, 1, "SUM(B1:C1)") },
    { sheet: "Plan", row: 4, col: 0, key: "Plan!A5", value: 46405, formula: formula("Plan", 4, 0, "MPS.PROMISE(…)") },
    ...spill(6, 0, "MPS.PEG(…)", [
      ["Order period", "Forecast period", "Quantity"],
      [46391, 46398, 40000],
    ]),
    ...spill(9, 0, "MPS.PEG(…)", [
      ["Order period", "Forecast period", "Quantity"],
      [1, 2, 30],
    ]),
  ];

  it("shows labelled date serials as ISO dates: a row labelled 'week', a cell under 'Promised', pegging periods", () => {
    const text = formatReport(cells, 120, { sheets });
    expect(text).toMatch(/^Plan!B1\s+2027-01-04\s+=B\$5$/m);
    expect(text).toMatch(/^Plan!C1\s+2027-01-11\s+=C\$5$/m);
    expect(text).toMatch(/^Plan!A5\s+2027-01-18\s+=MPS\.PROMISE/m);
    expect(text).toMatch(/^8\s+2027-01-04\s+2027-01-11\s+40000$/m);
  });

  it("leaves numbers without a date label, period numbers and quantities as numbers", () => {
    const text = formatReport(cells, 120, { sheets });
    expect(text).toMatch(/^Plan!B3\s+92789\s/m);
    expect(text).toMatch(/^11\s+1\s+2\s+30$/m);
  });

  it("reads serials in the workbook's date system, and shows numbers without the workbook's cells", () => {
    expect(formatReport(cells, 120, { sheets, date1904: true })).toMatch(/^Plan!B1\s+2031-01-05\s/m);
    expect(formatReport(cells, 120)).toMatch(/^Plan!B1\s+46391\s/m);
  });
});

describe("mps-recalc's text report of the sample workbook", () => {
  it("wraps the 52 weeks of a record to the terminal's width and shows the week dates and promises as dates", async () => {
    let out = "";
    const code = await main([SAMPLE_WORKBOOK, "--sheet", "MTS - Bike"], { out: (t) => (out += `${t}\n`), err: () => undefined, width: 100 });
    expect(code).toBe(0);
    for (const line of out.split("\n").filter((l) => !l.startsWith("MTS - Bike!"))) expect(line.length).toBeLessThanOrEqual(100);
    expect(out).toMatch(/^MTS - Bike!C13\s+2027-01-04\s+=C\$8$/m);
    expect(out).toMatch(/^36\s+2027-01-18$/m); // Q-101, under "Promised"
    expect(out).toMatch(/^42\s+2027-01-04\s+2027-01-04\s+120$/m); // pegging, periods as dates
    expect(out).not.toMatch(/more columns?/);
    // every week of the MPS row is printed, the label repeated in each band
    const mps = out.split("\n").filter((line) => /^21\s+MPS\s/.test(line));
    expect(mps.length).toBeGreaterThan(1);
    expect(mps.join(" ").match(/\b250\b/g)!.length).toBeGreaterThanOrEqual(20);
  });
});
