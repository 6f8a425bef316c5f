// One real OpenClaw gateway in a temp HOME for the plan check. The whole run
// sits in its own network namespace (run.mjs re-executes itself under
// `unshare -n`), so the gateway and its callers share a loopback-only network.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { offlineGatewayEnv } from "../gateway/lib/gateway.mjs";

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const TOKEN = "plan-real-token-0123456789abcdef";

export class Gateway {
  constructor({ node, pkg, version, port, config }) {
    Object.assign(this, { node, pkg, version, port });
    this.home = mkdtempSync(join(tmpdir(), `clawdiff-plan-real-${version}-`));
    this.stateDir = join(this.home, ".openclaw");
    this.configPath = join(this.stateDir, "openclaw.json");
    this.fileLog = join(this.home, "logs", "gateway.jsonl");
    mkdirSync(join(this.home, "logs"), { recursive: true });
    mkdirSync(join(this.home, "tmp"), { recursive: true });
    mkdirSync(this.stateDir, { recursive: true });
    const gateway = { port, mode: "local", bind: "loopback", auth: { mode: "token", token: TOKEN } };
    writeFileSync(this.configPath, `${JSON.stringify({ ...config, gateway: { ...gateway, ...config.gateway }, logging: { file: this.fileLog } }, null, 2)}\n`);
    this.offset = 0;
  }

  env() {
    return offlineGatewayEnv(this.home, join(this.node, ".."));
  }

  async start() {
    const out = openSync(join(this.home, "console.log"), "a");
    this.child = spawn(this.node, [join(this.pkg, "openclaw.mjs"), "gateway", "run", "--bind", "loopback", "--port", String(this.port)], { cwd: this.home, env: this.env(), detached: true, stdio: ["ignore", out, out] });
    closeSync(out);
    this.exited = false;
    this.child.on("exit", () => (this.exited = true));
    await this.waitFor((message) => /^(http server listening|listening on )/.test(message) || message === "ready", 240_000, "the gateway to listen");
    // The CLI's device pairs on its first call with the scopes of that method; pairing through
    // an admin method (this one fails for the missing hash) spares a scope-upgrade approval later.
    for (let attempt = 0; attempt < 3 && /timeout|connect failed/.test(this.call("config.patch", { raw: "{}" }).stderr); attempt += 1) await sleep(2000);
    await this.settle();
  }

  /** Messages appended to the gateway's JSON-lines file log since the last call. */
  poll() {
    if (!existsSync(this.fileLog)) return [];
    const text = readFileSync(this.fileLog);
    const end = text.lastIndexOf(10);
    if (end < this.offset) return [];
    const fresh = text.subarray(this.offset, end).toString("utf8");
    this.offset = end + 1;
    return fresh.split("\n").filter(Boolean).map((line) => {
      try {
        const entry = JSON.parse(line);
        return typeof entry.message === "string" ? entry.message : String(entry["1"] ?? entry["0"] ?? "");
      } catch {
        return "";
      }
    });
  }

  async waitFor(predicate, timeoutMs, what) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const message of this.poll()) if (predicate(message)) return message;
      if (this.exited) throw new Error(`gateway ${this.version} exited while waiting for ${what} (see ${this.home}/console.log)`);
      await sleep(150);
    }
    throw new Error(`gateway ${this.version}: timed out waiting for ${what}`);
  }

  /**
   * Collects log messages, and every distinct config text seen, until the
   * log and the config file have been quiet for `quietMs`.
   */
  async settle(quietMs = 3000, timeoutMs = 90_000) {
    const messages = [];
    const configs = [];
    const deadline = Date.now() + timeoutMs;
    let config = this.readConfig();
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      await sleep(200);
      const fresh = this.poll();
      const now = this.readConfig();
      messages.push(...fresh);
      if (fresh.length > 0 || now !== config) {
        if (now !== config) configs.push(now);
        config = now;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= quietMs) break;
    }
    return { messages, configs };
  }

  readConfig() {
    return existsSync(this.configPath) ? readFileSync(this.configPath, "utf8") : "";
  }

  /** A gateway method over its WebSocket, through `openclaw gateway call` with the state's token. */
  call(method, params) {
    const result = spawnSync(this.node, [join(this.pkg, "openclaw.mjs"), "gateway", "call", method, "--params", JSON.stringify(params), "--json", "--url", `ws://127.0.0.1:${this.port}`, "--token", TOKEN, "--timeout", "30000"], { cwd: this.home, env: this.env(), encoding: "utf8", timeout: 60_000 });
    const text = result.stdout.slice(result.stdout.indexOf("{"));
    try {
      return { ok: result.status === 0, response: JSON.parse(text), stderr: result.stderr.trim() };
    } catch {
      return { ok: false, response: null, stderr: `${result.stderr.trim()} ${result.stdout.trim()}`.trim() };
    }
  }

  async stop() {
    if (!this.child || this.exited) return;
    process.kill(-this.child.pid, "SIGTERM");
    const deadline = Date.now() + 20_000;
    while (!this.exited && Date.now() < deadline) await sleep(100);
    if (!this.exited) process.kill(-this.child.pid, "SIGKILL");
  }
}
