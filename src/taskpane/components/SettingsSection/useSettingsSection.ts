import { useId } from "react";
import { SETTING_DESCRIPTIONS, SETTING_GROUPS, settingsInGroup, type SettingName } from "../../../shared/settings";
import type { SettingsSectionProps } from "./SettingsSection.types";

export interface SettingsSectionState {
  title: string;
  headingId: string;
  names: SettingName[];
  /** The heading names the setting itself (a group of one setting with the same label): the field shows no label. */
  headingIsLabel: boolean;
}

export function useSettingsSection({ group }: SettingsSectionProps): SettingsSectionState {
  const headingId = useId();
  const names = settingsInGroup(group);
  const { title } = SETTING_GROUPS[group];
  const headingIsLabel = names.length === 1 && SETTING_DESCRIPTIONS[names[0]].label === title;
  return { title, headingId, names, headingIsLabel };
}
