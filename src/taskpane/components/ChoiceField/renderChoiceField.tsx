/**
 * A choice setting's JSX, as its description says: radios with every choice explained, or a
 * dropdown with the chosen one explained below. Pure.
 */
import { Caption1, Dropdown, Field, Option, Radio, RadioGroup } from "@fluentui/react-components";
import type { ChoiceSettingDescription } from "../../../shared/settings";
import type { ChoiceFieldProps } from "./ChoiceField.types";
import type { useChoiceFieldStyles } from "./useChoiceFieldStyles";

export interface ChoiceFieldState {
  description: ChoiceSettingDescription;
  /** Called with a choice's value, checked against the description's choices. */
  choose(value: string | undefined): void;
}

/** What the JSX reads of the props (the same for every setting, so not generic). */
export type ChoiceFieldView = Pick<ChoiceFieldProps, "labelledBy" | "disabled"> & { value: string };

export function renderChoiceField(
  { value, labelledBy, disabled = false }: ChoiceFieldView,
  { description, choose }: ChoiceFieldState,
  styles: ReturnType<typeof useChoiceFieldStyles>,
) {
  const { label, choices } = description;
  if (description.display === "dropdown") {
    const chosen = choices.find((choice) => choice.value === value);
    return (
      <Field label={label} hint={chosen?.explanation}>
        <Dropdown
          className={styles.dropdown}
          listbox={{ className: styles.listbox }}
          value={chosen?.label ?? ""}
          selectedOptions={[value]}
          disabled={disabled}
          onOptionSelect={(_event, data) => choose(data.optionValue)}
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
  return (
    <Field label={labelledBy ? undefined : label}>
      <RadioGroup value={value} disabled={disabled} aria-labelledby={labelledBy} onChange={(_event, data) => choose(data.value)}>
        {choices.map((choice) => (
          <Radio
            key={choice.value}
            value={choice.value}
            label={
              <span className={styles.label}>
                <span>{choice.label}</span>
                <Caption1 className={styles.explanation}>{choice.explanation}</Caption1>
              </span>
            }
          />
        ))}
      </RadioGroup>
    </Field>
  );
}
