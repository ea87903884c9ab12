/**
 * The pane's notices, pure JSX: not inside Excel; saved settings the functions cannot use as
 * they are (each named with its reason, so nothing is dropped silently); another author's change.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, SETTING_DESCRIPTIONS, type SettingName } from "../../../shared/settings";
import type { NoticesProps } from "./Notices.types";
import type { useNoticesStyles } from "./useNoticesStyles";

export function renderNotices({ inExcel, form }: NoticesProps, styles: ReturnType<typeof useNoticesStyles>) {
  const unusable = Object.entries(form.unusable ?? {}) as [SettingName, string][];
  return (
    <div className={styles.root}>
      {!inExcel && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Not running inside Excel</MessageBarTitle> Settings and sheets are kept in this page only.
            Open the add-in in Excel to save them in a workbook.
          </MessageBarBody>
        </MessageBar>
      )}

      {form.notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{unusable.length ? "Saved settings not used as they are" : "Saved settings reset"}</MessageBarTitle>{" "}
            {form.notice}
            {unusable.length > 0 && (
              <ul className={styles.list} aria-label="Saved settings not used">
                {unusable.map(([name, message]) => (
                  <li key={name}>
                    {message} The MPS formulas use the default, {defaultText(name)}, until you apply a valid value.
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={form.dismissNotice}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {form.coauthor && (
        <MessageBar intent={form.coauthor.kind === "shown" ? "info" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Another author changed the MPS settings</MessageBarTitle>{" "}
            {form.coauthor.kind === "shown"
              ? "The form shows their settings now; the MPS formulas use them."
              : "Your unsaved changes are kept: Apply saves them over theirs."}
          </MessageBarBody>
          <MessageBarActions>
            {form.coauthor.kind === "kept-yours" && (
              <Button appearance="transparent" size="small" onClick={form.showTheirs}>
                Show theirs
              </Button>
            )}
            <Button appearance="transparent" size="small" onClick={form.dismissCoauthor}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

/** The default of a setting as the planner reads it: a choice's label, or the number. */
function defaultText(name: SettingName): string {
  const description = SETTING_DESCRIPTIONS[name];
  const value = DEFAULT_SETTINGS[name];
  return description.kind === "choice" ? (description.choices.find((c) => c.value === value)?.label ?? String(value)) : String(value);
}
