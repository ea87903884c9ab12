/**
 * Every MPS.* function, by id, gathered from its family file (families/*.ts, each built with
 * `defineFunction`). Both hosts are driven from this table: Excel through functions.ts and
 * invoke, the headless recalculation through its HyperFormula plugin. A new family is one file
 * in families/ and one line here; its functions also need their JSDoc entry in functions.ts
 * (test/functions/metadata.test.ts checks that the two agree).
 */
import type { FunctionSpec } from "./define";
import { LEVEL, LOAD } from "./families/capacity";
import { CONSUME, DEMAND, PEG } from "./families/consumption";
import { EXPLODE } from "./families/explosion";
import { PAB, PLAN, TABLE } from "./families/planning";
import { ATP, PROMISE } from "./families/promise";
import { BUCKET, PEGLINES } from "./families/orders";
import { ACCURACY, SAFETY } from "./families/analytics";
import { MESSAGES } from "./families/coach";

export const CATALOG: Readonly<Record<string, FunctionSpec>> = Object.freeze(
  Object.fromEntries(
    [CONSUME, DEMAND, PLAN, PAB, ATP, TABLE, PEG, EXPLODE, PROMISE, BUCKET, PEGLINES, ACCURACY, SAFETY, LOAD, LEVEL, MESSAGES].map((spec) => [spec.id, spec]),
  ),
);
