/**
 * Every sentence the settings modules say to a planner, in one place: field refusals (shown
 * next to the field in the pane, and by the headless recalculation) and notices about what a
 * workbook stored. Labels come from SETTING_DESCRIPTIONS, so a message names a field as the
 * pane shows it.
 */
import { MAX_PERIODS } from "./settingsSchema";

export const settingsMessages = {
  notPeriods: (label: string) => `${label} must be a whole number of periods.`,
  negative: (label: string) => `${label} cannot be negative.`,
  belowMin: (label: string, min: number) => `${label} must be ${min} or more (periods count 1, 2, 3, …).`,
  notWhole: (label: string, value: number) => `${label} must be a whole number of periods (got ${value}).`,
  tooMany: (label: string) => `${label} must be at most ${MAX_PERIODS} periods.`,
  notAChoice: (label: string, choices: readonly string[]) => `${label} must be one of ${choices.join(", ")}.`,
  fenceOrder: (planning: unknown, demand: unknown) =>
    `Planning time fence (${planning}) must be at least the demand time fence (${demand}).`,

  unreadable: "The saved MPS settings were unreadable; defaults are in use.",
  olderVersion: "The saved MPS settings came from an older version and were updated.",
  newerVersion: (unknown: readonly string[]) =>
    `The saved MPS settings come from a newer version of the add-in${
      unknown.length ? `; its settings ${unknown.join(", ")} are kept in the workbook but not used here` : ""
    }.`,
  unknownKeys: (unknown: readonly string[]) =>
    `The saved MPS settings hold names this add-in does not know (${unknown.join(", ")}); they are kept in the workbook but not used.`,
  invalidFields: (names: readonly string[]) =>
    `Some saved MPS settings were invalid (${names.join(", ")}); defaults are used for them.`,
  couldNotRead: (reason: string) => `The saved MPS settings could not be read (${reason}); defaults are in use.`,
} as const;
