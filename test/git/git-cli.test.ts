import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Ajv } from "ajv";
import reportSchema from "../../schemas/report.schema.json" with { type: "json" };
import type { DiffReport } from "../../src/report/model.js";
import { runInProcess } from "../helpers/run-cli.js";
import { TempRepo, git, removeTempDirs, tempDir } from "./temp-repo.js";

afterAll(removeTempDirs);

const validateReport = new Ajv({ strict: false }).compile(reportSchema);
const short = (commit: string) => commit.slice(0, 7);

/** A deploy repo: a hot-reloadable heartbeat edit, then a port change that restarts the gateway. */
function deployRepo() {
  const repo = TempRepo.create();
  const base = repo.commit("base", {
    "openclaw.json": '{ $include: "agents.json5", gateway: { port: 18789 } }',
    "agents.json5": '{ agents: { defaults: { heartbeat: { every: "30m" } } } }',
  });
  const hot = repo.commit("heartbeat", { "agents.json5": '{ agents: { defaults: { heartbeat: { every: "10m" } } } }' });
  const restart = repo.commit("port", { "openclaw.json": '{ $include: "agents.json5", gateway: { port: 18790 } }' });
  return { repo, base, hot, restart };
}

const lines = (text: string) => text.trimEnd().split("\n");

describe("clawdiff diff with git revisions", () => {
  const { repo, base, hot, restart } = deployRepo();

  it("names both commits in the table and exits by the verdict", async () => {
    const result = await runInProcess(["diff", "git:HEAD~1", "git:HEAD", "--rules", "openclaw@2026.5.3"], {}, repo.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(3);
    expect(result.stdout).toContain(`${short(hot)} → ${short(restart)}`);
    const hotOnly = await runInProcess([`git:${base}`, `git:${hot}`], {}, repo.dir);
    expect(hotOnly.code).toBe(1);
    expect(lines(hotOnly.stdout)[0]).toMatch(/^hot reload only: agents\.defaults\.heartbeat\.every/);
  });

  it("JSON inputs carry the resolved commits and the paths read, and validate", async () => {
    const result = await runInProcess(["git:main~2", "git:main", "--format", "json"], {}, repo.dir);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.inputs.before).toMatchObject({ spec: "git:main~2", kind: "git", git: { rev: "main~2", commit: base, path: "openclaw.json", pathsRead: ["openclaw.json", "agents.json5"] } });
    expect(report.inputs.after.git?.commit).toBe(restart);
    expect(report.changedPaths).toEqual(["agents.defaults.heartbeat.every", "gateway.port"]);
  });

  it("-C names the repository from anywhere; a state directory can be the other side", async () => {
    const elsewhere = tempDir("clawdiff-cwd-");
    const result = await runInProcess(["-C", repo.dir, "git:HEAD", repo.dir, "--format", "json"], {}, elsewhere);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.inputs.after.kind).toBe("dir");
  });

  it("--staged compares HEAD with the index; --worktree with the working tree", async () => {
    const { repo: work } = deployRepo();
    work.write({ "openclaw.json": '{ $include: "agents.json5", gateway: { port: 18791 } }' });
    work.git("add", "openclaw.json");
    work.write({ "agents.json5": '{ agents: { defaults: { heartbeat: { every: "1m" } } } }' });

    const staged = await runInProcess(["diff", "--staged", "--format", "json"], {}, work.dir);
    const stagedReport = JSON.parse(staged.stdout) as DiffReport;
    expect(stagedReport.changedPaths).toEqual(["gateway.port"]);
    expect(stagedReport.inputs.after.git).toMatchObject({ rev: "index", commit: null });
    expect(lines((await runInProcess(["diff", "--staged"], {}, work.dir)).stdout)[1]).toBe(`${short(work.git("rev-parse", "HEAD"))} → index`);

    const worktree = await runInProcess(["diff", "--worktree", "--format", "json"], {}, work.dir);
    expect((JSON.parse(worktree.stdout) as DiffReport).changedPaths).toEqual(["agents.defaults.heartbeat.every", "gateway.port"]);
  });

  it("reads a bare repository", async () => {
    const bare = join(tempDir(), "deploy.git");
    git(repo.dir, "clone", "-q", "--bare", repo.dir, bare);
    const result = await runInProcess(["-C", bare, `git:${base}`, "git:HEAD", "--format", "json"], {}, tempDir());
    expect(result.stderr).toBe("");
    expect((JSON.parse(result.stdout) as DiffReport).changedPaths).toEqual(["agents.defaults.heartbeat.every", "gateway.port"]);
    const staged = await runInProcess(["-C", bare, "--staged"], {}, tempDir());
    expect(staged.code).toBe(2);
    expect(staged.stderr).toBe(`clawdiff: a bare repository has no index: ${bare}\n`);
  });

  it("reads from a linked worktree, whose HEAD is its own branch", async () => {
    const linked = join(tempDir(), "linked");
    repo.git("worktree", "add", "-q", "-b", "feature", linked, `${hot}`);
    const result = await runInProcess(["-C", linked, "git:HEAD", "git:main", "--format", "json"], {}, tempDir());
    const report = JSON.parse(result.stdout) as DiffReport;
    expect(report.inputs.before.git?.commit).toBe(hot);
    expect(report.inputs.before.git?.repository).toBe(linked);
    expect(report.changedPaths).toEqual(["gateway.port"]);
  });
});

describe("shallow clones", () => {
  const { repo, base } = deployRepo();
  const shallow = join(tempDir(), "shallow");
  git(repo.dir, "clone", "-q", "--depth", "1", `file://${repo.dir}`, shallow);

  it("reads the revision it has", async () => {
    const result = await runInProcess(["git:HEAD", shallow], {}, shallow);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it.each([
    ["HEAD~1", "revision 'HEAD~1'"],
    ["a commit id it lacks", `revision '${base}'`],
  ])("a revision beyond its history (%s) is a clear error", async (_name, named) => {
    const rev = named.slice("revision '".length, -1);
    const result = await runInProcess([`git:${rev}`, "git:HEAD"], {}, shallow);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`clawdiff: ${named} is not in this shallow clone (fetch more history: git fetch --deepen=<n> or git fetch --unshallow)\n`);
  });
});

describe("one-line errors, exit 2", () => {
  const { repo } = deployRepo();
  const plain = tempDir("clawdiff-plain-");
  const cases: [string, string[], string, string][] = [
    ["unknown revision", ["git:nope", "git:HEAD"], repo.dir, `unknown revision 'nope' in ${repo.dir}`],
    ["path not in the revision", ["git:HEAD:missing/openclaw.json", "git:HEAD"], repo.dir, "git:HEAD:missing/openclaw.json: missing/openclaw.json is not in HEAD"],
    ["not a git repository", ["-C", plain, "git:HEAD", "git:HEAD"], plain, `not a git repository: ${plain} (name one with -C <repo>)`],
    ["--staged with specs", ["--staged", "git:HEAD"], repo.dir, "--staged compares HEAD with the index; give no <before>/<after> with it"],
  ];
  it.each(cases)("%s", async (_name, args, cwd, message) => {
    const result = await runInProcess(args, {}, cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr.startsWith(`clawdiff: ${message}`)).toBe(true);
  });
});
