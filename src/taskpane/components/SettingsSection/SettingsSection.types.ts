import type { ReactNode } from "react";
import type { SettingGroup } from "../../../shared/settings";
import type { SectionProps } from "../TaskPane/TaskPane.types";

export interface SettingsSectionProps extends SectionProps {
  /** The group of settings shown: every setting whose description names it, in schema order. */
  group: SettingGroup;
  /**
   * Shown after the fields (the consumption window's picture, for instance).
   * @default undefined
   */
  children?: ReactNode;
}
