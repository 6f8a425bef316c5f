import { afterAll, describe, expect, it } from "vitest";
import { compareInputs } from "../../src/compare.js";
import { openConfigInput } from "../../src/sources/config-input.js";
import { GitSession } from "../../src/sources/git/session.js";
import { bundledCatalog } from "../helpers/catalogs.js";
import { TempRepo, countingRunner, removeTempDirs } from "./temp-repo.js";

afterAll(removeTempDirs);

const INCLUDES = 100;
const includeName = (index: number) => `agents/agent-${String(index).padStart(3, "0")}.json5`;

/** A config that pulls in 100 files; `port` is the value the second revision changes in one of them. */
function includeFiles(port: number): Record<string, string> {
  const files: Record<string, string> = { "openclaw.json": `{ $include: ${JSON.stringify(Array.from({ length: INCLUDES }, (_, i) => includeName(i)))} }` };
  for (let i = 0; i < INCLUDES; i += 1) files[includeName(i)] = i === 42 ? `{ gateway: { port: ${port} } }` : `{ agents: { list: [{ id: "agent-${i}" }] } }`;
  return files;
}

describe("git process budget", () => {
  it("two revisions of a repo with 100 include files take a handful of git processes", () => {
    const repo = TempRepo.create();
    repo.commit("first", { ...includeFiles(18789), ".env": "A=1\n" });
    repo.commit("second", includeFiles(18790));
    const { runner, calls } = countingRunner();
    const options = { git: new GitSession(repo.dir, runner), cwd: repo.dir };

    const comparison = compareInputs(openConfigInput("git:HEAD~1", options), openConfigInput("git:HEAD", options), bundledCatalog("openclaw@2026.5.3"));

    expect(comparison.changes.map((change) => change.path)).toEqual(["gateway.port"]);
    expect(comparison.after.files.size).toBe(INCLUDES + 1);
    expect(comparison.before.input.git?.pathsRead).toHaveLength(INCLUDES + 2);
    // Discovery once, then per revision: one batch for the config (and its .env), one for the include level.
    expect(calls.map((args) => args[0])).toEqual(["rev-parse", "cat-file", "cat-file", "cat-file", "cat-file"]);
  });

  it("nested includes cost one batch per include level, not one process per file", () => {
    const repo = TempRepo.create();
    const files: Record<string, string> = { "openclaw.json": '{ $include: ["a/index.json5", "b/index.json5"] }' };
    for (const group of ["a", "b"]) {
      files[`${group}/index.json5`] = `{ $include: ${JSON.stringify(Array.from({ length: 10 }, (_, i) => `leaf-${i}.json5`))} }`;
      for (let i = 0; i < 10; i += 1) files[`${group}/leaf-${i}.json5`] = `{ agents: { list: [{ id: "${group}-${i}" }] } }`;
    }
    repo.commit("nested", files);
    const { runner, calls } = countingRunner();
    const input = openConfigInput("git:HEAD", { git: new GitSession(repo.dir, runner), cwd: repo.dir });
    expect(calls).toHaveLength(1 + 3);
    compareInputs(input, input, bundledCatalog("openclaw@2026.5.3"));
    expect(calls).toHaveLength(1 + 3);
  });
});
