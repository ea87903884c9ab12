/** A group of settings: its heading, then one field per setting, each as its kind is shown. Pure. */
import { Subtitle2 } from "@fluentui/react-components";
import { isPeriodSetting, type ChoiceSettingName, type MpsSettings, type SettingName } from "../../../shared/settings";
import { ChoiceField } from "../ChoiceField/ChoiceField";
import { PeriodField } from "../PeriodField/PeriodField";
import type { SettingsSectionProps } from "./SettingsSection.types";
import type { SettingsSectionState } from "./useSettingsSection";
import type { useSettingsSectionStyles } from "./useSettingsSectionStyles";

export function renderSettingsSection(
  { form, saving, group, children }: SettingsSectionProps,
  { title, headingId, names, headingIsLabel }: SettingsSectionState,
  styles: ReturnType<typeof useSettingsSectionStyles>,
) {
  const field = (name: SettingName) => {
    if (isPeriodSetting(name)) {
      return (
        <div key={name} className={styles.narrow}>
          <PeriodField
            name={name}
            text={form.draft[name]}
            error={form.errors[name]}
            disabled={saving}
            onChange={(setting, text) => form.setField(setting, text)}
          />
        </div>
      );
    }
    const choice = name as ChoiceSettingName;
    return (
      <div key={name} className={styles.wide}>
        <ChoiceField
          name={choice}
          value={form.draft[choice]}
          labelledBy={headingIsLabel ? headingId : undefined}
          disabled={saving}
          onChange={(value: MpsSettings[typeof choice]) => form.setField(choice, value)}
        />
      </div>
    );
  };
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid={`section-${group}`}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {title}
      </Subtitle2>
      <div className={styles.fields}>{names.map(field)}</div>
      {children}
    </section>
  );
}
