import type { ConnectedHost } from "../../host/connectHost";

export interface AppProps {
  /** Waits for Office and picks the workbook host (connectHost in the add-in, a fake in tests). */
  connect(): Promise<ConnectedHost>;
  /**
   * After this long still connecting, the pane says that Excel is slow to start the add-in.
   * @default 4000
   */
  slowAfterMs?: number;
}
