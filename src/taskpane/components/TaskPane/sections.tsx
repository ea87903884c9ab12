/**
 * The Settings view's sections, top to bottom. A new section is a component taking SectionProps
 * and one line here. (The notices sit above both views: renderTaskPane draws them.) Settings need no line: each group of SETTING_GROUPS gets the generic
 * SettingsSection, unless a dedicated section is named for it in DEDICATED.
 */
import type { ComponentType } from "react";
import { SETTING_GROUPS, type SettingGroup } from "../../../shared/settings";
import { FirstRun } from "../FirstRun/FirstRun";
import { SettingsSection } from "../SettingsSection/SettingsSection";
import { WindowSection } from "../WindowSection/WindowSection";
import { WorkbookSection } from "../WorkbookSection/WorkbookSection";
import type { PaneSection, SectionProps } from "./TaskPane.types";

/** Groups drawn by a section of their own (which may still use SettingsSection inside). */
const DEDICATED: Partial<Record<SettingGroup, ComponentType<SectionProps>>> = {
  window: WindowSection,
};

/** One section per settings group, in SETTING_GROUPS order. */
function settingGroupSections(): PaneSection[] {
  return (Object.keys(SETTING_GROUPS) as SettingGroup[]).map((group) => ({
    id: group,
    Component: DEDICATED[group] ?? ((props: SectionProps) => <SettingsSection {...props} group={group} />),
  }));
}

export const PANE_SECTIONS: readonly PaneSection[] = [
  { id: "first-run", Component: FirstRun },
  ...settingGroupSections(),
  { id: "workbook", Component: WorkbookSection },
];
