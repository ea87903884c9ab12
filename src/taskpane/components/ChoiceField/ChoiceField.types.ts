import type { ChoiceSettingName, MpsSettings } from "../../../shared/settings";

export interface ChoiceFieldProps<K extends ChoiceSettingName = ChoiceSettingName> {
  name: K;
  value: MpsSettings[K];
  /**
   * Id of a heading that already names the setting; the field then shows no label of its own.
   * @default undefined (the field shows the setting's label)
   */
  labelledBy?: string;
  /** @default false */
  disabled?: boolean;
  onChange(value: MpsSettings[K]): void;
}
