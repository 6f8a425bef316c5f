import { describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/report/model.js";
import { runInProcess } from "../helpers/run-cli.js";

const pair = ["examples/write-env-refs/before", "examples/write-env-refs/after", "--no-process-env", "--format", "json"];
const run = async (...extra: string[]) => {
  const result = await runInProcess(["diff", ...pair, ...extra]);
  expect(result.stderr).toBe("");
  expect(result.stdout).not.toMatch(/oc_gw_example|sk-or-example/);
  return { code: result.code, report: JSON.parse(result.stdout) as DiffReport };
};

describe("--trigger write reproduces openclaw#71208 under 2026.4.22", () => {
  it("the write path diffs ${VAR} text against resolved values: the logged paths, and a spurious restart", async () => {
    const { code, report } = await run("--rules", "openclaw@2026.4.22", "--trigger", "write");
    expect(code).toBe(3);
    expect(report.evaluator).toMatchObject({ trigger: "write", before: "source", after: "persisted", since: "2026.4.22" });
    expect([...report.changedPaths].sort()).toEqual([
      "agents.defaults.model.primary",
      "gateway.auth.token",
      "meta.lastTouchedAt",
      "plugins.entries.perplexity.config.webSearch.apiKey",
    ]);
    const token = report.changes.find((change) => change.path === "gateway.auth.token")!;
    expect(token.spurious).toBe(true);
    expect(token.causes.map((cause) => cause.code)).toEqual(["ENV_REF_FORM_ONLY"]);
    // 2026.4.x classifies the whole plugins tree as restart: both env-ref paths force it, both spuriously.
    expect(report.plans.current.restartReasons).toEqual(["gateway.auth.token", "plugins.entries.perplexity.config.webSearch.apiKey"]);
    expect(report.summary.spuriousRestartReasons).toBe(2);
  });

  it("the watcher, and the write path after openclaw#73267, see only the model edit", async () => {
    for (const args of [["--rules", "openclaw@2026.4.22"], ["--rules", "openclaw@2026.4.27", "--trigger", "write"]]) {
      const { code, report } = await run(...args);
      expect(report.changedPaths.filter((path) => !path.startsWith("meta."))).toEqual(["agents.defaults.model.primary"]);
      expect(code).toBe(1);
    }
  });
});
