/**
 * Lot sizing: turn a net requirement into an MPS quantity by lot rule and lot-size modifiers.
 */
import { messages } from "./messages";
import { lotsToCover } from "./numeric";
import { LOT_RULES, type LotRule, type PlanningError, type Result } from "./types";
import { checkLotQuantity, checkNumber, checkOneOf, checkQuantity, fail, isAbsent, ok } from "./validate";

/** The lot-size part of the plan options. */
export interface LotOptions {
  /** @default "LFL" */
  lotRule?: LotRule;
  /** FOQ quantity, or POQ number of periods. */
  lotSize?: number;
  /** Smallest lot. @default 0 */
  minLot?: number;
  /** Largest lot; a larger period quantity is released as several lots. @default none */
  maxLot?: number;
  /** Lots are rounded up to a multiple of this. @default none */
  multiple?: number;
}

/** Lot rule and modifiers with defaults applied. */
export interface LotPolicy {
  rule: LotRule;
  /** FOQ quantity, POQ number of periods; unused for LFL. */
  lotSize: number;
  /** 0 = no minimum. */
  minLot: number;
  /** Infinity = no maximum. */
  maxLot: number;
  /** 0 = no multiple. */
  multiple: number;
}

/** Lot-for-lot with no modifiers: what MTO items use. */
export const LOT_FOR_LOT: LotPolicy = { rule: "LFL", lotSize: 0, minLot: 0, maxLot: Infinity, multiple: 0 };

function checkLotSize(rule: LotRule, lotSize: unknown): PlanningError | undefined {
  if (rule === "LFL") return undefined; // lotSize is ignored for lot-for-lot
  const field = "lotSize";
  if (isAbsent(lotSize)) {
    return { code: "VALUE", field, message: rule === "FOQ" ? messages.foqLotSizeRequired() : messages.poqLotSizeRequired() };
  }
  if (typeof lotSize !== "number") return checkNumber(lotSize, field);
  const size = lotSize;
  if (rule === "FOQ") {
    if (!(Number.isFinite(size) && size > 0)) return { code: "NUM", field, value: size, message: messages.foqLotSize(size) };
    return checkLotQuantity(size, field);
  }
  if (rule === "POQ" && !(Number.isInteger(size) && size >= 1)) {
    return { code: "NUM", field, value: size, message: messages.poqLotSize(size) };
  }
  return undefined;
}

/**
 * Check the lot rule and modifiers and fill in defaults.
 * @param options lot rule, lot size, minLot, maxLot, multiple
 * @returns the policy, or the first invalid option
 */
export function resolveLotPolicy(options: LotOptions): Result<LotPolicy> {
  const ruleError = checkOneOf(options.lotRule, "lotRule", LOT_RULES);
  if (ruleError) return fail(ruleError);
  const rule = options.lotRule ?? LOT_RULES[0];
  const error =
    checkLotSize(rule, options.lotSize) ??
    checkQuantity(options.minLot, "minLot") ??
    checkLotQuantity(options.maxLot, "maxLot") ??
    checkLotQuantity(options.multiple, "multiple");
  if (error) return fail(error);
  const minLot = options.minLot ?? 0;
  const maxLot = options.maxLot ?? Infinity;
  if (minLot > maxLot) {
    return fail({ code: "NUM", field: "minLot", value: minLot, message: messages.minAboveMax(minLot, maxLot) });
  }
  return ok({ rule, lotSize: rule === "LFL" ? 0 : (options.lotSize as number), minLot, maxLot, multiple: options.multiple ?? 0 });
}

/**
 * Size the MPS quantity for one period.
 *
 * The rule first: LFL takes the requirement, FOQ as many lots of Q as cover it, POQ the
 * requirement of its P periods (the caller passes that). Then the modifiers in textbook
 * order: raise to `minLot`, round up to a `multiple`. `maxLot` does not cut the quantity:
 * see `countLots`.
 *
 * @param required quantity that must arrive (> 0)
 * @param policy lot rule and modifiers
 * @returns the quantity to plan in the period
 * @example
 * sizeLot(10, { rule: "FOQ", lotSize: 25, minLot: 0, maxLot: Infinity, multiple: 0 }); // → 25
 * sizeLot(55, { rule: "FOQ", lotSize: 25, minLot: 0, maxLot: Infinity, multiple: 0 }); // → 75 (3 lots)
 * sizeLot(12, { rule: "LFL", lotSize: 0, minLot: 20, maxLot: Infinity, multiple: 0 }); // → 20
 * sizeLot(23, { rule: "LFL", lotSize: 0, minLot: 0, maxLot: Infinity, multiple: 10 }); // → 30
 */
export function sizeLot(required: number, policy: LotPolicy): number {
  let quantity = policy.rule === "FOQ" ? lotsToCover(required, policy.lotSize) * policy.lotSize : required;
  if (quantity < policy.minLot) quantity = policy.minLot;
  if (policy.multiple > 0) quantity = lotsToCover(quantity, policy.multiple) * policy.multiple;
  return quantity;
}

/**
 * Number of lots a period's quantity is released in: 1, or enough lots of at most `maxLot`.
 * @param quantity the period's MPS quantity
 * @param maxLot largest lot (Infinity = no limit)
 * @returns the number of lots
 * @example
 * countLots(250, 100); // → 3 (e.g. 100 + 100 + 50)
 */
export function countLots(quantity: number, maxLot: number): number {
  return quantity > maxLot ? lotsToCover(quantity, maxLot) : 1;
}
