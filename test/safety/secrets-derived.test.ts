import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi, afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSecretKey, isSecretPath, redactValue } from "../../src/explain/secrets.js";
import { runInProcess } from "../helpers/run-cli.js";
import { discoverCommands } from "./cli-surface.js";
import { DERIVED_MARKER, SECRET_LIKE_NAMES, writeDerivedSecretStates } from "./derived-secret-states.js";
import { invocationsFor } from "./invocations.js";
import { runInvocation } from "./run-invocation.js";
import { createWorkspace } from "./workspace.js";

// One test runs every command and format of the CLI in turn: minutes on a loaded machine, not the default 20 s.
vi.setConfig({ testTimeout: 180_000 });

/**
 * Text derived from values (array-element identities in ARRAY_ELEMENT
 * causes and their evidence, summaries, advice, explain, log and lint
 * output) gets the same redaction as the value column. Canaries sit in
 * identities (a secret `key`, an `id` from `${HOOK_TOKEN}`, a `name` from
 * `${TEAM_NAME}`), in the env block, in URL userinfo and under secret-like
 * names; no command in any format may print one.
 */
let states: ReturnType<typeof writeDerivedSecretStates>;
let workspace: string;
let outDir: string;

beforeAll(() => {
  states = writeDerivedSecretStates();
  workspace = createWorkspace("clawdiff-derived-", { before: states.before, after: states.after });
  outDir = mkdtempSync(join(tmpdir(), "clawdiff-derived-out-"));
});
afterAll(() => {
  for (const dir of [states.root, workspace, outDir]) rmSync(dir, { recursive: true, force: true });
});

const leaks = (text: string) => text.split("\n").filter((line) => line.includes(DERIVED_MARKER));

describe("secrets in text derived from values", () => {
  it("the canaries reach the causes: with --show-secrets outside CI the identities and values print", async () => {
    const result = await runInProcess(["diff", "before", "after", "--show-secrets", "--format", "json"], {}, workspace);
    const report = JSON.parse(result.stdout) as { changes: { path: string; causes: { code: string }[] }[] };
    expect(report.changes.find((change) => change.path === "agents.list")!.causes.map((cause) => cause.code)).toContain("ARRAY_ELEMENT");
    expect(report.changes.find((change) => change.path === "hooks.mappings")!.causes.map((cause) => cause.code)).toContain("ARRAY_ELEMENT");
    for (const name of SECRET_LIKE_NAMES) expect(result.stdout, name).toContain(`${DERIVED_MARKER}-name-${name}-after`);
  });

  it("array identities print as fingerprints in causes and evidence, and still match elements across the sides", async () => {
    const result = await runInProcess(["diff", "before", "after", "--format", "json"], {}, workspace);
    const report = JSON.parse(result.stdout) as { changes: { path: string; causes: { code: string; summary: string; evidence: { elements?: { key: string; change: string }[] } }[] }[] };
    const elements = (path: string) => report.changes.find((change) => change.path === path)!.causes.find((cause) => cause.code === "ARRAY_ELEMENT")!.evidence.elements!;
    expect(elements("agents.list")).toEqual([{ key: expect.stringMatching(/^key=<redacted hmac:[0-9a-f]{32}>$/), change: "modified", fields: ["weight"] }]);
    expect(elements("hooks.mappings").map((element) => element.change)).toEqual(["modified", "modified"]);
    expect(elements("hooks.mappings").map((element) => element.key)).toEqual([expect.stringMatching(/^id=<redacted hmac:/), expect.stringMatching(/^name=<redacted hmac:/)]);
    expect(leaks(result.stdout)).toEqual([]);
  });

  it("no command, format, source kind, explain of the array paths or --debug run prints a canary", async () => {
    const surfaces = await discoverCommands();
    const invocations = surfaces.flatMap((surface) => invocationsFor(surface, (label) => join(outDir, label.replace(/\W+/g, "_")), { hermetic: false }));
    for (const path of ["agents.list", "hooks.mappings", "plugins.entries.vault.config", "env.vars.TEAM_SETTING", "models.providers.proxy.baseUrl"]) {
      for (const format of ["text", "json"]) invocations.push({ label: `explain ${path}`, args: ["explain", "before", "after", path, "--format", format], cwd: "." });
    }
    const found: string[] = [];
    for (const invocation of invocations) {
      for (const debug of [false, true]) {
        const run = debug ? { ...invocation, args: [...invocation.args, "--debug"] } : invocation;
        const result = await runInvocation(run, workspace, {});
        for (const line of leaks(result.stdout + result.stderr)) found.push(`${run.args.join(" ")}: ${line.trim().slice(0, 160)}`);
      }
    }
    for (const file of readdirSync(outDir)) {
      for (const line of leaks(readFileSync(join(outDir, file), "utf8"))) found.push(`--output ${file}: ${line.trim().slice(0, 160)}`);
    }
    expect(found).toEqual([]);
  });
});

describe("which names are secret", () => {
  it("every secret-like name, in any casing style, is secret", () => {
    const more = ["apiKey", "API_KEY", "x-api-key", "Proxy-Authorization", "botToken", "webhookUrl", "signingSecret", "privateKey", "key", "password", "PGPASSWORD", "cookie", "secretKey", "jwtSecret", "basicAuth"];
    expect([...SECRET_LIKE_NAMES, ...more].filter((name) => !isSecretKey(name))).toEqual([]);
  });

  it("names that name things rather than hold secrets are not", () => {
    const plain = ["mode", "port", "auth", "sessionKey", "mainKey", "publicKey", "keyFile", "keyboard", "passive", "pinned", "name", "id", "baseUrl", "enabled", "primary", "tokenizer"];
    expect(plain.filter((name) => isSecretKey(name))).toEqual([]);
  });

  it("the whole env block, any env container and URL userinfo are secret", () => {
    expect(isSecretPath(["env", "vars", "TEAM_SETTING"])).toBe(true);
    expect(isSecretPath(["env", "PLAIN_TOP"])).toBe(true);
    expect(isSecretPath(["skills", "entries", "x", "env", "ANYTHING"])).toBe(true);
    expect(isSecretPath(["agents", "defaults", "sandbox", "docker", "env", "X"])).toBe(true);
    expect(redactValue("https://bob:hunter2@db.example.com/x", ["models", "providers", "x", "baseUrl"])).toMatch(/^<redacted hmac:/);
    expect(redactValue("https://ghp_abcdef@github.com/o/r", ["plugins", "source"])).toMatch(/^<redacted hmac:/);
    expect(redactValue("https://example.com/@user", ["plugins", "source"])).toBe("https://example.com/@user");
    expect(redactValue("${TEAM_SETTING}", ["env", "vars", "X"])).toBe("${TEAM_SETTING}");
  });
});
