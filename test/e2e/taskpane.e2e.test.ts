/**
 * End to end: the production build of the task pane in headless Chromium (Debian's
 * /usr/bin/chromium driven by playwright-core), with office.js replaced by officeStub.js —
 * an Excel host whose document settings persist in localStorage across reloads, whose
 * workbook evaluates the MPS.* formulas with the functions the page associated, and which
 * records what the pane asks for. Every other non-loopback request is refused.
 *
 * Serves the same cached production build of the current sources as the build tests
 * (test/addin/buildOnce.ts). Screenshots go to test/artifacts/.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { productionBuild, TEST_PROD_URL } from "../addin/buildOnce";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "test", "artifacts");
/** office.js as the page gets it: the stub, after the CustomFunctions.ErrorCode values it shares with the jest globals. */
const STUB = [
  `window.__customFunctionsErrorCodes = ${fs.readFileSync(path.join(ROOT, "test", "setup", "customFunctionsErrorCodes.json"), "utf8")};`,
  fs.readFileSync(path.join(__dirname, "officeStub.js"), "utf8"),
].join("\n");
/**
 * PAB of the sample sheet (MTS, on hand 40, FOQ 50, receipt 60 in period 2, demand = max(forecast,
 * orders) = 110, 100, 100, 100, 120, 120, 120, 120, 90, 90, 90, 90) with no safety stock, worked
 * by hand: 40−110 → two lots → 30; 30+60−100 → one lot → 40; 40−100 → two → 40; 40; 40−120 → two
 * → 20; 20−120 → two → 0; 0−120 → three → 30; 30−120 → two → 10; 10−90 → two → 20; 30; 40; 40−90 → one → 0.
 */
const BLANK_SAFETY_STOCK_PAB = [30, 40, 40, 40, 20, 0, 30, 10, 20, 30, 40, 0];
/** What Apply says on a workbook without MPS formulas. */
const NO_FORMULAS_YET = "Settings saved in this workbook. It has no MPS formulas yet; new ones will use these settings.";
const TABLE_LABELS = ["Forecast", "Orders", "Remaining forecast", "Excess orders", "Demand", "Receipts", "PAB", "MPS", "ATP"];

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) {
  console.warn(
    [
      "",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      `!!  END-TO-END TASK PANE TESTS SKIPPED: no Chromium at ${CHROMIUM}.`,
      "!!  Install it with: apt-get update && apt-get install -y chromium",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      "",
    ].join("\n"),
  );
}
const describeInChromium = haveChromium ? describe : describe.skip;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** A plain HTTP server for a folder on 127.0.0.1, on a free port. */
function serve(folder: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(folder, pathname);
    if (!file.startsWith(folder) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Runs in the page before its scripts: records in window.__announced what is said to screen
 * readers, through document.ariaNotify (where Chromium has it, Fluent's announcer uses it) or
 * through a live region's text.
 */
function recordAnnouncements() {
  const announced: string[] = [];
  Object.assign(window, { __announced: announced });
  const proto = Document.prototype as unknown as { ariaNotify?: (message: string, options?: unknown) => void };
  const ariaNotify = proto.ariaNotify;
  if (typeof ariaNotify === "function") {
    proto.ariaNotify = function (this: Document, message: string, options?: unknown) {
      announced.push(String(message));
      return ariaNotify.call(this, message, options);
    };
  }
  new MutationObserver(() => {
    document.querySelectorAll("[aria-live]").forEach((region) => {
      const text = region.textContent?.trim();
      if (text && announced[announced.length - 1] !== text) announced.push(text);
    });
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

// A real browser on a busy 2-core machine: each test may take far longer than jsdom's. Timings
// are never asserted; this only keeps a slow machine from failing a correct pane.
jest.setTimeout(120_000);

describeInChromium("task pane in headless Chromium", () => {
  let site: string;
  let server: http.Server;
  let browser: Browser;
  let origin: string;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    site = (await productionBuild(TEST_PROD_URL)).dir;
    server = await serve(site);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  /** A fresh browser profile with office.js answered by the stub (or refused, `office: false`). */
  async function openPane(
    options: {
      office?: boolean;
      stubOptions?: Record<string, string | number | boolean>;
      viewport?: { width: number; height: number };
      /** Return once the page is loaded, before the pane is there (to see it connecting). */
      early?: boolean;
    } = {},
  ) {
    context = await browser.newContext({ viewport: options.viewport ?? { width: 360, height: 900 } });
    await context.addInitScript(recordAnnouncements);
    if (options.stubOptions) {
      await context.addInitScript((stub) => Object.assign(window, { __officeStubOptions: stub }), options.stubOptions);
    }
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "appsforoffice.microsoft.com") {
        return options.office === false
          ? route.abort()
          : route.fulfill({ contentType: "text/javascript", body: STUB });
      }
      return url.hostname === "127.0.0.1" ? route.continue() : route.abort();
    });
    page = await context.newPage();
    pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${origin}/taskpane.html`);
    if (!options.early) await page.getByRole("heading", { name: "MPS settings" }).waitFor();
    return page;
  }

  afterEach(async () => {
    await context?.close();
  });

  const spin = (label: string) => page.getByRole("spinbutton", { name: label });
  async function setPeriods(label: string, text: string) {
    await spin(label).fill(text);
    await spin(label).press("Tab");
  }
  async function chooseMode(label: string) {
    await page.getByRole("combobox", { name: "Consumption mode" }).click();
    await page.getByRole("option", { name: label }).click();
  }
  const stub = <T>(read: string) => page.evaluate((expression) => new Function(`return window.__officeStub.${expression}`)(), read) as Promise<T>;

  it("starts as an Excel add-in and associates every custom function in functions.json", async () => {
    await openPane();
    await expect(page.getByText("Not running inside Excel").count()).resolves.toBe(0);
    const metadata = JSON.parse(fs.readFileSync(path.join(site, "functions.json"), "utf8")) as { functions: { id: string }[] };
    const ids = metadata.functions.map((fn) => fn.id.toUpperCase()).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect((await stub<string[]>("associated")).slice().sort()).toEqual(ids);
    expect(pageErrors).toEqual([]);
  });

  it("applies a new model and window, and shows them again after a reload", async () => {
    await openPane();
    await page.getByRole("radio", { name: /Assemble to order \(ATO\)/ }).check();
    await setPeriods("Backward periods", "2");
    await setPeriods("Forward periods", "1");
    await chooseMode("Forward, then backward");
    const picture = page.getByRole("img", { name: /An order in period t/ });
    await expect(picture.getAttribute("aria-labelledby")).resolves.toBeTruthy();
    await page.getByText("An order in period t consumes forecast from t first, then t+1, then t-1 back to t-2.", { exact: false }).waitFor();

    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("Saving and recalculating…").waitFor();
    await page.getByText(NO_FORMULAS_YET).waitFor();
    // The whole pane in one view (a full-page capture would draw the sticky Apply bar mid-page).
    const height = await page.evaluate(() => document.querySelector("main")!.scrollHeight);
    await page.setViewportSize({ width: 360, height });
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane.png") });
    await page.setViewportSize({ width: 360, height: 900 });
    expect(await stub<number>("saves")).toBe(1);
    // A workbook without MPS formulas: nothing to recalculate, and never every open workbook.
    expect(await stub<string[]>("calculations")).toEqual([]);

    await page.reload();
    // A workbook with saved settings opens on the Coach; the settings are one tab away.
    await page.getByRole("heading", { name: "Coach" }).waitFor();
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "MPS settings" }).waitFor();
    await expect(page.getByRole("radio", { name: /Assemble to order \(ATO\)/ }).isChecked()).resolves.toBe(true);
    await expect(spin("Backward periods").inputValue()).resolves.toBe("2");
    await expect(spin("Forward periods").inputValue()).resolves.toBe("1");
    await expect(page.getByRole("combobox", { name: "Consumption mode" }).textContent()).resolves.toContain(
      "Forward, then backward",
    );
    await page.getByText("then t+1, then t-1 back to t-2.", { exact: false }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-reloaded.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("shows an invalid value's message next to its field and saves nothing", async () => {
    await openPane();
    await setPeriods("Demand time fence", "3");
    await setPeriods("Planning time fence", "2");
    await page.getByText("Planning time fence (2) must be at least the demand time fence (3).").waitFor();
    await setPeriods("Backward periods", "-1");
    await page.getByText("Backward periods cannot be negative.").waitFor();
    await setPeriods("Forward periods", "1.5");
    await page.getByText("Forward periods must be a whole number of periods (got 1.5).").waitFor();
    await expect(page.getByRole("button", { name: "Apply" }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-invalid.png"), fullPage: true });
    expect(await stub<number>("saves")).toBe(0);
  });

  it("tells screen readers what came of Apply and of a workbook action", async () => {
    await openPane();
    const heard = () => page.evaluate(() => (window as unknown as { __announced: string[] }).__announced.join(" | "));
    const apply = page.getByRole("button", { name: "Apply" });
    await page.evaluate(() => Object.assign((window as unknown as { __officeStub: object }).__officeStub, { holdSaves: true }));
    await apply.focus();
    await page.keyboard.press("Enter");
    await page.getByText("Saving and recalculating…").waitFor();
    // Apply keeps the keyboard focus while it is busy.
    await expect(apply.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    await expect(apply.getAttribute("aria-disabled")).resolves.toBe("true");
    await page.keyboard.press("Enter"); // ignored while saving
    await page.evaluate(() => (window as unknown as { __officeStub: { releaseSave(): void } }).__officeStub.releaseSave());
    await page.getByText(NO_FORMULAS_YET).waitFor();
    await expect(apply.evaluate((button) => button === document.activeElement)).resolves.toBe(true);
    expect(await stub<number>("saves")).toBe(1);
    await page.waitForFunction(() =>
      (window as unknown as { __announced: string[] }).__announced.some((text) => text.includes("Applied Settings saved in this workbook.")),
      undefined,
      { timeout: 5000 },
    );

    await page.getByRole("button", { name: "Insert chart" }).click();
    await page.getByText("Select a cell of an MPS.TABLE block first", { exact: false }).waitFor();
    await page.waitForFunction(() =>
      (window as unknown as { __announced: string[] }).__announced.some((text) => text.includes("Select a cell of an MPS.TABLE block")),
      undefined,
      { timeout: 5000 },
    );
    expect(await heard()).toContain("Applied");
  });

  it("shows Excel's error when the workbook refuses to save", async () => {
    await openPane();
    await page.evaluate(() => Object.assign((window as unknown as { __officeStub: object }).__officeStub, { failNextSave: true }));
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("Not saved").waitFor();
    await page.getByText("The document is read-only.").waitFor();
    expect(await stub<string[]>("calculations")).toEqual([]);
  });

  it("inserts sample sheets under new names whose MPS.TABLE spills, and charts them", async () => {
    await openPane();
    await page.getByRole("radio", { name: /Assemble to order \(ATO\)/ }).check();
    await page.getByRole("button", { name: "Insert sample sheet" }).click();
    await page.getByText("Sample sheet “MPS sample” added (ATO).").waitFor();
    const labels = await stub<unknown[][]>('read("MPS sample", "A14:A23")');
    expect(labels.map((row) => row[0])).toEqual([...TABLE_LABELS, "Final assembly"]);

    await page.getByRole("button", { name: "Insert sample sheet" }).click();
    await page.getByText("Sample sheet “MPS sample (2)” added (ATO).").waitFor();
    expect(await stub<string[]>("sheetNames()")).toEqual(["Sheet1", "MPS sample", "MPS sample (2)"]);

    // The selection (A1 of the new sheet) is no MPS.TABLE block: the last sample sheet is charted.
    await page.getByRole("button", { name: "Insert chart" }).click();
    await page.getByText("Chart of the sample block added on “MPS sample (2)”.").waitFor();
    // A cell inside the first sheet's block: that block is charted.
    await page.evaluate(() => (window as unknown as { __officeStub: { select(s: string, a: string): void } }).__officeStub.select("MPS sample", "F19"));
    await page.getByRole("button", { name: "Insert chart" }).click();
    await page.getByText("Chart of the selected block added on “MPS sample”.").waitFor();

    const charts = await stub<
      { sheet: string; type: string; title: string; series: { name: string; address: string; categories?: string }[] }[]
    >("charts");
    expect(charts.map((chart) => chart.sheet)).toEqual(["MPS sample (2)", "MPS sample"]);
    for (const chart of charts) {
      expect(chart.type).toBe("Line");
      expect(chart.title).toBe("Demand, MPS, PAB and ATP");
      expect(chart.series.map((series) => series.name)).toEqual(["Demand", "MPS", "PAB", "ATP"]);
    }
    expect(charts[1].series.map((series) => series.address)).toEqual([
      "'MPS sample'!B18:M18",
      "'MPS sample'!B21:M21",
      "'MPS sample'!B20:M20",
      "'MPS sample'!B22:M22",
    ]);
    // The sample fallback takes its Period row; a selected block takes the period numbers right above it (row 13).
    expect(charts[0].series.map((series) => series.categories)).toEqual(Array(4).fill("'MPS sample (2)'!B8:M8"));
    expect(charts[1].series.map((series) => series.categories)).toEqual(Array(4).fill("'MPS sample'!B13:M13"));
  });

  it("coaches from the sample sheet: messages by item, a click selects the message's cell, the list follows Excel", async () => {
    await openPane();
    // Fences a planner would set: orders only in period 1, nothing new planned in periods 1–2.
    await setPeriods("Demand time fence", "1");
    await setPeriods("Planning time fence", "2");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText(NO_FORMULAS_YET).waitFor();
    await page.reload();
    // Saved settings: the pane opens on the Coach, and the workbook (a fresh one) has no block yet.
    const coach = page.getByRole("tabpanel", { name: "Coach" });
    await coach.getByText("This workbook has no MPS.TABLE yet.", { exact: false }).waitFor();
    await expect(page.getByRole("tab", { name: "Coach" }).getAttribute("aria-selected")).resolves.toBe("true");
    await coach.getByRole("button", { name: "Insert sample sheet" }).click();

    // The sample (MTS, on hand 40, safety stock 10, FOQ 50, forecast 100 …, orders 110, 85, …,
    // receipt 60 in period 2), worked by hand with those fences:
    // period 1: demand = orders 110, no new MPS → PAB 40 − 110 = −70, expedite 10 + 70 = 80; ATP
    //   40 − 110 = −70; orders 10 above forecast;
    // period 2: demand 100 → PAB −70 + 60 − 100 = −110, a further expedite of 120 − 80 = 40; ATP
    //   60 − 85 = −25; without the receipt PAB is already below 10 in period 1 → reschedule in.
    const expected = [
      "Period 1: expedite 80, firm supply leaves projected available -70 (safety stock 10)",
      "Period 1: orders promised 70 beyond supply (ATP -70)",
      "Period 1: orders exceed forecast by 10",
      "Period 2: expedite 40, firm supply leaves projected available -110 (safety stock 10)",
      "Period 2: orders promised 25 beyond supply (ATP -25)",
      "Period 2: move the receipt of 60 in to Period 1, it is needed then",
    ];
    const list = coach.getByRole("list", { name: "Messages for MPS record" });
    const shown = () => list.getByRole("listitem").allTextContents();
    await list.waitFor();
    await expect(shown()).resolves.toEqual([
      `Expedite${expected[0]}`,
      `Overpromised${expected[1]}`,
      `Forecast low${expected[2]}`,
      `Expedite${expected[3]}`,
      `Overpromised${expected[4]}`,
      `Reschedule in${expected[5]}`,
    ]);
    await expect(coach.getByRole("status").textContent()).resolves.toBe("6 messages in 1 of 1 MPS.TABLE block");
    await expect(coach.getByRole("group", { name: "Show messages of one type" }).getByRole("button").allTextContents()).resolves.toEqual([
      "All (6)",
      "Expedite (2)",
      "Overpromised (2)",
      "Reschedule in (1)",
      "Forecast low (1)",
    ]);
    // The view down to its last message, no button hovered.
    const bottom = await coach.evaluate((panel) => Math.ceil(Math.max(...Array.from(panel.children, (child) => child.getBoundingClientRect().bottom))) + 16);
    await page.setViewportSize({ width: 360, height: bottom });
    await page.mouse.move(359, 1);
    await page.waitForTimeout(500); // the hovered button's background fades out
    await page.screenshot({ path: path.join(ARTIFACTS, "coach.png") });
    await page.setViewportSize({ width: 360, height: 900 });

    // Each message selects its period's cell on its line of the block (A14 down: Forecast … ATP).
    // The selection is made at the end of the pane's Excel.run: wait for it (at most 5 s), then compare.
    const selectedAfterClicking = async (message: string, cell: string) => {
      await coach.getByRole("button", { name: message }).click();
      type Stub = { __officeStub: { selection(): string } };
      await page.waitForFunction((want) => (window as unknown as Stub).__officeStub.selection() === want, cell, { timeout: 5000 }).catch(() => undefined);
      return stub<string>("selection()");
    };
    await expect(selectedAfterClicking(expected[2], "MPS sample!B17")).resolves.toBe("MPS sample!B17"); // Excess orders, period 1
    await expect(selectedAfterClicking(expected[5], "MPS sample!C19")).resolves.toBe("MPS sample!C19"); // Receipts, period 2
    await expect(selectedAfterClicking(expected[0], "MPS sample!B21")).resolves.toBe("MPS sample!B21"); // MPS, period 1
    await expect(selectedAfterClicking(expected[4], "MPS sample!C22")).resolves.toBe("MPS sample!C22"); // ATP, period 2

    await coach.getByRole("button", { name: "Expedite (2)" }).click();
    await expect(shown()).resolves.toEqual([`Expedite${expected[0]}`, `Expedite${expected[3]}`]);
    await coach.getByRole("button", { name: "All (6)" }).click();

    // The planner changes period 1's orders to 100 in Excel: the workbook recalculates and the
    // coach follows. Orders no longer exceed forecast; PAB 40 − 100 = −60, expedite 70, ATP −60.
    expect(await stub<number>("calculatedHandlers()")).toBe(1);
    await page.evaluate(() => (window as unknown as { __officeStub: { enter(s: string, a: string, g: unknown[][]): void } }).__officeStub.enter("MPS sample", "B10", [[100]]));
    await coach.getByText("Period 1: expedite 70, firm supply leaves projected available -60 (safety stock 10)").waitFor();
    await expect(coach.getByText(expected[2]).count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("charts load against capacity for a selected block with Load and Capacity rows, overloads marked", async () => {
    await openPane({ stubOptions: { platform: "OfficeOnline" } });
    type Stub = { enter(sheet: string, address: string, grid: unknown): void; select(sheet: string, address: string): void };
    const enter = (address: string, grid: unknown[][]) =>
      page.evaluate(([a, g]) => (window as unknown as { __officeStub: Stub }).__officeStub.enter("Sheet1", a as string, g), [address, grid] as const);
    // Demand 20, 40, 80, 30 planned lot for lot, loaded 1 h in the due week and 2 h the week before,
    // against 150 h; and the same demand levelled within 50 units a week.
    await enter("B1:E2", [
      [20, 40, 80, 30],
      [1, 2, 3, 4],
    ]);
    await enter("G1:H1", [[1, 2]]);
    await enter("A3:B6", [
      ["MPS", "=MPS.PLAN(B1:E1,0)"],
      ["Load", "=MPS.LOAD(B3:E3,G1:H1)"],
      ["Capacity", ""],
      ["Levelled MPS", "=MPS.LEVEL(B1:E1,0,50)"],
    ]);
    await enter("B5:E5", [[150, 150, 150, 150]]);
    // Load by hand: 20 + 2 × 40 + 2 × 20 past due = 140; 40 + 2 × 80 = 200; 80 + 2 × 30 = 140; 30.
    expect(await stub<unknown[][]>('read("Sheet1", "B4:E4")')).toEqual([[140, 200, 140, 30]]);
    expect(await stub<unknown[][]>('read("Sheet1", "B6:E6")')).toEqual([[40, 50, 50, 30]]);

    await page.evaluate(() => (window as unknown as { __officeStub: Stub }).__officeStub.select("Sheet1", "A3:E5"));
    await page.getByRole("button", { name: "Insert chart" }).click();
    await page.getByText("Chart of load against capacity of the selected block added on “Sheet1”; Load cells above capacity show red.").waitFor();
    const [chart] = await stub<
      { type: string; title: string; seriesBy: string; series: { name: string; address: string; categories?: string; chartType?: string }[] }[]
    >("charts");
    expect(chart).toMatchObject({ type: "ColumnClustered", seriesBy: "Rows", title: "Load against capacity" });
    expect(chart.series).toEqual([
      { name: "Load", address: "'Sheet1'!B4:E4", categories: "'Sheet1'!B2:E2" },
      { name: "Capacity", address: "'Sheet1'!B5:E5", categories: "'Sheet1'!B2:E2", chartType: "Line" },
    ]);
    const formats = await stub<{ address: string; type: string; formula: string; fill: string; font: string }[]>("conditionalFormats");
    expect(formats).toEqual([
      { sheet: "Sheet1", address: "B4:E4", type: "Custom", formula: "=B4-B5>1E-9*MAX(1,B4,B5)", fill: "#FFC7CE", font: "#9C0006" },
    ]);

    // Again: the chart is added, the Load cells keep their one rule.
    await page.getByRole("button", { name: "Insert chart" }).click();
    await page.waitForFunction(() => (window as unknown as { __officeStub: { charts: unknown[] } }).__officeStub.charts.length === 2);
    expect(await stub<unknown[]>("conditionalFormats")).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it("recalculates only the MPS.* formulas, with the settings applied", async () => {
    await openPane();
    await page.getByRole("button", { name: "Insert sample sheet" }).click();
    await page.getByText("Sample sheet “MPS sample” added (MTS).").waitFor();
    const row = async (address: string) => (await stub<unknown[][]>(`read("MPS sample", "${address}")`))[0];
    const orders = await row("B10:M10");
    expect((await row("B18:M18")).every((value) => typeof value === "number")).toBe(true);
    expect(await row("B18:M18")).not.toEqual(orders);

    // A demand time fence over the whole horizon: only orders are demand.
    await setPeriods("Demand time fence", "12");
    await setPeriods("Planning time fence", "12");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("Settings saved in this workbook and MPS formulas recalculated.").waitFor();
    expect(await row("B18:M18")).toEqual(orders);
    // The sheet's two MPS cells (the record in A14, the quote in B12) were recalculated: not the
    // application, not every sheet.
    expect(await stub<string[]>("calculations")).toEqual(["Range:'MPS sample'!A14", "Range:'MPS sample'!B12"]);
  });

  it("waits for an Office.js that starts late, showing it is connecting, then works in Excel", async () => {
    // Office.js can take seconds to start (a cold Excel, a slow network): the pane used to give up after 4 s.
    await openPane({ stubOptions: { holdReady: true }, early: true });
    await page.getByText("Connecting to Excel…").waitFor();
    // Said 4 s after the pane started waiting, when the pane of old had given up on Excel.
    await page.getByText("Excel is taking a while to start the add-in", { exact: false }).waitFor({ timeout: 20_000 });
    await page.evaluate(() => (window as unknown as { __officeStub: { startOffice(): void } }).__officeStub.startOffice());
    await page.getByRole("heading", { name: "MPS settings" }).waitFor({ timeout: 15_000 });
    await expect(page.getByText("Not running inside Excel").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText(NO_FORMULAS_YET).waitFor();
    expect(await stub<number>("saves")).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it("follows another author's change: the pane shows it and the functions plan with it", async () => {
    await openPane();
    const theirs = JSON.stringify({ version: 1, model: "MTO", backward: 3, forward: 0, mode: "backward-forward", demandTimeFence: 12, planningTimeFence: 12, atpMethod: "discrete" });
    await page.evaluate((value) => (window as unknown as { __officeStub: { coauthorSaves(n: string, v: string): void } }).__officeStub.coauthorSaves("mps.settings", value), theirs);
    await page.getByText("Another author changed the MPS settings").waitFor();
    await expect(page.getByRole("radio", { name: /Make to order \(MTO\)/ }).isChecked()).resolves.toBe(true);
    await expect(spin("Backward periods").inputValue()).resolves.toBe("3");
    expect(await stub<number>("refreshes")).toBeGreaterThanOrEqual(1);
    // The functions read the refreshed settings: with the fences over the whole horizon, demand is the orders.
    await page.getByRole("button", { name: "Insert sample sheet" }).click();
    await page.getByText("Sample sheet “MPS sample” added (MTO).").waitFor();
    const row = async (address: string) => (await stub<unknown[][]>(`read("MPS sample", "${address}")`))[0];
    expect(await row("B18:M18")).toEqual(await row("B10:M10"));
  });

  it("respects manual calculation: Apply recalculates nothing and says F9 applies it", async () => {
    await openPane({ stubOptions: { calculationMode: "Manual" } });
    await page.getByRole("button", { name: "Insert sample sheet" }).click();
    await page.getByText("Sample sheet “MPS sample” added (MTS).").waitFor();
    const row = async (address: string) => (await stub<unknown[][]>(`read("MPS sample", "${address}")`))[0];
    const orders = await row("B10:M10");
    const before = await row("B18:M18");
    expect(before).not.toEqual(orders);
    await setPeriods("Demand time fence", "12");
    await setPeriods("Planning time fence", "12");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("Saved: press F9 to apply").waitFor();
    expect(await stub<string[]>("calculations")).toEqual([]);
    expect(await row("B18:M18")).toEqual(before);
    await page.evaluate(() => (window as unknown as { __officeStub: { pressF9(): void } }).__officeStub.pressF9());
    expect(await row("B18:M18")).toEqual(orders);
  });

  it("keeps Apply in reach in Excel's first 350 × 380 pane, and nothing wider than the pane at 200 % zoom", async () => {
    await openPane({ viewport: { width: 350, height: 380 } });
    const inView = async () => {
      const box = await page.getByRole("button", { name: "Apply" }).boundingBox();
      const { height } = page.viewportSize()!;
      return box !== null && box.y >= 0 && box.y + box.height <= height;
    };
    await expect(inView()).resolves.toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-first-run.png") });
    await context.close();

    // 200 % zoom: the same pane is 175 × 190 CSS pixels.
    await openPane({ viewport: { width: 175, height: 190 } });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await expect(inView()).resolves.toBe(true);
    await page.getByRole("combobox", { name: "Consumption mode" }).scrollIntoViewIfNeeded();
    const combo = await page.getByRole("combobox", { name: "Consumption mode" }).boundingBox();
    expect(combo!.x + combo!.width).toBeLessThanOrEqual(175);
    await page.getByRole("combobox", { name: "Consumption mode" }).click();
    const list = await page.getByRole("listbox").boundingBox();
    expect(list!.x).toBeGreaterThanOrEqual(0);
    expect(list!.x + list!.width).toBeLessThanOrEqual(175);
    await page.keyboard.press("Escape");
    await expect(overflow()).resolves.toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-zoom-200.png"), fullPage: true });
  });

  it("greets a workbook without settings: what the add-in does, its help, a sample sheet", async () => {
    await openPane();
    const block = page.getByRole("region", { name: "Start planning" });
    await block.waitFor();
    const help = block.getByRole("link", { name: "How the MPS functions work" });
    const href = await help.evaluate((link) => (link as HTMLAnchorElement).href);
    const response = await page.request.get(href);
    expect(response.status()).toBe(200);
    await expect(response.text()).resolves.toContain("MPS.TABLE");
    await block.getByRole("button", { name: "Insert a sample sheet" }).click();
    await page.getByText("Sample sheet “MPS sample” added (MTS).").waitFor();
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("Settings saved in this workbook and MPS formulas recalculated.").waitFor();
    await expect(block.count()).resolves.toBe(0);
  });

  describe("the stub is as strict as Excel", () => {
    it("refuses to read a property before load() and sync()", async () => {
      await openPane();
      const outcome = await page.evaluate(async () => {
        const excel = (window as unknown as { Excel: typeof Excel }).Excel;
        return excel.run(async (context) => {
          const range = context.workbook.worksheets.getItemOrNullObject("Sheet1").getRange("A1");
          const seen: string[] = [];
          try {
            void range.values;
          } catch (error) {
            seen.push((error as { code: string }).code);
          }
          range.load("values");
          try {
            void range.values;
          } catch (error) {
            seen.push((error as { code: string }).code);
          }
          await context.sync();
          seen.push(JSON.stringify(range.values));
          return seen;
        });
      });
      expect(outcome).toEqual(["PropertyNotLoaded", "PropertyNotLoaded", '[[""]]']);
    });

    it("shows a custom function's message only on #VALUE! and #N/A", async () => {
      await openPane();
      await page.evaluate(() => {
        const cf = (window as unknown as { CustomFunctions: typeof CustomFunctions }).CustomFunctions;
        cf.associate("TESTNUM", () => {
          throw new cf.Error(cf.ErrorCode.invalidNumber, "a #NUM! message");
        });
        cf.associate("TESTNA", () => {
          throw new cf.Error(cf.ErrorCode.notAvailable, "a #N/A message");
        });
        const stubbed = (window as unknown as { __officeStub: { enter(s: string, a: string, g: unknown[][]): void } }).__officeStub;
        stubbed.enter("Sheet1", "A1:C2", [
          ["=MPS.TESTNUM()", "=MPS.TESTNA()", "=MPS.CONSUME(A2:B2,C2)"],
          [1, 2, "lots"],
        ]);
      });
      expect(await stub<unknown[][]>('read("Sheet1", "A1:C1")')).toEqual([["#NUM!", "#N/A", "#VALUE!"]]);
      expect(await stub<string | undefined>('errorMessage("Sheet1", "A1")')).toBeUndefined();
      expect(await stub<string>('errorMessage("Sheet1", "B1")')).toBe("a #N/A message");
      expect(await stub<string>('errorMessage("Sheet1", "C1")')).toMatch(/orders/);
    });

    it.each([
      ["PC", 0],
      ["OfficeOnline", null],
    ])("passes a blank cell to a function as %s does (%p), and the sample plans the same on both", async (platform, blank) => {
      await openPane({ stubOptions: { platform } });
      const seen = await page.evaluate(() => {
        const cf = (window as unknown as { CustomFunctions: typeof CustomFunctions }).CustomFunctions;
        let received: unknown[] = [];
        cf.associate("PROBE", (cell: unknown, range: unknown) => {
          received = [cell, range];
          return 1;
        });
        const stubbed = (window as unknown as { __officeStub: { enter(s: string, a: string, g: unknown[][]): void } }).__officeStub;
        stubbed.enter("Sheet1", "A1", [["=MPS.PROBE(Z1,Y1:Z1)"]]);
        return received;
      });
      expect(seen).toEqual([blank, [[blank, blank]]]);
      await page.getByRole("button", { name: "Insert sample sheet" }).click();
      await page.getByText("Sample sheet “MPS sample” added (MTS).").waitFor();
      // Safety stock left blank: no safety stock on either platform.
      await page.evaluate(() =>
        (window as unknown as { __officeStub: { enter(s: string, a: string, g: unknown[][]): void } }).__officeStub.enter("MPS sample", "B4", [[""]]),
      );
      const block = await stub<unknown[][]>('read("MPS sample", "A14:M22")');
      expect(block.map((line) => line[0])).toEqual(TABLE_LABELS);
      expect(block[6].slice(1)).toEqual(BLANK_SAFETY_STOCK_PAB);
    });
  });

  it("follows Office's dark theme", async () => {
    await openPane({ stubOptions: { bodyBackgroundColor: "#1f1f1f" } });
    const background = await page.locator("main").evaluate((main) => getComputedStyle(main).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await page.screenshot({ path: path.join(ARTIFACTS, "taskpane-dark.png"), fullPage: true });
  });

  it("says it is not running inside Excel when office.js is not there", async () => {
    await openPane({ office: false });
    await page.getByText("Not running inside Excel").waitFor();
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByText("Settings saved in this workbook and MPS formulas recalculated.").waitFor();
  });
});
