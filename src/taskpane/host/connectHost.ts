/**
 * Picks the workbook host once Office has started: the Office.js host when Office says this is
 * Excel, the in-memory host when office.js is absent or Office says the page is not inside
 * Excel. A slow Office.js is waited for, however long it takes: falling back to the in-memory
 * host would leave the planner in a pane that saves nothing. (The pane shows that it is still
 * connecting, and lets the planner go on without Excel, explicitly.)
 */
import type { WorkbookHost } from "./WorkbookHost";
import { createMemoryHost } from "./memoryHost";
import { createOfficeHost } from "./officeHost";

export interface ConnectedHost {
  host: WorkbookHost;
  /** Office's body background colour (`Office.context.officeTheme`), when Office gives one. */
  themeBackground?: string;
}

/**
 * Office's host type ("Excel", …) once Office.js is ready; null at once when office.js is not
 * on the page, and null when Office says it is not hosting the page (onReady's host is null
 * outside Office) or cannot start. Never gives up on a slow start.
 */
export async function officeReady(): Promise<string | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  try {
    const info = await Office.onReady();
    return info?.host ? String(info.host) : null;
  } catch {
    return null;
  }
}

/** The host outside Excel: settings and sheets kept in the page. */
export function memoryConnection(): ConnectedHost {
  return { host: createMemoryHost() };
}

/** Waits for Office, then returns the host the pane should use and the Office theme colour. */
export async function connectHost(): Promise<ConnectedHost> {
  const host = await officeReady();
  if (host !== "Excel" || typeof Excel === "undefined") return memoryConnection();
  let themeBackground: string | undefined;
  try {
    themeBackground = Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    themeBackground = undefined; // officeTheme is not available on every platform
  }
  return { host: createOfficeHost({ office: Office, excel: Excel }), themeBackground };
}
