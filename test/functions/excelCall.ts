/** Calling the exported MPS functions as Excel does, in tests. */

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
