import { spawnSync } from "node:child_process";
import { ClawdiffError } from "../../shared/errors.js";

/** What one git process returned. */
export interface GitResult {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/**
 * Starts one git process and waits for it. Injectable so tests can count the
 * processes a run starts (the budget is a handful per run, not one per file).
 */
export type GitRunner = (args: readonly string[], options: { cwd: string; input?: string }) => GitResult;

/** Blobs of a config repository are small, but a run may read many at once. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

export function createGitRunner(binary = "git"): GitRunner {
  return (args, { cwd, input }) => {
    const result = spawnSync(binary, args, {
      cwd,
      input,
      maxBuffer: MAX_OUTPUT_BYTES,
      // Never prompt, never page: clawdiff runs in hooks and CI.
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", GIT_OPTIONAL_LOCKS: "0" },
    });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new ClawdiffError("git", `git is not installed or not on PATH (needed for git: inputs)`);
      throw new ClawdiffError("git", `cannot run git: ${code ?? result.error.message}`, undefined, { cause: result.error });
    }
    return { status: result.status ?? 128, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
  };
}

/** Git's own message, first line, without its "fatal: " prefix. */
export function gitMessage(result: GitResult): string {
  const line = result.stderr.split("\n").find((text) => text.trim() !== "") ?? `git exited with status ${result.status}`;
  return line.replace(/^(fatal|error): /, "");
}
