import { spawnSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/run-cli.js";
import { GIT_ENV, TempRepo, removeTempDirs } from "./temp-repo.js";

afterAll(removeTempDirs);

/** The README's hook, verbatim except that it runs this checkout's bundle instead of an installed clawdiff. */
function readmeHook(): string {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const hook = /```sh\n(#!\/bin\/sh\n# What this commit changes[\s\S]*?)```/.exec(readme)?.[1];
  if (!hook) throw new Error("README has no pre-commit hook snippet");
  return hook.replace("npx --no-install clawdiff", `"${process.execPath}" "${repoRoot}bin/clawdiff.js"`);
}

function commit(repo: TempRepo, files: Record<string, string>) {
  repo.write(files);
  repo.git("add", "-A");
  return spawnSync("git", ["commit", "-q", "-m", "change"], { cwd: repo.dir, env: { ...process.env, ...GIT_ENV }, encoding: "utf8" });
}

describe("the README's pre-commit hook", () => {
  const repo = TempRepo.create();
  repo.commit("base", { "openclaw.json": '{ $include: "agents.json5", gateway: { port: 18789 } }', "agents.json5": '{ agents: { defaults: { heartbeat: { every: "30m" } } } }' });
  const hookPath = join(repo.dir, ".git", "hooks", "pre-commit");
  writeFileSync(hookPath, readmeHook());
  chmodSync(hookPath, 0o755);

  it("lets a hot-reload change through", () => {
    const result = commit(repo, { "agents.json5": '{ agents: { defaults: { heartbeat: { every: "10m" } } } }' });
    // git shows a hook's output on stderr: the brief verdict, then the commit goes ahead.
    expect(result.stderr).toMatch(/^hot reload only: agents\.defaults\.heartbeat\.every/);
    expect(result.status).toBe(0);
  });

  it("refuses a commit that would restart the gateway", () => {
    const result = commit(repo, { "openclaw.json": '{ $include: "agents.json5", gateway: { port: 18790 } }' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("pre-commit: this commit would restart the gateway");
    expect(repo.git("log", "--format=%s")).toBe("change\nbase");
  });
});
