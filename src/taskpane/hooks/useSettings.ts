/**
 * The settings form: what the workbook holds, what the planner is editing (a typed draft), the
 * field messages (from `validateSettings`, the rule set the functions use too), the Apply flow
 * (save in the workbook, then recalculate what depends on it) and changes saved by another
 * author, all through the WorkbookHost.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  DEFAULT_SETTINGS,
  SETTING_NAMES,
  isPeriodSetting,
  settingsMessages,
  validateSettings,
  type FieldErrors,
  type MpsSettings,
  type PeriodSettingName,
  type SettingName,
} from "../../shared/settings";
import type { Recalculation, WorkbookHost, WorkbookSettings } from "../host/WorkbookHost";
import { messageOf } from "./messageOf";

/**
 * What the planner is editing: a period setting holds the text typed in its field (validation
 * parses it), a choice setting one of its values.
 */
export type SettingsDraft = { [K in SettingName]: K extends PeriodSettingName ? string : MpsSettings[K] };

export type ApplyStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; title: string; message: string; intent: "success" | "info" }
  | { kind: "error"; title: string; message: string };

/** Another author saved settings while the pane was open (co-authoring in Excel on the web). */
export type CoauthorChange =
  /** The form showed the saved settings: it shows theirs now. */
  | { kind: "shown" }
  /** The planner had unsaved edits, kept: Apply would save over theirs. */
  | { kind: "kept-yours"; theirs: MpsSettings };

export interface SettingsForm {
  /** False until the workbook's settings have been read. */
  loaded: boolean;
  /** True when the workbook holds no MPS settings yet (a first run). */
  firstRun: boolean;
  /** The settings the workbook holds, which the functions compute with (the coach too). */
  saved: MpsSettings;
  draft: SettingsDraft;
  /** The draft as values: numbers where a period field holds one, the text otherwise. */
  values: Record<SettingName, unknown>;
  /** One message per invalid field; empty when the form is valid. */
  errors: FieldErrors;
  /** The validated settings, when the draft is valid. */
  valid?: MpsSettings;
  /** True when the draft differs from what the workbook holds. */
  dirty: boolean;
  /** Said after loading when the stored settings were corrupt, older, newer or partly invalid. */
  notice?: string;
  /** The stored fields the functions cannot use (defaults stand in for them), with the reason. */
  unusable?: FieldErrors;
  coauthor?: CoauthorChange;
  status: ApplyStatus;
  setField<K extends SettingName>(name: K, value: SettingsDraft[K]): void;
  /** Saves and recalculates; refused (with a message) while the form is invalid. */
  apply(): Promise<void>;
  dismissNotice(): void;
  /** Replaces the planner's edits by what another author saved. */
  showTheirs(): void;
  dismissCoauthor(): void;
}

/**
 * Parses what was typed in a period field: a number when the text is one (validation then
 * says whether it is a whole, non-negative one), the text itself otherwise.
 * @example parsePeriods(" 3 ") // → 3;  parsePeriods("") // → ""
 */
export function parsePeriods(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  const value = Number(trimmed);
  return Number.isNaN(value) ? trimmed : value;
}

/** The draft of saved settings: period counts as the text their fields show. */
export function draftOf(settings: MpsSettings): SettingsDraft {
  return Object.fromEntries(
    SETTING_NAMES.map((name) => [name, isPeriodSetting(name) ? String(settings[name]) : settings[name]]),
  ) as SettingsDraft;
}

/** The values a draft stands for, for validation. */
export function valuesOf(draft: SettingsDraft): Record<SettingName, unknown> {
  return Object.fromEntries(
    SETTING_NAMES.map((name) => [name, isPeriodSetting(name) ? parsePeriods(draft[name]) : draft[name]]),
  ) as Record<SettingName, unknown>;
}

/** What the pane says once Apply has saved and recalculated. */
export function appliedStatus(recalculation: Recalculation): ApplyStatus {
  if (recalculation.mode === "manual") {
    return {
      kind: "saved",
      intent: "info",
      title: "Saved: press F9 to apply",
      message:
        "Settings saved in this workbook. Excel calculates it manually, so nothing was recalculated: press F9 to apply them (in desktop Excel, Ctrl+Alt+F9 recalculates every formula).",
    };
  }
  if (recalculation.formulas === 0) {
    return {
      kind: "saved",
      intent: "success",
      title: "Applied",
      message: "Settings saved in this workbook. It has no MPS formulas yet; new ones will use these settings.",
    };
  }
  return {
    kind: "saved",
    intent: "success",
    title: "Applied",
    message: "Settings saved in this workbook and MPS formulas recalculated.",
  };
}

const sameSettings = (a: MpsSettings, b: MpsSettings) => SETTING_NAMES.every((name) => a[name] === b[name]);

export function useSettings(host: WorkbookHost): SettingsForm {
  const [loaded, setLoaded] = useState(false);
  const [firstRun, setFirstRun] = useState(false);
  const [saved, setSaved] = useState<MpsSettings>({ ...DEFAULT_SETTINGS });
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(DEFAULT_SETTINGS));
  const [notice, setNotice] = useState<string>();
  const [unusable, setUnusable] = useState<FieldErrors>();
  const [coauthor, setCoauthor] = useState<CoauthorChange>();
  const [status, setStatus] = useState<ApplyStatus>({ kind: "idle" });

  const values = useMemo(() => valuesOf(draft), [draft]);
  const check = useMemo(() => validateSettings(values), [values]);
  const dirty = useMemo(() => !check.ok || !sameSettings(check.settings, saved), [check, saved]);
  // Read by the co-author listener, which must not be re-subscribed on every keystroke.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  const show = useCallback((workbook: WorkbookSettings | { settings: MpsSettings; notice?: string; invalid?: FieldErrors }) => {
    setSaved(workbook.settings);
    setDraft(draftOf(workbook.settings));
    setNotice(workbook.notice);
    setUnusable(workbook.invalid);
  }, []);

  useEffect(() => {
    let live = true;
    host
      .loadSettings()
      .then((workbook) => {
        if (!live) return;
        show(workbook);
        setFirstRun(!workbook.saved);
      })
      .catch((error: unknown) => {
        if (live) setNotice(settingsMessages.couldNotRead(messageOf(error)));
      })
      .finally(() => {
        if (live) setLoaded(true);
      });
    const stop = host.onSettingsChanged((theirs) => {
      if (!live) return;
      if (dirtyRef.current) {
        setSaved(theirs.settings);
        setCoauthor({ kind: "kept-yours", theirs: theirs.settings });
      } else {
        show(theirs);
        setCoauthor({ kind: "shown" });
      }
      setFirstRun(false);
    });
    return () => {
      live = false;
      stop();
    };
  }, [host, show]);

  const setField = useCallback(<K extends SettingName>(name: K, value: SettingsDraft[K]) => {
    setDraft((current) => ({ ...current, [name]: value }));
    setStatus((current) => (current.kind === "saving" ? current : { kind: "idle" }));
  }, []);

  const apply = useCallback(async () => {
    if (!check.ok) {
      setStatus({ kind: "error", title: "Not applied", message: "Correct the fields marked in red first." });
      return;
    }
    const settings = check.settings;
    setStatus({ kind: "saving" });
    try {
      await host.saveSettings(settings);
    } catch (error) {
      setStatus({ kind: "error", title: "Not saved", message: messageOf(error) });
      return;
    }
    setSaved(settings);
    setFirstRun(false);
    setUnusable(undefined);
    setCoauthor(undefined);
    let recalculation: Recalculation;
    try {
      recalculation = await host.recalculate();
    } catch (error) {
      setStatus({ kind: "error", title: "Saved, but not recalculated", message: messageOf(error) });
      return;
    }
    setStatus(appliedStatus(recalculation));
  }, [check, host]);

  const showTheirs = useCallback(() => {
    if (coauthor?.kind === "kept-yours") show({ settings: coauthor.theirs });
    setCoauthor({ kind: "shown" });
  }, [coauthor, show]);

  return {
    loaded,
    firstRun,
    saved,
    draft,
    values,
    errors: check.ok ? {} : check.errors,
    valid: check.ok ? check.settings : undefined,
    dirty,
    notice,
    unusable,
    coauthor,
    status,
    setField,
    apply,
    dismissNotice: useCallback(() => setNotice(undefined), []),
    showTheirs,
    dismissCoauthor: useCallback(() => setCoauthor(undefined), []),
  };
}
