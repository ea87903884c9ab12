/** Any choice setting (model, mode, ATP method, and every one added later), one component for all. */
import type { ChoiceSettingName } from "../../../shared/settings";
import type { ChoiceFieldProps } from "./ChoiceField.types";
import { renderChoiceField } from "./renderChoiceField";
import { useChoiceField } from "./useChoiceField";
import { useChoiceFieldStyles } from "./useChoiceFieldStyles";

export function ChoiceField<K extends ChoiceSettingName>(props: ChoiceFieldProps<K>) {
  const state = useChoiceField(props);
  return renderChoiceField(props, state, useChoiceFieldStyles());
}
