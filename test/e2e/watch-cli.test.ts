import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";

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

/** Starts a watcher on `stateDir`; `extra` options come last, so they win over the defaults here. */
function startWatch(stateDir: string, extra: string[] = ["--debounce", "100"]): WatchProcess {
  const child = spawn(process.execPath, [join(repoRoot, "bin/clawdiff.js"), "watch", stateDir, "--format", "ndjson", "--no-process-env", "--rules", "openclaw@2026.5.3", ...extra], {
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

// Each wait is capped (WAIT_CAP_MS); the test budget leaves room for several on a loaded machine.
describe("clawdiff watch", { timeout: 60_000 }, () => {
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
    expect(await watcher.next()).toMatchObject({ type: "watching", debounceMs: 100 });
    expect(await watcher.next()).toMatchObject({ type: "deleted", keepingLastGood: false });
    writeFileSync(join(stateDir, "openclaw.json"), "{ gateway: { port: 18789 } }\n");
    expect(await watcher.next()).toMatchObject({ type: "baseline" });
    writeFileSync(join(stateDir, "openclaw.json"), "{ gateway: { port: 18790 } }\n");
    expect(await watcher.next()).toMatchObject({ type: "change", changedPaths: ["gateway.port"], verdict: "restart" });
    watcher.child.kill("SIGTERM");
    expect(await watcher.exited).toBe(0);
  });

  it("debounces like the gateway: gateway.reload.debounceMs of the config, else 300 ms", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "clawdiff-watch-debounce-"));
    tempDirs.push(stateDir);
    writeFileSync(join(stateDir, "openclaw.json"), "{ gateway: { reload: { debounceMs: 120.7 } } }\n");
    const configured = startWatch(stateDir, []);
    expect(await configured.next()).toMatchObject({ type: "watching", debounceMs: 120 });
    writeFileSync(join(stateDir, "openclaw.json"), "{ gateway: { port: 18789 } }\n");
    expect(await configured.next()).toMatchObject({ type: "change", changedPaths: ["gateway.reload", "gateway.port"] });
    configured.child.kill("SIGINT");
    expect(await configured.exited).toBe(0);
    const fallback = startWatch(stateDir, []);
    expect(await fallback.next()).toMatchObject({ type: "watching", debounceMs: 300 });
    fallback.child.kill("SIGINT");
    expect(await fallback.exited).toBe(0);
  });

  it("refuses a state directory that does not exist, or a file, with one line and exit 2", async () => {
    for (const spec of ["test/fixtures/no-such-state", "README.md"]) {
      const result = await runInProcess(["watch", spec]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain(spec);
    }
  });

  it("follows the version's watcher: 2026.5.3 ignores edits to included files, 2026.8.1+ reacts to them with a fixed 300 ms debounce", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "clawdiff-watch-includes-"));
    tempDirs.push(stateDir);
    const config = join(stateDir, "openclaw.json");
    const included = join(stateDir, "agents.json5");
    writeFileSync(config, '{ $include: "./agents.json5", gateway: { port: 18789, reload: { debounceMs: 150 } } }\n');
    writeFileSync(included, '{ agents: { list: [{ id: "main" }] } }\n');

    const current = startWatch(stateDir, []);
    expect(await current.next()).toMatchObject({ type: "watching", debounceMs: 150, triggers: [config] });
    // The include edit alone triggers nothing in 2026.5.3: it shows up with the next config edit.
    writeFileSync(included, '{ agents: { list: [{ id: "main" }, { id: "research" }] } }\n');
    writeFileSync(config, '{ $include: "./agents.json5", gateway: { port: 18790, reload: { debounceMs: 150 } } }\n');
    expect(await current.next()).toMatchObject({ type: "change", changedPaths: ["agents.list", "gateway.port"] });
    current.child.kill("SIGINT");
    expect(await current.exited).toBe(0);

    const catalogFile = join(stateDir, "..", `${basename(stateDir)}-catalog.json`);
    tempDirs.push(catalogFile);
    const catalog = JSON.parse(readFileSync(join(repoRoot, "schemas/catalogs/openclaw@2026.5.3.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(catalogFile, JSON.stringify({ ...catalog, id: "openclaw@2026.9.6", openclawVersion: "2026.9.6", coversVersions: ["2026.9.6"] }));
    const later = startWatch(stateDir, ["--rules", catalogFile]);
    expect(await later.next()).toMatchObject({ type: "watching", debounceMs: 300, triggers: [config, included] });
    writeFileSync(included, '{ agents: { list: [{ id: "main" }] } }\n');
    expect(await later.next()).toMatchObject({ type: "change", changedPaths: ["agents.list"] });
    later.child.kill("SIGINT");
    expect(await later.exited).toBe(0);
  });
});
