import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMAT_NAMES } from "../../src/report/formats/index.js";
import { discoverCommands, type CommandSurface } from "./cli-surface.js";
import { invocationsFor, type Invocation } from "./invocations.js";
import { runInvocation } from "./run-invocation.js";
import { createWorkspace, snapshotTree } from "./workspace.js";

/**
 * clawdiff never writes to its inputs. Every command the program lists runs
 * in every format over copies of real state dirs and a git repository (with
 * an uncommitted edit); afterwards no byte, mtime or entry differs, and the
 * temporary directory holds nothing but the files named with --out.
 */
let workspace: string;
let scratchTmp: string;
let surfaces: CommandSurface[];
const realTmp = tmpdir();

beforeAll(async () => {
  workspace = createWorkspace("clawdiff-readonly-");
  scratchTmp = mkdtempSync(join(realTmp, "clawdiff-readonly-tmp-"));
  surfaces = await discoverCommands();
});
afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(scratchTmp, { recursive: true, force: true });
});

describe("read-only guarantee", () => {
  it("discovers the commands and formats from the program", () => {
    const names = surfaces.map((surface) => surface.name);
    expect(names).toContain("diff");
    expect(surfaces.find((surface) => surface.name === "diff")!.formats).toEqual(expect.arrayContaining([...FORMAT_NAMES]));
  });

  it("no command in any format changes, creates or removes anything in the inputs or leaves temp files", async () => {
    const outDir = join(scratchTmp, "out");
    const tmpForRun = join(scratchTmp, "tmp");
    mkdirSync(outDir);
    mkdirSync(tmpForRun);
    const invocations: Invocation[] = surfaces.flatMap((surface) => invocationsFor(surface, (label) => join(outDir, label.replace(/\W+/g, "_"))));
    const before = snapshotTree(workspace);
    // Temp files clawdiff makes must land in (and leave) the OS temp dir: point it at an empty one.
    const savedTmp = process.env["TMPDIR"];
    process.env["TMPDIR"] = tmpForRun;
    const failures: string[] = [];
    try {
      for (const invocation of invocations) {
        const result = await runInvocation(invocation, workspace, { TMPDIR: tmpForRun, CI: "1" });
        if (![0, 1, 3].includes(result.code) && !invocation.longRunning && !invocation.mayFail) failures.push(`${invocation.label}: exit ${result.code}: ${result.stderr.trim()}`);
      }
    } finally {
      if (savedTmp === undefined) delete process.env["TMPDIR"];
      else process.env["TMPDIR"] = savedTmp;
    }
    expect(failures, "every invocation should run, or it proves nothing").toEqual([]);
    expect([...snapshotTree(workspace)]).toEqual([...before]);
    expect(readdirSync(tmpForRun)).toEqual([]);
  });
});
