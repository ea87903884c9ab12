/**
 * Task pane entry: renders the App, which shows "Connecting to Excel…" until Office.onReady,
 * then the pane on the Office.js host (or, when office.js is absent or Office says the page is
 * not in Excel, on the in-memory host) in Office's theme.
 */
import { createRoot } from "react-dom/client";
import { App } from "./components/App/App";
import { connectHost } from "./host/connectHost";

const container = document.getElementById("container");
if (container) createRoot(container).render(<App connect={connectHost} />);
