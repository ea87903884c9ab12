/** @jest-environment jsdom */
import "./domSetup";
import { act, render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App/App";
import type { ConnectedHost } from "../../src/taskpane/host/connectHost";
import { createMemoryHost } from "../../src/taskpane/host/memoryHost";

describe("App", () => {
  it("shows that it is connecting to Excel, and the pane only once Office is ready", async () => {
    let ready: (connection: ConnectedHost) => void = () => undefined;
    render(<App connect={() => new Promise((resolve) => (ready = resolve))} slowAfterMs={30} />);
    expect(screen.getByText("Connecting to Excel…")).toBeVisible();
    expect(screen.queryByRole("heading", { name: "MPS settings" })).not.toBeInTheDocument();

    // Slow: it says so, and keeps waiting (no fallback to a pane that saves nothing).
    expect(await screen.findByText(/Excel is taking a while to start the add-in/)).toBeVisible();
    expect(screen.queryByText("Not running inside Excel")).not.toBeInTheDocument();

    await act(async () => ready({ host: { ...createMemoryHost(), kind: "excel" } }));
    expect(await screen.findByRole("heading", { name: "MPS settings" })).toBeVisible();
    expect(screen.queryByText("Connecting to Excel…")).not.toBeInTheDocument();
    expect(screen.queryByText("Not running inside Excel")).not.toBeInTheDocument();
  });

  it("runs on the in-memory host when connect says Office is not there, and says so", async () => {
    render(<App connect={async () => ({ host: createMemoryHost() })} />);
    expect(await screen.findByText("Not running inside Excel")).toBeVisible();
  });
});
