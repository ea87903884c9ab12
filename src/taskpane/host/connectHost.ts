/**
 * Picks the workbook host once the page is ready: the Office.js host when Office says this is
 * Excel, the in-memory host otherwise (no office.js, another Office app, or office.js that
 * never calls back because the page is not inside Office).
 */
import type { WorkbookHost } from "./WorkbookHost";
import { createMemoryHost } from "./memoryHost";
import { createOfficeHost } from "./officeHost";

/** How long to wait for Office.onReady before deciding the page is not inside Office. */
export const OFFICE_READY_TIMEOUT_MS = 4000;

export interface ConnectedHost {
  host: WorkbookHost;
  /** Office's body background colour (`Office.context.officeTheme`), when Office gives one. */
  themeBackground?: string;
}

/** Office's host type ("Excel", …) once Office.js is ready, or null when it is absent or silent. */
export async function officeReady(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<string | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([Office.onReady().then((ready) => ready?.host ?? null), timeout]);
    return info === null ? null : String(info);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Waits for Office, then returns the host the pane should use and the Office theme colour. */
export async function connectHost(timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<ConnectedHost> {
  const host = await officeReady(timeoutMs);
  if (host !== "Excel" || typeof Excel === "undefined") return { host: createMemoryHost() };
  let themeBackground: string | undefined;
  try {
    themeBackground = Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    themeBackground = undefined; // officeTheme is not available on every platform
  }
  return { host: createOfficeHost({ office: Office, excel: Excel }), themeBackground };
}
