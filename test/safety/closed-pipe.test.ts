import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot, type CliResult } from "../helpers/run-cli.js";
import { discoverCommands } from "./cli-surface.js";
import { invocationsFor, type Invocation } from "./invocations.js";
import { runInvocation } from "./run-invocation.js";
import { createWorkspace } from "./workspace.js";

/**
 * `clawdiff … | head -1`: the reader goes away before clawdiff writes. Every
 * command in every format must then end quietly (no EPIPE, no stack) with
 * the exit code the same run gives when its output is read: scripts read
 * that code as the verdict.
 */
const workspace = createWorkspace("clawdiff-pipe-");
afterAll(() => rmSync(workspace, { recursive: true, force: true }));
// Output options name stdout, so the output meets the closed pipe too.
const all = (await discoverCommands()).flatMap((surface) => invocationsFor(surface, () => "-"));
// One run per command and format (or --proposed): the input kind (dirs, git, index) does not change how output is written.
const outputShape = (invocation: Invocation) => invocation.label.replace(/ (?:dirs|git\+index|git)\b/, "");
const invocations = [...new Map(all.filter((invocation) => !invocation.mayFail).reverse().map((invocation) => [outputShape(invocation), invocation])).values()].reverse();

/** Runs the bundled binary with its stdout already closed by the reader. */
function runWithClosedStdout(invocation: Invocation): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/clawdiff.js"), ...invocation.args], {
      cwd: join(workspace, invocation.cwd),
      env: { PATH: process.env["PATH"], CI: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      // A watch that prints to stderr only is stopped like runInvocation stops it.
      if (invocation.longRunning) child.kill("SIGINT");
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? -1 : -2), stdout: "", stderr }));
  });
}

const expectedCodes: number[] = [];

describe("closed stdout: every command and format ends quietly with its verdict's exit code", () => {
  it("covers the program", () => {
    expect(invocations.length).toBeGreaterThan(30);
    expect(invocations.map((invocation) => invocation.label)).toEqual(expect.arrayContaining(["diff dirs --format sarif", "log-range git --format json", "watch dirs --format ndjson"]));
  });

  it.concurrent.each(invocations.map((invocation) => [invocation.label, invocation] as const))("%s", async (_label, invocation) => {
    const expected = await runInvocation(invocation, workspace, { CI: "1" });
    expectedCodes.push(expected.code);
    const closed = await runWithClosedStdout(invocation);
    expect(closed.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(closed.code, closed.stderr).toBe(expected.code);
  });

  it("the runs include restart verdicts, so exit codes are really compared", () => {
    expect(expectedCodes).toContain(3);
  });
});
