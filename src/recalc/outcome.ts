/**
 * What each step of the recalculation returns: its value, or the problems that stop it, each
 * a full sentence for the planner. Like the engine's `Result`, nothing here throws on bad input.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = <T = never>(...problems: string[]): Outcome<T> => ({ ok: false, problems });

/** The message of anything thrown, without its stack. */
export function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0];
  return String(error);
}
