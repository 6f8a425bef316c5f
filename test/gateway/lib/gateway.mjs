// One real OpenClaw gateway in a temp HOME, isolated from the network: it runs in
// its own network namespace (loopback only) when `unshare -n` works, and with
// Bonjour, auto-update and channel start-up turned off either way.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let namespaceSupport;
function canIsolateNetwork() {
  namespaceSupport ??= spawnSync("unshare", ["-n", "sh", "-c", "ip link set lo up"], { stdio: "ignore" }).status === 0;
  return namespaceSupport;
}

// Printed when start-up has finished (channels, sidecars and the config watcher armed), in both eras.
export const READY = /^(gateway )?ready$/;
// After this the process stays alive without serving until someone fixes the config and restarts it.
export const STARTUP_FAILED = /^gateway startup failed/;

const POST_START_MS = Number(process.env.CLAWDIFF_GATEWAY_POST_START_MS ?? 8000);

/**
 * The environment of a gateway under test: its own HOME and TMPDIR, and every
 * feature that would dial out (Bonjour, auto-update, channels, the Gmail
 * watcher) turned off. `pathPrefix` puts a directory (Node 24's) first on PATH.
 */
export function offlineGatewayEnv(home, pathPrefix) {
  const path = process.env.PATH ?? "/usr/bin:/bin";
  return {
    PATH: pathPrefix ? `${pathPrefix}:${path}` : path,
    HOME: home,
    TMPDIR: join(home, "tmp"),
    LANG: "C.UTF-8",
    OPENCLAW_DISABLE_BONJOUR: "1",
    OPENCLAW_NO_AUTO_UPDATE: "1",
    OPENCLAW_SKIP_CHANNELS: "1",
    OPENCLAW_SKIP_GMAIL_WATCHER: "1",
  };
}

/** Raised when the gateway cannot start with the config it was given. */
export class StartupFailed extends Error {}

const running = new Set();
/** Stops every gateway this process started (for an interrupted run). */
export const stopAllGateways = () => Promise.all([...running].map((gateway) => gateway.stop()));

/** A JSON-lines entry of the gateway's file log, reduced to what the harness reads. */
function parseFileLogLine(line) {
  try {
    const entry = JSON.parse(line);
    let subsystem = "";
    try {
      subsystem = JSON.parse(entry["0"] ?? "{}").subsystem ?? "";
    } catch {
      subsystem = String(entry["0"] ?? "");
    }
    const message = typeof entry.message === "string" ? entry.message : String(entry["1"] ?? "");
    return { time: entry.time ?? entry._meta?.date ?? "", level: entry._meta?.logLevelName ?? "", subsystem, message, raw: line };
  } catch {
    return undefined;
  }
}

export class Gateway {
  constructor({ node, pkg, version, port, baseConfig }) {
    Object.assign(this, { node, pkg, version, port });
    this.home = mkdtempSync(join(tmpdir(), `clawdiff-gw-${version}-`));
    this.stateDir = join(this.home, ".openclaw");
    this.configPath = join(this.stateDir, "openclaw.json");
    this.fileLog = join(this.home, "logs", "gateway.jsonl");
    this.consoleLog = join(this.home, "console.log");
    this.isolated = canIsolateNetwork();
    mkdirSync(join(this.home, "logs"), { recursive: true });
    mkdirSync(this.stateDir, { recursive: true });
    this.baseConfig = { ...baseConfig, logging: { ...(baseConfig.logging ?? {}), file: this.fileLog } };
    this.readOffset = 0;
    this.consoleOffset = 0;
    this.entries = [];
  }

  env() {
    return { ...offlineGatewayEnv(this.home), ...this.extraEnv };
  }

  /** Starts the gateway; a process that exits during start-up (on a loaded machine its 5 s state-lease check can time out) is retried. */
  async start(extraEnv = {}, attempts = 3) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.startOnce(extraEnv);
      } catch (error) {
        if (!this.exited || attempt >= attempts) throw error;
        process.stderr.write(`gateway ${this.version}: start attempt ${attempt} exited; retrying\n`);
      }
    }
  }

  async startOnce(extraEnv) {
    this.extraEnv = extraEnv;
    mkdirSync(join(this.home, "tmp"), { recursive: true });
    const gatewayArgs = [join(this.pkg, "openclaw.mjs"), "gateway", "run", "--bind", "loopback", "--port", String(this.port)];
    const [command, args] = this.isolated
      ? ["unshare", ["-n", "sh", "-c", 'ip link set lo up && exec "$0" "$@"', this.node, ...gatewayArgs]]
      : [this.node, gatewayArgs];
    const out = openSync(this.consoleLog, "a");
    const child = spawn(command, args, { cwd: this.home, env: this.env(), detached: true, stdio: ["ignore", out, out] });
    closeSync(out);
    this.child = child;
    this.exited = false;
    running.add(this);
    // A previous process of this gateway may report its exit late: only the current one counts.
    this.exitedPromise = new Promise((resolve) =>
      child.on("exit", () => {
        if (this.child === child) {
          this.exited = true;
          running.delete(this);
        }
        resolve();
      }),
    );
    await this.waitUntilServing(180_000);
    await this.settle();
    // 2026.5.3 starts its config watcher only after "gateway ready" (server.impl-*.js imports the
    // reloader after the ready mark, then chokidar scans): an edit before that is never seen.
    await sleep(POST_START_MS);
  }

  /** Waits for the ready line of a start or restart; a logged startup failure ends the wait at once. */
  async waitUntilServing(timeoutMs) {
    const entry = await this.waitFor((candidate) => READY.test(candidate.message) || STARTUP_FAILED.test(candidate.message), timeoutMs, "the gateway to be ready");
    if (STARTUP_FAILED.test(entry.message)) throw new StartupFailed(entry.message.split("\n")[0]);
  }

  /** Entries appended to the file log since the last call. */
  poll() {
    if (!existsSync(this.fileLog)) return [];
    const text = readFileSync(this.fileLog);
    const fresh = text.subarray(this.readOffset);
    const end = fresh.lastIndexOf(10);
    if (end < 0) return [];
    this.readOffset += end + 1;
    const entries = fresh.subarray(0, end).toString("utf8").split("\n").map(parseFileLogLine).filter(Boolean);
    this.entries.push(...entries);
    return entries;
  }

  /** Console lines printed since the last call (kept verbatim, colours included, for the log corpus). */
  consoleSince() {
    const text = readFileSync(this.consoleLog);
    const fresh = text.subarray(this.consoleOffset).toString("utf8");
    this.consoleOffset = text.length;
    return fresh.split("\n").filter((line) => line.length > 0);
  }

  async waitFor(predicate, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const entry of this.poll()) if (predicate(entry)) return entry;
      if (this.exited) throw new Error(`gateway ${this.version} exited while waiting for ${what}; see ${this.consoleLog}`);
      await sleep(100);
    }
    throw new Error(`gateway ${this.version}: timed out waiting for ${what}`);
  }

  configHash() {
    return existsSync(this.configPath) ? createHash("sha256").update(readFileSync(this.configPath)).digest("hex") : "";
  }

  /** Waits until neither the log nor the config file has changed for `quietMs`. */
  async settle(quietMs = 2500, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    let hash = this.configHash();
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await sleep(150);
      const fresh = this.poll();
      const now = this.configHash();
      if (fresh.length > 0 || now !== hash) {
        hash = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) return;
    }
  }

  /**
   * Forgets the gateway's last-known-good copy. 2026.5.3 starts its reloader with that copy as
   * the compare baseline (server.impl-*.js: initialCompareConfig: startupLastGoodSnapshot), and a
   * change that needed a restart is not promoted to it, so a new process would diff against an
   * older config than the file it starts with.
   */
  forgetLastKnownGood() {
    rmSync(`${this.configPath}.last-good`, { force: true });
  }

  /** Mtime of the config, so callers can tell a rewrite by the gateway from their own write. */
  configMtime() {
    return existsSync(this.configPath) ? statSync(this.configPath).mtimeMs : 0;
  }

  async stop() {
    if (!this.child || this.exited) return;
    // The gateway is the leader of the process group it was spawned into; signal only that group.
    process.kill(-this.child.pid, "SIGTERM");
    const deadline = Date.now() + 20_000;
    while (!this.exited && Date.now() < deadline) await sleep(100);
    if (!this.exited) process.kill(-this.child.pid, "SIGKILL");
    await this.exitedPromise;
  }
}
