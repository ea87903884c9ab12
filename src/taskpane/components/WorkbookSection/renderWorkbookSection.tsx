/** The workbook actions' JSX: two buttons, their progress, and what came of the last one. Pure. */
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2 } from "@fluentui/react-components";
import type { WorkbookSectionProps } from "./WorkbookSection.types";
import type { useWorkbookSectionStyles } from "./useWorkbookSectionStyles";

export function renderWorkbookSection({ form, actions }: WorkbookSectionProps, styles: ReturnType<typeof useWorkbookSectionStyles>) {
  const busy = actions.busy !== undefined;
  return (
    <section className={styles.section} aria-labelledby="workbook-heading" data-testid="section-workbook">
      <Subtitle2 as="h2" id="workbook-heading" className={styles.heading}>
        Workbook
      </Subtitle2>
      <div className={styles.actions}>
        <Button disabledFocusable={busy} onClick={() => void actions.insertSampleSheet(form.draft.model)}>
          Insert sample sheet
        </Button>
        <Button disabledFocusable={busy} onClick={() => void actions.insertChart()}>
          Insert chart
        </Button>
        {actions.busy && <Spinner size="tiny" label={actions.busy === "sample" ? "Adding the sheet…" : "Adding the chart…"} />}
      </div>
      <Caption1 className={styles.muted}>
        The sample sheet is a ready MPS layout for the chosen model, on a new sheet. The chart plots Demand, MPS, PAB and
        ATP of the selected MPS.TABLE block, or of the last sample sheet.
      </Caption1>
      {actions.outcome && (
        <MessageBar
          key={`${actions.outcome.action}:${actions.outcome.message}`}
          intent={actions.outcome.intent}
          politeness={actions.outcome.intent === "success" ? "polite" : "assertive"}
        >
          <MessageBarBody>{actions.outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
