/** The Apply bar, always in reach at the bottom of the pane. */
import type { ApplyBarProps } from "./ApplyBar.types";
import { renderApplyBar } from "./renderApplyBar";
import { useApplyBarStyles } from "./useApplyBarStyles";

export function ApplyBar(props: ApplyBarProps) {
  return renderApplyBar(props, useApplyBarStyles());
}
