import { afterAll, describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import rangeSchema from "../../schemas/log-range.schema.json" with { type: "json" };
import type { RangeReport } from "../../src/cli/commands/log-range.js";
import { runInProcess } from "../helpers/run-cli.js";
import { TempRepo, removeTempDirs } from "./temp-repo.js";

afterAll(removeTempDirs);

const short = (commit: string) => commit.slice(0, 7);
const validateRange = new Ajv({ strict: false }).compile(rangeSchema);

/** History of a deploy repo: edits to the config, its include (renamed midway), and unrelated files. */
function history() {
  const repo = TempRepo.create();
  const base = repo.commit("base", {
    "openclaw.json": '{ $include: "agents.json5", gateway: { port: 18789 } }',
    "agents.json5": '{ agents: { defaults: { heartbeat: { every: "30m" } } } }',
    "README.md": "deploy repo\n",
  });
  repo.commit("docs", { "README.md": "deploy repo, v2\n" });
  const heartbeat = repo.commit("faster heartbeat", { "agents.json5": '{ agents: { defaults: { heartbeat: { every: "10m" } } } }' });
  repo.git("mv", "agents.json5", "team-agents.json5");
  const rename = repo.commit("rename the include", { "openclaw.json": '{ $include: "team-agents.json5", gateway: { port: 18789 } }' });
  const bind = repo.commit("bind on the LAN", { "team-agents.json5": '{ agents: { defaults: { heartbeat: { every: "10m" } } }, gateway: { bind: "lan" } }' });
  repo.commit("stray file at the old include path", { "agents.json5": "{ not: 'read any more' }" });
  const deleted = repo.commit("retire the config", { "openclaw.json": null });
  return { repo, base, heartbeat, rename, bind, deleted };
}

describe("clawdiff log-range", () => {
  const { repo, base, heartbeat, rename, bind, deleted } = history();

  it("judges only the commits touching the config or what it reads, following a renamed include", async () => {
    const result = await runInProcess(["log-range", `${base}..HEAD`, "--format", "json", "--rules", "openclaw@2026.5.3"], {}, repo.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as RangeReport;
    expect(validateRange(report), JSON.stringify(validateRange.errors)).toBe(true);
    expect(report.commitsInRange).toBe(6);
    expect(report.commits.map((commit) => [commit.commit, commit.status, commit.verdict, commit.wouldRestart])).toEqual([
      [heartbeat, "compared", "hot-reload", false],
      [rename, "compared", "no-change", false],
      [bind, "compared", "restart", true],
      [deleted, "config-deleted", null, false],
    ]);
    expect(report.commits[2]!.restartReasons).toEqual(["gateway.bind"]);
    expect(report.commits[1]!.pathsRead).toEqual(["openclaw.json", "team-agents.json5"]);
    expect(report.summary).toEqual({ evaluated: 4, wouldRestart: 1, firstRestart: bind, errors: 0 });
  });

  it("prints one line per judged commit with its verdict", async () => {
    const result = await runInProcess(["log-range", `${base}..${rename}`], {}, repo.dir);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n")).toEqual([
      `${base}..${rename}: 2 of 3 commit(s) touch the config; 0 would restart the gateway`,
      `${short(heartbeat)}  hot-reload       faster heartbeat`,
      "         hot reload only: agents.defaults.heartbeat.every",
      `${short(rename)}  no-change        rename the include`,
      "         no change: the gateway would not react",
      "",
    ]);
  });

  it("a commit whose config fails to load is reported, not fatal", async () => {
    const broken = TempRepo.create();
    const start = broken.commit("start", { "openclaw.json": "{ gateway: { port: 1 } }" });
    const bad = broken.commit("typo", { "openclaw.json": "{ gateway: { port: 1 }" });
    broken.commit("fix", { "openclaw.json": "{ gateway: { port: 2 } }" });
    const result = await runInProcess(["log-range", `${start}..HEAD`, "--format", "json"], {}, broken.dir);
    const report = JSON.parse(result.stdout) as RangeReport;
    // The fix is compared with the last config the gateway loaded, not with the typo.
    expect(report.commits.map((commit) => [commit.status, commit.comparedWith ?? null])).toEqual([["error", null], ["compared", start]]);
    expect(report.commits[0]).toMatchObject({ commit: bad });
    expect(report.commits[0]!.headline).toMatch(new RegExp(`^${short(bad)}:openclaw\\.json:1:\\d+: `));
    expect(result.code).toBe(3);
  });

  it("an unknown range is a one-line error", async () => {
    const result = await runInProcess(["log-range", "nope..HEAD"], {}, repo.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`clawdiff: unknown revision range 'nope..HEAD' in ${repo.dir}\n`);
  });
});

describe("clawdiff log-range across a config the gateway cannot load", () => {
  const repo = TempRepo.create();
  const base = repo.commit("base", { "openclaw.json": "{ gateway: { port: 18789 } }" });
  const broken = repo.commit("typo", { "openclaw.json": "{ gateway: { port: 18789, } " });
  const fixed = repo.commit("fix the typo, bind on the LAN", { "openclaw.json": '{ gateway: { port: 18789, bind: "lan" } }' });

  it("compares the fix with the last loadable config, not with the broken parent", async () => {
    const result = await runInProcess(["log-range", `${base}..HEAD`, "--format", "json", "--rules", "openclaw@2026.5.3"], {}, repo.dir);
    const report = JSON.parse(result.stdout) as RangeReport;
    expect(validateRange(report), JSON.stringify(validateRange.errors)).toBe(true);
    expect(report.commits.map((commit) => [commit.commit, commit.status, commit.comparedWith ?? null])).toEqual([
      [broken, "error", null],
      [fixed, "compared", base],
    ]);
    expect(report.commits[0]!.headline).toContain(`the gateway keeps ${short(base)}`);
    expect(report.commits[1]).toMatchObject({ verdict: "restart", restartReasons: ["gateway.bind"] });
    expect(report.commits[1]!.headline).toContain(`(against ${short(base)}, the last config the gateway could load)`);
  });
});
