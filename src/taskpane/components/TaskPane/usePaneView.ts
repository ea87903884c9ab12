import { useCallback, useEffect, useState } from "react";
import type { SettingsForm } from "../../hooks/useSettings";

/** The pane's two views. */
export type PaneView = "coach" | "settings";

export interface PaneViewState {
  view: PaneView;
  setView(view: PaneView): void;
}

/**
 * Which view is shown: chosen once the settings are read, the Coach when the workbook has saved
 * settings, Settings on a first run; after that, the planner's choice (saving settings for the
 * first time does not take the form away).
 */
export function usePaneView(form: Pick<SettingsForm, "loaded" | "firstRun">): PaneViewState {
  const [view, setView] = useState<PaneView>();
  useEffect(() => {
    if (form.loaded) setView((current) => current ?? (form.firstRun ? "settings" : "coach"));
  }, [form.loaded, form.firstRun]);
  return { view: view ?? (form.firstRun ? "settings" : "coach"), setView: useCallback((next: PaneView) => setView(next), []) };
}
