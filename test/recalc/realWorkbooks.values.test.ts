/**
 * Workbooks saved by real Excel (../shared/real-workbooks/, origins in its README): each one
 * evaluates, or refuses only the cells it must, and every cell it evaluates equals the value Excel
 * cached in the file. The files are used where they lie, never copied into the repository; where
 * the folder is absent the tests are skipped with a notice.
 */
import path from "path";
import { parity, type Parity } from "../../src/recalc/parity";
import { recalcWorkbook, type Recalculation } from "../../src/recalc/recalc";
import { CELL_FREE_WORKBOOK, REAL_WORKBOOKS, realWorkbooksDir } from "./packageHelpers";

const FOLDER = realWorkbooksDir();
if (!FOLDER) console.warn("Skipping the real Excel workbooks: ../shared/real-workbooks/ is not there.");
const describeIfPresent = FOLDER ? describe : describe.skip;

/** Cells allowed to differ from Excel, by workbook, with the reason: none today. A difference fails. */
const KNOWN_GAPS: Record<string, RegExp> = {};

const results = new Map<string, { recalculation: Recalculation; parity: Parity }>();

async function recalculated(file: string) {
  let found = results.get(file);
  if (!found) {
    const result = await recalcWorkbook(path.join(FOLDER!, file));
    if (!result.ok) throw new Error(result.problems.join("\n"));
    found = { recalculation: result.value, parity: parity(result.value.evaluation, result.value.saved) };
    results.set(file, found);
  }
  return found;
}

const value = (r: Recalculation, key: string) => r.evaluation.cells.find((c) => c.key === key)?.value;

const WORKBOOKS = REAL_WORKBOOKS.filter((file) => file !== CELL_FREE_WORKBOOK);

describeIfPresent("real Excel workbooks: values equal Excel's cached values", () => {
  it.each(WORKBOOKS)("%s: every evaluated cell equals Excel's", async (file) => {
    const { parity: measured } = await recalculated(file);
    const gap = KNOWN_GAPS[file];
    expect(measured.differences.filter((d) => !gap?.test(d.key))).toEqual([]);
  }, 60_000);

  it.each([
    ["poi-58648-bare-FALSE.xlsx", "my-sheet!E2", 5],
    ["closedxml-ceiling-floor.xlsx", "Sheet1!C4", 0],
    ["closedxml-ceiling-floor.xlsx", "Sheet1!D54", -23],
    ["closedxml-ceiling-floor.xlsx", "Sheet1!K1", true],
    ["rust_xlsxwriter-outline01-subtotal.xlsx", "Outlined Rows!B12", 6400],
    ["poi-54206-sumif-blank-criterion.xlsx", "QuadroDB!G4", 0],
    ["poi-59106-text-mmm.xlsx", "Test!A2", "09 Mar 2016"],
    ["poi-simple-monthly-budget.xlsx", "Simple Monthly Budget!E4", 2336],
    ["poi-simple-monthly-budget.xlsx", "Simple Monthly Budget!G9", 1414],
    ["pycel-logical-name-error-constant.xlsx", "Logical!C5", "#NAME?"],
  ])("%s: %s is %p, as Excel cached it", async (file, key, expected) => {
    expect(value((await recalculated(file)).recalculation, key)).toEqual(expected);
  }, 60_000);

  it("refuses in pycel's logical.xlsx only the formulas that read a #NULL! constant, and says so for each", async () => {
    const { recalculation } = await recalculated("pycel-logical-name-error-constant.xlsx");
    const { refused } = recalculation.evaluation;
    expect(refused.length).toBeGreaterThan(0);
    for (const cell of refused) expect(cell.reason).toMatch(new RegExp(`^${cell.key.replace(/[!$]/g, "\\$&")}: reads \\S+!A\\d+, which holds the error #NULL!`));
  });

  it.each(WORKBOOKS.filter((f) => !f.startsWith("pycel")))("%s: refuses no cell", async (file) => {
    expect((await recalculated(file)).recalculation.evaluation.refused.map((c) => c.reason)).toEqual([]);
  }, 60_000);

  it("never shows an error code Excel does not have", async () => {
    for (const file of WORKBOOKS) {
      const { recalculation } = await recalculated(file);
      expect(recalculation.evaluation.cells.filter((c) => /^#(CYCLE|ERROR|LIC)!$/.test(String(c.value))).map((c) => c.key)).toEqual([]);
    }
  }, 120_000);
});
