import { useCallback, useState } from "react";
import type { FirstRunProps } from "./FirstRun.types";

export interface FirstRunState {
  /** Shown until the workbook has settings, or until the planner closes it. */
  open: boolean;
  close(): void;
  insertSample(): void;
}

export function useFirstRun({ form, actions }: FirstRunProps): FirstRunState {
  const [closed, setClosed] = useState(false);
  const insertSample = useCallback(() => void actions.insertSampleSheet(form.draft.model), [actions, form.draft.model]);
  return { open: form.firstRun && !closed, close: useCallback(() => setClosed(true), []), insertSample };
}
