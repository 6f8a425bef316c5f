import { describe, expect, it } from "vitest";
import { planChange, type DiffReport } from "../../src/index.js";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";

const before = "examples/agents-create/before";
const agentsCreate = ["plan", before, "--op", "agents.create", "--agent", "research", "--no-process-env", "--dotenv", `${before}/.env`, "--proposed", "examples/proposed/browser-profiles-hot.json5", "--format", "json"];
const now = "2026-05-02T11:47:55.602Z";

describe("examples/agents-create: plan the agents.create of openclaw#76208 before it is made", () => {
  it("under 2026.5.3 the writer adds the entry and stamps meta; gateway.tailscale is not written; no restart", async () => {
    const result = await runInProcess([...agentsCreate, "--rules", "openclaw@2026.5.3"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.evaluator.trigger).toBe("write");
    expect([...report.changedPaths].sort()).toEqual(["agents.list", "meta.lastTouchedAt"]);
    expect(report.changedPaths).not.toContain("gateway.tailscale");
    expect(report.plans.current.restartGateway).toBe(false);
    expect(report.plans.proposed?.restartGateway).toBe(false);
    const list = report.changes.find((change) => change.path === "agents.list")!;
    expect((list.after as { id: string }[]).map((entry) => entry.id)).toEqual(["main", "research"]);
    expect(report.write?.effects.map((effect) => effect.code)).toEqual(["stamp", "stamp", "reformat"]);
    expect(result.stdout).not.toMatch(/oc_gw_|sk-or-/);
  });

  it("under 2026.2.9 the whole runtime config is written: meta matches no rule and restarts, ${VAR} values are resolved", async () => {
    const result = await runInProcess([...agentsCreate, "--rules", "openclaw@2026.2.9"]);
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.plans.current.restartReasons).toEqual(["meta.lastTouchedVersion", "meta.lastTouchedAt"]);
    expect(report.summary.spuriousRestartReasons).toBe(2);
    expect(report.plans.proposed?.restartGateway).toBe(false);
    const resolved = report.write?.effects.find((effect) => effect.code === "env-resolved");
    expect(resolved?.outcomes.map((outcome) => outcome.path)).toEqual(["gateway.auth.token", "models.providers.openrouter.apiKey", "channels.telegram.botToken"]);
  });

  it("planChange returns the report `clawdiff plan --format json` prints", async () => {
    const cli = await runInProcess(["plan", before, "--set", "gateway.port=19001", "--rules", "openclaw@2026.5.3", "--no-process-env", "--format", "json"]);
    const report = planChange(before, { operation: "config.set", edits: [{ kind: "set", segments: ["gateway", "port"], value: 19001, raw: "gateway.port" }] }, { rules: "openclaw@2026.5.3", cwd: repoRoot, processEnv: false, now });
    const strip = (value: DiffReport) => JSON.parse(JSON.stringify(value).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, "<time>")) as unknown;
    expect(strip(report)).toEqual(strip(JSON.parse(cli.stdout) as DiffReport));
    expect(report.plans.current.restartReasons).toEqual(["gateway.port"]);
  });
});
