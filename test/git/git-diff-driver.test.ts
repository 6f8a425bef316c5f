import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, runInProcess } from "../helpers/run-cli.js";
import { TempRepo, removeTempDirs, tempDir } from "./temp-repo.js";

afterAll(removeTempDirs);

/** A repo wired as the README says: .gitattributes plus diff.clawdiff.command running the bundled CLI. */
function wiredRepo(): TempRepo {
  const repo = TempRepo.create();
  repo.commit("base", {
    ".gitattributes": "openclaw.json diff=clawdiff\n",
    "openclaw.json": '{ $include: "agents.json5", gateway: { port: 18789 } }',
    "agents.json5": "{ agents: { list: [{ id: 'main' }] } }",
  });
  repo.git("config", "diff.clawdiff.command", `"${process.execPath}" "${repoRoot}bin/clawdiff.js" git-diff-driver --rules openclaw@2026.5.3`);
  return repo;
}

describe("clawdiff git-diff-driver", () => {
  it("git diff shows clawdiff's report for the config, with includes resolved", () => {
    const repo = wiredRepo();
    repo.write({ "openclaw.json": '{ $include: "agents.json5", gateway: { port: 18790 } }' });
    const output = repo.git("diff");
    expect(output.split("\n").slice(0, 3)).toEqual(["clawdiff openclaw.json", "restart would fire for 1 path: gateway.port", "a/openclaw.json → b/openclaw.json"]);
    expect(output).not.toContain("agents.list");
  });

  it("works between two commits as well", () => {
    const repo = wiredRepo();
    repo.commit("bind", { "openclaw.json": '{ $include: "agents.json5", gateway: { port: 18789, bind: "lan" } }' });
    expect(repo.git("diff", "HEAD~1", "HEAD").split("\n")[1]).toBe("restart would fire for 1 path: gateway.bind");
  });

  it("treats an added or deleted config as an empty one, and exits 0 so git carries on", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "new.json"), "{ gateway: { port: 1 } }");
    const added = await runInProcess(["git-diff-driver", "openclaw.json", "/dev/null", ".", ".", "new.json", "abc", "100644"], {}, dir);
    expect(added.code).toBe(0);
    // 2026.9.x refines an added object down to the rule prefixes below it: gateway.port, not gateway.
    expect(added.stdout.split("\n")[1]).toBe("restart would fire for 1 path: gateway.port");
  });

  it("says an unmerged path is unmerged; a wrong argument count is a usage error", async () => {
    const dir = tempDir();
    expect(await runInProcess(["git-diff-driver", "openclaw.json"], {}, dir)).toEqual({
      code: 0,
      stdout: "clawdiff openclaw.json: unmerged; resolve the conflict, then diff again\n",
      stderr: "",
    });
    const wrong = await runInProcess(["git-diff-driver", "openclaw.json", "a", "b"], {}, dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe("clawdiff: git-diff-driver expects the 7 or 9 arguments git passes an external diff, got 3\n");
  });
});
