/**
 * The production build for tests (and the benchmark's bundle sizes), made once per content:
 * webpack's Node API builds into a temporary folder named after a hash of everything the build
 * reads (sources, assets, scripts, manifest, configs, lock file) and the production URL. A second
 * test file, or a second run on unchanged sources, reuses that folder instead of building again.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import webpack from "webpack";

export const ROOT = join(__dirname, "..", "..");
/** The production origin test builds use, so every test file shares one cached build. */
export const TEST_PROD_URL = "https://planning.example.org/mps/";
const INPUTS = ["src", "assets", "scripts", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json"];
const PREFIX = "mps-prod-build-";
/** Cached builds older than this are removed when a new one is made. */
const KEEP_MS = 24 * 3600 * 1000;
const MODULES_FILE = "modules.json";

export interface ProductionBuild {
  /** Folder holding the emitted files (functions.js, taskpane.js, manifest.xml, …). */
  dir: string;
  /** Source path of every module in each entry's chunk, by chunk name ("functions", "taskpane"). */
  modules: Record<string, string[]>;
}

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

function contentKey(prodUrl: string): string {
  const hash = createHash("sha256").update(prodUrl);
  for (const file of INPUTS.flatMap((input) => files(join(ROOT, input)))) {
    hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

async function build(out: string, prodUrl: string): Promise<Record<string, string[]>> {
  const previous = process.env.ADDIN_PROD_URL;
  process.env.ADDIN_PROD_URL = prodUrl;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, "webpack.config.js"));
  let config;
  try {
    config = await makeConfig({ WEBPACK_BUILD: true, outputPath: out }, { mode: "production" });
  } finally {
    // The config reads the variable once; leave the environment as other tests expect it.
    if (previous === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = previous;
  }
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    webpack({ ...config, mode: "production", context: ROOT }, (error, result) => {
      if (error) return reject(error);
      if (!result || result.hasErrors()) return reject(new Error(result?.toString({ all: false, errors: true }) ?? "no stats"));
      resolve(result);
    });
  });
  const { compilation } = stats;
  const modules: Record<string, string[]> = {};
  for (const chunk of compilation.chunks) {
    const paths: string[] = [];
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
      // A concatenated module (scope hoisting) holds the modules it was made of.
      const inner = (module as unknown as { modules?: Iterable<webpack.Module> }).modules ?? [module];
      for (const m of inner) paths.push(m.nameForCondition() ?? m.identifier());
    }
    modules[chunk.name ?? String(chunk.id)] = paths.map((p) => relative(ROOT, p));
  }
  return modules;
}

function removeOldBuilds(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const path = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process removed it first
    }
  }
}

/**
 * The production build of the current sources with `prodUrl` as the production origin.
 * @param prodUrl what ADDIN_PROD_URL is set to for the build
 * @returns where the build is and which modules each bundle holds
 */
export async function productionBuild(prodUrl: string): Promise<ProductionBuild> {
  const dir = join(tmpdir(), PREFIX + contentKey(prodUrl));
  const modulesFile = join(dir, MODULES_FILE);
  if (!existsSync(modulesFile)) {
    removeOldBuilds();
    const partial = `${dir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    const modules = await build(partial, prodUrl);
    writeFileSync(join(partial, MODULES_FILE), JSON.stringify(modules));
    try {
      renameSync(partial, dir);
    } catch {
      // Another process finished the same build first: use its copy.
      rmSync(partial, { recursive: true, force: true });
    }
  }
  return { dir, modules: JSON.parse(readFileSync(modulesFile, "utf8")) };
}
