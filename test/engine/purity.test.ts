import { readdirSync, readFileSync } from "fs";
import { join } from "path";

// The engine is pure: it imports only its own modules, touches no host or global state,
// keeps every message text in messages.ts, and documents every exported function.
const ENGINE = join(__dirname, "../../src/engine");
const files = readdirSync(ENGINE).filter((f) => f.endsWith(".ts"));
const source = (f: string) => readFileSync(join(ENGINE, f), "utf8");
const withoutComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");

/** The doc comment right before `export function name`, or "" when there is none. */
function docOf(code: string, name: string): string {
  const at = code.search(new RegExp(`export function ${name}\\b`));
  const before = code.slice(0, at).trimEnd();
  if (!before.endsWith("*/")) return "";
  return before.slice(before.lastIndexOf("/**"));
}

const STEPS: Record<string, string[]> = {
  "consume.ts": ["consumeForecast"],
  "demand.ts": ["demandFor"],
  "explode.ts": ["explodeForecast"],
  "lot.ts": ["sizeLot", "countLots"],
  "plan.ts": ["planMps", "projectAvailable"],
  "atp.ts": ["availableToPromise", "promise"],
  "planItem.ts": ["planItem"],
  "openPeriods.ts": ["openPeriods"],
};

describe("src/engine", () => {
  it.each(files)("%s imports only engine modules", (file) => {
    const imports = [...source(file).matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    for (const path of imports) expect(path).toMatch(/^\.\/[A-Za-z]+$/);
  });

  it.each(files)("%s uses no host, DOM, clock or randomness", (file) => {
    const code = withoutComments(source(file));
    const banned = [/\bOffice\b/, /\bExcel\b/, /\bdocument\b/, /\bwindow\b/, /\bglobalThis\b/, /\bconsole\b/, /Math\.random/, /\bDate\b/];
    for (const pattern of banned) expect(code).not.toMatch(pattern);
  });

  it.each(files.filter((f) => f !== "messages.ts"))("%s writes no message text of its own", (file) => {
    expect(source(file)).not.toMatch(/message:\s*[`"']/);
  });

  it.each(files)("%s documents every exported function", (file) => {
    const code = source(file);
    for (const [, name] of code.matchAll(/^export function (\w+)/gm)) expect(docOf(code, name)).not.toBe("");
  });

  it.each(Object.entries(STEPS))("%s gives each step a summary, params, returns and a worked example", (file, names) => {
    const code = source(file);
    for (const name of names) {
      const doc = docOf(code, name);
      expect(doc).toMatch(/^\/\*\*\s*\n\s*\* \S/);
      expect(doc).toContain("@param");
      expect(doc).toContain("@returns");
      expect(doc).toContain("@example");
    }
  });
});
