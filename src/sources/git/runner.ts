import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { ClawdiffError } from "../../shared/errors.js";
import { gitCommand } from "./command.js";

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
    const command = gitCommand(args);
    const result = spawnSync(binary, command.args, { cwd, input, maxBuffer: MAX_OUTPUT_BYTES, env: command.env });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code;
      // spawn reports a missing working directory as a missing program.
      const where = directoryProblem(cwd);
      if (where) throw new ClawdiffError("git", `${where}: ${cwd} (the repository named with -C, or the working directory)`);
      if (code === "ENOENT") throw new ClawdiffError("git", `git is not installed or not on PATH (needed for git: inputs)`);
      throw new ClawdiffError("git", `cannot run git: ${code ?? result.error.message}`, undefined, { cause: result.error });
    }
    return { status: result.status ?? 128, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
  };
}

function directoryProblem(path: string): string | null {
  try {
    return statSync(path).isDirectory() ? null : "not a directory";
  } catch {
    return "no such directory";
  }
}

/** Git's own message, first fatal line (else the first line), without its "fatal: " prefix. */
export function gitMessage(result: GitResult): string {
  const lines = result.stderr.split("\n").filter((text) => text.trim() !== "");
  if (lines.some((line) => /from promisor remote/.test(line))) {
    return "an object is missing from this partial clone, and clawdiff never fetches: fetch it first (git fetch, or check the revision out once)";
  }
  const line = lines.find((text) => /^(fatal|error): /.test(text)) ?? lines[0] ?? `git exited with status ${result.status}`;
  return line.replace(/^(fatal|error): /, "");
}
