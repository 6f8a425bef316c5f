import { describe, expect, it } from "vitest";
import type { DiffReport } from "../../src/report/model.js";
import { runInProcess } from "../helpers/run-cli.js";

const states = "test/fixtures/states";

async function diff(name: string, format = "json") {
  return runInProcess(["diff", `${states}/${name}/before`, `${states}/${name}/after`, "--no-process-env", "--format", format]);
}

describe("a change of .env alone: what the gateway really sees", () => {
  it("a variable the process already holds keeps its old value until a restart", async () => {
    const report = JSON.parse((await diff("env-value")).stdout) as DiffReport;
    expect(report.envOnly).toEqual({ nextEvaluation: [], untilRestart: ["gateway.auth.token"], variables: [{ name: "GW_TOKEN", change: "changed", from: `${states}/env-value/after/.env` }] });
    expect(report.summary.headline).toBe("not seen now: only the environment changed; the new values take effect only when the gateway restarts");
  });

  it("a variable that was unset is read at the next write of the config file", async () => {
    const result = await diff("env-added", "table");
    expect(result.stdout.split("\n")[0]).toMatch(/^not seen now: only the environment changed; the next write of the config file brings:/);
    expect(result.stdout).toContain("the next evaluation (the next write of the config file) will report gateway.auth.token");
    expect(result.stdout).not.toContain("keeps the old value");
  });

  it("a config edit is not an env-only change", async () => {
    const report = JSON.parse((await runInProcess(["diff", "examples/agents-create/before", "examples/agents-create/after", "--format", "json", "--no-process-env"])).stdout) as DiffReport;
    expect(report.envOnly).toBeUndefined();
  });
});
