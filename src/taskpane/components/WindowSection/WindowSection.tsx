/**
 * The consumption window: its settings (the generic group section) with the picture of which
 * periods an order in period t consumes, drawn from the values being typed.
 */
import { MAX_PERIODS } from "../../../shared/settings";
import type { SectionProps } from "../TaskPane/TaskPane.types";
import { SettingsSection } from "../SettingsSection/SettingsSection";
import { WindowPicture } from "./WindowPicture";

/** A period count the picture can draw: the typed value when it is a whole number ≥ 0, else 0. */
export function drawable(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? Math.min(value, MAX_PERIODS) : 0;
}

export function WindowSection(props: SectionProps) {
  const { values, draft } = props.form;
  return (
    <SettingsSection {...props} group="window">
      <WindowPicture backward={drawable(values.backward)} forward={drawable(values.forward)} mode={draft.mode} />
    </SettingsSection>
  );
}
