import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import reportSchema from "../../schemas/report.schema.json" with { type: "json" };
import { EXIT } from "../../src/cli/exit-codes.js";
import type { DiffReport } from "../../src/report/model.js";
import { assertMatchesSchema } from "../../src/shared/schema-validation.js";
import { runInProcess } from "../helpers/run-cli.js";

const BASE = "test/fixtures/states/plan-base";
const INCLUDE = "test/fixtures/states/plan-include";
const hermetic = ["--no-process-env"];

const plan = (state: string, ...args: string[]) => runInProcess(["plan", state, ...hermetic, ...args]);
const planJson = async (state: string, ...args: string[]) => {
  const result = await plan(state, ...args, "--format", "json");
  expect(result.stderr).toBe("");
  return { code: result.code, report: JSON.parse(result.stdout) as DiffReport };
};

describe("clawdiff plan: exit codes of the diff contract", () => {
  it("--set gateway.port restarts (3) and arrives through the watcher", async () => {
    const { code, report } = await planJson(BASE, "--set", "gateway.port=19001");
    expect(code).toBe(EXIT.restart);
    expect(report.changedPaths).toEqual(["gateway.port"]);
    expect(report.evaluator.trigger).toBe("watcher");
    expect(report.write).toMatchObject({ operation: "config.set", trigger: "watcher", intended: [{ path: "gateway.port", kind: "restart" }], nothingWritten: false });
  });

  it("--set agents.defaults.model.primary changes without a restart (1)", async () => {
    const { code, report } = await planJson(BASE, "--set", 'agents.defaults.model.primary="openai/gpt-5.5"');
    expect(code).toBe(EXIT.changedNoRestart);
    expect(report.plans.current.restartGateway).toBe(false);
    expect(report.write?.intended).toEqual([{ path: "agents.defaults.model.primary", kind: report.changes[0]!.classification.current.kind }]);
  });

  it("an idempotent --set says nothing would be written (0) when the writer leaves the bytes as they are", async () => {
    const result = await plan(BASE, "--set", "gateway.port=18789", "--format", "brief");
    expect(result.code).toBe(EXIT.noChange);
    expect(result.stdout).toContain("the config already holds that value");
    expect(result.stdout).toContain("nothing would be written");
  });

  it("the same idempotent --set under 2026.5.3 restamps meta.lastTouchedAt: a change without restart (1), said as a writer effect", async () => {
    const { code, report } = await planJson(BASE, "--rules", "openclaw@2026.5.3", "--set", "gateway.port=18789");
    expect(code).toBe(EXIT.changedNoRestart);
    expect(report.write?.alreadyThere).toBe(true);
    expect(report.write?.nothingWritten).toBe(false);
    const stamp = report.write?.effects.find((effect) => effect.code === "stamp" && effect.outcomes[0]?.path === "meta.lastTouchedAt");
    expect(stamp?.outcomes).toEqual([{ path: "meta.lastTouchedAt", kind: "none" }]);
    expect(stamp?.citation).toMatch(/^dist\/io-FwM1Kn_Q\.js:\d+/);
  });
});

describe("clawdiff plan: one clear line and exit 2", () => {
  const expectUsageError = async (args: string[], message: RegExp) => {
    const result = await plan(BASE, ...args);
    expect(result.code).toBe(EXIT.error);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  };

  it("a bad path", () => expectUsageError(["--set", "gateway..port=1"], /invalid config path 'gateway\.\.port': empty segment/));
  it("a bracket glued to a name (strict syntax of 2026.9.x)", () => expectUsageError(["--set", 'agents.list[0]name="x"'], /missing separator after bracket/));
  it("a blocked segment", () => expectUsageError(["--set", "__proto__.x=1"], /segment '__proto__' is refused/));
  it("a bad value", () => expectUsageError(["--set", "gateway.port={"], /--set gateway\.port: the value is not JSON5/));
  it("a patch the version's schema rejects", () => expectUsageError(["--patch", "test/fixtures/plan/unknown-root.json5"], /config schema rejects this change: <root>: Unrecognized key: "gatway"/));
  it("a trigger that contradicts the operation", () => expectUsageError(["--op", "agents.create", "--agent", "x", "--trigger", "watcher", "--rules", "openclaw@2026.5.3"], /--trigger watcher contradicts agents\.create/));
  it("an operation the version's writer model does not cover", () => expectUsageError(["--op", "agents.create", "--agent", "x"], /does not cover agents\.create/));
  it("two kinds of change at once", () => expectUsageError(["--set", "gateway.port=1", "--op", "agents.create", "--agent", "x"], /give one kind of change/));
});

describe("clawdiff plan: the writer model of each version", () => {
  it("2026.5.3 writes ${VAR} back where the resolved value is unchanged (--out shows the file)", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "clawdiff-plan-")), "after");
    const result = await plan(BASE, "--rules", "openclaw@2026.5.3", "--set", "gateway.port=19001", "--out", out, "--env", "OPENCLAW_GATEWAY_TOKEN=oc_gw_plan_fixture_not_a_secret");
    expect(result.code).toBe(EXIT.restart);
    const written = JSON.parse(readFileSync(join(out, "openclaw.json"), "utf8"));
    expect(written.gateway).toMatchObject({ port: 19001, auth: { token: "${OPENCLAW_GATEWAY_TOKEN}" } });
    expect(written.meta.lastTouchedVersion).toBe("2026.5.3");
    expect(typeof written.meta.lastTouchedAt).toBe("string");
    expect(readFileSync(join(out, ".env"), "utf8")).toContain("OPENCLAW_GATEWAY_TOKEN=");
    rmSync(out, { recursive: true });
  });

  it("2026.2.9 dumps the runtime config: ${VAR} resolved and materialized defaults written; meta restarts (no rule)", async () => {
    const { code, report } = await planJson(BASE, "--rules", "openclaw@2026.2.9", "--set", 'agents.defaults.model.primary="openai/gpt-5.5"');
    expect(code).toBe(EXIT.restart);
    const codes = report.write!.effects.map((effect) => effect.code);
    expect(codes).toEqual(expect.arrayContaining(["materialize", "env-resolved", "stamp"]));
    expect(report.write!.effects.find((effect) => effect.code === "env-resolved")?.outcomes.map((outcome) => outcome.path)).toEqual(["gateway.auth.token"]);
    expect(report.plans.current.restartReasons).toEqual(expect.arrayContaining(["meta.lastTouchedAt"]));
    expect(JSON.stringify(report)).not.toContain("oc_gw_plan_fixture_not_a_secret");
  });

  it("config.patch merges id-keyed arrays and deletes with null (2026.5.3)", async () => {
    const { report } = await planJson("examples/agents-create/before", "--rules", "openclaw@2026.5.3", "--patch", "test/fixtures/plan/rename-main.json5");
    expect(report.write?.operation).toBe("config.patch");
    expect(report.evaluator.trigger).toBe("write");
    const list = report.changes.find((change) => change.path === "agents.list")!;
    expect(list.after).toEqual([{ id: "main", default: true, name: "Primary" }]);
    expect(report.write?.intended.map((outcome) => outcome.path)).toEqual(["agents.list", "gateway.bind"]);
    expect(report.changes.find((change) => change.path === "gateway.bind")?.after).toBeUndefined();
  });

  it("config.patch that changes nothing writes nothing under a writer that checks (0)", async () => {
    const { code, report } = await planJson(BASE, "--patch", "test/fixtures/plan/same-port.json5", "--rules", "openclaw@2026.5.3");
    expect(code).toBe(EXIT.noChange);
    expect(report.write).toMatchObject({ alreadyThere: true, nothingWritten: true, files: [] });
  });

  it("2026.5.3 writes a change inside a sole top-level $include to the included file, without a stamp", async () => {
    const { report } = await planJson(INCLUDE, "--rules", "openclaw@2026.5.3", "--set", 'agents.defaults.model.primary="openai/gpt-5.5"');
    expect(report.write?.files).toEqual([join(INCLUDE, "agents.json")]);
    expect(report.write?.effects.map((effect) => effect.code)).toEqual(["include-written"]);
    expect(report.changedPaths).toEqual(["agents.defaults.model.primary"]);
  });

  it("2026.9.6 refuses to flatten the include (exit 2)", async () => {
    const result = await plan(INCLUDE, "--rules", "openclaw@2026.9.6", "--set", 'agents.defaults.model.primary="openai/gpt-5.5"');
    expect(result.code).toBe(EXIT.error);
    expect(result.stderr).toMatch(/would flatten \$include-owned config at agents/);
  });

  it("a change outside the include keeps the $include directive in the root file", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "clawdiff-plan-")), "after");
    await plan(INCLUDE, "--rules", "openclaw@2026.5.3", "--set", "gateway.port=19001", "--out", out);
    expect(JSON.parse(readFileSync(join(out, "openclaw.json"), "utf8")).agents).toEqual({ $include: "./agents.json" });
    rmSync(out, { recursive: true });
  });
});

describe("clawdiff plan --out", () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("refuses an existing directory", async () => {
    const existing = mkdtempSync(join(tmpdir(), "clawdiff-plan-"));
    made.push(existing);
    const result = await plan(BASE, "--set", "gateway.port=19001", "--out", existing);
    expect(result.code).toBe(EXIT.error);
    expect(result.stderr).toMatch(/already exists/);
  });

  it("refuses a directory inside the input state", async () => {
    const result = await plan(BASE, "--set", "gateway.port=19001", "--out", join(BASE, "predicted"));
    expect(result.code).toBe(EXIT.error);
    expect(result.stderr).toMatch(/overlaps an input/);
    expect(existsSync(join(BASE, "predicted"))).toBe(false);
  });
});

describe("clawdiff plan: the write section in every format", () => {
  it("json validates against the report schema", async () => {
    const { report } = await planJson(BASE, "--set", "gateway.port=19001");
    expect(() => assertMatchesSchema(reportSchema, report, "report", "plan")).not.toThrow();
  });

  it("ndjson carries the write section in its header line", async () => {
    const result = await plan(BASE, "--set", "gateway.port=19001", "--format", "ndjson");
    const header = JSON.parse(result.stdout.split("\n")[0]!) as { write?: { operation: string } };
    expect(header.write?.operation).toBe("config.set");
  });

  it.each(["table", "brief", "markdown", "github", "junit", "sarif"])("%s names the asked-for change and the writer's stamp", async (format) => {
    const result = await plan(BASE, "--rules", "openclaw@2026.5.3", "--set", "gateway.port=19001", "--format", format);
    expect(result.stdout).toContain("you asked for: config.set gateway.port (restart)");
    expect(result.stdout).toContain("stamps meta.lastTouchedAt");
  });
});
