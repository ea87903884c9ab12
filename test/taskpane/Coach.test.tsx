/** @jest-environment jsdom */
/**
 * The Coach view in the pane, over the in-memory host: every MPS.TABLE block found by itself,
 * its messages worked out by hand below, grouped by item, most urgent first, counted and
 * filtered by type; a message selects its cell; the list follows Excel's calculation
 * (debounced), Refresh, and the settings the workbook holds.
 */
import "./domSetup";
import { act, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_SETTINGS, toStored } from "../../src/shared/settings";
import { createMemoryHost, type MemoryWorkbook } from "../../src/taskpane/host/memoryHost";
import { periodInput, renderPane } from "./renderPane";

const PLAN_LABELS = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP"];
const CAPACITY_LABELS = [...PLAN_LABELS, "Load", "Capacity", "Utilization %"];

/** Labels down a column from a cell, as a spilled MPS.TABLE shows them ("B5" → B5, B6, …). */
function labelsDown(column: string, row: number, labels: string[]): Record<string, string> {
  return Object.fromEntries(labels.map((label, i) => [`${column}${row + i}`, label]));
}

/**
 * Three items on two sheets, with the default settings (no fences, check capacity, LFL):
 * - Widget (named left of its formula, Plan!B5): forecast 10, 10, 10, orders 15, 0, 0, on hand 0.
 *   Orders exceed forecast in period 1 by 15 − 10 = 5 → `forecast-low` 5 in period 1, on the
 *   Excess orders line (B5 + 3 rows = row 8), period 1's column C → Plan!C8.
 * - Gadget (named above its formula, Plan!B21): forecast 10, 10, 10, no orders, on hand 0,
 *   receipt 30 in period 2. Without the receipt, PAB is 0 − 10 = −10 in period 1, below safety
 *   stock 0 → the receipt is needed in period 1 < 2 → `reschedule-in` 30 in period 2, on the
 *   Receipts line (row 21 + 5 = 26), column D → Plan!D26.
 * - no name beside it (Capacity!A6): forecast 20, 40, 80, on hand 0, capacity 50 per period:
 *   lot for lot plans 20, 40, 80, loading 20, 40, 80 hours → `overload` 80 − 50 = 30 in period 3,
 *   on the Load line (row 6 + 9 = 15), column D → Capacity!D15.
 * Most urgent first: overload (7th in severity), reschedule-in (8th), forecast-low (13th).
 */
function threeItems(): Partial<MemoryWorkbook> {
  return {
    stored: toStored(DEFAULT_SETTINGS),
    sheets: ["Plan", "Capacity"],
    cells: {
      Plan: {
        ...{ B1: 10, C1: 10, D1: 10, B2: 15, C2: 0, D2: 0, B3: 0 },
        A5: "Widget",
        B5: "=MPS.TABLE(B1:D1,B2:D2,B3)",
        ...{ B15: 10, C15: 10, D15: 10, B16: 0, C16: 0, D16: 0, B17: 0, B18: 0, C18: 30, D18: 0 },
        B20: "Gadget",
        B21: "=MPS.TABLE(B15:D15,B16:D16,B17,,,,,B18:D18)",
      },
      Capacity: {
        ...{ A1: 20, B1: 40, C1: 80, A2: 0, B2: 0, C2: 0, A3: 0, A4: 50 },
        A6: "=MPS.TABLE(A1:C1,A2:C2,A3,,,,,,A4)",
      },
    },
    shown: {
      Plan: { ...labelsDown("B", 5, PLAN_LABELS), ...labelsDown("B", 21, PLAN_LABELS) },
      Capacity: labelsDown("A", 6, CAPACITY_LABELS),
    },
  };
}

const WIDGET_LINE = "Period 1: orders exceed forecast by 5";
const GADGET_LINE = "Period 2: move the receipt of 30 in to Period 1, it is needed then";
const CAPACITY_LINE = "Period 3: load 80 exceeds capacity 50 by 30";

/** The items listed, top to bottom: each heading with its messages. */
function listed(): { item: string; messages: string[] }[] {
  return screen.queryAllByRole("list", { name: /^Messages for / }).map((list) => ({
    item: list.getAttribute("aria-label")!.replace(/^Messages for /, ""),
    messages: within(list)
      .getAllByRole("button")
      .map((button) => button.querySelector("span:last-child")!.textContent!),
  }));
}

async function openCoach(workbook: Partial<MemoryWorkbook>) {
  const host = createMemoryHost(workbook);
  const pane = await renderPane(host, "as-opened");
  await screen.findByRole("heading", { name: "Coach" });
  return { host, ...pane };
}

describe("the Coach view", () => {
  it("is the view a workbook with saved settings opens on; a first run opens on Settings and stays there after Apply", async () => {
    const { unmount } = await openCoach({ stored: toStored(DEFAULT_SETTINGS) });
    expect(screen.getByRole("tab", { name: "Coach" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("heading", { name: "Coach" })).toBeVisible();
    expect(screen.queryByRole("heading", { name: "MPS settings" })).not.toBeInTheDocument(); // hidden
    unmount();

    const host = createMemoryHost();
    const { user } = await renderPane(host, "as-opened");
    expect(screen.getByRole("tab", { name: "Settings" })).toHaveAttribute("aria-selected", "true");
    expect(await screen.findByRole("heading", { name: "MPS settings" })).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText(/Settings saved in this workbook/)).toBeVisible();
    expect(screen.getByRole("tab", { name: "Settings" })).toHaveAttribute("aria-selected", "true");
    await user.click(screen.getByRole("tab", { name: "Coach" }));
    expect(screen.getByRole("heading", { name: "Coach" })).toBeVisible();
  });

  it("shows the notices about the workbook's settings on the Coach too", async () => {
    await openCoach({ stored: "{not json" });
    const pane = within(screen.getByRole("main"));
    expect(pane.getByText(/saved MPS settings were unreadable; defaults are in use/)).toBeVisible();
    expect(pane.getByText("Not running inside Excel")).toBeVisible();
  });

  it("explains what it checks when the workbook has no MPS.TABLE, and inserts a sample sheet it then reads", async () => {
    const { host, user } = await openCoach({ stored: toStored(DEFAULT_SETTINGS) });
    const empty = await screen.findByTestId("coach-empty");
    expect(empty).toHaveTextContent("This workbook has no MPS.TABLE yet.");
    expect(empty).toHaveTextContent("orders promised beyond supply (negative ATP)");
    expect(empty).toHaveTextContent("scheduled receipts to move in, move out or cancel");
    await user.click(within(empty).getByRole("button", { name: "Insert sample sheet" }));
    // The sample (MTS, on hand 40, safety stock 10, FOQ 50, forecast 100 …, orders 110 …,
    // receipt 60 in period 2): orders exceed forecast by 110 − 100 = 10 in period 1; without the
    // receipt PAB is 40 − 110 = −70 in period 1, below 10 → the receipt is needed in period 1.
    await waitFor(() =>
      expect(listed()).toEqual([
        {
          item: "MPS record",
          messages: ["Period 1: orders exceed forecast by 10", "Period 2: move the receipt of 60 in to Period 1, it is needed then"],
        },
      ]),
    );
    expect(host.workbook.sheets).toEqual(["Sheet1", "MPS sample"]);
  });

  it("lists every block's messages by item, most urgent first, named beside the block or by its cell, with counts", async () => {
    await openCoach(threeItems());
    await waitFor(() => expect(listed()).toHaveLength(3));
    expect(listed()).toEqual([
      { item: "Capacity!A6", messages: [CAPACITY_LINE] },
      { item: "Gadget", messages: [GADGET_LINE] },
      { item: "Widget", messages: [WIDGET_LINE] },
    ]);
    expect(screen.getByRole("heading", { name: "Widget" }).parentElement).toHaveTextContent("Plan!B5");
    expect(screen.getByRole("status")).toHaveTextContent("3 messages in 3 of 3 MPS.TABLE blocks");
    const filters = within(screen.getByRole("group", { name: "Show messages of one type" }));
    expect(filters.getAllByRole("button").map((button) => button.textContent)).toEqual([
      "All (3)",
      "Overload (1)",
      "Reschedule in (1)",
      "Forecast low (1)",
    ]);
  });

  it("shows one type alone when its count is chosen, and all again with All", async () => {
    const { user } = await openCoach(threeItems());
    await waitFor(() => expect(listed()).toHaveLength(3));
    const filters = within(screen.getByRole("group", { name: "Show messages of one type" }));
    await user.click(filters.getByRole("button", { name: "Reschedule in (1)" }));
    expect(filters.getByRole("button", { name: "Reschedule in (1)" })).toHaveAttribute("aria-pressed", "true");
    expect(listed()).toEqual([{ item: "Gadget", messages: [GADGET_LINE] }]);
    await user.click(filters.getByRole("button", { name: "All (3)" }));
    expect(listed()).toHaveLength(3);
  });

  it("selects the period's cell on the message's record line when a message is chosen", async () => {
    const { host, user } = await openCoach(threeItems());
    await user.click(await screen.findByRole("button", { name: new RegExp(WIDGET_LINE) }));
    expect(host.workbook.selected).toBe("Plan!C8");
    await user.click(screen.getByRole("button", { name: new RegExp(GADGET_LINE.replace(/[()]/g, "\\$&")) }));
    expect(host.workbook.selected).toBe("Plan!D26");
    await user.click(screen.getByRole("button", { name: new RegExp(CAPACITY_LINE) }));
    expect(host.workbook.selected).toBe("Capacity!D15");
  });

  it("reads the blocks again once after Excel calculates several times in a row, and on Refresh", async () => {
    const { host, user } = await openCoach(threeItems());
    await waitFor(() => expect(listed()).toHaveLength(3));
    const reads = jest.spyOn(host, "readMpsBlocks");
    // Widget's orders now match its forecast: nothing left to say about it. Three calculations.
    act(() => {
      host.enter("Plan", "B2", [[10]]);
      host.enter("Plan", "C2", [[0]]);
      host.enter("Plan", "D2", [[0]]);
    });
    expect(listed()).toHaveLength(3); // not yet: the coach waits for the calculation to settle
    await waitFor(() => expect(listed()).toHaveLength(2), { timeout: 3000 });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(screen.getByText("1 more block is on plan.")).toBeVisible();

    // Manual calculation: typing fires nothing; Refresh reads what the sheet holds now.
    host.workbook.calculationMode = "manual";
    act(() => host.enter("Plan", "B2", [[15]]));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(reads).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    await waitFor(() => expect(listed()).toHaveLength(3));
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("draws the 50 most urgent items first and the rest on demand", async () => {
    // 60 items, item k (1…60) with orders k above its forecast of 10 in period 1: each one
    // forecast-low line; all equally urgent, so by name (Item 01 … Item 60).
    const cells: Record<string, unknown> = {};
    for (let k = 1; k <= 60; k++) {
      Object.assign(cells, { [`B${k}`]: 10, [`C${k}`]: 10 + k, [`D${k}`]: `Item ${String(k).padStart(2, "0")}` });
      cells[`E${k}`] = `=MPS.TABLE(B${k},C${k},0)`;
    }
    const { user } = await openCoach({ stored: toStored(DEFAULT_SETTINGS), sheets: ["Plan"], cells: { Plan: cells } });
    await waitFor(() => expect(listed()).toHaveLength(50));
    expect(listed()[49]).toEqual({ item: "Item 50", messages: ["Period 1: orders exceed forecast by 50"] });
    expect(screen.getByRole("status")).toHaveTextContent("60 messages in 60 of 60 MPS.TABLE blocks");
    await user.click(screen.getByRole("button", { name: "Show 10 more items (10 not shown)" }));
    expect(listed()).toHaveLength(60);
    expect(listed()[59]).toEqual({ item: "Item 60", messages: ["Period 1: orders exceed forecast by 60"] });
    expect(screen.queryByRole("button", { name: /more items/ })).not.toBeInTheDocument();
  });

  it("says the blocks are on plan when none has anything to act on", async () => {
    await openCoach({
      stored: toStored(DEFAULT_SETTINGS),
      sheets: ["Plan"],
      cells: { Plan: { A1: 10, B1: 10, A2: 10, B2: 0, A3: 0, A5: "=MPS.TABLE(A1:B1,A2:B2,A3)" } },
    });
    expect(await screen.findByText(/Nothing to act on in the MPS.TABLE block\./)).toBeVisible();
  });

  it("plans with the settings the workbook holds: applied fences change the messages", async () => {
    const { user } = await openCoach(threeItems());
    await waitFor(() => expect(listed()).toHaveLength(3));
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    for (const label of ["Demand time fence", "Planning time fence"]) {
      await user.clear(periodInput(label));
      await user.type(periodInput(label), "2");
      await user.tab();
    }
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await screen.findByText(/Settings saved in this workbook/);
    await user.click(screen.getByRole("tab", { name: "Coach" }));
    // Fences of 2: demand is orders only in periods 1–2, and nothing new is planned there.
    // - Widget: demand 15, 0, 10; on hand 0 and no supply in periods 1–2 → PAB −15, −15:
    //   period 1 expedite 15 (planning's own action, so no shortage line there), ATP 0 − 15 =
    //   −15 → overpromised 15, orders beyond forecast 5; period 2 short 15, and its forecast of
    //   10 (no orders) drops out of demand inside the fence.
    // - Capacity!A6: demand 0, 0, 80: forecast 20 and 40 unconsumed in periods 1 and 2; load 80
    //   on 50 in period 3 → the same overload of 30.
    // - Gadget: demand 0, 0, 10; without the receipt PAB is 0, 0, −10: first needed in period 3,
    //   after its period 2 → reschedule-out; forecast 10 unconsumed in periods 1 and 2.
    // Most urgent first: Widget's shortage and expedite, then the overload, then the receipt.
    const unconsumed = (period: number, quantity: number) =>
      `Period ${period}: ${quantity} of forecast not taken by orders inside the demand time fence, it drops out of demand`;
    await waitFor(() =>
      expect(listed()).toEqual([
        {
          item: "Widget",
          messages: [
            expect.stringMatching(/^Period 1: expedite 15, firm supply leaves projected available -15/),
            "Period 1: orders promised 15 beyond supply (ATP -15)",
            WIDGET_LINE,
            "Period 2: short 15, projected available -15 inside the planning time fence",
            unconsumed(2, 10),
          ],
        },
        { item: "Capacity!A6", messages: [unconsumed(1, 20), unconsumed(2, 40), CAPACITY_LINE] },
        {
          item: "Gadget",
          messages: [unconsumed(1, 10), "Period 2: move the receipt of 30 out to Period 3, it is not needed before", unconsumed(2, 10)],
        },
      ]),
    );
  });

  it("says which block it cannot check, and why, without hiding the others", async () => {
    const workbook = threeItems();
    workbook.cells!.Plan.B21 = "=MPS.TABLE(B15:D15,B16:D16,OnHand,,,,,B18:D18)";
    await openCoach(workbook);
    const warning = await screen.findByText(/Not checked: on_hand is OnHand, which only Excel can evaluate/);
    expect(warning).toBeVisible();
    expect(listed().map((item) => item.item)).toEqual(["Capacity!A6", "Widget"]);
  });

  it("says when the blocks cannot be read, and keeps Refresh", async () => {
    const host = createMemoryHost({ stored: toStored(DEFAULT_SETTINGS) });
    host.readMpsBlocks = () => Promise.reject(new Error("The workbook is busy."));
    await renderPane(host, "as-opened");
    expect(await screen.findByText("The MPS blocks could not be read: The workbook is busy.")).toBeVisible();
    expect(screen.getByRole("button", { name: "Refresh" })).toBeEnabled();
  });
});
