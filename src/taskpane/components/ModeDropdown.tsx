/** The consumption mode: a Dropdown of the engine's four modes, the chosen one explained below. */
import { Dropdown, Field, Option } from "@fluentui/react-components";
import type { ConsumptionMode } from "../../engine";
import { SETTING_DESCRIPTIONS } from "../../shared/settings";

export interface ModeDropdownProps {
  value: ConsumptionMode;
  disabled?: boolean;
  onChange(value: ConsumptionMode): void;
}

export function ModeDropdown({ value, disabled, onChange }: ModeDropdownProps) {
  const { label, choices } = SETTING_DESCRIPTIONS.mode;
  const chosen = choices.find((choice) => choice.value === value);
  return (
    <Field label={label} hint={chosen?.explanation}>
      <Dropdown
        value={chosen?.label ?? ""}
        selectedOptions={[value]}
        disabled={disabled}
        onOptionSelect={(_event, data) => {
          const next = choices.find((choice) => choice.value === data.optionValue);
          if (next) onChange(next.value);
        }}
      >
        {choices.map((choice) => (
          <Option key={choice.value} value={choice.value}>
            {choice.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
