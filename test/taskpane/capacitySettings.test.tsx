/** @jest-environment jsdom */
/**
 * The settings this record added, in the pane: Capacity strategy (four choices, each explained)
 * and Plan from period (a period number from 1), drawn from their descriptions and saved like
 * the others.
 */
import "./domSetup";
import { screen } from "@testing-library/react";
import { DEFAULT_SETTINGS, SETTING_DESCRIPTIONS, fromStored, validateSettings } from "../../src/shared/settings";
import { createMemoryHost } from "../../src/taskpane/host/memoryHost";
import { periodInput, renderPane } from "./renderPane";

describe("the capacity strategy and plan-from settings", () => {
  it("default to check and period 1, and older workbooks without them read so, without a notice", () => {
    expect(DEFAULT_SETTINGS.capacityStrategy).toBe("check");
    expect(DEFAULT_SETTINGS.planFrom).toBe(1);
    const older = JSON.stringify({ version: 1, model: "MTO" });
    expect(fromStored(older)).toEqual({ settings: { ...DEFAULT_SETTINGS, model: "MTO" } });
  });

  it("explain every capacity strategy in one line", () => {
    expect(SETTING_DESCRIPTIONS.capacityStrategy.choices.map((c) => c.value)).toEqual(["check", "build-ahead", "chase", "level"]);
    for (const choice of SETTING_DESCRIPTIONS.capacityStrategy.choices) expect(choice.explanation).toMatch(/^[A-Z][^\n]*\.$/);
  });

  it("refuse a plan-from period below 1 and a strategy not in the list", () => {
    const check = validateSettings({ ...DEFAULT_SETTINGS, planFrom: 0, capacityStrategy: "fast" as never });
    expect(check).toEqual({
      ok: false,
      errors: {
        planFrom: "Plan from period must be 1 or more (periods count 1, 2, 3, …).",
        capacityStrategy: "Capacity strategy must be one of check, build-ahead, chase, level.",
      },
    });
  });

  it("are shown in the pane and saved with the others", async () => {
    const host = createMemoryHost();
    const { user } = await renderPane(host);
    expect(screen.getByRole("radio", { name: /^Check only/ })).toBeChecked();
    await user.click(screen.getByRole("radio", { name: /^Build ahead/ }));
    const planFrom = periodInput("Plan from period");
    expect(planFrom).toHaveValue("1");
    await user.clear(planFrom);
    await user.type(planFrom, "3");
    await user.tab();
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText(/Settings saved in this workbook/)).toBeVisible();
    expect(fromStored(host.workbook.stored).settings).toMatchObject({ capacityStrategy: "build-ahead", planFrom: 3 });
  });
});
