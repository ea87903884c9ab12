/**
 * MPS.MESSAGES through the Excel adapter (the exported function, ranges as Excel passes them):
 * every exception type its arguments can give, each with a worked example (the engine's, in
 * docs/engine.md §14), and properties at function level: the messages never contradict the record
 * MPS.TABLE shows for the same arguments.
 */
import fc from "fast-check";
import { CAPACITY_STRATEGIES, EXCEPTION_TYPES } from "../../src/engine";
import { messages as messagesRange, table as tableRange } from "../../src/functions/functions";
import { DEFAULT_SETTINGS, toStored, type MpsSettings } from "../../src/shared/settings";
import { setFunctionsSettingsForTests } from "../../src/shared/settingsStore";
import { fixedSettingsSource } from "../../src/shared/settingsSource";
import { CATALOG } from "../../src/functions/catalog";
import { plausibleCall } from "./arbitraries";
import { at } from "./excelCalls";
import { OMITTED as _, excelError, row } from "./excelCalls";

const messages = messagesRange as (...args: unknown[]) => unknown[][];
const table = tableRange as (...args: unknown[]) => unknown[][];

const HEADER = ["Period", "Type", "Quantity", "Message"];

function withSettings(settings: Partial<MpsSettings>): void {
  setFunctionsSettingsForTests(fixedSettingsSource(toStored({ ...DEFAULT_SETTINGS, ...settings })));
}

afterEach(() => setFunctionsSettingsForTests(fixedSettingsSource(undefined)));

describe("MPS.MESSAGES: one worked example per type", () => {
  it("forecast-low: orders beyond forecast (the issue's example)", () => {
    // forecast 100 × 3, orders 50, 100, 140, on hand 200 → excess orders 0, 0, 40; demand 100, 100, 140;
    // PAB 100, 0, then 140 planned in period 3: nothing else
    expect(messages(row(100, 100, 100), row(50, 100, 140), 200)).toEqual([
      HEADER,
      [3, "forecast-low", 40, "Period 3: orders exceed forecast by 40"],
    ]);
  });

  it("expedite and shortage: a shortage inside the planning time fence", () => {
    // demand 5, 0, 0 (forecast), on hand 0, all three periods frozen → PAB −5, −5, −5: planning's one
    // expedite of 5 in period 1, and the shortage it leaves in periods 2 and 3
    withSettings({ planningTimeFence: 3 });
    expect(messages(row(5, 0, 0), row(0, 0, 0), 0)).toEqual([
      HEADER,
      [1, "expedite", 5, "Period 1: expedite 5, firm supply leaves projected available -5"],
      [2, "shortage", 5, "Period 2: short 5, projected available -5 inside the planning time fence"],
      [3, "shortage", 5, "Period 3: short 5, projected available -5 inside the planning time fence"],
    ]);
  });

  it("overpromised: negative ATP, in severity order after the expedite", () => {
    // forecast 0, 10, orders 5, 10, on hand 0, fence 1: demand 5, 10; period 1 frozen with nothing →
    // PAB −5 (expedite 5); period 2 plans 15. Discrete ATP: 0 + 0 − 5 = −5, 15 − 10 = 5.
    withSettings({ planningTimeFence: 1 });
    expect(messages(row(0, 10), row(5, 10), 0)).toEqual([
      HEADER,
      [1, "expedite", 5, "Period 1: expedite 5, firm supply leaves projected available -5"],
      [1, "overpromised", 5, "Period 1: orders promised 5 beyond supply (ATP -5)"],
      [1, "forecast-low", 5, "Period 1: orders exceed forecast by 5"],
    ]);
  });

  it("split-lot: a lot above max_lot", () => {
    // demand 250, on hand 0, max lot 100 → one MPS of 250 released as ⌈250 / 100⌉ = 3 lots
    expect(messages(row(250), row(0), 0, _, _, _, _, _, _, _, _, _, 100)).toEqual([
      HEADER,
      [1, "split-lot", 250, "Period 1: release 250 as 3 lots, it is above the maximum lot size"],
    ]);
  });

  it("reschedule-out, reschedule-in, cancel: each receipt judged on the firm projection, earliest first", () => {
    // on hand 10, demand 10 × 6, receipts 20 (period 1), 30 (period 5), 40 (period 6). Without receipts:
    // 0, −10, −20, −30, −40, −50. The 20 is first needed in period 2 (out); moved there it lifts the
    // rest to 10, 0, −10, −20, −30: the 30 is needed in period 4 (in); then 20, 10, 0: the 40 never (cancel).
    expect(messages(row(10, 10, 10, 10, 10, 10), row(0, 0, 0, 0, 0, 0), 10, _, _, _, _, row(20, 0, 0, 0, 30, 40))).toEqual([
      HEADER,
      [1, "reschedule-out", 20, "Period 1: move the receipt of 20 out to Period 2, it is not needed before"],
      [5, "reschedule-in", 30, "Period 5: move the receipt of 30 in to Period 4, it is needed then"],
      [6, "cancel", 40, "Period 6: cancel the receipt of 40, it is not needed within the horizon"],
    ]);
  });

  it("late and below-safety-stock: capacity keeps the plan from the buffer (build-ahead)", () => {
    // demand 30 × 4, on hand 10, safety stock 10, receipt 20 in period 2, capacity 25 a period → MPS
    // 25 × 4, PAB 5, 20, 15, 10: 5 of period 1's need is built in period 2 (late), PAB 5 is 5 below
    // safety stock; the receipt of period 2 is needed in period 1 (reschedule-in).
    withSettings({ capacityStrategy: "build-ahead" });
    expect(messages(row(30, 30, 30, 30), row(0, 0, 0, 0), 10, 10, _, _, _, row(0, 20, 0, 0), [[25]])).toEqual([
      HEADER,
      [1, "late", 5, "Period 1: 5 cannot be built in time, built late in Period 2"],
      [1, "below-safety-stock", 5, "Period 1: projected available 5 is 5 below safety stock 10"],
      [2, "reschedule-in", 20, "Period 2: move the receipt of 20 in to Period 1, it is needed then"],
    ]);
  });

  it("late and shortage under chase: what capacity cannot build in time, and after the horizon", () => {
    // demand 20, 40, 80, 30, on hand 0, capacity 50, chase → MPS 20, 40, 50, 50, PAB 0, 0, −30, −10:
    // 30 due in period 3, 20 built in period 4, 10 not within the horizon
    withSettings({ capacityStrategy: "chase" });
    expect(messages(row(20, 40, 80, 30), row(0, 0, 0, 0), 0, _, _, _, _, _, [[50]])).toEqual([
      HEADER,
      [3, "shortage", 30, "Period 3: short 30, projected available -30"],
      [3, "late", 30, "Period 3: 30 cannot be built in time, 20 built late in Period 4, 10 after the horizon"],
      [4, "shortage", 10, "Period 4: short 10, projected available -10"],
    ]);
  });

  it("overload under the check strategy: load above capacity by the excess hours", () => {
    // demand 100, 50, 100, LFL, 2 h a unit → load 200, 100, 200 against 160 h: 40 over in periods 1 and 3
    expect(messages(row(100, 50, 100), row(0, 0, 0), 0, _, _, _, _, _, [[160]], 2)).toEqual([
      HEADER,
      [1, "overload", 40, "Period 1: load 200 exceeds capacity 160 by 40"],
      [3, "overload", 40, "Period 3: load 200 exceeds capacity 160 by 40"],
    ]);
  });

  it("overload of a levelled plan: only a firm MPS inside the fence can exceed capacity", () => {
    // demand 20, 40, 80, 30, firm MPS 60 in period 1 (fence 1), capacity 50, build-ahead → MPS 60, 30,
    // 50, 30: period 3's 80 is met by 30 built ahead in period 2; the firm 60 is 10 over
    withSettings({ planningTimeFence: 1, capacityStrategy: "build-ahead" });
    expect(messages(row(20, 40, 80, 30), row(0, 0, 0, 0), 0, _, _, _, _, _, [[50]], _, _, _, _, _, _, row(60, 0, 0, 0))).toEqual([
      HEADER,
      [1, "overload", 10, "Period 1: firm MPS loads 60 on capacity 50, 10 over"],
    ]);
  });

  it("release-past-due: starts the lead time puts before period 1", () => {
    // MPS 10, 5, 30, 40, 50 (LFL), lead time 2: the 10 due in period 1 and the 5 due in period 2 start now
    expect(messages(row(10, 5, 30, 40, 50), row(0, 0, 0, 0, 0), 0, _, _, _, _, _, _, _, 2)).toEqual([
      HEADER,
      [1, "release-past-due", 15, "Period 1: start 15 now, the lead time puts its start before Period 1 (due by Period 2)"],
    ]);
  });

  it("forecast-unconsumed: forecast left inside the demand time fence", () => {
    // forecast 10 × 6, orders 12, 8, 5, 0, 0, 0, demand time fence 2 (the planning time fence at least
    // as long), on hand 20 → remaining 0, 2, … : period 2's 2 drop out of demand (PAB 8, 0: nothing
    // to expedite); period 1's orders are 2 above forecast
    withSettings({ demandTimeFence: 2, planningTimeFence: 2 });
    expect(messages(row(10, 10, 10, 10, 10, 10), row(12, 8, 5, 0, 0, 0), 20)).toEqual([
      HEADER,
      [1, "forecast-low", 2, "Period 1: orders exceed forecast by 2"],
      [2, "forecast-unconsumed", 2, "Period 2: 2 of forecast not taken by orders inside the demand time fence, it drops out of demand"],
    ]);
  });

  it("none: the header and one line when all is well", () => {
    // forecast 350 × 4, orders 300, 500, 280, 0, window 1/1, on hand 400: the 150 above forecast in
    // period 2 consumes period 1's and period 3's leftovers; no excess, no shortage
    withSettings({ backward: 1, forward: 1 });
    expect(messages(row(350, 350, 350, 350), row(300, 500, 280, 0), 400)).toEqual([
      HEADER,
      ["", "none", "", "Nothing to act on: no shortage, no late or overloaded supply, no receipt to move, forecast in line with orders"],
    ]);
  });
});

describe("MPS.MESSAGES reads the record with the parameters it was planned with", () => {
  it("make to order: no safety stock (planning keeps none) and no forecast errors (the forecast is for information)", () => {
    // orders 10 against forecast 0, on hand 5, safety stock 20. MTS plans 25 (PAB 20 = safety stock) and
    // calls the order a forecast error; MTO plans the order only (5), PAB 0, and nothing is wrong.
    expect(messages(row(0), row(10), 5, 20, _, _, "MTS")).toEqual([HEADER, [1, "forecast-low", 10, "Period 1: orders exceed forecast by 10"]]);
    expect(messages(row(0), row(10), 5, 20, _, _, "MTO")[1][1]).toBe("none");
  });

  it("takes the item master's values, as MPS.TABLE does", () => {
    const item = [
      ["Item", "On hand", "Max lot"],
      ["Bike", 0, 100],
    ];
    expect(messages(row(250), row(0), item)).toEqual(messages(row(250), row(0), 0, _, _, _, _, _, _, _, _, _, 100));
  });

  it("refuses what MPS.TABLE refuses, with the same message", () => {
    expect(excelError(() => messages(row(10, 10), row(0), 0))).toBe(excelError(() => table(row(10, 10), row(0), 0)));
    expect(excelError(() => messages(row(10), row(0), 0, _, _, _, _, _, _, _, -1))).toBe(
      "#VALUE! lead_time must be a whole number of periods, 0 or more (got -1)",
    );
  });

  it("names a refused cell by its address from Excel's invocation, as MPS.TABLE does", () => {
    // The formula in Plan!A14, orders in Plan!B10:D10: the text in the second cell is C10.
    const site = at("Plan!A14", "Plan!B9:D9", "Plan!B10:D10", "Plan!B3");
    const args = [row(10, 10, 10), [[5, "x", 5]], 1, ...Array(13).fill(_)];
    expect(excelError(() => messages(...args, site))).toBe(
      "#VALUE! orders: cell C10 is text 'x'; enter a number (numbers stored as text are not read)",
    );
    expect(excelError(() => messages(...args, site))).toBe(excelError(() => table(...args, site)));
  });

  it("lists the lines of column inputs the same way", () => {
    const down = (...values: number[]) => values.map((v) => [v]);
    expect(messages(down(100, 100, 100), down(50, 100, 140), 200)).toEqual(messages(row(100, 100, 100), row(50, 100, 140), 200));
  });
});

/** The record MPS.TABLE shows, by label (rows or columns). */
function recordOf(block: unknown[][]): Map<string, number[]> {
  const labelsDown = typeof block[0][0] === "string" && block.every((line) => typeof line[0] === "string");
  const lines = labelsDown ? block : block[0].map((_, c) => block.map((line) => line[c]));
  return new Map(lines.map((line) => [line[0] as string, line.slice(1) as number[]]));
}

/** Valid workbook settings (the demand time fence within the planning time fence). */
const settingsArbitrary = fc
  .record({
    planningTimeFence: fc.integer({ min: 0, max: 4 }),
    demandTimeFence: fc.integer({ min: 0, max: 4 }),
    capacityStrategy: fc.constantFrom(...CAPACITY_STRATEGIES),
    backward: fc.integer({ min: 0, max: 2 }),
    forward: fc.integer({ min: 0, max: 2 }),
  })
  .map((s) => ({ ...s, demandTimeFence: Math.min(s.demandTimeFence, s.planningTimeFence) }));

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe("MPS.MESSAGES never contradicts the record", () => {
  it("expedites only inside the fence, overloads only on capacity and by the excess, shortages equal −PAB", () => {
    const params = CATALOG.MESSAGES.params;
    fc.assert(
      fc.property(plausibleCall("MESSAGES", params), settingsArbitrary, (args, settings) => {
        withSettings(settings);
        let lines: unknown[][];
        let block: unknown[][];
        try {
          lines = messages(...args);
          block = table(...args);
        } catch (error) {
          // A refusal: MPS.TABLE refuses the same arguments.
          expect(() => table(...args)).toThrow((error as Error).message);
          return;
        }
        const record = recordOf(block);
        const pab = record.get("PAB")!;
        const n = pab.length;
        expect(lines[0]).toEqual(HEADER);
        const body = lines.slice(1);
        if (body.length === 1 && body[0][1] === "none") return;
        const rank = (type: unknown) => EXCEPTION_TYPES.indexOf(type as never);
        const reported = new Map<string, number>();
        body.forEach(([period, type, quantity], i) => {
          const p = period as number;
          const q = quantity as number;
          expect(Number.isInteger(p) && p >= 1 && p <= n).toBe(true);
          expect(q).toBeGreaterThan(0);
          expect(rank(type)).toBeGreaterThanOrEqual(0);
          if (i > 0) {
            const [before, beforeType] = body[i - 1] as [number, string];
            expect(before < p || (before === p && rank(beforeType) < rank(type))).toBe(true);
          }
          reported.set(`${p}:${type as string}`, q);
          const t = p - 1;
          switch (type) {
            case "expedite":
              expect(p).toBeLessThanOrEqual(settings.planningTimeFence);
              break;
            case "overload": {
              const load = record.get("Load");
              const capacity = record.get("Capacity");
              expect(load && capacity).toBeTruthy();
              expect(close(q, load![t] - capacity![t])).toBe(true);
              break;
            }
            case "shortage":
              expect(close(q, -pab[t])).toBe(true);
              break;
            case "below-safety-stock":
              expect(pab[t]).toBeGreaterThanOrEqual(0);
              break;
            case "overpromised":
              expect(close(q, -record.get("ATP")![t])).toBe(true);
              break;
            case "forecast-low":
              expect(close(q, record.get("Excess orders")![t])).toBe(true);
              break;
            case "forecast-unconsumed":
              expect(p).toBeLessThanOrEqual(settings.demandTimeFence);
              expect(close(q, record.get("Remaining forecast")![t])).toBe(true);
              break;
          }
        });
        // Every negative PAB is reported once: as a shortage of exactly −PAB, or by the expedite of its period.
        pab.forEach((balance, t) => {
          if (balance >= -1e-9 * Math.max(1, Math.abs(balance))) return;
          const shortage = reported.get(`${t + 1}:shortage`);
          const expedite = reported.get(`${t + 1}:expedite`);
          expect((shortage === undefined) !== (expedite === undefined)).toBe(true);
          if (shortage !== undefined) expect(close(shortage, -balance)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
