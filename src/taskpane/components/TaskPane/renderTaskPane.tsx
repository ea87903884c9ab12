/** The task pane's JSX from its state and styles: the header, every section in order, the Apply bar. Pure. */
import { Caption1, Spinner, Title3 } from "@fluentui/react-components";
import { ApplyBar } from "../ApplyBar/ApplyBar";
import type { PaneSection, SectionProps } from "./TaskPane.types";
import type { useTaskPaneStyles } from "./useTaskPaneStyles";

export function renderTaskPane(
  sections: readonly PaneSection[],
  props: SectionProps,
  styles: ReturnType<typeof useTaskPaneStyles>,
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
    </main>
  );
}
