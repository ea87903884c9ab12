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
    await expect(officeReady()).resolves.toBeNull();
  });

  it("returns Office's host once it is ready", async () => {
    installOffice(() => Promise.resolve({ host: "Excel", platform: "PC" }));
    await expect(officeReady()).resolves.toBe("Excel");
  });

  it("says null when Office reports it is not hosting the page (onReady's host is null outside Office)", async () => {
    installOffice(() => Promise.resolve({ host: null, platform: null }));
    await expect(officeReady()).resolves.toBeNull();
  });
});

describe("connectHost", () => {
  it("uses the Office.js host and Office's theme colour inside Excel", async () => {
    installOffice(() => Promise.resolve({ host: "Excel" }), "#262626");
    const connected = await connectHost();
    expect(connected.host.kind).toBe("excel");
    expect(connected.themeBackground).toBe("#262626");
  });

  it("waits for a slow Office.js however long it takes, and never falls back to the in-memory host", async () => {
    jest.useFakeTimers();
    try {
      let start: (info: unknown) => void = () => undefined;
      installOffice(() => new Promise((resolve) => (start = resolve)));
      let connected: string | undefined;
      void connectHost().then((c) => (connected = c.host.kind));
      await jest.advanceTimersByTimeAsync(60_000);
      expect(connected).toBeUndefined();
      start({ host: "Excel", platform: "OfficeOnline" });
      await jest.advanceTimersByTimeAsync(0);
      expect(connected).toBe("excel");
    } finally {
      jest.useRealTimers();
    }
  });

  it("uses the in-memory host outside Office and in other Office apps", async () => {
    expect((await connectHost()).host.kind).toBe("memory");
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
