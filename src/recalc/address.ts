/**
 * A1 addresses for the recalculation: the project's one A1 module, src/shared/a1.ts, re-exported
 * here so the recalculation's modules keep one import path.
 */
export * from "../shared/a1";
