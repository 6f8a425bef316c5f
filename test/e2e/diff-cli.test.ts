import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import reportSchema from "../../schemas/report.schema.json" with { type: "json" };
import type { DiffReport } from "../../src/report/model.js";
import { runBinary, runInProcess } from "../helpers/run-cli.js";

const agentsCreate = ["examples/agents-create/before", "examples/agents-create/after"];
const validateReport = new Ajv({ strict: false }).compile(reportSchema);

describe("clawdiff diff on the bundled examples", () => {
  it("agents-create: restart would fire for gateway paths, exit 3", async () => {
    const result = await runInProcess(["diff", ...agentsCreate, "--rules", "openclaw@2026.5.3"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("restart would fire for 1 path, spurious: gateway.tailscale");
    expect(result.stdout).toContain("← forces restart");
    expect(result.stdout).not.toMatch(/error/i);
  });

  it("json output validates against the published schema and carries the plan", async () => {
    const result = await runInProcess([...agentsCreate, "--format", "json", "--rules", "openclaw@2026.5.3"]);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.changedPaths).toEqual(["meta.lastTouchedAt", "gateway.tailscale", "agents.list"]);
    expect(report.plans.current).toMatchObject({
      catalog: "openclaw@2026.5.3",
      restartGateway: true,
      restartReasons: ["gateway.tailscale"],
      hotReasons: ["agents.list"],
      noopPaths: ["meta.lastTouchedAt"],
      actions: ["restartHeartbeat"],
      wouldRestart: true,
    });
    expect(report.formOnlyChanges.map((change) => change.path)).toEqual(["gateway.auth.token"]);
    expect(report.stateFiles).toContainEqual(expect.objectContaining({ path: "devices/paired.json", change: "modified", watch: "not-watched" }));
    const tailscale = report.changes.find((change) => change.path === "gateway.tailscale")!;
    expect(tailscale.semanticChange).toBe(false);
    expect(tailscale.provenance.after.origins[0]).toMatchObject({ file: "examples/agents-create/after/openclaw.json", line: 14, column: 5 });
    expect(tailscale.classification.current).toMatchObject({ kind: "restart", rule: { prefix: "gateway", origin: "base-tail" }, fallback: false });
  });

  it("never prints the resolved gateway token", async () => {
    for (const format of ["table", "json"]) {
      const result = await runInProcess([...agentsCreate, "--format", format]);
      expect(result.stdout).not.toContain("oc_gw_7f3b9c2e41d84a5f9e0b6c1d2a3f4e5d");
      expect(result.stdout).toMatch(/hmac:[0-9a-f]{12}/);
    }
  });

  it("hot-only edit exits 1 with a hot headline", async () => {
    const result = await runInProcess(["examples/heartbeat-edit/before", "examples/heartbeat-edit/after"]);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")[0]).toBe("hot reload only: agents.defaults.heartbeat.every, cron.maxConcurrentRuns");
  });

  it("identical inputs exit 0", async () => {
    const result = await runInProcess(["examples/agents-create/after", "examples/agents-create/after/openclaw.json"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("no change: the gateway would not react");
  });

  it("token rotation: a restart under the 2026.5.3 catch-all, hot under 2026.9.6's conditional rule", async () => {
    const old = await runInProcess(["examples/token-rotation/before", "examples/token-rotation/after", "--format", "json", "--rules", "openclaw@2026.5.3"]);
    const oldReport = JSON.parse(old.stdout) as DiffReport;
    expect(oldReport.reloadMode).toEqual({ mode: "hybrid", source: "default" });
    expect(oldReport.plans.current.restartReasons).toEqual(["gateway.auth.token"]);
    expect(old.code).toBe(3);
    const current = await runInProcess(["examples/token-rotation/before", "examples/token-rotation/after", "--format", "json", "--rules", "openclaw@2026.9.6"]);
    const change = (JSON.parse(current.stdout) as DiffReport).changes.find((candidate) => candidate.path === "gateway.auth.token")!;
    expect(change.classification.current).toMatchObject({ kind: "hot", reason: "rule", rule: { prefix: "gateway.auth.token" } });
    expect(change.causes.map((cause) => cause.code)).toContain("CONDITIONAL_RULE");
    expect(current.code).toBe(1);
  });

  it("--dotenv reaches clawdiff through the real binary (Node 20 would swallow --env-file)", () => {
    const result = runBinary(["examples/heartbeat-edit/before", "examples/heartbeat-edit/after", "--dotenv", "test/fixtures/no-such.env"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("clawdiff: test/fixtures/no-such.env: no such file or directory\n");
  });

  it("reads one side from stdin", () => {
    const result = runBinary(["-", "test/fixtures/states/minimal", "--format", "json"], { input: '{ gateway: { port: 18790 } }' });
    expect(result.code).toBe(3);
    expect((JSON.parse(result.stdout) as DiffReport).changedPaths).toEqual(["gateway.port"]);
  });
});

describe("colour", () => {
  it("is off when output is not a TTY, on with --color always, off with NO_COLOR", async () => {
    const plain = await runInProcess(agentsCreate);
    expect(plain.stdout).not.toContain("\u001b[");
    const forced = await runInProcess([...agentsCreate, "--color", "always"]);
    expect(forced.stdout).toContain("\u001b[");
    const forcedEnv = await runInProcess(agentsCreate, { FORCE_COLOR: "1" });
    expect(forcedEnv.stdout).toContain("\u001b[");
    const noColor = await runInProcess(agentsCreate, { NO_COLOR: "1", FORCE_COLOR: "1" });
    expect(noColor.stdout).not.toContain("\u001b[");
  });
});

describe("bad input: one clear line, exit 2", () => {
  const empty = mkdtempSync(join(tmpdir(), "clawdiff-empty-"));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  const cases: [string, string[], RegExp][] = [
    ["missing directory", ["examples/nope", "examples/agents-create/after"], /^clawdiff: examples\/nope: no such file or directory$/],
    ["state dir without config", [empty, "examples/agents-create/after"], /: state directory has no openclaw\.json \(name another file with --config <relpath>\)$/],
    [
      "malformed JSON5",
      ["test/fixtures/states/malformed", "examples/agents-create/after"],
      /^clawdiff: test\/fixtures\/states\/malformed\/openclaw\.json:6:3: invalid JSON5: invalid character 'a'$/,
    ],
    ["unknown catalog", [...agentsCreate, "--rules", "openclaw@banana"], /^clawdiff: unknown rule catalog 'openclaw@banana'/],
    [
      "include cycle",
      ["test/fixtures/states/include-cycle", "examples/agents-create/after"],
      /^clawdiff: test\/fixtures\/states\/include-cycle\/b\.json5:3:15: circular \$include: .*openclaw\.json -> .*a\.json5 -> .*b\.json5 -> .*a\.json5$/,
    ],
    ["unknown format", [...agentsCreate, "--format", "yaml"], /error: option '--format <format>' argument 'yaml' is invalid/],
    ["missing argument", ["examples/agents-create/before"], /error: missing required argument 'after'/],
  ];

  it.each(cases)("%s", (_name, args, expected) => {
    const result = runBinary(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("--debug adds the stack trace", () => {
    const result = runBinary(["test/fixtures/states/malformed", "examples/agents-create/after", "--debug"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it("prints --version without error", () => {
    const result = runBinary(["--version"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
