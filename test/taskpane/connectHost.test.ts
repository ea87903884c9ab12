import { connectHost, officeReady } from "../../src/taskpane/host/connectHost";
import { parsePeriods } from "../../src/taskpane/hooks/useSettings";

function installOffice(onReady: () => Promise<unknown>, bodyBackgroundColor?: string) {
  Object.assign(globalThis, {
    Office: { onReady, context: { officeTheme: bodyBackgroundColor ? { bodyBackgroundColor } : undefined } },
    Excel: { run: jest.fn() },
  });
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  delete (globalThis as Record<string, unknown>).Excel;
});

describe("officeReady", () => {
  it("returns null at once when office.js is not on the page", async () => {
    await expect(officeReady(10_000)).resolves.toBeNull();
  });

  it("returns Office's host once it is ready", async () => {
    installOffice(() => Promise.resolve({ host: "Excel", platform: "PC" }));
    await expect(officeReady()).resolves.toBe("Excel");
  });

  it("gives up after the timeout when Office never calls back (a page outside Office)", async () => {
    installOffice(() => new Promise(() => undefined));
    await expect(officeReady(20)).resolves.toBeNull();
  });
});

describe("connectHost", () => {
  it("uses the Office.js host and Office's theme colour inside Excel", async () => {
    installOffice(() => Promise.resolve({ host: "Excel" }), "#262626");
    const connected = await connectHost();
    expect(connected.host.kind).toBe("excel");
    expect(connected.themeBackground).toBe("#262626");
  });

  it("uses the in-memory host outside Office and in other Office apps", async () => {
    expect((await connectHost(20)).host.kind).toBe("memory");
    installOffice(() => Promise.resolve({ host: "Word" }));
    expect((await connectHost()).host.kind).toBe("memory");
  });
});

describe("parsePeriods", () => {
  it("repeats its example", () => {
    expect(parsePeriods(" 3 ")).toBe(3);
    expect(parsePeriods("")).toBe("");
  });

  it("keeps numbers as numbers for validation to judge, and text as text", () => {
    expect(parsePeriods("-2")).toBe(-2);
    expect(parsePeriods("1.5")).toBe(1.5);
    expect(parsePeriods("two")).toBe("two");
  });
});
