/**
 * `npm start` on a machine without desktop Excel (this one, CI): it must not fail, but print
 * the sample plans, serve the add-in over https and stay up until Ctrl-C.
 */
import { spawn, type ChildProcess } from "child_process";
import { createServer } from "net";
import { get } from "https";
import { join } from "path";

const root = join(__dirname, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

async function waitFor(url: string, deadline: number): Promise<{ status: number; body: string }> {
  for (;;) {
    try {
      const response = await fetchText(url);
      if (response.status === 200) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`nothing served at ${url}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("npm start without desktop Excel", () => {
  let child: ChildProcess;
  let output = "";
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    child = spawn(process.execPath, [join(root, "scripts", "start.js"), "--serve-only"], {
      cwd: root,
      env: { ...process.env, npm_package_config_dev_server_port: String(port) },
      detached: true,
    });
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
  });

  afterAll(() => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });

  it("prints the sample workbook's MPS records, then serves the task pane and the function metadata", async () => {
    const deadline = Date.now() + 150_000;
    const page = await waitFor(`https://localhost:${port}/taskpane.html`, deadline);
    expect(page.body).toContain('id="container"');
    const metadata = JSON.parse((await waitFor(`https://localhost:${port}/functions.json`, deadline)).body);
    expect(metadata.functions).toHaveLength(11);
    expect(output).toContain("recalculated without Excel");
    expect(output).toMatch(/PAB\s+\d/);
    expect(output).toContain(`https://localhost:${port}/taskpane.html`);
    expect(output).toContain("Upload My Add-in");
  }, 160_000);

  it("stays up until interrupted, then stops cleanly", async () => {
    expect(child.exitCode).toBeNull();
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 30_000);
});
