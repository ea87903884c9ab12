import { PRODUCTION_MODELS } from "../../src/engine";
import { SAMPLE_SHEET_NAME, sampleLayout, uniqueSheetName } from "../../src/taskpane/host/sampleSheet";
import { parseAddress } from "../../src/taskpane/host/mpsBlock";

describe("uniqueSheetName", () => {
  it("repeats its example", () => {
    expect(uniqueSheetName(["Sheet1", "MPS sample"])).toBe("MPS sample (2)");
  });

  it("uses the plain name when it is free", () => {
    expect(uniqueSheetName(["Sheet1"])).toBe(SAMPLE_SHEET_NAME);
  });

  it("compares without regard to case and skips every name taken", () => {
    expect(uniqueSheetName(["mps SAMPLE", "MPS sample (2)", "MPS Sample (3)", "MPS sample (5)"])).toBe("MPS sample (4)");
  });

  it("does not change the list it is given", () => {
    const names = Object.freeze(["MPS sample"]);
    uniqueSheetName(names);
    expect(names).toEqual(["MPS sample"]);
  });
});

describe("sampleLayout", () => {
  it("repeats its example", () => {
    expect(sampleLayout("ATO").writes.find((write) => write.formulas)?.formulas).toEqual([
      ["=MPS.TABLE(B9:M9,B10:M10,B3,B4,B5,B6,B2,B11:M11)"],
    ]);
  });

  it.each(PRODUCTION_MODELS)("writes the %s model in the labelled input its formula reads", (model) => {
    const layout = sampleLayout(model);
    const inputs = layout.writes.find((write) => write.address === "A2:C7")!.values!;
    expect(inputs.map((row) => row[0])).toEqual(["Production model", "On hand", "Safety stock", "Lot rule", "Lot size", "Settings"]);
    expect(inputs[0][1]).toBe(model);
    expect(layout.writes[0].values![0][0]).toContain(`(${model})`);
  });

  it("writes every write's values in the shape of its address", () => {
    for (const write of sampleLayout("MTS").writes) {
      const box = parseAddress(write.address)!;
      const grid = write.values ?? write.formulas!;
      expect(grid).toHaveLength(box.rows);
      for (const row of grid) expect(row).toHaveLength(box.columns);
    }
  });

  it("lines the period row up with the block the formula spills", () => {
    const layout = sampleLayout("MTS");
    expect(layout.tableBlock.startsWith(layout.tableAnchor)).toBe(true);
    expect(parseAddress(layout.periodRow)!.columns).toBe(parseAddress(layout.tableBlock)!.columns - 1);
    // Nine rows, ten with ATO's final assembly.
    expect(parseAddress(layout.tableBlock)!.rows).toBe(10);
  });

  it("promises from exactly the block the model's record spills (MPS and receipts both in it), except make to order", () => {
    const quote = (model: (typeof PRODUCTION_MODELS)[number]) => sampleLayout(model).writes.find((write) => write.address === "A12:C12")?.formulas?.[0][1];
    expect(quote("MTS")).toBe("=MPS.PROMISE(100,A14:M22)");
    expect(quote("ATO")).toBe("=MPS.PROMISE(100,A14:M23)"); // Final assembly: one row more
    expect(quote("MTO")).toBeUndefined(); // its ATP is 0: it promises by lead time
    // written after the record's formula
    const writes = sampleLayout("MTS").writes.map((write) => write.address);
    expect(writes.indexOf("A12:C12")).toBeGreaterThan(writes.indexOf("A14"));
  });
});
