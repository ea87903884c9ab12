/**
 * manifest.xml checked offline (office-addin-manifest validate needs Microsoft's service):
 * the shared-runtime wiring, the MPS namespace, resources, icons and URLs.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { asList, compareVersions, parseManifest, referencedResids, requirementSets, resources, topLevelElements, urls } from "./manifestXml";

const root = join(__dirname, "..", "..");
const text = readFileSync(join(root, "manifest.xml"), "utf8");
const manifest = parseManifest(text);
const host = manifest.VersionOverrides.Hosts.Host;
const extensionPoints = asList(host.AllFormFactors.ExtensionPoint);
const customFunctions = extensionPoints.find((e) => e["@xsi:type"] === "CustomFunctions");
const ribbon = host.DesktopFormFactor.ExtensionPoint;

/**
 * What the custom functions use, and the CustomFunctionsRuntime version that brought it
 * (API sets as @types/custom-functions-runtime and learn.microsoft.com's "Custom Functions
 * requirement sets" give them). The smallest version that has everything used is the one the
 * manifest must require: lower, and Excel builds without it install the add-in and fail;
 * higher, and Office 2021/2024 (which stop at 1.3) could not install it at all.
 */
const FEATURE_SETS: ReadonlyArray<[feature: RegExp, version: string, what: string]> = [
  [/@customfunction/, "1.1", "custom functions"],
  [/CustomFunctions\.Error\b/, "1.2", "CustomFunctions.Error"],
  [/CustomFunctions\.ErrorCode\b/, "1.3", "CustomFunctions.ErrorCode values"],
  [/parameterAddresses|@requiresParameterAddresses/, "1.3", "parameter addresses"],
  [/allowCustomDataForDataTypeAny|@capturesCallingObject/, "1.4", "data types"],
  [/isInValuePreview|linkedEntityLoadService/, "1.5", "formula value preview, linked entities"],
];

function customFunctionsRuntimeNeeded(): string {
  const dir = join(root, "src", "functions");
  const code = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(dir, f), "utf8"))
    .join("\n");
  return FEATURE_SETS.filter(([feature]) => feature.test(code))
    .map(([, version]) => version)
    .reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b), "1.1");
}

describe("manifest.xml", () => {
  it("declares an Excel task pane add-in with a stable GUID id", () => {
    expect(manifest["@xsi:type"]).toBe("TaskPaneApp");
    expect(manifest.Id).toBe("b804530d-7096-4bd9-affb-1610724f20b1");
    expect(asList(manifest.Hosts.Host).map((h) => h["@Name"])).toEqual(["Workbook"]);
    expect(host["@xsi:type"]).toBe("Workbook");
  });

  it("requires the shared runtime and asks for ReadWriteDocument (settings, sample sheets)", () => {
    const sets = asList(manifest.Requirements.Sets.Set).map((s) => [s["@Name"], s["@MinVersion"]]);
    expect(sets).toContainEqual(["SharedRuntime", "1.1"]);
    expect(manifest.Permissions).toBe("ReadWriteDocument");
  });

  it("requires the CustomFunctionsRuntime version that src/functions uses, no more and no less", () => {
    // Without the set, builds that lack custom functions install the add-in and show #NAME?.
    expect(requirementSets(manifest).get("CustomFunctionsRuntime")).toBe(customFunctionsRuntimeNeeded());
  });

  it("uses one long-lived runtime, referenced the same way everywhere it must be", () => {
    const runtime = asList(host.Runtimes.Runtime);
    expect(runtime).toHaveLength(1);
    expect(runtime[0]["@lifetime"]).toBe("long");
    const id = runtime[0]["@resid"];
    expect(customFunctions.Page.SourceLocation["@resid"]).toBe(id);
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe(id);
    expect(ribbon.OfficeTab.Group.Control.Action.SourceLocation["@resid"]).toBe(id);
    expect(resources(manifest).get(id)).toBe(manifest.DefaultSettings.SourceLocation["@DefaultValue"]);
  });

  it("registers the custom functions in the MPS namespace with script and metadata URLs", () => {
    const res = resources(manifest);
    expect(res.get(customFunctions.Namespace["@resid"])).toBe("MPS");
    expect(res.get(customFunctions.Script.SourceLocation["@resid"])).toBe("https://localhost:3000/functions.js");
    expect(res.get(customFunctions.Metadata.SourceLocation["@resid"])).toBe("https://localhost:3000/functions.json");
    expect(res.get(host.Runtimes.Runtime["@resid"])).toBe("https://localhost:3000/taskpane.html");
  });

  it("puts the task pane button on the Home tab", () => {
    expect(ribbon["@xsi:type"]).toBe("PrimaryCommandSurface");
    expect(ribbon.OfficeTab["@id"]).toBe("TabHome");
    expect(ribbon.OfficeTab.Group.Control.Action["@xsi:type"]).toBe("ShowTaskpane");
  });

  it("defines every resource it refers to, once", () => {
    const res = resources(manifest);
    for (const id of referencedResids(text)) expect(res.has(id)).toBe(true);
    const ids = [...text.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("points every icon at a PNG of the declared size in assets/", () => {
    const images = [manifest.IconUrl["@DefaultValue"], manifest.HighResolutionIconUrl["@DefaultValue"], ...resources(manifest).values()]
      .filter((url: string) => url.endsWith(".png"));
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const url of images) {
      const file = join(root, new URL(url).pathname);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  it("follows the add-in manifest schema it declares (appforoffice 1.1, task pane overrides 1.0)", () => {
    // OfficeAppManifestv1.1.xsd: the OfficeApp elements, then TaskPaneApp's, in this order.
    const order = [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
      "Dictionary", "VersionOverrides",
    ];
    const present = topLevelElements(text);
    expect(present.every((name) => order.includes(name))).toBe(true);
    expect(present).toEqual(order.filter((name) => present.includes(name)));
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"]) {
      expect(present).toContain(required);
    }
    // Sets/Set: a Name, and versions like "1.1".
    const sets = manifest.Requirements.Sets;
    expect(sets["@DefaultMinVersion"]).toMatch(/^\d+\.\d+$/);
    for (const set of asList(sets.Set)) {
      expect(set["@Name"]).toMatch(/^\w+$/);
      expect(set["@MinVersion"]).toMatch(/^\d+\.\d+$/);
    }
    // ShortString: 1 to 125 characters; LongString: 1 to 250 (appforoffice and officeappbasictypes).
    const r = manifest.VersionOverrides.Resources;
    const short = [manifest.DisplayName["@DefaultValue"], ...asList(r["bt:ShortStrings"]["bt:String"]).map((e) => e["@DefaultValue"])];
    const long = [manifest.Description["@DefaultValue"], ...asList(r["bt:LongStrings"]["bt:String"]).map((e) => e["@DefaultValue"])];
    for (const value of short) expect(value).toMatch(/^.{1,125}$/s);
    for (const value of long) expect(value).toMatch(/^.{1,250}$/s);
  });

  it("serves everything over https from the dev server origin", () => {
    const found = urls(text).filter((u) => !u.startsWith("http://schemas.microsoft.com") && !u.startsWith("http://www.w3.org"));
    expect(found.length).toBeGreaterThan(5);
    for (const url of found) expect(url.startsWith("https://localhost:3000")).toBe(true);
  });
});
