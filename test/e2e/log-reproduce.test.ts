import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import logSchema from "../../schemas/log-report.schema.json" with { type: "json" };
import type { LogReport } from "../../src/log/log-report.js";
import { runInProcess } from "../helpers/run-cli.js";

const validate = new Ajv({ strict: false }).compile(logSchema);
const example = "examples/agents-create";

async function reproduce(log: string, extra: string[] = []): Promise<LogReport> {
  const result = await runInProcess(["log", log, "--format", "json", "--no-process-env", ...extra, "--state", `${example}/before`, `${example}/after`]);
  expect(result.stderr).toBe("");
  const report = JSON.parse(result.stdout) as LogReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  return report;
}

describe("clawdiff log --state <before> <after>: which settings reproduce the log", () => {
  it("agents-create: only a gateway without the .env reports the token; it restarts for token and tailscale from 2026.4.22", async () => {
    const report = await reproduce(`${example}/gateway.log`);
    const [found] = report.reproductions!;
    // Two triggers and two env sources (the process env is off) for every bundled version group.
    expect(found!.settings % 4).toBe(0);
    expect(found!.reproducing.length).toBeGreaterThan(0);
    expect(new Set(found!.reproducing.map((verdict) => verdict.setting.env))).toEqual(new Set(["none"]));
    const versions = found!.reproducing.flatMap((verdict) => verdict.setting.group.versions);
    expect(versions).toContain("2026.5.3");
    expect(versions).not.toContain("2026.4.21");
    expect(found!.narrowedPaths.find((item) => item.path === "gateway.auth.token")!.summary).toMatch(/^no env \(\$\{VAR\} unresolved\), any trigger: /);
    expect(found!.unexplained).toEqual([]);
    // The .env the state holds resolves the token on both sides: those settings miss it.
    const withDotenv = found!.closest.concat(found!.reproducing).filter((verdict) => verdict.setting.env === "dotenv");
    for (const verdict of withDotenv) expect(verdict.missing).toContain("gateway.auth.token");
  });

  it("plans the auth-credential condition with the compared states, as diff does", async () => {
    const report = await reproduce(`${example}/gateway.log`, ["--rules", "openclaw@2026.9.6"]);
    const token = report.events[0]!.paths.find((item) => item.path === "gateway.auth.token")!;
    const diff = JSON.parse((await runInProcess(["diff", `${example}/before`, `${example}/after`, "--rules", "openclaw@2026.9.6", "--format", "json", "--no-process-env", "--trigger", "write"])).stdout);
    // The resolved token is the same on both sides and the auth mode is unchanged: the credential rule's condition holds.
    expect(token.current).toMatchObject({ kind: "hot", rule: { prefix: "gateway.auth.token" } });
    expect(diff.plans.current.restartReasons).not.toContain("gateway.auth.token");
  });

  it("the table names the settings and why the others differ", async () => {
    const result = await runInProcess(["log", `${example}/gateway.log`, "--no-process-env", "--state", `${example}/before`, `${example}/after`]);
    expect(result.stdout).toMatch(/reproduced by \d+ of \d+ settings \(same changed paths and decision as logged\): no env \(\$\{VAR\} unresolved\), trigger watcher: 2026\.4\.22–/);
    expect(result.stdout).toContain("gateway.auth.token is reported only with no env (${VAR} unresolved), any trigger");
    expect(result.stdout).toMatch(/closest of the others:\n {6}openclaw .*: (restarts for|does not report|also reports)/);
  });

  it("a logged path nothing reproduces is named", async () => {
    const report = await reproduce("test/fixtures/logs/hot-only.log");
    const first = report.reproductions![0]!;
    expect(first.reproducing).toEqual([]);
    expect(first.unexplained).toEqual(["agents.defaults.heartbeat.every", "cron.maxConcurrentRuns"]);
    expect(first.closest[0]!.why).toContain("does not report agents.defaults.heartbeat.every, cron.maxConcurrentRuns");
  });

  it("diff --match-log prints the same search after the report", async () => {
    const result = await runInProcess(["diff", `${example}/before`, `${example}/after`, "--no-process-env", "--match-log", `${example}/gateway.log`]);
    expect(result.stdout).toContain(`matching 1 evaluation(s) logged in ${example}/gateway.log`);
    expect(result.stdout).toMatch(/#1 line 4: evaluating reload \(gateway\.auth\.token, gateway\.tailscale, agents\.list, meta\.lastTouchedAt\), then restart\n {2}reproduced by \d+ of/);
  });

  it("diff --match-log with a machine format is a usage error, not a silent drop", async () => {
    const result = await runInProcess(["diff", `${example}/before`, `${example}/after`, "--format", "json", "--match-log", `${example}/gateway.log`]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("--match-log prints a table");
  });

  it("log --state with three values is a usage error", async () => {
    const result = await runInProcess(["log", `${example}/gateway.log`, "--state", "a", "b", "c"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--state takes one state directory or a <before> and an <after> state, got 3 values");
  });
});
