/**
 * The settings modules: schema, validation, stored form (versions, migrations, names kept) and
 * the sources the functions read them from.
 */
import {
  DEFAULT_SETTINGS,
  MIGRATIONS,
  SETTINGS_KEY,
  SETTINGS_SCHEMA,
  SETTINGS_VERSION,
  SETTING_DESCRIPTIONS,
  SETTING_GROUPS,
  SETTING_NAMES,
  fromStored,
  migrate,
  settingsInGroup,
  toStored,
  validateSettings,
} from "../../src/shared/settings";
import { fieldsCheckedWith } from "../../src/shared/settingsValidation";
import { fixedSettingsSource, officeSettingsSource } from "../../src/shared/settingsSource";

describe("SETTINGS_SCHEMA", () => {
  it("gives every setting a default that passes validation", () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS })).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(SETTINGS_SCHEMA.backward).toEqual({ kind: "periods", default: 0, min: 0 });
  });

  it("puts every setting in a group the pane has a heading for", () => {
    for (const name of SETTING_NAMES) expect(Object.keys(SETTING_GROUPS)).toContain(SETTING_DESCRIPTIONS[name].group);
    expect(settingsInGroup("window")).toEqual(["backward", "forward", "mode"]);
  });
});

describe("validateSettings", () => {
  it("repeats its example", () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, demandTimeFence: 3, planningTimeFence: 2 })).toEqual({
      ok: false,
      errors: { planningTimeFence: "Planning time fence (2) must be at least the demand time fence (3)." },
    });
  });

  it("returns the settings only, whatever else the candidate carries", () => {
    const check = validateSettings({ ...DEFAULT_SETTINGS, version: 1, extra: "x" } as never);
    expect(check).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it("judges a rule between fields only once both fields are valid on their own", () => {
    const check = validateSettings({ ...DEFAULT_SETTINGS, demandTimeFence: "two", planningTimeFence: 1 });
    expect(check).toEqual({ ok: false, errors: { demandTimeFence: "Demand time fence must be a whole number of periods." } });
  });

  it("names the fields a rule reads (fieldsCheckedWith's example)", () => {
    expect(fieldsCheckedWith("planningTimeFence")).toEqual(["planningTimeFence", "demandTimeFence"]);
    expect(fieldsCheckedWith("backward")).toEqual(["backward"]);
  });
});

describe("migrate", () => {
  it("repeats its example", () => {
    expect(migrate({ a: 1 }, 1, 2, { 1: ({ a }) => ({ b: a }) })).toEqual({ b: 1 });
  });

  it("runs the steps in order from the stored version", () => {
    const steps = { 1: (s: Record<string, unknown>) => ({ ...s, one: true }), 2: (s: Record<string, unknown>) => ({ ...s, two: s.one }) };
    expect(migrate({}, 1, 3, steps)).toEqual({ one: true, two: true });
    expect(migrate({ one: "kept" }, 2, 3, steps)).toEqual({ one: "kept", two: "kept" });
  });

  it("refuses a version with no step (a bumped version without its migration)", () => {
    expect(() => migrate({}, 1, 2, {})).toThrow("No migration of the stored MPS settings from version 1 to 2.");
  });

  it("has a step for every version below the current one", () => {
    for (let version = 1; version < SETTINGS_VERSION; version++) expect(typeof MIGRATIONS[version]).toBe("function");
  });
});

describe("stored form", () => {
  const saved = { ...DEFAULT_SETTINGS, model: "ATO" as const, backward: 2 };

  it("round-trips, with the version", () => {
    expect(JSON.parse(toStored(saved))).toEqual({ version: SETTINGS_VERSION, ...saved });
    expect(fromStored(toStored(saved))).toEqual({ settings: saved });
    expect(fromStored(JSON.parse(toStored(saved)))).toEqual({ settings: saved });
  });

  it("reads a value without a version as the first version (hand-written files)", () => {
    expect(fromStored(JSON.stringify({ backward: 3 }))).toEqual({ settings: { ...DEFAULT_SETTINGS, backward: 3 } });
  });

  it("says once that the saved value was unreadable", () => {
    for (const raw of ["{not json", "[1,2]", 42]) {
      expect(fromStored(raw)).toEqual({
        settings: DEFAULT_SETTINGS,
        notice: "The saved MPS settings were unreadable; defaults are in use.",
      });
    }
  });

  it("names the invalid fields, with their messages, and uses the defaults for them only", () => {
    const loaded = fromStored(JSON.stringify({ ...saved, forward: -1, mode: "sideways" }));
    expect(loaded.settings).toEqual(saved);
    expect(loaded.notice).toBe("Some saved MPS settings were invalid (forward, mode); defaults are used for them.");
    expect(loaded.invalid).toEqual({
      forward: "Forward periods cannot be negative.",
      mode: "Consumption mode must be one of backward-forward, forward-backward, backward, forward.",
    });
  });

  it("resets both fences when resetting one still leaves them in the wrong order", () => {
    const loaded = fromStored(JSON.stringify({ demandTimeFence: 4, planningTimeFence: 2.5 }));
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.invalid).toEqual({ planningTimeFence: "Planning time fence must be a whole number of periods (got 2.5)." });
  });

  it("reports names it does not know, and keeps them on the next save", () => {
    const stored = JSON.stringify({ version: 1, ...saved, shiftPattern: "two-shift" });
    const loaded = fromStored(stored);
    expect(loaded.settings).toEqual(saved);
    expect(loaded.unknown).toEqual(["shiftPattern"]);
    expect(loaded.notice).toMatch(/names this add-in does not know \(shiftPattern\); they are kept in the workbook/);
    expect(JSON.parse(toStored({ ...saved, backward: 5 }, stored))).toEqual({
      version: 1,
      ...saved,
      backward: 5,
      shiftPattern: "two-shift",
    });
  });

  it("reads what a newer version saved without downgrading its version on save", () => {
    const stored = { version: SETTINGS_VERSION + 1, ...saved, horizonWeeks: 3 };
    const loaded = fromStored(stored);
    expect(loaded.settings).toEqual(saved);
    expect(loaded.notice).toBe(
      "The saved MPS settings come from a newer version of the add-in; its settings horizonWeeks are kept in the workbook but not used here.",
    );
    expect(JSON.parse(toStored(saved, stored))).toMatchObject({ version: SETTINGS_VERSION + 1, horizonWeeks: 3 });
  });
});

describe("settings sources", () => {
  it("fixedSettingsSource repeats its example and is ready at once", () => {
    const source = fixedSettingsSource('{"backward":2}');
    expect(source.current().settings.backward).toBe(2);
    expect(source.ready()).toBe(true);
  });

  /** A fake Office: document settings with an in-memory copy that refreshAsync replaces by the document's. */
  function fakeOffice(initial: unknown) {
    let document = initial;
    let memory = initial;
    let changed: (() => void) | undefined;
    let start: () => void = () => undefined;
    const office = {
      EventType: { SettingsChanged: "settingsChanged" },
      onReady: jest.fn(() => new Promise<void>((resolve) => (start = resolve))),
      context: {
        document: {
          settings: {
            get: jest.fn((name: string) => (name === SETTINGS_KEY ? memory : null)),
            addHandlerAsync: jest.fn((type: string, handler: () => void) => {
              if (type === "settingsChanged") changed = handler;
            }),
            refreshAsync: jest.fn((callback: () => void) => {
              memory = document;
              callback();
            }),
          },
        },
      },
    };
    return {
      office: office as unknown as typeof Office,
      start: () => start(),
      /** Another author saves: the document changes, Office fires settingsChanged. */
      coauthorSaves(value: unknown) {
        document = value;
        changed?.();
      },
    };
  }

  it("waits for Office.onReady before reading the document's settings", async () => {
    const fake = fakeOffice(toStored({ ...DEFAULT_SETTINGS, backward: 1 }));
    const source = officeSettingsSource(() => fake.office);
    const ready = source.ready();
    expect(ready).toBeInstanceOf(Promise);
    expect(fake.office.context.document.settings.get).not.toHaveBeenCalled();
    fake.start();
    await ready;
    expect(source.ready()).toBe(true);
    expect(source.current().settings.backward).toBe(1);
  });

  it("follows another author's change: refreshes the document's copy, then tells its listeners", async () => {
    const fake = fakeOffice(toStored(DEFAULT_SETTINGS));
    const source = officeSettingsSource(() => fake.office);
    const heard = jest.fn(() => source.current().settings.model);
    source.onChange(heard);
    const ready = source.ready();
    fake.start();
    await ready;
    fake.coauthorSaves(toStored({ ...DEFAULT_SETTINGS, model: "MTO" }));
    expect(fake.office.context.document.settings.refreshAsync).toHaveBeenCalledTimes(1);
    expect(heard).toHaveReturnedWith("MTO");
    expect(source.current().settings.model).toBe("MTO");
  });

  it("stops telling a listener that unsubscribed", async () => {
    const fake = fakeOffice(undefined);
    const source = officeSettingsSource(() => fake.office);
    const heard = jest.fn();
    const stop = source.onChange(heard);
    const ready = source.ready();
    fake.start();
    await ready;
    stop();
    fake.coauthorSaves(toStored(DEFAULT_SETTINGS));
    expect(heard).not.toHaveBeenCalled();
  });

  it("reads defaults, never an error, outside Office", () => {
    const source = officeSettingsSource(() => undefined);
    expect(source.ready()).toBe(true);
    expect(source.current()).toEqual({ settings: DEFAULT_SETTINGS });
  });
});
