/**
 * Task pane entry: waits for Office (or decides it is not there), picks the workbook host and
 * the theme matching Office's, then renders. Nothing renders before Office.onReady. The
 * AriaLiveAnnouncer is what lets the MessageBars (Applied, errors, action results) be
 * announced to screen readers.
 */
import { AriaLiveAnnouncer, FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { TaskPane } from "./components/TaskPane";
import { connectHost } from "./host/connectHost";
import { themeFor } from "./theme";

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const { host, themeBackground } = await connectHost();
  createRoot(container).render(
    <FluentProvider theme={themeFor(themeBackground)}>
      {/* MessageBars announce through Fluent's announcer: without it, screen readers hear no outcome. */}
      <AriaLiveAnnouncer>
        <TaskPane host={host} />
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
}

void start();
