/**
 * HyperFormula is GPL-3.0: the MIT add-in bundle must never include it. Only the headless
 * recalculation (src/recalc), scripts and tests may import it, and nothing the add-in loads may
 * import src/recalc.
 */
import { promises as fs } from "fs";
import path from "path";
import { ROOT } from "./helpers";

async function sources(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : Promise.resolve(/\.(ts|tsx|js)$/.test(e.name) ? [path.join(dir, e.name)] : []))),
  );
  return nested.flat();
}

it("keeps hyperformula and src/recalc out of everything the add-in bundles", async () => {
  const offenders: string[] = [];
  for (const file of await sources(path.join(ROOT, "src"))) {
    const rel = path.relative(ROOT, file);
    if (rel.startsWith(path.join("src", "recalc"))) continue;
    const text = await fs.readFile(file, "utf8");
    if (/from\s+["']hyperformula["']|require\(["']hyperformula["']\)|["'][./]*recalc\//.test(text)) offenders.push(rel);
  }
  expect(offenders).toEqual([]);
});
