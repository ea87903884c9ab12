import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { isDark, themeFor } from "../../src/taskpane/theme";

describe("isDark", () => {
  it("repeats its example", () => {
    expect(isDark("#262626")).toBe(true);
  });

  it("reads Office's background colours, long and short", () => {
    expect(isDark("#FFFFFF")).toBe(false);
    expect(isDark("#e6e6e6")).toBe(false);
    expect(isDark("#000")).toBe(true);
    expect(isDark("1f1f1f")).toBe(true);
  });

  it("treats a missing or unreadable colour as light", () => {
    expect(isDark(undefined)).toBe(false);
    expect(isDark("rgb(0,0,0)")).toBe(false);
  });
});

describe("themeFor", () => {
  it("follows Office: dark background → webDarkTheme, otherwise webLightTheme", () => {
    expect(themeFor("#1f1f1f")).toBe(webDarkTheme);
    expect(themeFor("#ffffff")).toBe(webLightTheme);
    expect(themeFor(undefined)).toBe(webLightTheme);
  });
});
