/**
 * Opening a workbook file: refuses what is not an .xlsx package before ExcelJS sees it, so the
 * planner reads why (a missing file, an encrypted workbook, an old .xls) instead of a zip error.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { messages } from "./messages";
import { describe, failure, success, type Outcome } from "./outcome";

export interface OpenedWorkbook {
  path: string;
  /** The file as read; other parts of the package (settings, metadata) are read from it. */
  bytes: Buffer;
  workbook: ExcelJS.Workbook;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: an encrypted (password-protected) .xlsx, or a legacy .xls. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Buffer, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** An encrypted OOXML package is an OLE file holding an "EncryptionInfo" stream (names are UTF-16). */
function isEncryptedPackage(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from("EncryptionInfo", "utf16le"));
}

/**
 * Reads and parses an .xlsx workbook.
 * @example await openWorkbook("missing.xlsx") // → { ok: false, problems: ["missing.xlsx: no such file."] }
 */
export async function openWorkbook(path: string): Promise<Outcome<OpenedWorkbook>> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return failure(messages.notAFile(path));
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failure(code === "ENOENT" ? messages.fileMissing(path) : messages.unreadable(path, describe(error)));
  }
  if (startsWith(bytes, OLE)) {
    return failure(isEncryptedPackage(bytes) ? messages.encrypted(path) : messages.legacyXls(path));
  }
  if (!startsWith(bytes, ZIP)) return failure(messages.notXlsx(path));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    return failure(messages.brokenXlsx(path, describe(error)));
  }
  if (workbook.worksheets.length === 0) return failure(messages.brokenXlsx(path, "it has no worksheets"));
  return success({ path, bytes, workbook });
}
