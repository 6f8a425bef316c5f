import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createGitRunner, type GitRunner } from "../../src/sources/git/runner.js";

/** Git configured only by the test: no user config, no signing, a fixed identity. */
export const GIT_ENV = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_AUTHOR_NAME: "clawdiff test",
  GIT_AUTHOR_EMAIL: "test@clawdiff.invalid",
  GIT_COMMITTER_NAME: "clawdiff test",
  GIT_COMMITTER_EMAIL: "test@clawdiff.invalid",
};

const made: string[] = [];

export function tempDir(prefix = "clawdiff-git-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: "utf8" }).trim();
}

/** A real repository in a temp dir, built commit by commit. */
export class TempRepo {
  constructor(readonly dir: string) {}

  static create(): TempRepo {
    const dir = tempDir();
    git(dir, "init", "-q", "-b", "main");
    return new TempRepo(dir);
  }

  /** Writes files (null deletes one) without committing. */
  write(files: Record<string, string | null>): this {
    for (const [path, text] of Object.entries(files)) {
      const full = join(this.dir, path);
      if (text === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, text);
      }
    }
    return this;
  }

  /** Writes, stages everything and commits; returns the commit id. */
  commit(message: string, files: Record<string, string | null> = {}): string {
    this.write(files);
    git(this.dir, "add", "-A");
    git(this.dir, "commit", "-q", "--allow-empty", "-m", message);
    return git(this.dir, "rev-parse", "HEAD");
  }

  git(...args: string[]): string {
    return git(this.dir, ...args);
  }
}

/** The real runner, counting the git processes it starts. */
export function countingRunner(): { runner: GitRunner; calls: string[][] } {
  const real = createGitRunner();
  const calls: string[][] = [];
  return {
    calls,
    runner: (args, options) => {
      calls.push([...args]);
      return real(args, options);
    },
  };
}
