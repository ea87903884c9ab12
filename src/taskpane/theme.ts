/** The Fluent theme that matches Office's: dark when Office paints the pane background dark. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * Whether a CSS hex colour ("#1f1f1f", "#fff") is dark (relative luminance below one half).
 * @example isDark("#262626") // → true
 */
export function isDark(color: string | undefined): boolean {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color?.trim() ?? "")?.[1];
  if (!hex) return false;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** webDarkTheme for a dark Office theme, webLightTheme otherwise (and outside Office). */
export function themeFor(officeBackground: string | undefined): Theme {
  return isDark(officeBackground) ? webDarkTheme : webLightTheme;
}
