/**
 * The page, pure JSX: "Connecting to Excel…" until Office is ready, then the task pane in
 * Office's theme. The AriaLiveAnnouncer is what lets the MessageBars (Applied, errors, action
 * results) be announced to screen readers.
 */
import { AriaLiveAnnouncer, Caption1, FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { themeFor } from "../../theme";
import { TaskPane } from "../TaskPane/TaskPane";
import type { AppState } from "./useApp";
import type { useAppStyles } from "./useAppStyles";

export function renderApp(state: AppState, styles: ReturnType<typeof useAppStyles>) {
  if (state.kind === "connecting") {
    return (
      <FluentProvider theme={webLightTheme}>
        <main className={styles.connecting} aria-busy="true">
          <Spinner label="Connecting to Excel…" />
          {state.slow && (
            <Caption1 className={styles.muted} role="status">
              Excel is taking a while to start the add-in. Keep this pane open: it connects as soon as Excel is ready.
            </Caption1>
          )}
        </main>
      </FluentProvider>
    );
  }
  const { host, themeBackground } = state.connection;
  return (
    <FluentProvider theme={themeFor(themeBackground)}>
      <AriaLiveAnnouncer>
        <TaskPane host={host} />
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
