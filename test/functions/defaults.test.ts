/**
 * Arguments left empty take the workbook's setting their parameter names, each its own: a
 * formula with the argument left empty computes what the same formula with the setting typed in
 * computes. Driven by the declared parameters, so a new defaulted parameter is covered at once
 * (it only needs a call below for its function and another value for its setting).
 */
import { CATALOG } from "../../src/functions/catalog";
import { invoke } from "../../src/functions/invoke";
import { DEFAULT_SETTINGS, type MpsSettings } from "../../src/shared/settings";

const row = (...values: number[]) => [values];

/** A call per function in which every defaulted argument matters (left empty: null). */
const CALLS: Record<string, unknown[]> = {
  CONSUME: [row(350, 350, 350, 350), row(300, 500, 280, 0)],
  PEG: [row(350, 350, 350, 350), row(300, 500, 280, 0)],
  // Period 1's excess looks forward, period 3's back; period 2 keeps forecast inside a fence of 2.
  DEMAND: [row(350, 350, 350, 350), row(400, 100, 500, 0)],
  PLAN: [row(10, 10, 10, 10), 5, 0, "LFL", null, null, null, row(0, 10, 0, 0)],
  ATP: [80, row(0, 0, 60, 0, 0, 60, 0, 0), row(30, 25, 30, 10, 0, 35, 0, 0)],
  PROMISE: [30, 20, row(0, 0, 60, 0), row(20, 0, 50, 0)],
  TABLE: [row(10, 10, 10, 10), row(4, 12, 0, 0), 0],
  // Period 2's orders go 14 beyond the forecast of periods 1–3: a forecast error for MTS, not for MTO;
  // planned from period 2, period 1's forecast has expired and cannot absorb any (24 beyond).
  MESSAGES: [row(10, 10, 10, 10), row(4, 40, 0, 0), 0],
  // Weekly periods from 45292: line 1 (400) spills forward, line 3 (500) back or forward by the mode.
  PEGLINES: [
    row(350, 350, 350, 350),
    row(45292, 45299, 45306, 45313),
    [["A", "B", "C"]],
    row(45292, 45299, 45306),
    row(400, 100, 500),
  ],
};

/** The settings every call starts from, and another value for each, typed in or saved. */
const BASE: MpsSettings = { ...DEFAULT_SETTINGS, backward: 1, forward: 1 };
const OTHER: MpsSettings = {
  model: "MTO",
  backward: 0,
  forward: 0,
  mode: "forward-backward",
  demandTimeFence: 2,
  planningTimeFence: 2,
  atpMethod: "lookahead",
  capacityStrategy: "level",
  planFrom: 2,
};

const defaulted = Object.values(CATALOG).flatMap((spec) =>
  spec.params.flatMap((param, position) =>
    param.default !== undefined && "setting" in param.default
      ? [{ id: spec.id, name: param.name, position, setting: param.default.setting }]
      : [],
  ),
);

/** Every ATP method promises the same earliest period, so PROMISE's method cannot show. */
const SAME_FOR_EVERY_VALUE = new Set(["PROMISE method"]);

describe.each(defaulted)("MPS.$id's $name left empty", ({ id, name, position, setting }) => {
  const call = CALLS[id];
  const withArgument = (value: unknown) => {
    const args = [...call];
    while (args.length <= position) args.push(null);
    args[position] = value;
    return args;
  };

  it(`takes the workbook's ${setting}, as if it were typed in`, () => {
    expect(call).toBeDefined();
    const saved = invoke(id, withArgument(null), { ...BASE, [setting]: OTHER[setting] });
    const typed = invoke(id, withArgument(OTHER[setting]), BASE);
    expect(saved).toEqual(typed);
  });

  it(`makes a difference in this call, so the check above means something`, () => {
    if (SAME_FOR_EVERY_VALUE.has(`${id} ${name}`)) return;
    expect(invoke(id, withArgument(OTHER[setting]), BASE)).not.toEqual(invoke(id, withArgument(BASE[setting]), BASE));
  });
});
