import { resolve } from "node:path";
import { ClawdiffError } from "../../shared/errors.js";
import { parseBatchOutput, type BatchRecord } from "./batch.js";
import { createGitRunner, gitMessage, type GitRunner } from "./runner.js";

/** Where the repository is and what kind it is, found once per run. */
export interface RepositoryInfo {
  /** The working tree's top level, or the git directory of a bare repository: the root of in-tree paths. */
  root: string;
  gitDir: string;
  bare: boolean;
  shallow: boolean;
}

/**
 * One run's access to one repository: every git process of the run goes
 * through here, so the count stays small and a test can observe it.
 */
export class GitSession {
  private info: RepositoryInfo | null = null;
  private readonly runner: GitRunner;

  constructor(
    /** The directory named with `-C`, or the working directory. */
    readonly directory: string,
    runner?: GitRunner,
  ) {
    this.runner = runner ?? createGitRunner();
  }

  repository(): RepositoryInfo {
    if (this.info) return this.info;
    const result = this.runner(["rev-parse", "--is-bare-repository", "--is-shallow-repository", "--absolute-git-dir", "--show-toplevel"], {
      cwd: this.directory,
    });
    const [bare, shallow, gitDir, toplevel] = result.stdout.toString("utf8").split("\n");
    // A bare repository has no top level, so that last query fails there: the first three answers still hold.
    if (bare === "true" && gitDir) {
      this.info = { root: gitDir, gitDir, bare: true, shallow: shallow === "true" };
    } else if (result.status === 0 && gitDir && toplevel) {
      this.info = { root: toplevel, gitDir, bare: false, shallow: shallow === "true" };
    } else if (/not a git repository/i.test(result.stderr)) {
      throw new ClawdiffError("git", `not a git repository: ${this.directory} (name one with -C <repo>)`);
    } else {
      throw new ClawdiffError("git", `${gitMessage(result)} (in ${this.directory})`);
    }
    return this.info;
  }

  /** Reads many objects (`<commit>:<path>`, `<rev>^{commit}`, `:<path>` for the index) in one git process. */
  readObjects(names: readonly string[]): Map<string, BatchRecord> {
    if (names.length === 0) return new Map();
    const unsafe = names.find((name) => name.includes("\n"));
    if (unsafe !== undefined) throw new ClawdiffError("git", `cannot read a path with a newline from git: ${JSON.stringify(unsafe)}`);
    const result = this.run(["cat-file", "--batch", "--follow-symlinks"], `${names.join("\n")}\n`);
    return parseBatchOutput(result.stdout, names);
  }

  /** Runs git in the repository; a failure becomes a one-line error. */
  run(args: readonly string[], input?: string): { stdout: Buffer } {
    const { root } = this.repository();
    const result = this.runner(args, { cwd: root, ...(input !== undefined ? { input } : {}) });
    if (result.status !== 0) throw new ClawdiffError("git", gitMessage(result));
    return result;
  }

  /** A path in the repository's tree for an absolute path under its root, or null outside it. */
  pathInRepository(absolute: string): string | null {
    const { root } = this.repository();
    const full = resolve(absolute);
    if (full === root) return "";
    return full.startsWith(`${root}/`) ? full.slice(root.length + 1) : null;
  }
}
