import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot, runInProcess, type CliResult } from "../helpers/run-cli.js";
import type { Invocation } from "./invocations.js";

/**
 * Runs one invocation in `workspace`. Ordinary commands run in-process;
 * long-running ones run as the bundled binary, stopped with SIGINT once they
 * have printed their first line.
 */
export async function runInvocation(invocation: Invocation, workspace: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  const cwd = join(workspace, invocation.cwd);
  if (!invocation.longRunning) return runInProcess(invocation.args, env, cwd);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, "bin/clawdiff.js"), ...invocation.args], { cwd, env: { PATH: process.env["PATH"], ...env } });
    let stdout = "";
    let stderr = "";
    // It announces itself once the baseline is read; that is enough to prove the watch reads only.
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      child.kill("SIGINT");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      child.kill("SIGINT");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
