import { copyFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import logSchema from "../../schemas/log-report.schema.json" with { type: "json" };
import type { LogReport } from "../../src/log/log-report.js";
import { repoRoot, runBinary, runInProcess } from "../helpers/run-cli.js";

const validate = new Ajv({ strict: false }).compile(logSchema);
const logs = "test/fixtures/logs";
const rules = ["--rules", "openclaw@2026.5.3"];

async function logJson(args: string[]): Promise<LogReport> {
  const result = await runInProcess(["log", ...args, ...rules, "--format", "json", "--no-process-env"]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout) as LogReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  return report;
}

describe("clawdiff log", () => {
  it("every log in the corpus yields a report that validates against the schema", async () => {
    for (const folder of ["", "eras/", "formats/"]) {
      for (const name of readdirSync(join(repoRoot, logs, folder)).filter((file) => file.endsWith(".log"))) await logJson([`${logs}/${folder}${name}`]);
    }
  });

  it("openclaw#76208 with the state: cause codes per logged path, the restart all spurious", async () => {
    const report = await logJson([`${logs}/oc-76208-timeline.log`, "--state", "examples/agents-create/after", "--before", "examples/agents-create/before"]);
    const [event] = report.events;
    const codes = Object.fromEntries(event!.paths.map((item) => [item.path, item.explanation?.status === "unexplained" ? "unexplained" : item.explanation?.causes.map((cause) => cause.code)]));
    expect(codes).toEqual({
      "gateway.auth.token": ["ENV_REF_FORM_ONLY"],
      "gateway.tailscale": ["DEFAULT_MATERIALIZED"],
      "agents.list": ["VALUE_CHANGED", "ARRAY_ELEMENT"],
      "meta.lastTouchedAt": ["WRITER_METADATA"],
    });
    expect(event!.spuriousRestart).toBe(true);
    expect(report.summary).toMatchObject({ restarts: 1, spuriousRestarts: 1, downtime: { totalMs: 1604, measuredRestarts: 1 }, unexplainedPaths: [] });
  });

  it("without --before, compares with the openclaw.json.bak copy the gateway keeps", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "clawdiff-log-state-"));
    try {
      cpSync(join(repoRoot, "examples/agents-create/after"), stateDir, { recursive: true });
      copyFileSync(join(repoRoot, "examples/agents-create/before/openclaw.json"), join(stateDir, "openclaw.json.bak"));
      const report = await logJson([`${logs}/oc-76208-timeline.log`, "--state", stateDir]);
      expect(report.input.before).toBe(`${stateDir}/openclaw.json.bak`);
      expect(report.events[0]!.paths.find((item) => item.path === "gateway.tailscale")!.explanation).toMatchObject({ status: "explained", spurious: true });
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it("--before without --state is a usage error", async () => {
    const result = await runInProcess(["log", `${logs}/hot-only.log`, "--before", "examples/agents-create/before"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--before needs --state");
  });

  it("the table shows each evaluation, the restart it caused and why each path was dirty", async () => {
    const result = await runInProcess(["log", `${logs}/oc-76208-timeline.log`, ...rules, "--state", "examples/agents-create/after", "--before", "examples/agents-create/before", "--no-process-env"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines).toContain("#1 line 4 2026-05-02T11:47:55.604+00:00: restart, SIGUSR1 at line 6, ready after 1.6 s");
    expect(lines).toContain("  gateway.tailscale   logged restart  restart (rule gateway, base-tail)  spurious: default materialized");
    expect(lines).toContain("  restarts: 1 (2026-05-02 1), 1 looking spurious");
    expect(lines).toContain("  downtime: 1.6 s over 1 measured restart(s)");
  });

  it("flags logged paths the compared state cannot explain", async () => {
    const report = await logJson([`${logs}/deferred-restart.log`, "--state", "examples/agents-create/after", "--before", "examples/agents-create/before"]);
    expect(report.summary.unexplainedPaths).toEqual(["gateway.port", "models.pricing.openrouter", "gateway.bind"]);
    const table = await runInProcess(["log", `${logs}/deferred-restart.log`, ...rules, "--state", "examples/agents-create/after", "--before", "examples/agents-create/before", "--no-process-env"]);
    expect(table.stdout).toContain("gateway.port               logged restart  restart (rule gateway, base-tail)  NOT EXPLAINED");
  });

  it("summarizes a restart storm per day and says the 2026.5.3 rules would not have restarted", async () => {
    const report = await logJson([`${logs}/meta-storm.log`]);
    expect(report.summary).toMatchObject({
      restarts: 5,
      restartsPerDay: [
        { day: "2026-02-07", restarts: 3 },
        { day: "2026-02-08", restarts: 2 },
      ],
      topRestartPaths: [{ path: "meta.lastTouchedAt", restarts: 4 }],
      spuriousRestarts: 4,
      catalogAgreement: { agrees: 0, disagrees: 4, unknown: 0 },
    });
  });

  it("under the rules of the time the storm is reproduced (no rule for meta: restart fallback), and later rules avoid it", async () => {
    const result = await runInProcess(["log", `${logs}/meta-storm.log`, "--rules", "openclaw@2026.2.6-3", "--proposed", "openclaw@2026.2.25", "--format", "json"]);
    const report = JSON.parse(result.stdout) as LogReport;
    expect(report.summary).toMatchObject({ catalogAgreement: { agrees: 4, disagrees: 0 }, avoidedByProposed: 4 });
    expect(report.events[1]!.paths[0]).toMatchObject({ path: "meta.lastTouchedAt", current: { kind: "restart", rule: null, fallback: true }, proposed: { kind: "none" } });
  });

  it("counts the restarts proposed rules would have avoided", async () => {
    const report = await logJson([`${logs}/oc-43803-browser-profile.log`, "--proposed", "examples/proposed/browser-profiles-hot.json5"]);
    expect(report.events.map((analyzed) => analyzed.proposedRestart)).toEqual([false, true]);
    expect(report.summary.avoidedByProposed).toBe(1);
  });

  it("reports malformed lines by number and keeps going", async () => {
    const report = await logJson([`${logs}/garbage.log`]);
    expect(report.lines.malformed).toBe(3);
    expect(report.malformed.map((entry) => entry.line)).toEqual([3, 4, 13]);
  });

  it("reads standard input with -", () => {
    const input = "12:00:00 [reload] config change detected; evaluating reload (gateway.port)\n12:00:00 [reload] config change requires gateway restart (gateway.port)\n";
    const result = runBinary(["log", "-", ...rules, "--format", "json"], { input });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as LogReport).events[0]!.event.restartReasons).toEqual(["gateway.port"]);
  });

  it("a missing log file is a one-line error, exit 2", async () => {
    const result = await runInProcess(["log", `${logs}/nope.log`]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("nope.log");
  });
});
