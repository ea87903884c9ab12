/**
 * The task pane's JSX from its state and styles: the view tabs, the notices (they concern the
 * workbook, so both views show them), then the Coach, or the settings header, every section in
 * order and the Apply bar. Pure.
 */
import { Caption1, Spinner, Tab, TabList, Title3 } from "@fluentui/react-components";
import type { WorkbookHost } from "../../host/WorkbookHost";
import { ApplyBar } from "../ApplyBar/ApplyBar";
import { Coach } from "../Coach/Coach";
import { Notices } from "../Notices/Notices";
import type { PaneSection, SectionProps } from "./TaskPane.types";
import type { PaneView, PaneViewState } from "./usePaneView";
import type { useTaskPaneStyles } from "./useTaskPaneStyles";

export function renderTaskPane(
  sections: readonly PaneSection[],
  props: SectionProps,
  styles: ReturnType<typeof useTaskPaneStyles>,
  { view, setView }: PaneViewState,
  host: WorkbookHost,
) {
  if (!props.form.loaded) {
    return (
      <main className={styles.root}>
        <Spinner className={styles.loading} label="Reading the workbook's MPS settings…" />
      </main>
    );
  }
  return (
    <main className={styles.root}>
      <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as PaneView)} aria-label="Views" size="small">
        <Tab id="tab-coach" value="coach" aria-controls="view-coach">
          Coach
        </Tab>
        <Tab id="tab-settings" value="settings" aria-controls="view-settings">
          Settings
        </Tab>
      </TabList>
      <Notices {...props} />
      {/* Both views stay mounted (the inactive one hidden): switching neither rereads the blocks nor loses a half-typed setting. */}
      <div role="tabpanel" id="view-coach" aria-labelledby="tab-coach" className={styles.view} hidden={view !== "coach"}>
        <Coach host={host} form={props.form} actions={props.actions} />
      </div>
      <div role="tabpanel" id="view-settings" aria-labelledby="tab-settings" className={styles.view} hidden={view !== "settings"}>
        <header className={styles.header}>
          <Title3 as="h1">MPS settings</Title3>
          <Caption1 className={styles.muted}>
            How this workbook plans. Saved in the file; every MPS.* formula that leaves an argument empty uses them.
          </Caption1>
        </header>
        {sections.map(({ id, Component }) => (
          <Component key={id} {...props} />
        ))}
        <div className={styles.spacer} />
        <ApplyBar form={props.form} />
      </div>
    </main>
  );
}
