/**
 * The settings form: what the workbook holds, what the planner is editing, the field
 * messages (from `validateSettings`, the rule set the functions use too) and the Apply flow
 * (save in the workbook, then recalculate), all through the WorkbookHost.
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  DEFAULT_SETTINGS,
  SETTING_DESCRIPTIONS,
  validateSettings,
  type FieldErrors,
  type MpsSettings,
  type SettingName,
} from "../../shared/settings";
import type { WorkbookHost } from "../host/WorkbookHost";
import { messageOf } from "./messageOf";

/** Settings entered as a number of periods (every setting that is not a choice). */
export type PeriodSettingName = { [K in SettingName]: MpsSettings[K] extends string ? never : K }[SettingName];
/** Settings chosen from a list. */
export type ChoiceSettingName = Exclude<SettingName, PeriodSettingName>;

export type ApplyStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; message: string }
  | { kind: "error"; title: string; message: string };

export interface SettingsForm {
  /** False until the workbook's settings have been read. */
  loaded: boolean;
  /** What the planner is editing; a period field holds the number typed, or the text when it is not one. */
  draft: Record<SettingName, unknown>;
  /** Text shown in each period field, as typed. */
  texts: Record<PeriodSettingName, string>;
  /** One message per invalid field; empty when the form is valid. */
  errors: FieldErrors;
  /** The validated settings, when the draft is valid. */
  valid?: MpsSettings;
  /** True when the draft differs from what the workbook holds. */
  dirty: boolean;
  /** Said once after loading when the stored settings were corrupt or older. */
  notice?: string;
  status: ApplyStatus;
  setPeriods(name: PeriodSettingName, text: string): void;
  setChoice<K extends ChoiceSettingName>(name: K, value: MpsSettings[K]): void;
  /** Saves and recalculates; refused (with a message) while the form is invalid. */
  apply(): Promise<void>;
  dismissNotice(): void;
}

const PERIOD_NAMES = (Object.keys(SETTING_DESCRIPTIONS) as SettingName[]).filter(
  (name): name is PeriodSettingName => SETTING_DESCRIPTIONS[name].kind === "periods",
);

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

function textsOf(settings: MpsSettings): Record<PeriodSettingName, string> {
  return Object.fromEntries(PERIOD_NAMES.map((name) => [name, String(settings[name])])) as Record<
    PeriodSettingName,
    string
  >;
}

export function useSettings(host: WorkbookHost): SettingsForm {
  const [loaded, setLoaded] = useState(false);
  const [saved, setSaved] = useState<MpsSettings>({ ...DEFAULT_SETTINGS });
  const [draft, setDraft] = useState<Record<SettingName, unknown>>({ ...DEFAULT_SETTINGS });
  const [texts, setTexts] = useState(() => textsOf(DEFAULT_SETTINGS));
  const [notice, setNotice] = useState<string>();
  const [status, setStatus] = useState<ApplyStatus>({ kind: "idle" });

  useEffect(() => {
    let live = true;
    host
      .loadSettings()
      .then(({ settings, notice: loadNotice }) => {
        if (!live) return;
        setSaved(settings);
        setDraft({ ...settings });
        setTexts(textsOf(settings));
        setNotice(loadNotice);
      })
      .catch((error: unknown) => {
        if (live) setNotice(`The saved MPS settings could not be read (${messageOf(error)}); defaults are in use.`);
      })
      .finally(() => {
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [host]);

  const check = useMemo(() => validateSettings(draft), [draft]);
  const dirty = useMemo(
    () => (Object.keys(saved) as SettingName[]).some((name) => draft[name] !== saved[name]),
    [draft, saved],
  );

  const edited = () => setStatus((current) => (current.kind === "saving" ? current : { kind: "idle" }));

  const setPeriods = useCallback((name: PeriodSettingName, text: string) => {
    setTexts((current) => ({ ...current, [name]: text }));
    setDraft((current) => ({ ...current, [name]: parsePeriods(text) }));
    edited();
  }, []);

  const setChoice = useCallback(<K extends ChoiceSettingName>(name: K, value: MpsSettings[K]) => {
    setDraft((current) => ({ ...current, [name]: value }));
    edited();
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
    try {
      await host.recalculate();
    } catch (error) {
      setStatus({ kind: "error", title: "Saved, but not recalculated", message: messageOf(error) });
      return;
    }
    setStatus({ kind: "saved", message: "Settings saved in this workbook and MPS formulas recalculated." });
  }, [check, host]);

  return {
    loaded,
    draft,
    texts,
    errors: check.ok ? {} : check.errors,
    valid: check.ok ? check.settings : undefined,
    dirty,
    notice,
    status,
    setPeriods,
    setChoice,
    apply,
    dismissNotice: useCallback(() => setNotice(undefined), []),
  };
}
