/** Calling the Excel entry points as Excel does, for the function tests. */
import { DEFAULT_SETTINGS, toStored, type MpsSettings } from "../../src/shared/settings";
import { fixedSettingsSource } from "../../src/shared/settingsSource";
import { setFunctionsSettingsForTests } from "../../src/shared/settingsStore";

/** What Excel passes for an omitted optional argument. */
export const OMITTED = null as never;

/** A range as Excel hands it over: one row, one column, or a typed value as [[value]]. */
export const row = (...values: unknown[]) => [values];
export const column = (...values: unknown[]) => values.map((v) => [v]);
export const cell = (value: unknown) => [[value]];

/** Runs a call and returns the Excel error it raised, as "#CODE message". */
export function excelError(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    const e = error as { code: string; message: string };
    return `${e.code} ${e.message}`;
  }
  throw new Error("expected an Excel error");
}

/** Excel's invocation for a formula in `caller` whose arguments are at `addresses` (empty: no reference). */
export const at = (caller: string, ...addresses: string[]) => ({ address: caller, parameterAddresses: addresses });

/** A spilled MPS block's rows by their label (the first cell), without the label. */
export function byLabel(block: unknown[][]): Record<string, unknown[]> {
  return Object.fromEntries(block.map((r) => [r[0] as string, r.slice(1)]));
}

/** The workbook settings the functions read: the defaults with `settings` changed (reset in afterEach). */
export function withSettings(settings: Partial<MpsSettings>): void {
  setFunctionsSettingsForTests(fixedSettingsSource(toStored({ ...DEFAULT_SETTINGS, ...settings })));
}

/** Back to a workbook without settings (the defaults), for afterEach after `withSettings`. */
export function resetSettings(): void {
  setFunctionsSettingsForTests(fixedSettingsSource(undefined));
}
