import {
  arePeriodLabels,
  capacityChart,
  cellName,
  chooseChart,
  formatBlock,
  isStillCalculating,
  parseAddress,
  planChart,
} from "../../src/taskpane/host/mpsBlock";

const LABELS = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP"];
const rowsBlock = LABELS.map((label) => [label, 1, 2, 3]);
/** A chart's series from line name → cells, in drawing order: one line per expectation instead of one per series. */
const seriesAt = (cells: Record<string, string>) => Object.entries(cells).map(([name, address]) => ({ name, address }));

describe("parseAddress", () => {
  it("repeats its example", () => {
    expect(parseAddress("Sheet1!B2:D4")).toEqual({ sheet: "Sheet1", row: 1, column: 1, rows: 3, columns: 3 });
  });

  it("reads quoted sheet names, absolute references and single cells", () => {
    expect(parseAddress("'MPS sample (2)'!$A$14:$M$23")).toEqual({
      sheet: "MPS sample (2)",
      row: 13,
      column: 0,
      rows: 10,
      columns: 13,
    });
    expect(parseAddress("'Bob''s plan'!C3")).toMatchObject({ sheet: "Bob's plan", rows: 1, columns: 1 });
    expect(parseAddress("AA10")).toEqual({ sheet: undefined, row: 9, column: 26, rows: 1, columns: 1 });
  });

  it("refuses what is not an A1 address", () => {
    expect(parseAddress("Sheet1!R1C1")).toBeUndefined();
    expect(parseAddress("")).toBeUndefined();
  });
});

describe("cellName and formatBlock", () => {
  it("repeats the example", () => {
    expect(cellName(0, 27)).toBe("AB1");
  });

  it("round-trips with parseAddress", () => {
    for (const address of ["A1", "Z9", "AA1:AZ20", "B18:M18", "XFD1048576"]) {
      expect(formatBlock(parseAddress(address)!)).toBe(address);
    }
  });
});

describe("planChart", () => {
  it("repeats its example", () => {
    const block = LABELS.map((label) => [label, ...Array(12).fill(0)]);
    expect(planChart("'MPS sample'!A14:M23", [...block, ["", ...Array(12).fill("")]])!.series[0]).toEqual({
      name: "Demand",
      address: "B18:M18",
    });
  });

  it("charts a block in rows: Demand, MPS, PAB, ATP, labels left out, chart placed below", () => {
    expect(planChart("Plan!B3:E11", rowsBlock)).toEqual({
      orientation: "rows",
      series: seriesAt({ Demand: "C7:E7", MPS: "C10:E10", PAB: "C9:E9", ATP: "C11:E11" }),
      position: ["B13", "I28"],
      categories: "C2:E2",
    });
  });

  it("charts a block in columns (MPS.TABLE of column inputs), chart placed beside it", () => {
    const columns = rowsBlock[0].map((_, c) => rowsBlock.map((row) => row[c]));
    expect(planChart("A1:I4", columns)).toEqual({
      orientation: "columns",
      series: seriesAt({ Demand: "E2:E4", MPS: "H2:H4", PAB: "G2:G4", ATP: "I2:I4" }),
      position: ["K1", "R16"],
      categories: undefined,
    });
    expect(planChart("C3:K6", columns)!.categories).toBe("B4:B6");
  });

  it("offers no category cells at the sheet's edge", () => {
    expect(planChart("A1:D9", rowsBlock)!.categories).toBeUndefined();
  });

  it("returns undefined for anything that is not an MPS.TABLE block", () => {
    expect(planChart("A1", [[42]])).toBeUndefined();
    expect(planChart("A1:D3", rowsBlock.slice(0, 3))).toBeUndefined();
    expect(planChart("A1:A9", rowsBlock.map((row) => [row[0]]))).toBeUndefined();
    expect(planChart("not an address", rowsBlock)).toBeUndefined();
  });
});

/** The block above with Load, Capacity and Utilization % rows (as MPS.TABLE gives them with capacity). */
const withCapacity = [...rowsBlock, ["Load", 160, 60, 200], ["Capacity", 150, 150, 150], ["Utilization %", 106.7, 40, 133.3]];

describe("capacityChart", () => {
  it("repeats its example", () => {
    const block = [
      ["MPS", 80, 0, 50],
      ["Load", 160, 0, 100],
      ["Capacity", 150, 150, 150],
    ];
    expect(capacityChart("Plan!B3:E5", block)).toEqual({
      orientation: "rows",
      series: seriesAt({ Load: "C4:E4", Capacity: "C5:E5" }),
      position: ["B7", "I22"],
      categories: "C2:E2",
      overload: { address: "C4:E4", formula: "=C4-C5>1E-9*MAX(1,C4,C5)" },
    });
  });

  it("writes the overload rule for the first Load cell of a block in columns", () => {
    const columns = withCapacity[0].map((_, c) => withCapacity.map((row) => row[c]));
    const chart = capacityChart("C3:N6", columns)!;
    expect(chart.series).toEqual(seriesAt({ Load: "L4:L6", Capacity: "M4:M6" }));
    expect(chart.overload).toEqual({ address: "L4:L6", formula: "=L4-M4>1E-9*MAX(1,L4,M4)" });
  });

  it("returns undefined without both a Load and a Capacity row", () => {
    expect(capacityChart("A1:D9", rowsBlock)).toBeUndefined();
    expect(capacityChart("A1:D2", [["Load", 1, 2, 3], ["Utilization %", 1, 2, 3]])).toBeUndefined();
  });
});

describe("chooseChart", () => {
  it("repeats its example: the selection in the Load row asks for load against capacity", () => {
    // rows 3–11: Forecast … ATP; row 12: Load
    expect(chooseChart("Plan!B3:E14", withCapacity, "Plan!D12")?.kind).toBe("capacity");
  });

  it("charts load against capacity from any cell of the Load, Capacity and Utilization % rows, labels included", () => {
    for (const cell of ["B12", "E12", "C13", "D14", "Plan!B14"]) {
      expect(chooseChart("Plan!B3:E14", withCapacity, cell)?.kind).toBe("capacity");
    }
  });

  it("charts the plan from the other rows, outside the block, on another sheet, or with nothing selected", () => {
    for (const cell of ["B3", "C9", "E11", "F12", "A12", "Other!C12", undefined]) {
      expect(chooseChart("Plan!B3:E14", withCapacity, cell)?.kind).toBe("plan");
    }
  });

  it("reads the selected column of a block in columns", () => {
    const columns = withCapacity[0].map((_, c) => withCapacity.map((row) => row[c]));
    expect(chooseChart("A1:L4", columns, "J3")?.kind).toBe("capacity"); // column J: Load
    expect(chooseChart("A1:L4", columns, "H3")?.kind).toBe("plan"); // column H: MPS
  });

  it("charts load against capacity for a block without the plan's rows, and nothing for neither", () => {
    expect(chooseChart("A1:D2", [["Load", 1, 2, 3], ["Capacity", 3, 3, 3]])).toMatchObject({ kind: "capacity" });
    expect(chooseChart("A1:D9", rowsBlock)).toMatchObject({ kind: "plan" });
    expect(chooseChart("A1", [[42]], "A1")).toBeUndefined();
  });
});

describe("arePeriodLabels", () => {
  it("repeats its example", () => {
    expect(arePeriodLabels([[1, 2, 3]])).toBe(true);
    expect(arePeriodLabels([["", "", ""]])).toBe(false);
  });

  it("takes text labels, and numbers or date serials rising left to right", () => {
    expect(arePeriodLabels([["W1", "W2", "W3"]])).toBe(true);
    expect(arePeriodLabels([[46023, 46030, 46037]])).toBe(true);
    expect(arePeriodLabels([[1], [2], [3]])).toBe(true);
  });

  it("refuses blanks, errors, quantities and mixtures", () => {
    expect(arePeriodLabels([])).toBe(false);
    expect(arePeriodLabels([["Jan", "", "Mar"]])).toBe(false);
    expect(arePeriodLabels([["#BUSY!", "#BUSY!"]])).toBe(false);
    expect(arePeriodLabels([["Jan", "#N/A"]])).toBe(false);
    expect(arePeriodLabels([[30, 40, 40]])).toBe(false);
    expect(arePeriodLabels([["Past due", 1, 2]])).toBe(false);
    expect(arePeriodLabels([[true, false]])).toBe(false);
  });
});

describe("isStillCalculating", () => {
  it("repeats its example", () => {
    expect(isStillCalculating([["#BUSY!"]])).toBe(true);
  });

  it("sees #BUSY! anywhere, or an MPS.TABLE formula without its value yet", () => {
    expect(isStillCalculating([["Forecast", "#BUSY!"]])).toBe(true);
    expect(isStillCalculating([["", ""]], [["=MPS.TABLE(B9:M9,B10:M10)", ""]])).toBe(true);
    expect(isStillCalculating([["", ""]], [["=mps.table(B9:M9)", ""]])).toBe(true);
  });

  it("is false for a calculated value, an error, or cells without the formula", () => {
    expect(isStillCalculating([[42]])).toBe(false);
    expect(isStillCalculating([["#NAME?"]], [["=MPS.TABLE(B9:M9)"]])).toBe(false);
    expect(isStillCalculating([["", ""]], [["", ""]])).toBe(false);
    expect(isStillCalculating([[""]])).toBe(false);
  });
});
