import { useCallback } from "react";
import { SETTING_DESCRIPTIONS, type ChoiceSettingDescription, type ChoiceSettingName, type MpsSettings } from "../../../shared/settings";
import type { ChoiceFieldProps } from "./ChoiceField.types";
import type { ChoiceFieldState } from "./renderChoiceField";

/** The field's description, and a `choose` that passes on only a value the setting offers. */
export function useChoiceField<K extends ChoiceSettingName>({ name, onChange }: ChoiceFieldProps<K>): ChoiceFieldState {
  const description: ChoiceSettingDescription = SETTING_DESCRIPTIONS[name];
  const choose = useCallback(
    (value: string | undefined) => {
      const choice = description.choices.find((c) => c.value === value);
      if (choice) onChange(choice.value as MpsSettings[K]);
    },
    [description, onChange],
  );
  return { description, choose };
}
