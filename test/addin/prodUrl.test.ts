/**
 * A production build must be told where it will be hosted (ADDIN_PROD_URL): without it the
 * manifest would send Office to a host that serves nothing, so the build stops with a message
 * that says what to set. Development builds and `npm start` need no URL.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ROOT } from "./buildOnce";

type MakeConfig = (env: Record<string, unknown>, options: { mode: string }) => Promise<{ output: { path: string } }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig: MakeConfig = require(join(ROOT, "webpack.config.js"));

/** The config for `mode` with ADDIN_PROD_URL set to `url` (or unset), the variable restored after. */
async function configWith(url: string | undefined, mode = "production") {
  const previous = process.env.ADDIN_PROD_URL;
  if (url === undefined) delete process.env.ADDIN_PROD_URL;
  else process.env.ADDIN_PROD_URL = url;
  try {
    return await makeConfig({ WEBPACK_BUILD: true, outputPath: join(tmpdir(), "mps-never-built") }, { mode });
  } finally {
    if (previous === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = previous;
  }
}

describe("production build origin (ADDIN_PROD_URL)", () => {
  it("stops `npm run build` without ADDIN_PROD_URL, saying what to set, and writes nothing", () => {
    const out = mkdtempSync(join(tmpdir(), "mps-no-url-"));
    const target = join(out, "dist");
    try {
      const env = { ...process.env };
      delete env.ADDIN_PROD_URL;
      const webpackCli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
      const run = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--env", `outputPath=${target}`], {
        cwd: ROOT,
        env,
        encoding: "utf8",
        timeout: 120_000,
      });
      const output = run.stdout + run.stderr;
      expect(run.status).not.toBe(0);
      expect(output).toContain("ADDIN_PROD_URL is not set");
      expect(output).toContain("ADDIN_PROD_URL=https://your.host/mps/ npm run build");
      expect(output).not.toMatch(/\n\s+at /); // the message, not a stack trace
      expect(existsSync(target)).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it.each([
    ["an empty value", "  "],
    ["a value that is not a URL", "planning server"],
    ["plain http", "http://planning.example.org/mps/"],
    ["the development server", "https://localhost:3000/"],
  ])("refuses %s", async (_, url) => {
    await expect(configWith(url)).rejects.toThrow(/ADDIN_PROD_URL/);
  });

  it("accepts an https origin, with or without a path and trailing slash", async () => {
    await expect(configWith("https://planning.example.org/mps")).resolves.toBeDefined();
    await expect(configWith("https://planning.example.org")).resolves.toBeDefined();
  });

  it("needs no URL for a development build (npm start, npm run build:dev)", async () => {
    await expect(configWith(undefined, "development")).resolves.toMatchObject({ output: { path: expect.any(String) } });
  });
});
