/** Calling the Excel entry points as Excel does, for the function tests. */

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
