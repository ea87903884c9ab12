import { ATP_METHODS, CONSUMPTION_MODES, PRODUCTION_MODELS } from "../../src/engine";
import {
  DEFAULT_SETTINGS,
  SETTING_DESCRIPTIONS,
  validateSettings,
  type SettingName,
} from "../../src/shared/settings";

describe("SETTING_DESCRIPTIONS", () => {
  it("describes every setting, each with a label and a one-line explanation", () => {
    expect(Object.keys(SETTING_DESCRIPTIONS).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
    for (const description of Object.values(SETTING_DESCRIPTIONS)) {
      expect(description.label).not.toBe("");
      expect(description.explanation).toMatch(/^[A-Z].*\.$/);
      expect(description.explanation).not.toContain("\n");
    }
  });

  it("offers exactly the engine's options, in the engine's order, each explained", () => {
    const values = (name: "model" | "mode" | "atpMethod") => SETTING_DESCRIPTIONS[name].choices.map((c) => c.value);
    expect(values("model")).toEqual(PRODUCTION_MODELS);
    expect(values("mode")).toEqual(CONSUMPTION_MODES);
    expect(values("atpMethod")).toEqual(ATP_METHODS);
    for (const name of ["model", "mode", "atpMethod"] as const) {
      for (const choice of SETTING_DESCRIPTIONS[name].choices) expect(choice.explanation).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("spells the production models out, code in brackets", () => {
    expect(SETTING_DESCRIPTIONS.model.choices.map((c) => c.label)).toEqual([
      "Make to stock (MTS)",
      "Assemble to order (ATO)",
      "Make to order (MTO)",
    ]);
  });

  it("uses the labels validateSettings names in its messages", () => {
    const invalid = {
      model: "?",
      backward: -1,
      forward: -1,
      mode: "?",
      demandTimeFence: -1,
      planningTimeFence: -1,
      atpMethod: "?",
      capacityStrategy: "?",
      planFrom: 0,
    };
    const check = validateSettings(invalid);
    if (check.ok) throw new Error("expected errors");
    for (const name of Object.keys(invalid) as SettingName[]) {
      expect(check.errors[name]).toMatch(new RegExp(`^${SETTING_DESCRIPTIONS[name].label} `));
    }
  });
});
