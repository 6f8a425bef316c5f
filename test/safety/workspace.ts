import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, lstatSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { repoRoot } from "../helpers/run-cli.js";

/**
 * A throwaway copy of real inputs: two state dirs, a gateway log, lint
 * fixtures, and a git repository whose two commits are those states.
 * `states` are relative to the repository root, or absolute.
 */
export function createWorkspace(prefix: string, states: { before: string; after: string } = { before: "examples/agents-create/before", after: "examples/agents-create/after" }): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(resolve(repoRoot, states.before), join(root, "before"), { recursive: true });
  cpSync(resolve(repoRoot, states.after), join(root, "after"), { recursive: true });
  cpSync(join(repoRoot, "test/fixtures/logs/oc-76208-timeline.log"), join(root, "gateway.log"));
  // A lint fixture pointing at this workspace's own before/after.
  const fixture = readFileSync(join(repoRoot, "examples/lint/agents-create/fixture.json5"), "utf8").replaceAll("../../agents-create/", "../../");
  mkdirSync(join(root, "lint", "pair"), { recursive: true });
  writeFileSync(join(root, "lint", "pair", "fixture.json5"), fixture);

  const repo = join(root, "repo");
  mkdirSync(repo);
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=clawdiff", "-c", "user.email=clawdiff@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: repo, stdio: "ignore" });
  git("init", "-q");
  for (const side of ["before", "after"]) {
    cpSync(join(root, side), repo, { recursive: true });
    git("add", "-A");
    git("commit", "-qm", side);
  }
  // An uncommitted edit, so [worktree] and [index] differ from HEAD.
  writeFileSync(join(repo, "openclaw.json"), readFileSync(join(repo, "openclaw.json"), "utf8").replace('"port": 18789', '"port": 18790'));
  return root;
}

export interface FileState {
  type: "file" | "dir" | "symlink" | "other";
  mtimeMs: number;
  sha256?: string;
}

/** Every entry under `root` with its type, mtime and (for files) content hash. */
export function snapshotTree(root: string): Map<string, FileState> {
  const entries = new Map<string, FileState>();
  const visit = (path: string) => {
    const stats = lstatSync(path);
    const key = relative(root, path) || ".";
    if (stats.isDirectory()) {
      entries.set(key, { type: "dir", mtimeMs: stats.mtimeMs });
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (stats.isFile()) {
      entries.set(key, { type: "file", mtimeMs: stats.mtimeMs, sha256: createHash("sha256").update(readFileSync(path)).digest("hex") });
    } else {
      entries.set(key, { type: stats.isSymbolicLink() ? "symlink" : "other", mtimeMs: stats.mtimeMs });
    }
  };
  visit(root);
  return entries;
}
