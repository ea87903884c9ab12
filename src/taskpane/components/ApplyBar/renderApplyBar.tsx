/** Apply, its progress and its outcome, pure JSX. */
import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { ApplyBarProps } from "./ApplyBar.types";
import type { useApplyBarStyles } from "./useApplyBarStyles";

export function renderApplyBar({ form }: ApplyBarProps, styles: ReturnType<typeof useApplyBarStyles>) {
  const { status } = form;
  const saving = status.kind === "saving";
  return (
    <footer className={styles.bar} aria-label="Apply settings" data-testid="apply-bar">
      <div className={styles.row}>
        {/* While saving, Apply stays focusable (aria-disabled, clicks ignored): a disabled button would drop the keyboard focus. */}
        <Button appearance="primary" disabled={!form.valid && !saving} disabledFocusable={saving} onClick={() => void form.apply()}>
          Apply
        </Button>
        {saving && <Spinner size="tiny" label="Saving and recalculating…" />}
        {!saving && form.dirty && form.valid && <Caption1 className={styles.muted}>Unsaved changes</Caption1>}
        {!form.valid && <Caption1 className={styles.muted}>Correct the fields marked in red to apply.</Caption1>}
      </div>
      {status.kind === "saved" && (
        <MessageBar intent={status.intent} politeness="polite">
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle> {status.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{status.title}</MessageBarTitle> {status.message}
          </MessageBarBody>
        </MessageBar>
      )}
    </footer>
  );
}
