/** Shown on a workbook with no MPS settings yet (a first run), until they are saved or it is closed. */
import type { FirstRunProps } from "./FirstRun.types";
import { renderFirstRun } from "./renderFirstRun";
import { useFirstRun } from "./useFirstRun";
import { useFirstRunStyles } from "./useFirstRunStyles";

export function FirstRun(props: FirstRunProps) {
  const state = useFirstRun(props);
  return renderFirstRun(props, state, useFirstRunStyles());
}
