/**
 * The command as a user runs it (`tsx src/recalc/cli.ts …`): output, exit codes, and one clear
 * message per failure on stderr, never a stack trace. A few runs are real processes, started
 * together; the rest call the same `main` in process to keep the file fast.
 */
import { main, parseArgs } from "../../src/recalc/cli";
import { fixture, runCli, type CliRun } from "./helpers";

const STACK = /\n\s+at |Error:|node:internal/;

const runs: Record<string, readonly string[]> = {
  json: [fixture("consume-column.xlsx"), "--json"],
  missing: [fixture("no-such-workbook.xlsx")],
  encrypted: [fixture("encrypted.xlsx")],
  circular: [fixture("circular.xlsx")],
};

/** `main` with its output captured, as the process would print it (a long report piece by piece with `pieces`). */
async function inProcess(argv: readonly string[], pieces = false): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const write = pieces ? (t: string) => void (stdout += t) : undefined;
  const code = await main(argv, { out: (t) => (stdout += `${t}\n`), write, err: (t) => (stderr += `${t}\n`), width: 120 });
  return { code, stdout, stderr };
}

const results: Record<string, CliRun> = {};

beforeAll(async () => {
  const done = await Promise.all(Object.entries(runs).map(async ([name, args]) => [name, await runCli(args)] as const));
  for (const [name, run] of done) results[name] = run;
  results.table = await inProcess([fixture("textbook.xlsx"), "--sheet", "Textbook"]);
  results.unknown = await inProcess([fixture("unknown-function.xlsx")]);
  results.notXlsx = await inProcess([fixture("not-a-workbook.xlsx")]);
  results.noSheet = await inProcess([fixture("textbook.xlsx"), "--sheet", "Nope"]);
  results.usage = await inProcess(["--out"]);
  results.details = await inProcess([fixture("bad-inputs.xlsx"), "--details"]);
  results.detailsRefused = await inProcess([fixture("circular.xlsx"), "--json", "--details"]);
  results.strict = await inProcess([fixture("circular.xlsx"), "--strict", "--json"]);
  results.jsonJoined = await inProcess(runs.json);
  results.jsonPieces = await inProcess(runs.json, true);
}, 120_000);

describe("mps-recalc", () => {
  it("prints one JSON object, numbers as numbers, for formula and spilled cells", () => {
    const { code, stdout } = results.json;
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      "Weeks!D2": 220,
      "Weeks!D3": 250,
      "Weeks!D4": 270,
      "Weeks!E2": 220,
      "Weeks!E3": 250,
      "Weeks!E4": 270,
      "Weeks!B6": 740,
      "Weeks!C6": 0,
    });
  });

  it("prints the same JSON whole or piece by piece, as the process does", () => {
    expect(results.jsonPieces).toEqual(results.jsonJoined);
    expect(results.jsonPieces.stdout).toBe(results.json.stdout);
  });

  it("adds each error's message and the refused cells under --details, keeping --json's values as they are", () => {
    const details = JSON.parse(results.details.stdout);
    expect(Object.keys(details)).toEqual(["values", "errors", "refused"]);
    expect(details.values["Bad!B7"]).toBe("#VALUE!");
    expect(details.errors["Bad!B7"]).toEqual({ value: "#VALUE!", message: "orders: cell C2 is text 'ten'; enter a number (numbers stored as text are not read)" });
    const refused = JSON.parse(results.detailsRefused.stdout).refused;
    expect(refused["Plan!B1"]).toEqual({ reason: "Plan!B1: Circular reference: Plan!B1, Plan!B2 depend on each other.", dependents: [] });
  });

  it("prints a readable table by default", () => {
    const { code, stdout } = results.table;
    expect(code).toBe(0);
    expect(stdout).toContain("Textbook!B8  =MPS.PLAN(B7:I7,B4,,\"FOQ\",B5)  (1×8)");
    expect(stdout).toMatch(/^22\s+PAB\s+31\s+1\s+41\s+11\s+41\s+1\s+31\s+61$/m);
  });

  it.each([
    ["unknown", /Plan!B2: unknown function MPS\.FORECASTX; the MPS functions are MPS\.CONSUME,[^\n]*\n.*Plan!B3: unknown function NOSUCHFUNCTION\./],
    ["circular", /Plan!B1: Circular reference: Plan!B1, Plan!B2 depend on each other\. Kept no value \(none was saved\)\./],
  ])("lists the %s cells it does not recalculate, naming each cell and the cause, and still exits 0", (name, message) => {
    const { code, stderr } = results[name];
    expect(code).toBe(0);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/2 formula cells not recalculated \(listed above\)\./);
    expect(stderr).not.toMatch(STACK);
  });

  it("fails the run with exit 3 under --strict when a cell is not recalculated", () => {
    const { code, stdout, stderr } = results.strict;
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toEqual({});
    expect(stderr).toContain("Plan!B2: Circular reference");
  });

  it.each([
    ["missing", /no-such-workbook\.xlsx: no such file\./],
    ["notXlsx", /not-a-workbook\.xlsx: not an \.xlsx workbook/],
    ["encrypted", /encrypted\.xlsx: the workbook is password-protected \(encrypted\)/],
    ["noSheet", /No sheet named 'Nope'; the workbook has 'Textbook', 'Notes'\./],
  ])("refuses %s with a clear message, exit 1 and no stack trace", (name, message) => {
    const { code, stdout, stderr } = results[name];
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK);
    expect(stdout).toBe("");
  });

  it("explains its usage on a wrong command line, exit 2", () => {
    const { code, stderr } = results.usage;
    expect(code).toBe(2);
    expect(stderr).toContain("--out needs a value.");
    expect(stderr).toContain("Usage: mps-recalc <workbook.xlsx>");
  });

  it("reads options with or without =", () => {
    expect(parseArgs(["plan.xlsx", "--out=x.xlsx", "--sheet", "Plan", "--json"])).toEqual({
      ok: true,
      args: { workbook: "plan.xlsx", out: "x.xlsx", sheet: "Plan", json: true },
    });
    expect(parseArgs(["a.xlsx", "b.xlsx"])).toMatchObject({ ok: false, problem: "Only one workbook at a time; 'b.xlsx' is one too many." });
    expect(parseArgs(["--help"])).toEqual({ ok: false, help: true });
    expect(parseArgs(["a.xlsx", "--details", "--strict"])).toEqual({ ok: true, args: { workbook: "a.xlsx", json: true, details: true, strict: true } });
  });
});
