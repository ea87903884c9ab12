/**
 * The zip writer's own pieces: the CRC-32 (native and continued) and a part deflated stretch by
 * stretch as it is written, which must inflate as one stream to exactly the text written.
 */
import zlib from "zlib";
import { DeflateHelper } from "../../src/recalc/deflateHelper";
import { crc32, LEVEL, PartDeflater } from "../../src/recalc/zipPackage";

describe("crc32", () => {
  it("gives the check value of the standard, whole and continued", () => {
    const data = Buffer.from("123456789", "ascii");
    expect(crc32(data)).toBe(0xcbf43926);
    expect(crc32(data.subarray(4), crc32(data.subarray(0, 4)))).toBe(0xcbf43926);
  });
});

describe("PartDeflater", () => {
  it("inflates as one stream to the text written: ASCII, accents, astral characters, a piece larger than its buffer", async () => {
    const pieces = ['<?xml version="1.0"?><sheetData>'];
    for (let i = 0; i < 60_000; i++) pieces.push(`<c r="B${i + 1}"><v>${(i * 1.37).toFixed(3)}</v></c>`);
    pieces.push("<t>Débit ✓ 𝄞</t>", "x".repeat(3 << 20), "é".repeat(700_000), "", "</sheetData>");
    const part = new PartDeflater();
    for (const piece of pieces) part.write(piece);
    const deflated = await part.finish();
    const expected = Buffer.from(pieces.join(""), "utf8");
    const inflated = zlib.inflateRawSync(Buffer.concat(deflated.compressed));
    expect(inflated.equals(expected)).toBe(true);
    expect(deflated.size).toBe(expected.length);
    expect(deflated.crc32).toBe(crc32(expected));
    // Stretches of a megabyte deflate about as well as one stream.
    expect(Buffer.concat(deflated.compressed).length).toBeLessThan(1.1 * zlib.deflateRawSync(expected, { level: 1 }).length);
  });

  it("deflates an empty part to an empty stream", async () => {
    const deflated = await new PartDeflater().finish();
    expect(zlib.inflateRawSync(Buffer.concat(deflated.compressed)).length).toBe(0);
    expect(deflated).toMatchObject({ size: 0, crc32: 0 });
  });
});

describe("PartDeflater with a deflating thread", () => {
  /** Five megabytes of cells, an accent and a piece larger than a stretch among them. */
  const pieces = ['<?xml version="1.0"?><sheetData>'];
  for (let i = 0; i < 180_000; i++) pieces.push(`<c r="B${i + 1}"><v>${(i * 1.37).toFixed(3)}</v></c>`);
  pieces.push("<t>Débit ✓ 𝄞</t>", "y".repeat(2 << 20), "</sheetData>");
  const expected = Buffer.from(pieces.join(""), "utf8");

  async function started(): Promise<DeflateHelper> {
    const helper = DeflateHelper.start(LEVEL)!;
    for (let waited = 0; !helper.take(); waited += 10) {
      if (waited > 10_000) throw new Error("the thread did not start");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return helper;
  }

  async function deflated(helper: DeflateHelper | undefined) {
    const part = new PartDeflater(helper);
    for (const piece of pieces) part.write(piece);
    return part.finish();
  }

  it("gives the very bytes deflating here gives, with stretches deflated on the thread", async () => {
    const here = await deflated(undefined);
    const helper = await started();
    try {
      const helped = await deflated(helper);
      expect(helper.handedOver).toBeGreaterThan(0);
      expect(Buffer.concat(helped.compressed).equals(Buffer.concat(here.compressed))).toBe(true);
      expect([helped.crc32, helped.size]).toEqual([here.crc32, here.size]);
      expect(zlib.inflateRawSync(Buffer.concat(helped.compressed)).equals(expected)).toBe(true);
      expect(helped.crc32).toBe(crc32(expected));
    } finally {
      helper.close();
    }
  });

  it("deflates everything here once the thread is closed", async () => {
    const helper = await started();
    helper.close();
    const part = await deflated(helper);
    expect(helper.handedOver).toBe(0);
    expect(zlib.inflateRawSync(Buffer.concat(part.compressed)).equals(expected)).toBe(true);
  });
});
