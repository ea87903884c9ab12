/**
 * manifest.xml checked offline (office-addin-manifest validate needs Microsoft's service):
 * the shared-runtime wiring, the MPS namespace, resources, icons and URLs.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { asList, parseManifest, referencedResids, resources, urls } from "./manifestXml";

const root = join(__dirname, "..", "..");
const text = readFileSync(join(root, "manifest.xml"), "utf8");
const manifest = parseManifest(text);
const host = manifest.VersionOverrides.Hosts.Host;
const extensionPoints = asList(host.AllFormFactors.ExtensionPoint);
const customFunctions = extensionPoints.find((e) => e["@xsi:type"] === "CustomFunctions");
const ribbon = host.DesktopFormFactor.ExtensionPoint;

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

  it("serves everything over https from the dev server origin", () => {
    const found = urls(text).filter((u) => !u.startsWith("http://schemas.microsoft.com") && !u.startsWith("http://www.w3.org"));
    expect(found.length).toBeGreaterThan(5);
    for (const url of found) expect(url.startsWith("https://localhost:3000")).toBe(true);
  });
});
