/** A choice setting shown as radios, each choice with its one-line explanation. */
import { Caption1, Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { SETTING_DESCRIPTIONS, type ChoiceSettingDescription } from "../../shared/settings";

export type RadioSettingName = "model" | "atpMethod";

export interface ChoiceRadiosProps {
  name: RadioSettingName;
  value: string;
  /** Id of a heading that already names the setting; the field then shows no label of its own. */
  labelledBy?: string;
  disabled?: boolean;
  onChange(value: string): void;
}

const useChoiceRadiosStyles = makeStyles({
  label: { display: "flex", flexDirection: "column" },
  explanation: { color: tokens.colorNeutralForeground3 },
});

export function ChoiceRadios({ name, value, labelledBy, disabled, onChange }: ChoiceRadiosProps) {
  const styles = useChoiceRadiosStyles();
  const { label, choices }: ChoiceSettingDescription<string> = SETTING_DESCRIPTIONS[name];
  return (
    <Field label={labelledBy ? undefined : label}>
      <RadioGroup
        value={value}
        disabled={disabled}
        aria-labelledby={labelledBy}
        onChange={(_event, data) => onChange(data.value)}
      >
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
