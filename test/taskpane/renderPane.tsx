/**
 * Renders the task pane over a host, inside Fluent's provider and announcer as index.tsx
 * does, with a user-event session, on its Settings view (or on the view it opens on).
 */
import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TaskPane } from "../../src/taskpane/components/TaskPane/TaskPane";
import type { WorkbookHost } from "../../src/taskpane/host/WorkbookHost";

export async function renderPane(host: WorkbookHost, view: "settings" | "as-opened" = "settings") {
  const user = userEvent.setup();
  const rendered = render(
    <FluentProvider theme={webLightTheme}>
      <AriaLiveAnnouncer>
        <TaskPane host={host} />
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
  const settingsTab = await screen.findByRole("tab", { name: "Settings" });
  if (view === "as-opened") return { user, ...rendered };
  // A workbook with saved settings opens on the Coach: most tests are about the settings.
  if (settingsTab.getAttribute("aria-selected") !== "true") await user.click(settingsTab);
  await screen.findByRole("heading", { name: "MPS settings" });
  return { user, ...rendered };
}

/** The SpinButton of a period setting, by its label. */
export function periodInput(label: string): HTMLInputElement {
  return screen.getByRole("spinbutton", { name: label }) as HTMLInputElement;
}

/** The text announced so far to screen readers: what is in the page's live regions now. */
export function announced(): string {
  return Array.from(document.querySelectorAll("[aria-live]"))
    .map((region) => region.textContent ?? "")
    .join(" ");
}
