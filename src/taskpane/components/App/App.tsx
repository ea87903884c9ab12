/** The whole page: connects to Excel (never giving up on a slow start), then shows the task pane. */
import type { AppProps } from "./App.types";
import { renderApp } from "./renderApp";
import { useApp } from "./useApp";
import { useAppStyles } from "./useAppStyles";

export function App(props: AppProps) {
  const state = useApp(props);
  return renderApp(state, useAppStyles());
}
