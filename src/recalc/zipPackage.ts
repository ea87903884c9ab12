/**
 * The .xlsx zip package, read from its central directory and written back entry by entry:
 * - reading lists every part with the sizes the directory declares, without inflating any, so
 *   the budget (zip bomb, oversized parts) is checked before a byte is decompressed; a part is
 *   inflated only when asked for, and never past its declared size;
 * - writing copies each unchanged part's compressed bytes as they are (so its content is the
 *   original, byte for byte) and deflates only the parts that changed.
 * Zip64 directories are read; encrypted zip entries and split archives are refused.
 */
import zlib from "zlib";
import { DEFAULT_BUDGET, formatBytes, formatCount, type Budget } from "./budget";
import { failure, success, type Outcome } from "./outcome";

export interface ZipEntry {
  /** The part name as stored (`xl/worksheets/sheet1.xml`). */
  name: string;
  /** The name's bytes as stored, written back unchanged. */
  rawName: Buffer;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** Inflated size, as the directory declares it. */
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
  time: number;
  date: number;
  versionMadeBy: number;
  versionNeeded: number;
  internalAttributes: number;
  externalAttributes: number;
}

export interface ZipPackage {
  bytes: Buffer;
  /** In the order of the central directory. */
  entries: ZipEntry[];
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };
const FLAG = { encrypted: 0x1, descriptor: 0x8, utf8: 0x800 };
const STORED = 0;
const DEFLATED = 8;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

class ZipError extends Error {}

function u64(bytes: Buffer, at: number): number {
  const value = bytes.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipError("a size in its zip directory is out of range");
  return Number(value);
}

function check(condition: boolean, why: string): void {
  if (!condition) throw new ZipError(why);
}

/** Where the end-of-central-directory record starts: the last signature within the comment's reach. */
function findEnd(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - MAX16);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === SIG.end) return at;
  }
  throw new ZipError("its zip directory is missing");
}

/** Sizes and offset a zip64 "extra field" holds for the fields set to 0xFFFFFFFF. */
function applyZip64(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        check(field + 8 <= at + 4 + length, "a zip64 field is truncated");
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.localOffset === MAX32) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
}

/** The directory: where it starts, how long it is, how many entries (zip64 when the classic record overflows). */
function directory(bytes: Buffer): { offset: number; size: number; count: number } {
  const end = findEnd(bytes);
  check(bytes.readUInt16LE(end + 4) === 0 && bytes.readUInt16LE(end + 6) === 0, "it is a split (multi-volume) zip");
  let count = bytes.readUInt16LE(end + 10);
  let size = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  if ((count === MAX16 || size === MAX32 || offset === MAX32) && end >= 20 && bytes.readUInt32LE(end - 20) === SIG.locator64) {
    const at = u64(bytes, end - 20 + 8);
    check(at + 56 <= bytes.length && bytes.readUInt32LE(at) === SIG.end64, "its zip64 directory is missing");
    count = u64(bytes, at + 32);
    size = u64(bytes, at + 40);
    offset = u64(bytes, at + 48);
  }
  check(offset + size <= bytes.length, "its zip directory points past the end of the file");
  return { offset, size, count };
}

/** The entries of the central directory, checked to lie inside the file. */
function readEntries(bytes: Buffer, budget: Budget): ZipEntry[] {
  const { offset, size, count } = directory(bytes);
  // Spelled only when it fails: the first number formatted in a process starts up ICU (~35 ms).
  if (count > budget.parts) throw new ZipError(`it has ${formatCount(count)} parts, more than the ${formatCount(budget.parts)} a workbook may have here`);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    check(at + 46 <= offset + size && bytes.readUInt32LE(at) === SIG.central, "its zip directory is damaged");
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    check(at + 46 + nameLength + extraLength + commentLength <= offset + size, "its zip directory is damaged");
    const flags = bytes.readUInt16LE(at + 8);
    const rawName = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name: rawName.toString(flags & FLAG.utf8 ? "utf8" : "latin1"),
      rawName,
      method: bytes.readUInt16LE(at + 10),
      flags,
      crc32: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      versionMadeBy: bytes.readUInt16LE(at + 4),
      versionNeeded: bytes.readUInt16LE(at + 6),
      internalAttributes: bytes.readUInt16LE(at + 36),
      externalAttributes: bytes.readUInt32LE(at + 38),
    };
    applyZip64(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    check(!(flags & FLAG.encrypted), `its part ${entry.name} is encrypted`);
    check(entry.method === STORED || entry.method === DEFLATED, `its part ${entry.name} uses a compression other than deflate`);
    check(entry.localOffset + 30 <= bytes.length && bytes.readUInt32LE(entry.localOffset) === SIG.local, `its part ${entry.name} is missing`);
    check(dataOffset(bytes, entry) + entry.compressedSize <= bytes.length, `its part ${entry.name} is cut short`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra field may differ from the directory's. */
function dataOffset(bytes: Buffer, entry: ZipEntry): number {
  return entry.localOffset + 30 + bytes.readUInt16LE(entry.localOffset + 26) + bytes.readUInt16LE(entry.localOffset + 28);
}

/** Why the declared sizes exceed the budget, or nothing. */
function overBudget(entries: readonly ZipEntry[], budget: Budget): string | undefined {
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size >= budget.ratioFloorBytes && ratio > budget.ratio) {
      return `its part ${entry.name} inflates ${Math.round(ratio)}× (${formatBytes(entry.compressedSize)} to ${formatBytes(entry.size)}), more than the ${budget.ratio}× a workbook part may (a zip bomb?)`;
    }
  }
  if (total > budget.packageBytes) {
    return `its parts inflate to ${formatBytes(total)} in all, more than the ${formatBytes(budget.packageBytes)} a workbook may hold here (a zip bomb?)`;
  }
  return undefined;
}

/**
 * Reads a package's directory and checks it against the budget; inflates nothing.
 * @returns the package, or why it cannot be read (a sentence without the file name)
 */
export function openZip(bytes: Buffer, budget: Budget = DEFAULT_BUDGET): Outcome<ZipPackage> {
  try {
    const entries = readEntries(bytes, budget);
    const seen = new Set<string>();
    for (const entry of entries) {
      const key = entry.name.toLowerCase();
      if (seen.has(key)) return failure(`it holds two parts named ${entry.name}`);
      seen.add(key);
    }
    const tooBig = overBudget(entries, budget);
    return tooBig ? failure(tooBig) : success({ bytes, entries });
  } catch (error) {
    if (error instanceof ZipError) return failure(error.message);
    if (error instanceof RangeError) return failure("its zip directory is damaged");
    throw error;
  }
}

/** The entry of a part, by name (part names are case-insensitive in a package). */
export function findEntry(zip: ZipPackage, name: string): ZipEntry | undefined {
  const wanted = name.replace(/^\//, "").toLowerCase();
  return zip.entries.find((entry) => entry.name.toLowerCase() === wanted);
}

/**
 * A part's bytes, inflated — refused when its declared size is over `limit`, and never inflated
 * past it (a directory that understates a size cannot make us inflate more).
 * @returns the bytes, or why they cannot be read
 */
export function readPart(zip: ZipPackage, entry: ZipEntry, limit: number): Outcome<Buffer> {
  if (entry.size > limit) return failure(`its part ${entry.name} is ${formatBytes(entry.size)} inflated, more than the ${formatBytes(limit)} a part may be here`);
  const start = dataOffset(zip.bytes, entry);
  const compressed = zip.bytes.subarray(start, start + entry.compressedSize);
  try {
    const data = entry.method === STORED ? compressed : zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(64, entry.size), chunkSize: Math.max(64, entry.size) });
    if (data.length !== entry.size) return failure(`its part ${entry.name} is not the size its zip directory declares`);
    return success(data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE") return failure(`its part ${entry.name} inflates past the size its zip directory declares (a zip bomb?)`);
    return failure(`its part ${entry.name} cannot be inflated (${(error as Error).message})`);
  }
}

/**
 * A part written anew, replacing the part of that name or added at the end: its bytes, or
 * already deflated as it was written (`PartDeflater`).
 */
export type NewPart = { name: string; data: Buffer } | { name: string; deflated: DeflatedPart };

export interface DeflatedPart {
  /** The deflated bytes, in pieces (joined only in the file: a large sheet's are megabytes). */
  compressed: readonly Buffer[];
  crc32: number;
  size: number;
}

/** Zlib's fastest level: a sheet of half a million values deflates 3× faster than at the default, a quarter larger. */
const LEVEL = zlib.constants.Z_BEST_SPEED;

/**
 * A part deflated piece by piece as its text is written, so that a large sheet is never held
 * whole: text is encoded into a small buffer used over and over, and each megabyte is deflated
 * as a stretch ending in a sync flush (byte-aligned, not final), the last one finishing the
 * stream. Inflaters read the stretches as one deflate stream, as they read pigz's.
 */
export class PartDeflater {
  private readonly scratch = Buffer.allocUnsafe(STRETCH + (STRETCH >> 1));
  private fill = 0;
  private readonly pieces: Buffer[] = [];
  private crc = 0;
  private size = 0;

  write(text: string): void {
    // At most three bytes per UTF-16 unit: a text that might not fit goes on its own.
    if (this.fill + 3 * text.length > this.scratch.length) {
      this.flush(zlib.constants.Z_SYNC_FLUSH);
      if (3 * text.length > this.scratch.length) {
        this.deflate(Buffer.from(text, "utf8"), zlib.constants.Z_SYNC_FLUSH);
        return;
      }
    }
    // Text without a character beyond ASCII (almost every sheet's) is the same in Latin-1: copied as it is.
    this.fill += this.scratch.write(text, this.fill, NOT_ASCII.test(text) ? "utf8" : "latin1");
    if (this.fill >= STRETCH) this.flush(zlib.constants.Z_SYNC_FLUSH);
  }

  /**
   * Bytes written straight into the part, without a string made for them (a row of cells):
   * `fill` writes at most `most` bytes into `bytes` from `at` and returns where it stopped.
   */
  writeBytes(most: number, fill: (bytes: Buffer, at: number) => number): void {
    if (this.fill + most > this.scratch.length) this.flush(zlib.constants.Z_SYNC_FLUSH);
    if (most > this.scratch.length) throw new RangeError(`${most} bytes do not fit in one stretch of a part`);
    this.fill = fill(this.scratch, this.fill);
    if (this.fill >= STRETCH) this.flush(zlib.constants.Z_SYNC_FLUSH);
  }

  /** The whole part, deflated. */
  finish(): DeflatedPart {
    this.flush(zlib.constants.Z_FINISH, true);
    return { compressed: this.pieces, crc32: this.crc, size: this.size };
  }

  private flush(mode: number, always = false): void {
    if (this.fill === 0 && !always) return;
    this.deflate(this.scratch.subarray(0, this.fill), mode);
    this.fill = 0;
  }

  private deflate(bytes: Buffer, mode: number): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.pieces.push(zlib.deflateRawSync(bytes, { level: LEVEL, finishFlush: mode }));
  }
}

const STRETCH = 1 << 20;
const NOT_ASCII = /[\u0080-\uffff]/;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** zlib's own CRC-32 (Node 20.15 and later): ten times the speed of the loop below. */
const nativeCrc32 = (zlib as { crc32?: (data: Buffer, value?: number) => number }).crc32;

/** CRC-32 of the zip format; of `data` following bytes whose CRC-32 is `previous`. */
export function crc32(data: Buffer, previous = 0): number {
  if (nativeCrc32) return nativeCrc32(data, previous) >>> 0;
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Today as an MS-DOS time and date, for parts we add. */
function dosNow(): { time: number; date: number } {
  const now = new Date();
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  };
}

interface Written {
  entry: ZipEntry;
  compressed: readonly Buffer[];
}

function fresh(part: NewPart, like: ZipEntry | undefined): Written {
  const deflated = "deflated" in part ? part.deflated : { compressed: [zlib.deflateRawSync(part.data, { level: LEVEL })], crc32: crc32(part.data), size: part.data.length };
  const { compressed } = deflated;
  const { time, date } = like ?? dosNow();
  const rawName = like?.rawName ?? Buffer.from(part.name, "utf8");
  const entry: ZipEntry = {
    name: part.name,
    rawName,
    method: DEFLATED,
    flags: like ? like.flags & FLAG.utf8 : /[^\x20-\x7e]/.test(part.name) ? FLAG.utf8 : 0,
    crc32: deflated.crc32,
    compressedSize: compressed.reduce((sum, piece) => sum + piece.length, 0),
    size: deflated.size,
    localOffset: 0,
    time,
    date,
    versionMadeBy: like?.versionMadeBy ?? 20,
    versionNeeded: 20,
    internalAttributes: like?.internalAttributes ?? 0,
    externalAttributes: like?.externalAttributes ?? 0,
  };
  return { entry, compressed };
}

/**
 * The fields a local and a central header both hold, in the same order from "version needed"
 * to "file name length" (APPNOTE 4.3.7, 4.3.12); only their offset differs (4 and 6).
 */
function writeSharedFields(header: Buffer, entry: ZipEntry, at: number): void {
  header.writeUInt16LE(entry.versionNeeded, at);
  header.writeUInt16LE(entry.flags, at + 2);
  header.writeUInt16LE(entry.method, at + 4);
  header.writeUInt16LE(entry.time, at + 6);
  header.writeUInt16LE(entry.date, at + 8);
  header.writeUInt32LE(entry.crc32, at + 10);
  header.writeUInt32LE(entry.compressedSize, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(entry.rawName.length, at + 22);
}

function localHeader(entry: ZipEntry): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(SIG.local, 0);
  writeSharedFields(header, entry, 4);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, entry.rawName]);
}

function centralHeader(entry: ZipEntry, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(SIG.central, 0);
  header.writeUInt16LE(entry.versionMadeBy, 4);
  writeSharedFields(header, entry, 6);
  header.writeUInt16LE(entry.internalAttributes, 36);
  header.writeUInt32LE(entry.externalAttributes, 38);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, entry.rawName]);
}

/**
 * The package with some parts replaced or added. Every other part keeps its compressed bytes,
 * its name, time and attributes; only headers are rewritten (sizes in the local header, no
 * data descriptor, no extra fields).
 * @returns the new zip in pieces, in order (a large sheet's deflated bytes are not copied into
 *   one buffer: the file is written piece by piece), or why it cannot be written (a package too
 *   large for a plain zip)
 */
export function rebuildZip(zip: ZipPackage, changes: readonly NewPart[]): Outcome<Buffer[]> {
  const byName = new Map(changes.map((part) => [part.name.toLowerCase(), part]));
  const written: Written[] = [];
  for (const entry of zip.entries) {
    const change = byName.get(entry.name.toLowerCase());
    if (change) {
      byName.delete(entry.name.toLowerCase());
      written.push(fresh(change, entry));
      continue;
    }
    const start = dataOffset(zip.bytes, entry);
    // The copy keeps the content; the header is rewritten without a data descriptor, so that flag goes.
    written.push({ entry: { ...entry, flags: entry.flags & ~FLAG.descriptor }, compressed: [zip.bytes.subarray(start, start + entry.compressedSize)] });
  }
  for (const part of byName.values()) written.push(fresh(part, undefined));
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { entry, compressed } of written) {
    if (offset > MAX32 || entry.size > MAX32 || entry.compressedSize > MAX32) return failure("the package would need a zip64 directory (over 4 GB)");
    const header = localHeader(entry);
    central.push(centralHeader(entry, offset));
    chunks.push(header, ...compressed);
    offset += header.length + entry.compressedSize;
  }
  if (written.length > MAX16 || offset > MAX32) return failure("the package would need a zip64 directory (over 4 GB or 65,535 parts)");
  const directoryBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG.end, 0);
  end.writeUInt16LE(written.length, 8);
  end.writeUInt16LE(written.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  chunks.push(directoryBytes, end);
  return success(coalesced(chunks));
}

/** Runs of small pieces joined (headers, small parts), so that the file is not written in hundreds of tiny writes. */
function coalesced(pieces: readonly Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  let run: Buffer[] = [];
  const close = () => {
    if (run.length > 0) out.push(run.length === 1 ? run[0] : Buffer.concat(run));
    run = [];
  };
  for (const piece of pieces) {
    if (piece.length >= SMALL_PIECE) {
      close();
      out.push(piece);
    } else {
      run.push(piece);
    }
  }
  close();
  return out;
}

const SMALL_PIECE = 1 << 16;
