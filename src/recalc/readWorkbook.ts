/**
 * Opening a workbook file: refuses what is not an .xlsx package (a missing file, an encrypted
 * workbook, an old .xls) with the reason, then reads the zip directory and checks it against
 * the budget before anything is inflated (a zip bomb is refused from its directory alone), and
 * finds the workbook's structure. Sheets are read later (`toEngineInput`), within the budget.
 */
import { promises as fs } from "fs";
import { DEFAULT_BUDGET, formatBytes, type Budget } from "./budget";
import { messages } from "./messages";
import { describe, failure, success, type Outcome } from "./outcome";
import { readWorkbookPackage, type WorkbookPackage } from "./workbookPackage";
import { openZip } from "./zipPackage";

export interface OpenedWorkbook {
  path: string;
  /** The file as read; every part we do not change is written back from these bytes. */
  bytes: Buffer;
  /** The package: its parts, sheets, date system and defined names. */
  book: WorkbookPackage;
  budget: Budget;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An empty zip (no parts at all) starts with its end record. */
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
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
 * Reads an .xlsx workbook's package and structure, within the budget.
 * @example await openWorkbook("missing.xlsx") // → { ok: false, problems: ["missing.xlsx: no such file."] }
 */
export async function openWorkbook(path: string, budget: Budget = DEFAULT_BUDGET): Promise<Outcome<OpenedWorkbook>> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return failure(messages.notAFile(path));
    if (stat.size > budget.fileBytes) return failure(messages.notOpened(path, `it is ${formatBytes(stat.size)}, more than the ${formatBytes(budget.fileBytes)} a workbook may be here`));
    bytes = await fs.readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return failure(code === "ENOENT" ? messages.fileMissing(path) : messages.unreadable(path, describe(error)));
  }
  if (startsWith(bytes, OLE)) {
    return failure(isEncryptedPackage(bytes) ? messages.encrypted(path) : messages.legacyXls(path));
  }
  if (startsWith(bytes, EMPTY_ZIP)) return failure(messages.brokenXlsx(path, "it is an empty zip"));
  if (!startsWith(bytes, ZIP)) return failure(messages.notXlsx(path));
  const zip = openZip(bytes, budget);
  if (!zip.ok) return failure(messages.notOpened(path, zip.problems[0]));
  const book = readWorkbookPackage(zip.value, budget);
  if (!book.ok) return failure(messages.brokenXlsx(path, book.problems[0]));
  return success({ path, bytes, book: book.value, budget });
}
