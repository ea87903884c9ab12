/**
 * The production build, made once into a temporary folder: what Office will load must be
 * there, consistent with manifest.xml, with no dev URL left and every function registered.
 */
import { readFileSync, existsSync } from "fs";
import { join } from "path";
import { productionBuild, TEST_PROD_URL } from "./buildOnce";
import { parseManifest, resources, urls } from "./manifestXml";

const PROD = TEST_PROD_URL;
const EXPECTED_FUNCTIONS = [
  "CONSUME", "DEMAND", "PLAN", "PAB", "ATP", "TABLE", "PEG", "EXPLODE", "PROMISE", "BUCKET", "PEGLINES", "ACCURACY", "SAFETY", "LOAD", "LEVEL", "MESSAGES",
];

let out = "";
const read = (file: string) => readFileSync(join(out, file), "utf8");

// Shared with bundleSize.test.ts: one build per content of the sources (see buildOnce.ts).
beforeAll(async () => {
  out = (await productionBuild(PROD)).dir;
}, 180_000);

describe("production build", () => {
  it("emits the pages, scripts, metadata, manifest and icons", () => {
    for (const file of ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "help.html", "manifest.xml"]) {
      expect(existsSync(join(out, file))).toBe(true);
    }
    for (const size of [16, 32, 64, 80]) expect(existsSync(join(out, "assets", `icon-${size}.png`))).toBe(true);
  });

  it("points every manifest URL at the production origin and at a file the build emitted", () => {
    const text = read("manifest.xml");
    expect(text).not.toMatch(/localhost/);
    const served = urls(text).filter((u) => u.startsWith(PROD));
    expect(served.length).toBeGreaterThan(5);
    for (const url of served) expect(existsSync(join(out, url.slice(PROD.length)))).toBe(true);
    expect(resources(parseManifest(text)).get("Functions.Namespace")).toBe("MPS");
  });

  it("loads the functions in the task pane page, since both share one runtime", () => {
    const html = read("taskpane.html");
    expect(html).toMatch(/src=["']?functions\.js/);
    expect(html).toMatch(/src=["']?taskpane\.js/);
    expect(html).toContain("appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });

  it("declares every MPS function in functions.json and associates each in functions.js", () => {
    const metadata = JSON.parse(read("functions.json"));
    const ids = metadata.functions.map((f: { id: string }) => f.id);
    expect(ids).toEqual(EXPECTED_FUNCTIONS);
    const script = read("functions.js");
    for (const id of ids) expect(script).toContain(`CustomFunctions.associate("${id}"`);
    for (const f of metadata.functions) expect(f.helpUrl.startsWith(PROD)).toBe(true);
  });

  it("renders the help page every help link opens, one section per function", () => {
    const help = read("help.html");
    for (const f of JSON.parse(read("functions.json")).functions) {
      expect(f.helpUrl).toBe(`${PROD}help.html#${f.id.toLowerCase()}`);
      expect(help).toMatch(new RegExp(`<section id="?${f.id.toLowerCase()}"?>`));
      expect(help).toContain(f.description.replace(/"/g, "&quot;"));
    }
  });

  it("keeps every name and description within what Excel shows", () => {
    // Excel's Insert Function and Function Arguments dialogs take a function description and
    // each argument description of at most 255 characters (the limit of xlfRegister's
    // function_help/argument_help and of Application.MacroOptions' Description and
    // ArgumentDescriptions); the metadata generator refuses ids and names over 128.
    const tooLong: string[] = [];
    const check = (where: string, text: string | undefined, limit: number) => {
      if (text === undefined || text.length === 0) tooLong.push(`${where}: missing`);
      else if (text.length > limit) tooLong.push(`${where}: ${text.length} characters, limit ${limit}`);
    };
    for (const f of JSON.parse(read("functions.json")).functions) {
      check(`${f.id} name`, f.name, 128);
      check(`${f.id} description`, f.description, 255);
      for (const p of f.parameters) {
        check(`${f.id}(${p.name}) name`, p.name, 128);
        check(`${f.id}(${p.name}) description`, p.description, 255);
      }
    }
    expect(tooLong).toEqual([]);
  });

  it("keeps React and Fluent out of the functions bundle", () => {
    const script = read("functions.js");
    expect(script).not.toMatch(/react\.production|__SECRET_INTERNALS|fluentui/i);
  });
});
