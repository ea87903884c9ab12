/**
 * The section of a group of settings, built from the settings' descriptions: a setting added
 * to the schema and described in a group appears here with no change to the pane.
 */
import type { SettingsSectionProps } from "./SettingsSection.types";
import { renderSettingsSection } from "./renderSettingsSection";
import { useSettingsSection } from "./useSettingsSection";
import { useSettingsSectionStyles } from "./useSettingsSectionStyles";

export function SettingsSection(props: SettingsSectionProps) {
  const state = useSettingsSection(props);
  return renderSettingsSection(props, state, useSettingsSectionStyles());
}
