/**
 * The zip writer's own pieces: the CRC-32 (native and continued) and a part deflated stretch by
 * stretch as it is written, which must inflate as one stream to exactly the text written.
 */
import zlib from "zlib";
import { crc32, PartDeflater } from "../../src/recalc/zipPackage";

describe("crc32", () => {
  it("gives the check value of the standard, whole and continued", () => {
    const data = Buffer.from("123456789", "ascii");
    expect(crc32(data)).toBe(0xcbf43926);
    expect(crc32(data.subarray(4), crc32(data.subarray(0, 4)))).toBe(0xcbf43926);
  });
});

describe("PartDeflater", () => {
  it("inflates as one stream to the text written: ASCII, accents, astral characters, a piece larger than its buffer", () => {
    const pieces = ['<?xml version="1.0"?><sheetData>'];
    for (let i = 0; i < 60_000; i++) pieces.push(`<c r="B${i + 1}"><v>${(i * 1.37).toFixed(3)}</v></c>`);
    pieces.push("<t>Débit ✓ 𝄞</t>", "x".repeat(3 << 20), "é".repeat(700_000), "", "</sheetData>");
    const part = new PartDeflater();
    for (const piece of pieces) part.write(piece);
    const deflated = part.finish();
    const expected = Buffer.from(pieces.join(""), "utf8");
    const inflated = zlib.inflateRawSync(Buffer.concat(deflated.compressed));
    expect(inflated.equals(expected)).toBe(true);
    expect(deflated.size).toBe(expected.length);
    expect(deflated.crc32).toBe(crc32(expected));
    // Stretches of a megabyte deflate about as well as one stream.
    expect(Buffer.concat(deflated.compressed).length).toBeLessThan(1.1 * zlib.deflateRawSync(expected, { level: 1 }).length);
  });

  it("takes bytes written straight into its buffer between pieces of text, and refuses more than a stretch holds", () => {
    const part = new PartDeflater();
    const expected: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const text = `<row r="${i + 1}">`;
      part.write(text);
      const cell = `<c r="B${i + 1}"><v>${i}</v></c>`.repeat(1 + (i % 5));
      part.writeBytes(cell.length + 7, (bytes, at) => at + bytes.write(cell, at, "latin1"));
      expected.push(text, cell);
    }
    const deflated = part.finish();
    expect(zlib.inflateRawSync(Buffer.concat(deflated.compressed)).toString("latin1")).toBe(expected.join(""));
    expect(() => new PartDeflater().writeBytes(4 << 20, (_bytes, at) => at)).toThrow(RangeError);
  });

  it("deflates an empty part to an empty stream", () => {
    const deflated = new PartDeflater().finish();
    expect(zlib.inflateRawSync(Buffer.concat(deflated.compressed)).length).toBe(0);
    expect(deflated).toMatchObject({ size: 0, crc32: 0 });
  });
});
