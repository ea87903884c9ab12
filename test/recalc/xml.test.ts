/**
 * The XML cursor's attribute readers, and where the sheet scanner places a cell: one attribute
 * read alone must be what reading them all gives, on well-formed and broken attribute texts.
 */
import fc from "fast-check";
import { scanSheetData } from "../../src/recalc/sheetXml";
import { attribute, attributes } from "../../src/recalc/xml";

describe("attribute", () => {
  it("reads an attribute as attributes() does", () => {
    expect(attribute(' r="A1" t="s"', "t")).toBe("s");
    expect(attribute(' r="A1" t="s"', "s")).toBeUndefined();
    expect(attribute(" x:r='B2' r = \"C&amp;3\"", "r")).toBe("C&3");
    expect(attribute(' t="a" t="b"', "t")).toBe("b");
  });

  it("agrees with attributes() on any attribute text, broken ones included", () => {
    const name = fc.constantFrom("r", "t", "s", "cm", "x:r", "rr", "");
    const value = fc.stringMatching(/^[A-Za-z0-9 &;#<>'"]{0,6}$/);
    const piece = fc.oneof(
      fc.tuple(name, value, fc.constantFrom('"', "'"), fc.constantFrom("", " ", "\n")).map(([n, v, q, sp]) => ` ${n}${sp}=${sp}${q}${v.split(q).join("")}${q}`),
      fc.constantFrom(" /", " =", ' r="unclosed', " t", "'"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), fc.constantFrom("r", "t", "s", "cm", "x:r"), (pieces, wanted) => {
        const text = pieces.join("");
        expect(attribute(text, wanted)).toBe(attributes(text).get(wanted));
      }),
      { numRuns: 500 },
    );
  });
});

describe("a cell's place", () => {
  const placeOf = (r: string) => {
    let found: { row: number; col: number; badRef?: string } | undefined;
    scanSheetData(`<sheetData><row r="5"><c r="${r}"><v>1</v></c></row></sheetData>`, (row) => {
      const [cell] = row.cells;
      found = { row: cell.row, col: cell.col, badRef: cell.badRef };
    });
    return found;
  };

  it.each([
    ["A1", { row: 0, col: 0 }],
    ["b10", { row: 9, col: 1 }],
    ["XFD1048576", { row: 1_048_575, col: 16_383 }],
    ["AA007", { row: 6, col: 26 }],
  ])("reads %s", (r, at) => {
    expect(placeOf(r)).toEqual({ ...at, badRef: undefined });
  });

  it.each(["XFE1", "A1048577", "A0", "ABCD1", "A", "12", "A1B", "A12345678", "Ä1", "A-1"])("names %s as a reference outside the grid", (r) => {
    expect(placeOf(r)?.badRef).toBe(r);
  });
});
