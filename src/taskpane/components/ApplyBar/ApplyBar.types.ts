import type { SettingsForm } from "../../hooks/useSettings";

export interface ApplyBarProps {
  form: SettingsForm;
}
