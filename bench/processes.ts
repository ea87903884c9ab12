/**
 * Child processes for the recalculation benchmarks: a long-lived worker answering one JSON line
 * per request (our CLI in process, LibreOffice over UNO), and a whole process timed from spawn
 * to exit. Each child runs in its own process group, so a timeout ends it and everything it
 * started (soffice starts soffice.bin), and nothing else.
 */
import { spawn, type ChildProcess } from "child_process";
import { closeSync, openSync } from "fs";
import { createInterface } from "readline";

/** Ends a child we started and whatever it started, by its process group id. */
function endGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

export type Reply = Record<string, unknown>;

/** A child that answers one JSON line per JSON request, after announcing `{"ready": true}`. */
export class LineWorker {
  private readonly child: ChildProcess;
  private readonly pending: Array<(reply: Reply) => void> = [];
  private readonly stderr: string[] = [];
  private exited: string | undefined;

  private constructor(command: string, args: string[], env?: NodeJS.ProcessEnv, cwd?: string) {
    this.child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    createInterface({ input: this.child.stdout! }).on("line", (line) => {
      if (line.trim() === "") return;
      let reply: Reply;
      try {
        reply = JSON.parse(line) as Reply;
      } catch {
        reply = { error: `unreadable reply: ${line.slice(0, 200)}` };
      }
      this.pending.shift()?.(reply);
    });
    this.child.stderr!.on("data", (chunk: Buffer) => {
      this.stderr.push(chunk.toString());
      if (this.stderr.length > 50) this.stderr.shift();
    });
    const gone = (why: string) => {
      this.exited = why;
      for (const resolve of this.pending.splice(0)) resolve({ error: `${why}${this.stderrTail()}` });
    };
    this.child.on("exit", (code, signal) => gone(`the worker exited (${signal ?? `code ${code}`})`));
    this.child.on("error", (error) => gone(`the worker could not start: ${error.message}`));
  }

  private stderrTail(): string {
    const text = this.stderr.join("").trim();
    return text === "" ? "" : `: ${text.slice(-600)}`;
  }

  private next(timeoutMs: number): Promise<Reply> {
    if (this.exited !== undefined) return Promise.resolve({ error: this.exited });
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const at = this.pending.indexOf(settle);
        if (at >= 0) this.pending.splice(at, 1);
        endGroup(this.child);
        resolve({ error: `timed out after ${Math.round(timeoutMs / 1000)} s`, timedOut: true });
      }, timeoutMs);
      const settle = (reply: Reply) => {
        clearTimeout(timer);
        resolve(reply);
      };
      this.pending.push(settle);
    });
  }

  /** Starts the worker and waits until it says it is ready. */
  static async start(command: string, args: string[], timeoutMs: number, env?: NodeJS.ProcessEnv, cwd?: string): Promise<LineWorker | string> {
    const worker = new LineWorker(command, args, env, cwd);
    const ready = await worker.next(timeoutMs);
    if (ready.ready === true) return worker;
    worker.kill();
    return String(ready.error ?? "the worker did not start");
  }

  /** Sends one request and waits for its answer (an `error` field when it failed or timed out). */
  request(request: object, timeoutMs: number): Promise<Reply> {
    const reply = this.next(timeoutMs);
    if (this.exited === undefined) this.child.stdin!.write(`${JSON.stringify(request)}\n`);
    return reply;
  }

  /** Asks the worker to finish (closing its input) and waits, ending it after `graceMs`. */
  async stop(graceMs = 60_000, quit?: object): Promise<void> {
    if (this.exited !== undefined) return;
    const done = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    if (quit) this.child.stdin!.write(`${JSON.stringify(quit)}\n`);
    this.child.stdin!.end();
    const timer = setTimeout(() => endGroup(this.child), graceMs);
    await done;
    clearTimeout(timer);
  }

  kill(): void {
    endGroup(this.child);
  }
}

export interface ProcessRun {
  ms: number;
  code: number | null;
  timedOut: boolean;
  /** The end of what it wrote on stderr. */
  stderr: string;
}

/**
 * Runs a whole process and times it from spawn to exit.
 * @param stdoutPath where its standard output goes (a file, so a large output costs what it costs a user redirecting it)
 */
export function timedProcess(command: string, args: string[], options: { timeoutMs: number; stdoutPath: string; cwd?: string }): Promise<ProcessRun> {
  return new Promise((resolve) => {
    const out = openSync(options.stdoutPath, "w");
    const stderr: string[] = [];
    const start = process.hrtime.bigint();
    let timedOut = false;
    const child = spawn(command, args, { cwd: options.cwd, stdio: ["ignore", out, "pipe"], detached: true });
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr.push(chunk.toString());
      if (stderr.length > 50) stderr.shift();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      endGroup(child);
    }, options.timeoutMs);
    let finished = false;
    const finish = (code: number | null) => {
      if (finished) return;
      finished = true;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      clearTimeout(timer);
      closeSync(out);
      resolve({ ms, code, timedOut, stderr: stderr.join("").trim().slice(-1_000) });
    };
    child.on("exit", (code) => finish(code));
    child.on("error", (error) => {
      stderr.push(error.message);
      finish(null);
    });
  });
}
