import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import reportSchema from "../../schemas/report.schema.json" with { type: "json" };
import type { DiffReport } from "../../src/report/model.js";
import { runBinary, runInProcess } from "../helpers/run-cli.js";

const validateReport = new Ajv({ strict: false }).compile(reportSchema);
const pair = (name: string) => [`examples/${name}/before`, `examples/${name}/after`];
const rules = ["--rules", "openclaw@2026.5.3"];
const drift = [...pair("browser-profile"), ...rules, "--proposed", "examples/proposed/browser-profiles-hot.json5"];

describe("the exit-code contract, one case per code", () => {
  it("0: no effective change", async () => {
    expect((await runInProcess(["examples/heartbeat-edit/after", "examples/heartbeat-edit/after"])).code).toBe(0);
  });

  it("1: changes, no restart", async () => {
    expect((await runInProcess([...pair("heartbeat-edit"), ...rules])).code).toBe(1);
  });

  it("2: an error, whatever --exit-code says", async () => {
    const result = await runInProcess(["examples/missing/before", "examples/missing/after", "--exit-code", "none"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clawdiff: examples\/missing\/before: no such file or directory/);
  });

  it("3: a restart would fire (the bundled binary, as scripts run it)", () => {
    expect(runBinary([...pair("token-rotation"), ...rules]).code).toBe(3);
  });

  it("4: current and proposed rules disagree, with --fail-on drift", async () => {
    expect((await runInProcess([...drift, "--fail-on", "drift"])).code).toBe(4);
    expect((await runInProcess(drift)).code).toBe(3);
  });
});

describe("--fail-on and --exit-code", () => {
  it("--fail-on restart lets a hot reload pass and still fails a restart", async () => {
    expect((await runInProcess([...pair("heartbeat-edit"), ...rules, "--fail-on", "restart"])).code).toBe(0);
    expect((await runInProcess([...pair("token-rotation"), ...rules, "--fail-on", "restart"])).code).toBe(3);
  });

  it("--fail-on accepts a comma list and repeats", async () => {
    expect((await runInProcess([...drift, "--fail-on", "restart,drift"])).code).toBe(4);
    expect((await runInProcess([...drift, "--fail-on", "hot", "--fail-on", "restart"])).code).toBe(3);
  });

  it("--exit-code none and --fail-on never exit 0 on a restart", async () => {
    expect((await runInProcess([...pair("token-rotation"), ...rules, "--exit-code", "none"])).code).toBe(0);
    expect((await runInProcess([...pair("token-rotation"), ...rules, "--fail-on", "never"])).code).toBe(0);
  });

  it("bad values are usage errors (exit 2)", async () => {
    const unknown = await runInProcess([...pair("token-rotation"), "--fail-on", "sometimes"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--fail-on: unknown result 'sometimes'");
    expect((await runInProcess([...pair("token-rotation"), "--fail-on", "never,hot"])).code).toBe(2);
    expect((await runInProcess([...pair("token-rotation"), "--exit-code", "maybe"])).code).toBe(2);
  });
});

describe("ignore files and the exit code", () => {
  const agentsCreate = [...pair("agents-create"), ...rules];

  it("suppressed changes stay in the report and stop counting: restart becomes 1", async () => {
    const result = await runInProcess([...agentsCreate, "--ignore-file", "test/fixtures/ignore/accept-writer-noise.json5", "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.changedPaths).toContain("gateway.tailscale");
    expect(report.suppressed).toEqual([
      expect.objectContaining({ path: "meta.lastTouchedAt", entry: expect.objectContaining({ path: "meta.*", line: 4 }) }),
      expect.objectContaining({ path: "gateway.tailscale", entry: expect.objectContaining({ path: "/gateway/tailscale", line: 5 }) }),
    ]);
    expect(report.ignore).toMatchObject({ file: "test/fixtures/ignore/accept-writer-noise.json5", stale: [], expired: [], effectiveVerdict: "hot-reload" });
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it("only suppressed changes exit 0; the ignore file beside the after-config is found by itself", async () => {
    const result = await runInProcess(["test/fixtures/ignore/beside/before", "test/fixtures/ignore/beside/after", ...rules, "--format", "json"]);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.summary.verdict).toBe("restart");
    expect(report.ignore?.file).toBe("test/fixtures/ignore/beside/after/.clawdiffignore.json5");
    expect(report.ignore?.effectiveVerdict).toBe("no-change");
    expect(result.code).toBe(0);
    const noIgnore = await runInProcess(["test/fixtures/ignore/beside/before", "test/fixtures/ignore/beside/after", ...rules, "--no-ignore-file"]);
    expect(noIgnore.code).toBe(3);
  });

  it("a stale entry is warned about, and fatal only with --fail-on stale-ignore", async () => {
    const stale = [...agentsCreate, "--ignore-file", "test/fixtures/ignore/stale.json5"];
    const relaxed = await runInProcess([...stale, "--fail-on", "restart"]);
    expect(relaxed.code).toBe(3);
    expect(relaxed.stderr).toContain("clawdiff: warning: test/fixtures/ignore/stale.json5:4: ignore entry 're:^browser\\.profiles\\.' matched no change (stale)");
    expect((await runInProcess([...stale, "--fail-on", "hot,stale-ignore"])).code).toBe(1);
    expect((await runInProcess([...stale, "--fail-on", "hot"])).code).toBe(0);
  });

  it("an expired entry is not applied and is warned about", async () => {
    const result = await runInProcess([...agentsCreate, "--ignore-file", "test/fixtures/ignore/expired.json5"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("test/fixtures/ignore/expired.json5:4: ignore entry 'gateway.tailscale' expired on 2000-01-01; not applied");
  });

  it("an invalid ignore file is an error naming file, line and JSON path", async () => {
    const result = await runInProcess([...agentsCreate, "--ignore-file", "test/fixtures/ignore/invalid-until.json5"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^clawdiff: test\/fixtures\/ignore\/invalid-until\.json5:4:\d+: invalid ignore file: \/ignore\/1\/until/);
  });
});
