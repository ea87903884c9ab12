/**
 * Bundle budgets and how a production build is measured against them (issue 7, item 6). One
 * description, used by `bench/run.ts` to report the sizes and by `test/addin/bundleSize.test.ts`
 * to fail the tests when a budget is exceeded.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";

/** The budgets, in bytes of minified + gzipped code (KB = 1,024 bytes). */
export const BUNDLE_BUDGETS = {
  /** dist/functions.js: the custom functions, loaded on every Excel start. */
  functions: 40 * 1024,
  /** dist/taskpane.js: the task pane (React + Fluent UI). */
  taskpane: 300 * 1024,
} as const;

export type BundleName = keyof typeof BUNDLE_BUDGETS;

/** Packages that belong to the task pane only; none of them may reach the functions bundle. */
export const UI_PACKAGES: readonly string[] = ["react", "react-dom", "scheduler", "@fluentui", "@griffel", "@floating-ui"];

/** Marks React and Fluent UI leave in minified code (as the build test also checks). */
export const UI_MARKERS = /react\.production|__SECRET_INTERNALS|fluentui|griffel/i;

export interface BundleSize {
  file: string;
  /** Bytes as emitted (minified by the production build). */
  minified: number;
  /** Bytes after gzip at level 9, as a server compressing static files sends them. */
  gzipped: number;
  budget: number;
}

/**
 * Size of one emitted bundle: minified and gzipped. Deterministic: gzip level 9, no timestamp.
 * @param dir the build's output folder
 * @param name which bundle
 * @returns its sizes and budget
 * @example bundleSize("dist", "functions") // → { file: "functions.js", minified: 23189, gzipped: 7310, budget: 40960 }
 */
export function bundleSize(dir: string, name: BundleName): BundleSize {
  const file = `${name}.js`;
  const code = readFileSync(join(dir, file));
  return { file, minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, budget: BUNDLE_BUDGETS[name] };
}

/**
 * Modules of UI packages found in a list of module paths (webpack's module identifiers).
 * @example uiModules(["./src/functions/functions.ts", "./node_modules/react/index.js"]) // → ["./node_modules/react/index.js"]
 */
export function uiModules(modulePaths: readonly string[]): string[] {
  return modulePaths.filter((path) =>
    UI_PACKAGES.some((pkg) => path.replace(/\\/g, "/").includes(`node_modules/${pkg}/`)),
  );
}
