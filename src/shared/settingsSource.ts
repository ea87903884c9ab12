/**
 * Where the settings in force are read at calculation time: a source object, one per runtime
 * (or per recalculation, or per test), never a process-wide reader to reset.
 *
 * Inside Office the source is the document's add-in settings (`Office.context.document.settings`,
 * saved in the file), shared by the task pane and the functions in the one runtime. A corrupt or
 * missing value never fails a formula: defaults apply and `current().notice` says why, for the
 * pane to show.
 */
import { SETTINGS_KEY, fromStored, type LoadedSettings } from "./settingsStored";

export interface SettingsSource {
  /**
   * `true` when the settings can be read now; otherwise a promise for when they can. Inside
   * Office the document settings exist only once Office.js is initialised, and Excel may run a
   * formula before that: such a call waits rather than silently planning with the defaults.
   */
  ready(): true | Promise<void>;
  /** The settings in force now, with what could not be used of the stored value. */
  current(): LoadedSettings;
  /** Calls `listener` after the settings changed elsewhere (another author saved); returns how to stop. */
  onChange(listener: () => void): () => void;
}

/** Parses a stored value again only when it changed (Office returns the same string while nothing changes). */
function cachedReader(read: () => unknown): () => LoadedSettings {
  let lastRaw: unknown = Symbol("never read");
  let last: LoadedSettings = fromStored(undefined);
  return () => {
    const raw = read();
    if (raw !== lastRaw) {
      lastRaw = raw;
      last = fromStored(raw);
    }
    return last;
  };
}

/**
 * A source over one stored value (a JSON string or object, as a workbook holds it), for the
 * headless recalculation and tests.
 * @example fixedSettingsSource('{"backward":2}').current().settings.backward // → 2
 */
export function fixedSettingsSource(stored?: unknown): SettingsSource {
  const loaded = fromStored(stored);
  return { ready: () => true, current: () => loaded, onChange: () => () => undefined };
}

/**
 * The document's add-in settings inside Office. `office` returns the Office global (or
 * undefined outside Office); the source waits for `Office.onReady` before reading, and follows
 * changes other authors save (Excel on the web, co-authoring): on `settingsChanged` it asks
 * `refreshAsync` for the document's copy, then tells its listeners.
 */
export function officeSettingsSource(office: () => typeof Office | undefined = officeGlobal): SettingsSource {
  const listeners = new Set<() => void>();
  let readiness: Promise<void> | true | undefined;
  let following = false;

  const documentSettings = (): Office.Settings | undefined => {
    try {
      return office()?.context?.document?.settings;
    } catch {
      return undefined;
    }
  };
  const read = cachedReader(() => {
    try {
      return documentSettings()?.get(SETTINGS_KEY);
    } catch {
      return undefined;
    }
  });
  const notify = () => listeners.forEach((listener) => listener());

  /** Subscribes once to settingsChanged, where the platform has it (Excel on the web fires it). */
  const follow = () => {
    const Office = office();
    const settings = documentSettings();
    if (following || !Office || !settings || typeof settings.addHandlerAsync !== "function") return;
    following = true;
    try {
      settings.addHandlerAsync(Office.EventType?.SettingsChanged ?? "settingsChanged", () => {
        // The in-memory copy may still hold the old value: read the document's first.
        if (typeof settings.refreshAsync === "function") settings.refreshAsync(() => notify());
        else notify();
      });
    } catch {
      following = false;
    }
  };

  return {
    ready() {
      if (readiness === true) return true;
      const Office = office();
      if (!Office || typeof Office.onReady !== "function") {
        follow();
        return true;
      }
      readiness ??= Office.onReady().then(
        () => {
          readiness = true;
          follow();
        },
        () => {
          readiness = true; // never block a formula: defaults apply if Office cannot start
        },
      );
      return readiness;
    },
    current: read,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function officeGlobal(): typeof Office | undefined {
  return typeof Office === "undefined" ? undefined : Office;
}
