import { mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/run-cli.js";
import { TempRepo, countingRunner, removeTempDirs } from "./temp-repo.js";
import { GitSession } from "../../src/sources/git/session.js";
import { readIndexPaths } from "../../src/sources/git/index-paths.js";

afterAll(removeTempDirs);

/**
 * Links staged in the index are read as a checkout would read them: git's
 * own `--follow-symlinks` does this for trees but not for the index, where
 * it hands back the link's target text.
 */
function repoWithLinks(): TempRepo {
  const repo = TempRepo.create();
  repo.write({ "real/openclaw.json": "{ gateway: { port: 1 } }\n", "real/extra.json5": "{ gateway: { bind: 'lan' } }\n" });
  symlinkSync("real/openclaw.json", join(repo.dir, "openclaw.json"));
  symlinkSync("real", join(repo.dir, "conf"));
  symlinkSync("/etc/hostname", join(repo.dir, "outside.json"));
  symlinkSync("../../x.json", join(repo.dir, "real", "up.json"));
  symlinkSync("nowhere.json", join(repo.dir, "dangling.json"));
  symlinkSync("loop-b", join(repo.dir, "loop-a"));
  symlinkSync("loop-a", join(repo.dir, "loop-b"));
  mkdirSync(join(repo.dir, "nested"));
  symlinkSync("../conf/extra.json5", join(repo.dir, "nested", "extra.json5"));
  repo.commit("links");
  repo.write({ "real/openclaw.json": '{ $include: "nested/extra.json5", gateway: { port: 2 } }\n' });
  repo.git("add", "-A");
  return repo;
}

describe("symlinks in the index", () => {
  const repo = repoWithLinks();

  it("a staged link to the config reads the config it points to, includes through linked directories too", async () => {
    const result = await runInProcess(["diff", "git:HEAD", "git:[index]", "--format", "brief", "--no-process-env"], {}, repo.dir);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/gateway\.port/);
    expect(result.stdout).toMatch(/gateway\.bind/);
    expect(result.code).toBe(3);
  });

  it("a path through a linked directory, and a link to it, read the same file", async () => {
    const result = await runInProcess(["diff", "git:[index]:conf/extra.json5", "git:[index]:nested/extra.json5", "--format", "brief", "--no-process-env"], {}, repo.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it.each([
    ["outside.json", "symlink that leaves the repository: /etc/hostname"],
    ["real/up.json", "symlink that leaves the repository: ../../x.json"],
    ["dangling.json", "symlink whose target is not there: nowhere.json"],
    ["loop-a", "symlink loop: loop-a"],
    ["real/openclaw.json/x", "path runs through a file as if it were a directory: real/openclaw.json/x"],
  ])("%s: one line, exit 2", async (path, message) => {
    const result = await runInProcess(["diff", "git:HEAD:real/openclaw.json", `git:[index]:${path}`, "--no-process-env"], {}, repo.dir);
    expect(result.stderr).toBe(`clawdiff: index:${path}: ${message}\n`);
    expect(result.code).toBe(2);
  });

  it("answers as git does for the same links in a commit", () => {
    const session = new GitSession(repo.dir);
    const paths = ["openclaw.json", "conf/extra.json5", "dangling.json", "missing.json"];
    const index = readIndexPaths(session, paths);
    const tree = session.readObjects(paths.map((path) => `HEAD:${path}`));
    for (const path of ["conf/extra.json5", "missing.json"]) expect(index.get(path)).toEqual(tree.get(`HEAD:${path}`));
    expect(index.get("openclaw.json")).toMatchObject({ status: "found", type: "blob" });
    expect(index.get("dangling.json")!.status).toBe(tree.get("HEAD:dangling.json")!.status);
  });

  it("costs one batch when no link is involved", () => {
    const plain = TempRepo.create();
    plain.commit("plain", { "openclaw.json": "{ gateway: { port: 1 } }\n", ".env": "A=1\n" });
    const { runner, calls } = countingRunner();
    readIndexPaths(new GitSession(plain.dir, runner), ["openclaw.json", ".env", "deep/dir/none.json"]);
    expect(calls.map((args) => args[0])).toEqual(["rev-parse", "cat-file"]);
  });
});
