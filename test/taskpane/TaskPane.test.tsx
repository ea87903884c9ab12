/** @jest-environment jsdom */
import "./domSetup";
import { act, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_SETTINGS, SETTING_GROUPS, fromStored, toStored, type MpsSettings } from "../../src/shared/settings";
import { createMemoryHost } from "../../src/taskpane/host/memoryHost";
import { BUSY_BLOCK_MESSAGE, type WorkbookHost } from "../../src/taskpane/host/WorkbookHost";
import { announced, periodInput, renderPane } from "./renderPane";

/** Replaces what is in a period field and commits it (Tab), as a planner would. */
async function typePeriods(user: Awaited<ReturnType<typeof renderPane>>["user"], label: string, text: string) {
  const input = periodInput(label);
  await user.clear(input);
  if (text) await user.type(input, text);
  await user.tab();
}

const applyButton = () => screen.getByRole("button", { name: "Apply" });

describe("TaskPane", () => {
  describe("on open", () => {
    it("shows the defaults when the workbook has no settings", async () => {
      await renderPane(createMemoryHost());
      expect(screen.getByRole("radio", { name: /Make to stock \(MTS\)/ })).toBeChecked();
      expect(periodInput("Backward periods")).toHaveValue(String(DEFAULT_SETTINGS.backward));
      expect(periodInput("Forward periods")).toHaveValue("0");
      expect(periodInput("Demand time fence")).toHaveValue("0");
      expect(periodInput("Planning time fence")).toHaveValue("0");
      expect(screen.getByRole("combobox", { name: "Consumption mode" })).toHaveTextContent("Backward, then forward");
      expect(screen.getByRole("radio", { name: /Discrete/ })).toBeChecked();
      expect(applyButton()).toBeEnabled();
    });

    it("shows the settings saved in the workbook", async () => {
      const saved: MpsSettings = { ...DEFAULT_SETTINGS, model: "MTO", backward: 2, forward: 3, mode: "forward", atpMethod: "lookahead" };
      await renderPane(createMemoryHost({ stored: toStored(saved) }));
      expect(screen.getByRole("radio", { name: /Make to order \(MTO\)/ })).toBeChecked();
      expect(periodInput("Backward periods")).toHaveValue("2");
      expect(periodInput("Forward periods")).toHaveValue("3");
      expect(screen.getByRole("combobox", { name: "Consumption mode" })).toHaveTextContent("Forward only");
      expect(screen.getByRole("radio", { name: /Look-ahead/ })).toBeChecked();
    });

    it("falls back to defaults with a visible notice when the saved settings are corrupt", async () => {
      await renderPane(createMemoryHost({ stored: "{not json" }));
      // Within the pane: the announcer's live region repeats the notice for screen readers.
      expect(within(screen.getByRole("main")).getByText(/saved MPS settings were unreadable; defaults are in use/)).toBeVisible();
      expect(screen.getByRole("radio", { name: /Make to stock/ })).toBeChecked();
    });

    it("keeps the valid saved fields and names the invalid ones", async () => {
      const stored = JSON.stringify({ version: 1, ...DEFAULT_SETTINGS, model: "ATO", backward: -4 });
      await renderPane(createMemoryHost({ stored }));
      expect(within(screen.getByRole("main")).getByText(/Some saved MPS settings were invalid \(backward\)/)).toBeVisible();
      expect(screen.getByRole("radio", { name: /Assemble to order/ })).toBeChecked();
      expect(periodInput("Backward periods")).toHaveValue("0");
    });

    it("says it is not running inside Excel on the in-memory host, and not on Excel's", async () => {
      const { unmount } = await renderPane(createMemoryHost());
      expect(screen.getByText("Not running inside Excel")).toBeVisible();
      unmount();
      await renderPane({ ...createMemoryHost(), kind: "excel" });
      expect(screen.queryByText("Not running inside Excel")).not.toBeInTheDocument();
    });
  });

  describe("validation", () => {
    it("refuses a negative number of periods, next to the field", async () => {
      const { user } = await renderPane(createMemoryHost());
      await typePeriods(user, "Backward periods", "-2");
      expect(periodInput("Backward periods")).toHaveAccessibleDescription(/Backward periods cannot be negative\./);
      expect(periodInput("Backward periods")).toHaveAttribute("aria-invalid", "true");
      expect(applyButton()).toBeDisabled();
    });

    it("refuses a number that is not whole", async () => {
      const { user } = await renderPane(createMemoryHost());
      await typePeriods(user, "Forward periods", "1.5");
      expect(screen.getByText("Forward periods must be a whole number of periods (got 1.5).")).toBeVisible();
      expect(applyButton()).toBeDisabled();
    });

    it("refuses text and an empty field", async () => {
      const { user } = await renderPane(createMemoryHost());
      await typePeriods(user, "Demand time fence", "two");
      expect(screen.getByText("Demand time fence must be a whole number of periods.")).toBeVisible();
      await typePeriods(user, "Demand time fence", "");
      expect(screen.getByText("Demand time fence must be a whole number of periods.")).toBeVisible();
    });

    it("refuses a planning time fence shorter than the demand time fence", async () => {
      const { user } = await renderPane(createMemoryHost());
      await typePeriods(user, "Demand time fence", "3");
      await typePeriods(user, "Planning time fence", "2");
      expect(periodInput("Planning time fence")).toHaveAccessibleDescription(
        /Planning time fence \(2\) must be at least the demand time fence \(3\)\./,
      );
      expect(applyButton()).toBeDisabled();
      await typePeriods(user, "Planning time fence", "4");
      expect(screen.queryByText(/must be at least the demand time fence/)).not.toBeInTheDocument();
      expect(applyButton()).toBeEnabled();
    });

    it("saves nothing while the form is invalid", async () => {
      const host = createMemoryHost();
      const save = jest.spyOn(host, "saveSettings");
      const { user } = await renderPane(host);
      await typePeriods(user, "Backward periods", "-1");
      await user.click(applyButton());
      expect(save).not.toHaveBeenCalled();
      expect(host.workbook.stored).toBeUndefined();
    });
  });

  describe("apply", () => {
    it("saves the settings in the workbook, recalculates, and confirms", async () => {
      const host = createMemoryHost();
      const save = jest.spyOn(host, "saveSettings");
      const recalc = jest.spyOn(host, "recalculate");
      const { user } = await renderPane(host);
      await user.click(screen.getByRole("radio", { name: /Assemble to order/ }));
      await typePeriods(user, "Backward periods", "2");
      await typePeriods(user, "Forward periods", "1");
      await user.click(screen.getByRole("combobox", { name: "Consumption mode" }));
      await user.click(screen.getByRole("option", { name: "Forward, then backward" }));
      await typePeriods(user, "Demand time fence", "2");
      await typePeriods(user, "Planning time fence", "4");
      await user.click(screen.getByRole("radio", { name: /^Cumulative/ }));
      expect(screen.getByText("Unsaved changes")).toBeVisible();
      await user.click(applyButton());

      expect(await screen.findByText(/Settings saved in this workbook and MPS formulas recalculated/)).toBeVisible();
      const expected: MpsSettings = {
        model: "ATO",
        backward: 2,
        forward: 1,
        mode: "forward-backward",
        demandTimeFence: 2,
        planningTimeFence: 4,
        atpMethod: "cumulative",
        capacityStrategy: "check",
        planFrom: 1,
      };
      expect(save).toHaveBeenCalledWith(expected);
      expect(recalc).toHaveBeenCalledTimes(1);
      expect(save.mock.invocationCallOrder[0]).toBeLessThan(recalc.mock.invocationCallOrder[0]);
      expect(fromStored(host.workbook.stored)).toEqual({ settings: expected });
      expect(screen.queryByText("Unsaved changes")).not.toBeInTheDocument();
    });

    it("shows progress while saving and recalculating", async () => {
      let finish: () => void = () => undefined;
      const host = createMemoryHost();
      jest.spyOn(host, "saveSettings").mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
      const { user } = await renderPane(host);
      await user.click(applyButton());
      expect(screen.getByText("Saving and recalculating…")).toBeVisible();
      expect(applyButton()).toHaveAttribute("aria-disabled", "true");
      await act(async () => finish());
      expect(await screen.findByText("Applied")).toBeVisible();
      expect(screen.queryByText("Saving and recalculating…")).not.toBeInTheDocument();
    });

    it("shows the error when the workbook refuses to save, and does not recalculate", async () => {
      const host = createMemoryHost();
      jest.spyOn(host, "saveSettings").mockRejectedValue(new Error("The workbook is read-only."));
      const recalc = jest.spyOn(host, "recalculate");
      const { user } = await renderPane(host);
      await user.click(applyButton());
      expect(await screen.findByText("Not saved")).toBeVisible();
      expect(screen.getByText("The workbook is read-only.")).toBeVisible();
      expect(recalc).not.toHaveBeenCalled();
    });

    it("says so when the settings were saved but the recalculation failed", async () => {
      const host = createMemoryHost();
      jest.spyOn(host, "recalculate").mockRejectedValue(new Error("Calculation was interrupted."));
      const { user } = await renderPane(host);
      await user.click(applyButton());
      expect(await screen.findByText("Saved, but not recalculated")).toBeVisible();
      expect(screen.getByText("Calculation was interrupted.")).toBeVisible();
    });
  });

  describe("keyboard and screen readers", () => {
    it("keeps the focus on Apply while saving, and ignores presses until done", async () => {
      let finish: () => void = () => undefined;
      const host = createMemoryHost();
      const save = jest
        .spyOn(host, "saveSettings")
        .mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
      const { user } = await renderPane(host);
      act(() => applyButton().focus());
      await user.keyboard("{Enter}");
      expect(screen.getByText("Saving and recalculating…")).toBeVisible();
      expect(applyButton()).toHaveFocus();
      expect(applyButton()).toHaveAttribute("aria-disabled", "true");
      await user.keyboard("{Enter}");
      expect(save).toHaveBeenCalledTimes(1);
      await act(async () => finish());
      expect(await screen.findByText("Applied")).toBeVisible();
      expect(applyButton()).toHaveFocus();
      expect(applyButton()).not.toHaveAttribute("aria-disabled");
    });

    it("keeps the focus on a workbook action's button while it runs", async () => {
      let finish: (name: string) => void = () => undefined;
      const host = createMemoryHost();
      jest.spyOn(host, "insertSampleSheet").mockImplementation(() => new Promise<string>((resolve) => (finish = resolve)));
      const { user } = await renderPane(host);
      const button = screen.getByRole("button", { name: "Insert sample sheet" });
      act(() => button.focus());
      await user.keyboard(" ");
      expect(screen.getByText("Adding the sheet…")).toBeVisible();
      expect(button).toHaveFocus();
      expect(button).toHaveAttribute("aria-disabled", "true");
      await act(async () => finish("MPS sample"));
      expect(await screen.findByText("Sample sheet “MPS sample” added (MTS).")).toBeVisible();
      expect(button).toHaveFocus();
    });

    it("announces the outcome of Apply in a live region", async () => {
      const { user } = await renderPane(createMemoryHost());
      await user.click(applyButton());
      await waitFor(() =>
        expect(announced()).toContain("Applied Settings saved in this workbook and MPS formulas recalculated."),
      );
    });

    it("announces a refused save with Excel's reason", async () => {
      const host = createMemoryHost();
      jest.spyOn(host, "saveSettings").mockRejectedValue(new Error("The workbook is read-only."));
      const { user } = await renderPane(host);
      await user.click(applyButton());
      await waitFor(() => expect(announced()).toContain("Not saved The workbook is read-only."));
    });

    it("announces what came of a workbook action", async () => {
      const host = createMemoryHost();
      jest.spyOn(host, "insertChart").mockRejectedValue(new Error(BUSY_BLOCK_MESSAGE));
      const { user } = await renderPane(host);
      await user.click(screen.getByRole("button", { name: "Insert chart" }));
      await waitFor(() => expect(announced()).toContain(BUSY_BLOCK_MESSAGE));
      await user.click(screen.getByRole("button", { name: "Insert sample sheet" }));
      await waitFor(() => expect(announced()).toContain("Sample sheet “MPS sample” added (MTS)."));
    });
  });

  describe("the window picture", () => {
    const picture = () => screen.getByRole("img", { name: /An order in period t/ });
    const steps = () =>
      within(screen.getByTestId("window-picture"))
        .getAllByText(/^(t|t[-+]\d+|…)$/)
        .map((label) => `${label.textContent}:${label.nextSibling?.textContent}`);

    it("shows only period t for a window of 0/0", async () => {
      await renderPane(createMemoryHost());
      expect(picture()).toHaveAccessibleName("An order in period t consumes forecast from t only. What is left is excess.");
      expect(steps()).toEqual(["t-1:–", "t:1", "t+1:–"]);
    });

    it("numbers the periods in the order of the mode, and follows every change", async () => {
      const { user } = await renderPane(createMemoryHost());
      await typePeriods(user, "Backward periods", "2");
      await typePeriods(user, "Forward periods", "1");
      expect(steps()).toEqual(["t-3:–", "t-2:3", "t-1:2", "t:1", "t+1:4", "t+2:–"]);
      expect(picture()).toHaveAccessibleName(
        "An order in period t consumes forecast from t first, then t-1 back to t-2, then t+1. What is left is excess.",
      );

      await user.click(screen.getByRole("combobox", { name: "Consumption mode" }));
      await user.click(screen.getByRole("option", { name: "Forward, then backward" }));
      expect(steps()).toEqual(["t-3:–", "t-2:4", "t-1:3", "t:1", "t+1:2", "t+2:–"]);

      await user.click(screen.getByRole("combobox", { name: "Consumption mode" }));
      await user.click(screen.getByRole("option", { name: "Backward only" }));
      expect(steps()).toEqual(["t-3:–", "t-2:3", "t-1:2", "t:1", "t+1:–", "t+2:–"]);
      expect(picture()).toHaveAccessibleName(/Forward periods are ignored in this mode\./);
    });

    it("shortens long windows", async () => {
      const { user } = await renderPane(createMemoryHost());
      await typePeriods(user, "Backward periods", "6");
      expect(steps()).toEqual(["…:5–7", "t-3:4", "t-2:3", "t-1:2", "t:1", "t+1:–"]);
    });

    it("keeps drawing while a window field is invalid", async () => {
      const { user } = await renderPane(createMemoryHost());
      await typePeriods(user, "Backward periods", "-3");
      expect(steps()).toEqual(["t-1:–", "t:1", "t+1:–"]);
    });
  });

  describe("workbook actions", () => {
    it("inserts sample sheets under new names, for the chosen model", async () => {
      const host = createMemoryHost({ sheets: ["Sheet1", "MPS sample"] });
      const insert = jest.spyOn(host, "insertSampleSheet");
      const { user } = await renderPane(host);
      await user.click(screen.getByRole("radio", { name: /Make to order/ }));
      await user.click(screen.getByRole("button", { name: "Insert sample sheet" }));
      expect(await screen.findByText("Sample sheet “MPS sample (2)” added (MTO).")).toBeVisible();
      expect(insert).toHaveBeenCalledWith("MTO");
      expect(host.workbook.sheets).toEqual(["Sheet1", "MPS sample", "MPS sample (2)"]);
    });

    it("charts load against capacity when the selection is in the block's Load row, and says so", async () => {
      const labels = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP"];
      const block = [...labels, "Load", "Capacity", "Utilization %"].map((label) => [label, 1, 2, 3]);
      const host = createMemoryHost({ sheets: ["Sheet1", "Plan"], selection: { block: "Plan!B3:E14", values: block, cell: "Plan!C12" } });
      const { user } = await renderPane(host);
      await user.click(screen.getByRole("button", { name: "Insert chart" }));
      expect(
        await screen.findByText("Chart of load against capacity of the selected block added on “Plan”; Load cells above capacity show red."),
      ).toBeVisible();
      host.workbook.selection = { block: "Plan!B3:E14", values: block, cell: "Plan!C9" };
      await user.click(screen.getByRole("button", { name: "Insert chart" }));
      expect(await screen.findByText("Chart of the selected block added on “Plan”.")).toBeVisible();
      expect(host.workbook.charts).toEqual([
        { sheet: "Plan", chart: "capacity" },
        { sheet: "Plan", chart: "plan" },
      ]);
    });

    it("charts the last sample sheet, and says what to do without one", async () => {
      const host = createMemoryHost();
      const { user } = await renderPane(host);
      await user.click(screen.getByRole("button", { name: "Insert chart" }));
      expect(await screen.findByText(/Select a cell of an MPS.TABLE block first/)).toBeVisible();
      await user.click(screen.getByRole("button", { name: "Insert sample sheet" }));
      await screen.findByText(/Sample sheet “MPS sample” added/);
      await user.click(screen.getByRole("button", { name: "Insert chart" }));
      expect(await screen.findByText("Chart of the sample block added on “MPS sample”.")).toBeVisible();
      expect(host.workbook.charts).toEqual([{ sheet: "MPS sample", chart: "plan" }]);
    });
  });

  it("shows a notice, never a crash, when reading the settings fails", async () => {
    const host: WorkbookHost = { ...createMemoryHost(), loadSettings: () => Promise.reject(new Error("boom")) };
    await renderPane(host);
    await waitFor(() => expect(screen.getByText(/could not be read \(boom\); defaults are in use/)).toBeVisible());
  });

  describe("first run", () => {
    it("says what the add-in does, links to the help and offers a sample sheet on a workbook without settings", async () => {
      const host = createMemoryHost();
      const { user } = await renderPane(host);
      const block = screen.getByRole("region", { name: "Start planning" });
      expect(within(block).getByText(/turn forecasts and customer orders into a master production schedule/)).toBeVisible();
      expect(within(block).getByRole("link", { name: "How the MPS functions work" })).toHaveAttribute("href", "help.html");
      await user.click(within(block).getByRole("button", { name: "Insert a sample sheet" }));
      expect(await screen.findByText("Sample sheet “MPS sample” added (MTS).")).toBeVisible();
      expect(host.workbook.sheets).toEqual(["Sheet1", "MPS sample"]);
    });

    it("is gone once the settings are saved, and never shown on a workbook that has them", async () => {
      const { user, unmount } = await renderPane(createMemoryHost());
      await user.click(applyButton());
      await screen.findByText("Applied");
      expect(screen.queryByRole("region", { name: "Start planning" })).not.toBeInTheDocument();
      unmount();
      await renderPane(createMemoryHost({ stored: toStored(DEFAULT_SETTINGS) }));
      expect(screen.queryByRole("region", { name: "Start planning" })).not.toBeInTheDocument();
    });

    it("closes on request", async () => {
      const { user } = await renderPane(createMemoryHost());
      await user.click(screen.getByRole("button", { name: "Got it" }));
      expect(screen.queryByRole("region", { name: "Start planning" })).not.toBeInTheDocument();
    });
  });

  describe("recalculation after Apply", () => {
    it("recalculates nothing in manual calculation mode, and says F9 applies the settings", async () => {
      const host = createMemoryHost({ calculationMode: "manual" });
      const { user } = await renderPane(host);
      await typePeriods(user, "Backward periods", "1");
      await user.click(applyButton());
      expect(await screen.findByText("Saved: press F9 to apply")).toBeVisible();
      expect(screen.getAllByText(/Excel calculates it manually, so nothing was recalculated: press F9/)[0]).toBeVisible();
      expect(host.workbook.recalculations).toBe(0);
      expect(fromStored(host.workbook.stored).settings.backward).toBe(1);
    });

    it("says so when the workbook has no MPS formulas to recalculate yet", async () => {
      const host = createMemoryHost();
      jest.spyOn(host, "recalculate").mockResolvedValue({ mode: "automatic", formulas: 0 });
      const { user } = await renderPane(host);
      await user.click(applyButton());
      expect(await screen.findByText(/It has no MPS formulas yet; new ones will use these settings\./)).toBeVisible();
    });
  });

  describe("another author's change (co-authoring)", () => {
    const theirs: MpsSettings = { ...DEFAULT_SETTINGS, model: "MTO", backward: 3 };

    it("shows their settings when the planner has not edited the form", async () => {
      const host = createMemoryHost({ stored: toStored(DEFAULT_SETTINGS) });
      await renderPane(host);
      act(() => host.coauthorSaves(toStored(theirs)));
      expect(await screen.findByText("Another author changed the MPS settings")).toBeVisible();
      expect(screen.getAllByText(/The form shows their settings now/)[0]).toBeVisible();
      expect(screen.getByRole("radio", { name: /Make to order \(MTO\)/ })).toBeChecked();
      expect(periodInput("Backward periods")).toHaveValue("3");
      expect(screen.queryByText("Unsaved changes")).not.toBeInTheDocument();
    });

    it("keeps the planner's unsaved edits, and shows theirs on request", async () => {
      const host = createMemoryHost({ stored: toStored(DEFAULT_SETTINGS) });
      const { user } = await renderPane(host);
      await typePeriods(user, "Forward periods", "2");
      act(() => host.coauthorSaves(toStored(theirs)));
      expect(await screen.findByText(/Your unsaved changes are kept: Apply saves them over theirs\./)).toBeVisible();
      expect(periodInput("Forward periods")).toHaveValue("2");
      expect(screen.getByRole("radio", { name: /Make to stock/ })).toBeChecked();
      await user.click(screen.getByRole("button", { name: "Show theirs" }));
      expect(periodInput("Forward periods")).toHaveValue("0");
      expect(periodInput("Backward periods")).toHaveValue("3");
      expect(screen.getByRole("radio", { name: /Make to order/ })).toBeChecked();
    });
  });

  describe("saved settings the functions cannot use", () => {
    it("names each one, with its reason and the default the MPS formulas use instead", async () => {
      const stored = JSON.stringify({ ...DEFAULT_SETTINGS, backward: -4, mode: "sideways" });
      await renderPane(createMemoryHost({ stored }));
      expect(screen.getByText("Saved settings not used as they are")).toBeVisible();
      const list = screen.getByRole("list", { name: "Saved settings not used" });
      expect(within(list).getAllByRole("listitem").map((item) => item.textContent)).toEqual([
        "Backward periods cannot be negative. The MPS formulas use the default, 0, until you apply a valid value.",
        "Consumption mode must be one of backward-forward, forward-backward, backward, forward. The MPS formulas use the default, Backward, then forward, until you apply a valid value.",
      ]);
    });

    it("says so when another author saves one", async () => {
      const host = createMemoryHost({ stored: toStored(DEFAULT_SETTINGS) });
      await renderPane(host);
      act(() => host.coauthorSaves(JSON.stringify({ ...DEFAULT_SETTINGS, forward: 1.5 })));
      expect(await screen.findByText(/Forward periods must be a whole number of periods \(got 1\.5\)\. The MPS formulas use the default, 0/)).toBeVisible();
    });
  });

  it("gives every group of settings a section, each with its heading", async () => {
    await renderPane(createMemoryHost());
    for (const [group, { title }] of Object.entries(SETTING_GROUPS)) {
      const section = screen.getByTestId(`section-${group}`);
      expect(within(section).getByRole("heading", { name: title })).toBeVisible();
    }
  });
});

