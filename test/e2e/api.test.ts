import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffStates, loadState, planReload, type DiffReport } from "../../src/index.js";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";

const before = "examples/agents-create/before";
const after = "examples/agents-create/after";

describe("library API", () => {
  it("diffStates returns exactly the report `clawdiff diff --format json` prints", async () => {
    const cli = await runInProcess([before, after, "--rules", "openclaw@2026.5.3", "--format", "json", "--no-process-env"]);
    const report: DiffReport = diffStates(before, after, { rules: "openclaw@2026.5.3", cwd: repoRoot, processEnv: false });
    expect(JSON.parse(JSON.stringify(report))).toEqual(JSON.parse(cli.stdout));
    expect(report.plans.current.restartReasons).toEqual(["gateway.tailscale"]);
  });

  it("diffStates takes env values and ignore files like the CLI", () => {
    const report = diffStates(before, after, {
      rules: "openclaw@2026.5.3",
      cwd: repoRoot,
      processEnv: false,
      env: { OPENCLAW_GATEWAY_TOKEN: "something-else" },
      ignoreFile: "test/fixtures/ignore/accept-writer-noise.json5",
    });
    expect(report.changedPaths).toContain("gateway.auth.token");
    expect(report.suppressed?.map((change) => change.path)).toEqual(["meta.lastTouchedAt", "gateway.tailscale"]);
  });

  it("loadState returns the three views of one side", () => {
    const state = loadState("test/fixtures/states/include-move/before", { cwd: repoRoot, rules: "openclaw@2026.5.3" });
    expect(state.input).toMatchObject({ kind: "dir", spec: "test/fixtures/states/include-move/before" });
    expect(state.evaluator).toEqual({ gateway: { mode: "local" }, agents: { defaults: { heartbeat: { every: "30m" } }, list: [{ id: "main" }, { id: "ops" }] } });
    expect((state.semantic as { gateway: { port: number } }).gateway.port).toBe(18789);
  });

  it("planReload plans logged paths as the report's plans.current", () => {
    const plan = planReload(["meta.lastTouchedAt", "gateway.auth.token", "agents.list"], "openclaw@2026.5.3");
    expect(plan).toEqual({
      catalog: "openclaw@2026.5.3",
      restartGateway: true,
      restartReasons: ["gateway.auth.token"],
      hotReasons: ["agents.list"],
      noopPaths: ["meta.lastTouchedAt"],
      actions: ["restartHeartbeat"],
      restartChannels: [],
      outcome: "restart",
      wouldRestart: true,
    });
    expect(planReload(["gateway.port"], "openclaw@2026.5.3", { mode: "hot" }).outcome).toBe("restart-ignored");
  });

  it("the built package resolves as `clawdiff` with its type declarations", () => {
    const pkg = JSON.parse(readFileSync(`${repoRoot}package.json`, "utf8")) as { exports: { ".": { types: string; import: string } } };
    const declarations = readFileSync(`${repoRoot}${pkg.exports["."].types}`, "utf8");
    expect(declarations).toMatch(/export \{ diffStates, loadState, planReload/);
    const script = 'import { planReload } from "clawdiff"; console.log(planReload(["meta.lastTouchedAt"], "openclaw@2026.5.3").outcome);';
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: repoRoot, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("none");
  });
});
