import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-cli.js";

const WAIT_CAP_MS = 15_000;
const example = (side: "before" | "after") => join(repoRoot, "examples/agents-create", side);

interface WatchRecord {
  type: string;
  changedPaths?: string[];
  recreated?: boolean;
  error?: string;
  verdict?: string;
}

/** The watcher under test: its ndjson records, in order, and a way to wait for the next one. */
class WatchProcess {
  readonly records: WatchRecord[] = [];
  private consumed = 0;
  private buffer = "";
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      this.buffer += chunk;
      let newline: number;
      while ((newline = this.buffer.indexOf("\n")) !== -1) {
        this.records.push(JSON.parse(this.buffer.slice(0, newline)) as WatchRecord);
        this.buffer = this.buffer.slice(newline + 1);
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
  }

  /** The next record not yet consumed; fails after a generous cap instead of hanging. */
  async next(): Promise<WatchRecord> {
    const deadline = Date.now() + WAIT_CAP_MS;
    while (this.records.length <= this.consumed) {
      if (Date.now() > deadline) throw new Error(`no watch record within ${WAIT_CAP_MS} ms; got ${JSON.stringify(this.records)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.records[this.consumed++]!;
  }
}

const started: WatchProcess[] = [];
const tempDirs: string[] = [];

function startWatch(stateDir: string): WatchProcess {
  const child = spawn(process.execPath, [join(repoRoot, "bin/clawdiff.js"), "watch", stateDir, "--format", "ndjson", "--debounce", "100", "--no-process-env", "--rules", "openclaw@2026.5.3"], {
    env: { PATH: process.env["PATH"] },
  });
  const watcher = new WatchProcess(child);
  started.push(watcher);
  return watcher;
}

afterAll(() => {
  // Only the watchers this file started, and only if a failed test left them running.
  for (const watcher of started) if (watcher.child.exitCode === null) watcher.child.kill("SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const writeAtomically = (target: string, text: string) => {
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, target);
};

describe("clawdiff watch", () => {
  it("follows edits, atomic renames, an invalid config, deletion and re-creation; SIGINT exits 0", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "clawdiff-watch-"));
    tempDirs.push(stateDir);
    cpSync(example("before"), stateDir, { recursive: true });
    const config = join(stateDir, "openclaw.json");
    const beforeText = readFileSync(config, "utf8");
    const afterText = readFileSync(join(example("after"), "openclaw.json"), "utf8");
    const watcher = startWatch(stateDir);
    expect(await watcher.next()).toMatchObject({ type: "watching" });

    // The gateway's writer and most editors replace the file by renaming a temporary one over it.
    writeAtomically(config, afterText);
    expect(await watcher.next()).toMatchObject({ type: "change", verdict: "restart", changedPaths: ["meta.lastTouchedAt", "gateway.tailscale", "agents.list"] });

    writeFileSync(config, "{ gateway: { port: 18789, ");
    const invalid = await watcher.next();
    expect(invalid).toMatchObject({ type: "invalid" });
    expect(invalid.error).toMatch(/openclaw\.json:\d+:\d+: /);

    // Editor swap and backup files are not the config: the next record must come from the real edit after them.
    writeFileSync(join(stateDir, ".openclaw.json.swp"), "swap");
    writeFileSync(join(stateDir, "openclaw.json~"), afterText);
    writeFileSync(config, beforeText);
    // Compared to the last good state (the "after" config), not to the invalid text.
    expect(await watcher.next()).toMatchObject({ type: "change", changedPaths: ["meta.lastTouchedAt", "gateway.tailscale", "agents.list"], recreated: false });

    writeFileSync(config, beforeText);
    expect(await watcher.next()).toMatchObject({ type: "no-change" });

    unlinkSync(config);
    expect(await watcher.next()).toMatchObject({ type: "deleted" });
    copyFileSync(join(example("after"), "openclaw.json"), config);
    expect(await watcher.next()).toMatchObject({ type: "change", recreated: true, changedPaths: ["meta.lastTouchedAt", "gateway.tailscale", "agents.list"] });

    watcher.child.kill("SIGINT");
    expect(await watcher.exited).toBe(0);
  });

  it("starts without a config and takes the first valid one as the baseline", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "clawdiff-watch-empty-"));
    tempDirs.push(stateDir);
    const watcher = startWatch(stateDir);
    expect(await watcher.next()).toMatchObject({ type: "watching" });
    expect(await watcher.next()).toMatchObject({ type: "deleted" });
    writeFileSync(join(stateDir, "openclaw.json"), "{ gateway: { port: 18789 } }\n");
    expect(await watcher.next()).toMatchObject({ type: "watching" });
    writeFileSync(join(stateDir, "openclaw.json"), "{ gateway: { port: 18790 } }\n");
    expect(await watcher.next()).toMatchObject({ type: "change", changedPaths: ["gateway.port"], verdict: "restart" });
    watcher.child.kill("SIGTERM");
    expect(await watcher.exited).toBe(0);
  });
});
