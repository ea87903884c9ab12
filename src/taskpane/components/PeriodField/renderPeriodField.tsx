/** A period setting's JSX: label, one-line explanation, SpinButton, and its message. Pure. */
import { Field, SpinButton } from "@fluentui/react-components";
import { MAX_PERIODS, SETTINGS_SCHEMA, SETTING_DESCRIPTIONS } from "../../../shared/settings";
import type { PeriodFieldProps } from "./PeriodField.types";
import type { usePeriodFieldStyles } from "./usePeriodFieldStyles";

export function renderPeriodField(
  { name, text, error, disabled = false, onChange }: PeriodFieldProps,
  styles: ReturnType<typeof usePeriodFieldStyles>,
) {
  const { label, explanation } = SETTING_DESCRIPTIONS[name];
  const number = Number(text);
  return (
    <Field label={label} hint={explanation} validationMessage={error} validationState={error ? "error" : "none"}>
      <SpinButton
        className={styles.spin}
        input={{ className: styles.input }}
        value={text.trim() !== "" && Number.isFinite(number) ? number : null}
        displayValue={text}
        min={SETTINGS_SCHEMA[name].min}
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
