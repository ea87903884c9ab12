/** The task pane's JSX from its state and styles: pure, no hooks, no workbook calls. */
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
} from "@fluentui/react-components";
import type { AtpMethod, ConsumptionMode, ProductionModel } from "../../engine";
import { DEFAULT_SETTINGS, MAX_PERIODS } from "../../shared/settings";
import type { SettingsForm } from "../hooks/useSettings";
import type { WorkbookActions } from "../hooks/useWorkbookActions";
import { ChoiceRadios } from "./ChoiceRadios";
import { ModeDropdown } from "./ModeDropdown";
import { PeriodField } from "./PeriodField";
import { WindowPicture } from "./WindowPicture";
import type { useTaskPaneStyles } from "./useTaskPaneStyles";

export interface TaskPaneState {
  inExcel: boolean;
  form: SettingsForm;
  actions: WorkbookActions;
  styles: ReturnType<typeof useTaskPaneStyles>;
}

/** A period count the picture can draw: the typed value when valid, else the default. */
function drawable(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? Math.min(value, MAX_PERIODS) : 0;
}

export function renderTaskPane({ inExcel, form, actions, styles }: TaskPaneState) {
  if (!form.loaded) {
    return (
      <main className={styles.root}>
        <Spinner className={styles.loading} label="Reading the workbook's MPS settings…" />
      </main>
    );
  }
  const { draft, texts, errors, status } = form;
  const saving = status.kind === "saving";
  const model = (draft.model ?? DEFAULT_SETTINGS.model) as ProductionModel;
  const period = (name: "backward" | "forward" | "demandTimeFence" | "planningTimeFence") => (
    <PeriodField name={name} text={texts[name]} error={errors[name]} disabled={saving} onChange={form.setPeriods} />
  );

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">MPS settings</Title3>
        <Caption1 className={styles.muted}>
          How this workbook plans. Saved in the file; every MPS.* formula that leaves an argument empty uses them.
        </Caption1>
      </header>

      {!inExcel && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Not running inside Excel</MessageBarTitle>{" "}
            Settings and sheets are kept in this page only. Open the add-in in Excel to save them in a workbook.
          </MessageBarBody>
        </MessageBar>
      )}

      {form.notice && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Saved settings reset</MessageBarTitle>{" "}
            {form.notice}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" size="small" onClick={form.dismissNotice}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="model-heading">
        <Subtitle2 as="h2" id="model-heading" className={styles.heading}>
          Production model
        </Subtitle2>
        <ChoiceRadios
          name="model"
          value={model}
          labelledBy="model-heading"
          disabled={saving}
          onChange={(value) => form.setChoice("model", value as ProductionModel)}
        />
      </section>

      <section className={styles.section} aria-labelledby="window-heading">
        <Subtitle2 as="h2" id="window-heading" className={styles.heading}>
          Consumption window
        </Subtitle2>
        <div className={styles.pair}>
          {period("backward")}
          {period("forward")}
        </div>
        <ModeDropdown
          value={draft.mode as ConsumptionMode}
          disabled={saving}
          onChange={(value) => form.setChoice("mode", value)}
        />
        <WindowPicture
          backward={drawable(draft.backward)}
          forward={drawable(draft.forward)}
          mode={draft.mode as ConsumptionMode}
        />
      </section>

      <section className={styles.section} aria-labelledby="fences-heading">
        <Subtitle2 as="h2" id="fences-heading" className={styles.heading}>
          Time fences
        </Subtitle2>
        <div className={styles.pair}>
          {period("demandTimeFence")}
          {period("planningTimeFence")}
        </div>
      </section>

      <section className={styles.section} aria-labelledby="atp-heading">
        <Subtitle2 as="h2" id="atp-heading" className={styles.heading}>
          Available to promise
        </Subtitle2>
        <ChoiceRadios
          name="atpMethod"
          value={draft.atpMethod as string}
          disabled={saving}
          onChange={(value) => form.setChoice("atpMethod", value as AtpMethod)}
        />
      </section>

      <section className={styles.section} aria-label="Apply settings">
        <div className={styles.actions}>
          {/* While saving, Apply stays focusable (aria-disabled, clicks ignored): a disabled button would drop the keyboard focus. */}
          <Button
            appearance="primary"
            disabled={!form.valid && !saving}
            disabledFocusable={saving}
            onClick={() => void form.apply()}
          >
            Apply
          </Button>
          {saving && <Spinner size="tiny" label="Saving and recalculating…" />}
          {!saving && form.dirty && form.valid && <Caption1 className={styles.muted}>Unsaved changes</Caption1>}
          {!form.valid && <Caption1 className={styles.muted}>Correct the fields marked in red to apply.</Caption1>}
        </div>
        {status.kind === "saved" && (
          <MessageBar intent="success" politeness="polite">
            <MessageBarBody>
              <MessageBarTitle>Applied</MessageBarTitle> {status.message}
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
      </section>

      <section className={styles.section} aria-labelledby="workbook-heading">
        <Subtitle2 as="h2" id="workbook-heading" className={styles.heading}>
          Workbook
        </Subtitle2>
        <div className={styles.actions}>
          <Button disabledFocusable={actions.busy !== undefined} onClick={() => void actions.insertSampleSheet(model)}>
            Insert sample sheet
          </Button>
          <Button disabledFocusable={actions.busy !== undefined} onClick={() => void actions.insertChart()}>
            Insert chart
          </Button>
          {actions.busy && (
            <Spinner size="tiny" label={actions.busy === "sample" ? "Adding the sheet…" : "Adding the chart…"} />
          )}
        </div>
        <Caption1 className={styles.muted}>
          The sample sheet is a ready MPS layout for the chosen model, on a new sheet. The chart plots Demand, MPS,
          PAB and ATP of the selected MPS.TABLE block, or of the last sample sheet.
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
    </main>
  );
}
