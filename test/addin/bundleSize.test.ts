/**
 * Bundle budgets (issue 7): the minified + gzipped production bundles stay within their
 * budgets, and the custom-functions bundle, which Excel loads on every start, carries no React
 * or Fluent UI. Sizes are deterministic (same sources, same bytes), so this runs in `npm test`;
 * `npx tsx bench/run.ts` reports the same figures.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { BUNDLE_BUDGETS, bundleSize, uiModules, UI_MARKERS, type BundleName } from "../../bench/bundles";
import { productionBuild, type ProductionBuild, TEST_PROD_URL } from "./buildOnce";

const PROD = TEST_PROD_URL;
let build: ProductionBuild;

beforeAll(async () => {
  build = await productionBuild(PROD);
}, 180_000);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe("bundle budgets", () => {
  it.each(Object.keys(BUNDLE_BUDGETS) as BundleName[])("keeps %s.js within its gzipped budget", (name) => {
    const size = bundleSize(build.dir, name);
    if (size.gzipped > size.budget) {
      throw new Error(`${size.file} is ${kb(size.gzipped)} gzipped, over its ${kb(size.budget)} budget (see docs/performance.md)`);
    }
    expect(size.gzipped).toBeGreaterThan(0);
  });

  it("builds the functions bundle from no React or Fluent UI module", () => {
    expect(build.modules.functions.length).toBeGreaterThan(0);
    expect(uiModules(build.modules.functions)).toEqual([]);
    // The task pane does use them: the check above would notice if module paths stopped matching.
    expect(uiModules(build.modules.taskpane).length).toBeGreaterThan(0);
  });

  it("leaves no React or Fluent UI code in functions.js", () => {
    expect(readFileSync(join(build.dir, "functions.js"), "utf8")).not.toMatch(UI_MARKERS);
  });
});
