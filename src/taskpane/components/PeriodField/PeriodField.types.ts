import type { PeriodSettingName } from "../../../shared/settings";

export interface PeriodFieldProps {
  name: PeriodSettingName;
  /** The text in the field, as typed. */
  text: string;
  /**
   * The validation message, when the value is refused.
   * @default undefined (no message)
   */
  error?: string;
  /** @default false */
  disabled?: boolean;
  onChange(name: PeriodSettingName, text: string): void;
}
