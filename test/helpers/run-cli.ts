import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runCli } from "../../src/cli/program.js";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output (fast; same code path as the binary). */
export async function runInProcess(args: string[], env: NodeJS.ProcessEnv = {}, cwd = repoRoot): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
    isTTY: false,
    columns: 100,
    cwd,
  });
  return { code, stdout, stderr };
}

/** Runs the bundled binary as a user would. */
export function runBinary(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [`${repoRoot}bin/clawdiff.js`, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env["PATH"], ...options.env },
    input: options.input,
    encoding: "utf8",
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
