/** A whole-number-of-periods setting: label, one-line explanation, SpinButton, and its message. */
import { Field, SpinButton } from "@fluentui/react-components";
import { MAX_PERIODS, SETTING_DESCRIPTIONS } from "../../shared/settings";
import type { PeriodSettingName } from "../hooks/useSettings";

export interface PeriodFieldProps {
  name: PeriodSettingName;
  /** The text in the field, as typed. */
  text: string;
  /** The validation message, when the value is refused. */
  error?: string;
  disabled?: boolean;
  onChange(name: PeriodSettingName, text: string): void;
}

export function PeriodField({ name, text, error, disabled, onChange }: PeriodFieldProps) {
  const { label, explanation } = SETTING_DESCRIPTIONS[name];
  const number = Number(text);
  return (
    <Field
      label={label}
      hint={explanation}
      validationMessage={error}
      validationState={error ? "error" : "none"}
    >
      <SpinButton
        value={text.trim() !== "" && Number.isFinite(number) ? number : null}
        displayValue={text}
        min={0}
        max={MAX_PERIODS}
        disabled={disabled}
        onChange={(_event, data) => {
          const next = data.value ?? data.displayValue;
          if (next !== undefined && next !== null) onChange(name, String(next));
        }}
      />
    </Field>
  );
}
