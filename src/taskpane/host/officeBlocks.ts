/**
 * The coach's Office.js calls: reading every MPS.TABLE block of the workbook, selecting the cell
 * a message is about, and following recalculation. What to read and how to read the formulas is
 * decided by tableCalls.ts (pure); this module only loads and syncs, in a fixed number of syncs
 * whatever the number of blocks:
 * 1. the sheets' names;
 * 2. every sheet's used range, with its formulas (a constant cell's formula is its value);
 * 3. the values of every range the blocks' arguments refer to, and of each block's frame (the
 *    item's label beside it, the record's labels along it), each distinct range once.
 * Every property is read after `load()` and `context.sync()`, as Excel requires.
 */
import { formatBlock, parseAddress } from "../../shared/a1";
import { assembleBlocks, findTableCalls, rangeKey, rangesToRead, type MpsBlock } from "./tableCalls";

/**
 * Every MPS.TABLE block of the workbook (see tableCalls.ts), in sheet order, then row by row.
 * @param context an Excel request context
 */
export async function readMpsBlocks(context: Excel.RequestContext): Promise<MpsBlock[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  // An *OrNullObject result takes loads; only isNullObject says after the sync whether it is there.
  const used = sheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject();
    range.load("address, formulas");
    return { sheet, range };
  });
  await context.sync();
  const calls = used.flatMap(({ sheet, range }) => {
    if (range.isNullObject) return [];
    const origin = parseAddress(range.address);
    return origin ? findTableCalls(sheet.name, origin, range.formulas) : [];
  });
  if (calls.length === 0) return [];

  const byName = new Map(sheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  const reads = new Map<string, Excel.Range>();
  for (const range of rangesToRead(calls)) {
    const sheet = byName.get(range.sheet.toLowerCase());
    if (!sheet) continue; // a reference to a sheet that is not there: the block says it cannot be read
    const cells = sheet.getRange(formatBlock(range));
    cells.load("values");
    reads.set(rangeKey(range), cells);
  }
  await context.sync();
  return assembleBlocks(calls, (range) => reads.get(rangeKey(range))?.values);
}

/**
 * Selects one cell in the Excel UI (`Range.select`, ExcelApi 1.1), on its sheet made active
 * first (`Worksheet.activate`), as a planner's click would.
 */
export async function selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}

/**
 * Calls `listener` whenever a worksheet of the workbook is calculated (`WorksheetCollection.
 * onCalculated`, ExcelApi 1.8); returns how to stop. Registering is asynchronous: a stop asked
 * before it is done removes the handler once it is there. Without ExcelApi 1.8, nothing is
 * followed (the pane still refreshes on demand).
 */
export function followCalculation(excel: typeof Excel, supported: boolean, listener: () => void): () => void {
  if (!supported) return () => undefined;
  let stopped = false;
  const registered = excel
    .run(async (context) => {
      const handler = context.workbook.worksheets.onCalculated.add(async () => {
        if (!stopped) listener();
      });
      await context.sync();
      return handler;
    })
    .catch(() => undefined); // a host that refuses the event: refresh on demand only
  return () => {
    stopped = true;
    void registered.then((handler) => {
      if (!handler) return;
      // A handler is removed in the request context it was added in.
      return excel
        .run(handler.context, async (context) => {
          handler.remove();
          await context.sync();
        })
        .catch(() => undefined);
    });
  };
}
