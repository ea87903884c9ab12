/**
 * `mps-recalc <workbook.xlsx> [--out <file.xlsx>] [--json [--details]] [--strict] [--sheet <name>] [--settings <file.json>]`
 *
 * Recalculates a planning workbook without Excel and prints the values (a table, or JSON with
 * `--json`). A formula cell that cannot be recalculated as Excel would keeps its saved value and
 * is listed on stderr with the reason. Every failure is one clear message on stderr and a non-zero
 * exit: 2 for a wrong command line, 1 for a workbook that cannot be recalculated, 3 (only with
 * `--strict`) when some formula cells were not recalculated. Never a stack trace.
 */
import { valuesOf } from "./blocks";
import { messages } from "./messages";
import { describe } from "./outcome";
import { recalcWorkbook, strictProblems, type RecalcOptions } from "./recalc";
import { emitJson, formatReport, jsonText, refusalLines, toJsonDetails } from "./report";

export interface CliArgs extends RecalcOptions {
  workbook: string;
  json: boolean;
  /** `--details`: JSON with each error's message and the refused cells (implies `--json`). */
  details?: boolean;
  /** `--strict`: refused formula cells, cells not read or written and settings warnings fail the run (exit 3). */
  strict?: boolean;
}

/** Exit code when `--strict` is given and some formula cells were not recalculated. */
export const EXIT_REFUSED = 3;

const FLAGS: Record<string, "json" | "details" | "strict"> = { "--json": "json", "--details": "details", "--strict": "strict" };

export type ParsedArgs = { ok: true; args: CliArgs } | { ok: false; help: true } | { ok: false; help: false; problem: string };

const VALUED: Record<string, keyof RecalcOptions> = { "--out": "out", "--sheet": "sheet", "--settings": "settingsFile" };

/**
 * Reads the command line (without `node` and the script).
 * @example parseArgs(["plan.xlsx", "--json"]) // → { ok: true, args: { workbook: "plan.xlsx", json: true } }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const args: Partial<CliArgs> = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { ok: false, help: true };
    if (FLAGS[arg]) {
      args[FLAGS[arg]] = true;
      if (arg === "--details") args.json = true;
    } else if (arg.startsWith("--")) {
      const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
      const key = VALUED[flag];
      if (!key) return { ok: false, help: false, problem: messages.unknownOption(arg) };
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") return { ok: false, help: false, problem: messages.optionNeedsValue(flag) };
      args[key] = value;
    } else if (args.workbook === undefined) {
      args.workbook = arg;
    } else {
      return { ok: false, help: false, problem: messages.extraArgument(arg) };
    }
  }
  if (args.workbook === undefined) return { ok: false, help: false, problem: messages.missingArgument() };
  return { ok: true, args: args as CliArgs };
}

export interface Io {
  /** Prints a line. */
  out: (text: string) => void;
  /** Prints text as it is, when the output can take a long report piece by piece. */
  write?: (text: string) => void;
  err: (text: string) => void;
  width: number;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  write: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(`${text}\n`),
  width: process.stdout.columns || 120,
};

/**
 * Runs the command.
 * @returns the exit code
 */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.out(messages.usage());
      return 0;
    }
    io.err(`mps-recalc: ${parsed.problem}\n${messages.usage()}`);
    return 2;
  }
  const { args } = parsed;
  try {
    const result = await recalcWorkbook(args.workbook, args);
    if (!result.ok) {
      for (const problem of result.problems) io.err(`mps-recalc: ${problem}`);
      return 1;
    }
    const { settings, refused, written, context, evaluation } = result.value;
    if (settings.notice) io.err(`mps-recalc: ${messages.settingsNotice(settings.source, settings.notice)}`);
    for (const line of refusalLines(refused)) io.err(`mps-recalc: ${line}`);
    if (args.details) {
      io.out(JSON.stringify(toJsonDetails(result.value.cells, refused), null, 2));
    } else if (args.json) {
      const values = valuesOf(evaluation, args.sheet);
      if (io.write) {
        emitJson(values, io.write);
        io.write("\n");
      } else {
        io.out(jsonText(values));
      }
    } else {
      const { cells } = result.value;
      const scope = args.sheet ?? args.workbook;
      io.out(cells.length > 0 ? formatReport(cells, io.width, context) : refused.length > 0 ? messages.noneRecalculated(scope) : messages.noFormulas(scope));
    }
    if (written !== undefined && args.out !== undefined) (args.json ? io.err : io.out)(messages.wrote(args.out, written));
    for (const warning of result.value.warnings) io.err(`mps-recalc: ${warning}`);
    // The run finished, but under --strict what was not used as given fails it.
    return args.strict && (refused.length > 0 || strictProblems(result.value).length > 0) ? EXIT_REFUSED : 0;
  } catch (error) {
    io.err(`mps-recalc: ${messages.unexpected(describe(error))}`);
    return 1;
  }
}

/** Runs the command on this process's arguments and exits with its code. */
export function run(): void {
  // A reader that stops early (`mps-recalc plan.xlsx --json | head`) closes the pipe: that is
  // the end of the output, not a failure with a stack trace.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`mps-recalc: ${messages.unexpected(describe(error))}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) run();
