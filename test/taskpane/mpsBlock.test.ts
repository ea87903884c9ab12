import { cellName, formatBlock, parseAddress, planChart } from "../../src/taskpane/host/mpsBlock";

const LABELS = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP"];
const rowsBlock = LABELS.map((label) => [label, 1, 2, 3]);

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
      series: [
        { name: "Demand", address: "C7:E7" },
        { name: "MPS", address: "C10:E10" },
        { name: "PAB", address: "C9:E9" },
        { name: "ATP", address: "C11:E11" },
      ],
      position: ["B13", "I28"],
    });
  });

  it("charts a block in columns (MPS.TABLE of column inputs), chart placed beside it", () => {
    const columns = rowsBlock[0].map((_, c) => rowsBlock.map((row) => row[c]));
    expect(planChart("A1:I4", columns)).toEqual({
      orientation: "columns",
      series: [
        { name: "Demand", address: "E2:E4" },
        { name: "MPS", address: "H2:H4" },
        { name: "PAB", address: "G2:G4" },
        { name: "ATP", address: "I2:I4" },
      ],
      position: ["K1", "R16"],
    });
  });

  it("returns undefined for anything that is not an MPS.TABLE block", () => {
    expect(planChart("A1", [[42]])).toBeUndefined();
    expect(planChart("A1:D3", rowsBlock.slice(0, 3))).toBeUndefined();
    expect(planChart("A1:A9", rowsBlock.map((row) => [row[0]]))).toBeUndefined();
    expect(planChart("not an address", rowsBlock)).toBeUndefined();
  });
});
