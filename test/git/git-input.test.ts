import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { openConfigInput } from "../../src/sources/config-input.js";
import { createGitRunner } from "../../src/sources/git/runner.js";
import { GitSession } from "../../src/sources/git/session.js";
import { ClawdiffError } from "../../src/shared/errors.js";
import { TempRepo, countingRunner, removeTempDirs, tempDir } from "./temp-repo.js";

afterAll(removeTempDirs);

const load = (spec: string, session: GitSession, configRelPath?: string) =>
  loadConfig(openConfigInput(spec, { git: session, cwd: session.directory, ...(configRelPath ? { configRelPath } : {}) }));

/** The one-line message a git input fails with. */
function failure(open: () => unknown): string {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(ClawdiffError);
    return (error as ClawdiffError).format();
  }
  throw new Error("expected a ClawdiffError");
}

describe("git:<rev> inputs read from the object database", () => {
  const repo = TempRepo.create();
  const first = repo.commit("first", {
    "openclaw.json": '{ $include: "./agents.json5", gateway: { port: 18789 } }',
    "agents.json5": "{ agents: { list: [{ id: 'main' }] } }",
    ".env": "GW_TOKEN=from-first\n",
  });
  const second = repo.commit("second", { "agents.json5": "{ agents: { list: [{ id: 'main' }, { id: 'ops' }] } }", ".env": "GW_TOKEN=from-second\n" });
  // Working-tree edits must never leak into a revision's view.
  repo.write({ "agents.json5": "{ agents: { list: [] } }" });
  const session = new GitSession(repo.dir);

  it("resolves $include inside each revision's tree", () => {
    expect(load(`git:${first}`, session).compare).toEqual({ agents: { list: [{ id: "main" }] }, gateway: { port: 18789 } });
    expect(load("git:HEAD", session).compare).toMatchObject({ agents: { list: [{ id: "main" }, { id: "ops" }] } });
  });

  it("reports the resolved commit and the paths read", () => {
    const loaded = load("git:main~1", session);
    expect(loaded.input.kind).toBe("git");
    expect(loaded.input.git).toMatchObject({ repository: session.repository().root, rev: "main~1", commit: first, path: "openclaw.json" });
    expect(loaded.input.git!.pathsRead).toEqual(["openclaw.json", "agents.json5", ".env"]);
    expect(loaded.root.display).toBe(`${first.slice(0, 7)}:openclaw.json`);
  });

  it("reads .env from the same revision", () => {
    const env = (spec: string) => load(spec, session).env.lookup("GW_TOKEN");
    expect(env(`git:${first}`)).toEqual({ value: "from-first", origin: `${first.slice(0, 7)}:.env` });
    expect(env(`git:${second}`)?.value).toBe("from-second");
  });

  it("addresses a config anywhere in the tree with git:<rev>:<path> or --config", () => {
    repo.commit("nested", { "deploy/prod/openclaw.json": '{ $include: "base.json5" }', "deploy/prod/base.json5": "{ gateway: { bind: 'lan' } }" });
    expect(load("git:HEAD:deploy/prod/openclaw.json", session).compare).toEqual({ gateway: { bind: "lan" } });
    expect(load("git:HEAD", session, "deploy/prod/openclaw.json").input.git?.path).toBe("deploy/prod/openclaw.json");
  });

  it("falls back to .openclaw/openclaw.json when the root has no openclaw.json", () => {
    const dotted = TempRepo.create();
    dotted.commit("dotted", { ".openclaw/openclaw.json": "{ gateway: { port: 1 } }" });
    const loaded = load("git:HEAD", new GitSession(dotted.dir));
    expect(loaded.input.git?.path).toBe(".openclaw/openclaw.json");
    expect(loaded.compare).toEqual({ gateway: { port: 1 } });
  });
});

describe("renamed include and deleted config", () => {
  const repo = TempRepo.create();
  const before = repo.commit("agents in one file", {
    "openclaw.json": '{ $include: "agents.json5" }',
    "agents.json5": "{ agents: { list: [{ id: 'main' }] } }",
  });
  repo.git("mv", "agents.json5", "agents-main.json5");
  const renamed = repo.commit("rename the include", { "openclaw.json": '{ $include: "agents-main.json5" }' });
  const deleted = repo.commit("delete the config", { "openclaw.json": null });
  const session = new GitSession(repo.dir);

  it("reads the renamed include at each revision: same effective config, different paths read", () => {
    const a = load(`git:${before}`, session);
    const b = load(`git:${renamed}`, session);
    expect(b.compare).toEqual(a.compare);
    expect(a.input.git?.pathsRead).toEqual(["openclaw.json", "agents.json5"]);
    expect(b.input.git?.pathsRead).toEqual(["openclaw.json", "agents-main.json5"]);
  });

  it("an include missing from the revision is an include error at the $include", () => {
    repo.commit("break the include", { "openclaw.json": '{ $include: "agents.json5" }', "agents-main.json5": "{}" });
    expect(failure(() => load("git:HEAD", session))).toMatch(/^[0-9a-f]{7}:openclaw\.json:1:3: cannot read \$include agents\.json5: not in HEAD \([0-9a-f]{7}\)$/);
  });

  it("a deleted config is a clear error naming the revision", () => {
    expect(failure(() => load(`git:${deleted}`, session))).toBe(
      `git:${deleted}: none of openclaw.json, .openclaw/openclaw.json is in ${deleted.slice(0, 7)} (name the config with --config <path> or git:<rev>:<path>)`,
    );
    expect(failure(() => load(`git:${deleted}:openclaw.json`, session))).toBe(`git:${deleted}:openclaw.json: openclaw.json is not in ${deleted.slice(0, 7)}`);
  });
});

describe("symlinks in the tree", () => {
  const repo = TempRepo.create();
  repo.write({ "openclaw.json": '{ $include: "current.json5" }', "versions/v2.json5": "{ gateway: { port: 2 } }" });
  symlinkSync("versions/v2.json5", join(repo.dir, "current.json5"));
  symlinkSync("/etc/hostname", join(repo.dir, "outside.json5"));
  repo.commit("links");
  const session = new GitSession(repo.dir);

  it("follows a link inside the repository, as a checkout would", () => {
    expect(load("git:HEAD", session).compare).toEqual({ gateway: { port: 2 } });
  });

  it("refuses a link that leaves the repository", () => {
    repo.commit("escape", { "openclaw.json": '{ $include: "outside.json5" }' });
    expect(failure(() => load("git:HEAD", session))).toMatch(/cannot read \$include outside\.json5: symlink that leaves the repository: \/etc\/hostname$/);
  });
});

describe("clear errors", () => {
  const repo = TempRepo.create();
  repo.commit("one", { "openclaw.json": "{}" });
  const session = new GitSession(repo.dir);

  it("unknown revision", () => {
    expect(failure(() => load("git:no-such-branch", session))).toBe(`unknown revision 'no-such-branch' in ${session.repository().root}`);
  });

  it("not a git repository", () => {
    const plain = tempDir("clawdiff-plain-");
    expect(failure(() => load("git:HEAD", new GitSession(plain)))).toBe(`not a git repository: ${plain} (name one with -C <repo>)`);
  });

  it("git missing from PATH", () => {
    const missing = new GitSession(repo.dir, createGitRunner("/nonexistent/clawdiff-test/git"));
    expect(failure(() => load("git:HEAD", missing))).toBe("git is not installed or not on PATH (needed for git: inputs)");
  });

  it("a spec without a revision", () => {
    expect(failure(() => load("git:", session))).toBe("'git:' names no revision: use git:<rev> or git:<rev>:<path>");
  });
});
