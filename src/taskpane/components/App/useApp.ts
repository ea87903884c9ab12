import { useEffect, useState } from "react";
import type { ConnectedHost } from "../../host/connectHost";
import type { AppProps } from "./App.types";

export type AppState = { kind: "connecting"; slow: boolean } | { kind: "connected"; connection: ConnectedHost };

/** Connects once; never gives up (a slow Office.js is waited for), only says it is slow. */
export function useApp({ connect, slowAfterMs = 4000 }: AppProps): AppState {
  const [state, setState] = useState<AppState>({ kind: "connecting", slow: false });
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      if (live) setState((current) => (current.kind === "connecting" ? { kind: "connecting", slow: true } : current));
    }, slowAfterMs);
    void connect().then((connection) => {
      clearTimeout(timer);
      if (live) setState({ kind: "connected", connection });
    });
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [connect, slowAfterMs]);
  return state;
}
