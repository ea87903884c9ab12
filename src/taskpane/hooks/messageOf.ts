/**
 * What the pane says about a failure: the error's message, or the thrown value as text.
 * @example messageOf(new Error("Excel did not save the settings.")) // → "Excel did not save the settings."
 */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error || "Unknown error.");
}
