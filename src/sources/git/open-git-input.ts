import { posix, join } from "node:path";
import { ClawdiffError } from "../../shared/errors.js";
import type { ConfigInput, SourceReader } from "../config-input.js";
import { prefetchIncludes } from "./prefetch.js";
import type { RepositoryInfo, GitSession } from "./session.js";
import { describeTarget, parseGitSpec, type GitTarget } from "./spec.js";
import { GitTreeReader } from "./tree-reader.js";

/** Where a repository keeps its gateway config when nothing names it: the state dir layout, then the dotted one. */
export const DEFAULT_REPO_CONFIG_PATHS = ["openclaw.json", ".openclaw/openclaw.json"];

/** The config candidates and the `.env` beside each: what decides a revision's config before any include. */
export function configSideFiles(candidates: readonly string[]): string[] {
  return [...candidates, ...candidates.map((candidate) => posix.join(posix.dirname(candidate), ".env"))];
}

/** What the report says about a git input: the commit it resolved to and the files it read. */
export interface GitInputInfo {
  repository: string;
  /** The revision as named (a ref, a commit id), or `index` / `worktree`. */
  rev: string;
  /** The commit id, or null for the index and the working tree. */
  commit: string | null;
  /** The config's path in the tree. */
  path: string;
  /** Every path in the tree the load read (config, includes, .env), in reading order; grows as the load reads. */
  pathsRead: readonly string[];
}

export interface GitInputOptions {
  session: GitSession;
  configRelPath?: string;
  maxBytes: number;
  /** The file-system reader, for the `[worktree]` target. */
  fileSystemReader: SourceReader;
}

const shortId = (commit: string) => commit.slice(0, 7);

function revisionError(rev: string, repo: RepositoryInfo, status: string): ClawdiffError {
  if (status === "ambiguous") return new ClawdiffError("git", `ambiguous revision '${rev}': name it with more characters or a full ref`);
  if (repo.shallow) {
    return new ClawdiffError("git", `revision '${rev}' is not in this shallow clone (fetch more history: git fetch --deepen=<n> or git fetch --unshallow)`);
  }
  return new ClawdiffError("git", `unknown revision '${rev}' in ${repo.root}`);
}

interface OpenedTarget {
  reader: SourceReader;
  commit: string | null;
  stateName: string;
  /** Prefetches includes, for readers backed by the object database. */
  tree: GitTreeReader | null;
}

function openTarget(target: GitTarget, wanted: string[], options: GitInputOptions): OpenedTarget {
  const { session, maxBytes } = options;
  const repo = session.repository();
  if (target.kind !== "commit" && repo.bare) throw new ClawdiffError("git", `a bare repository has no ${target.kind === "index" ? "index" : "working tree"}: ${repo.root}`);
  if (target.kind === "worktree") return { reader: options.fileSystemReader, commit: null, stateName: "the working tree", tree: null };
  if (target.kind === "index") {
    const tree = new GitTreeReader(session, { source: "index", displayPrefix: "index:", stateName: "the index", maxBytes });
    tree.prefetch(wanted);
    return { reader: tree, commit: null, stateName: "the index", tree };
  }
  // One process resolves the revision and reads the config candidates and their .env files.
  const commitName = `${target.rev}^{commit}`;
  const records = session.readObjects([commitName, ...wanted.map((path) => `${target.rev}:${path}`)]);
  const resolved = records.get(commitName)!;
  if (resolved.status !== "found") throw revisionError(target.rev, repo, resolved.status);
  const commit = resolved.oid;
  const stateName = target.rev === commit ? shortId(commit) : `${target.rev} (${shortId(commit)})`;
  const tree = new GitTreeReader(session, { source: { commit }, displayPrefix: `${shortId(commit)}:`, stateName, maxBytes });
  for (const path of wanted) tree.seed(path, records.get(`${target.rev}:${path}`)!);
  return { reader: tree, commit, stateName, tree };
}

/** Records the tree paths a load reads, whatever the reader underneath. */
function recordingReader(reader: SourceReader, toTreePath: (path: string) => string | null, read: string[]): SourceReader {
  return {
    realpath: (path) => reader.realpath(path),
    exists: (path) => reader.exists(path),
    display: (path) => reader.display(path),
    readText: (path, limit) => {
      const text = reader.readText(path, limit);
      const treePath = toTreePath(path);
      if (treePath !== null && !read.includes(treePath)) read.push(treePath);
      return text;
    },
  };
}

/** Opens `git:<rev>[:<path>]`: reads the config from the object database (never a checkout), includes from the same tree. */
export function openGitInput(spec: string, options: GitInputOptions): ConfigInput {
  const { target, path } = parseGitSpec(spec);
  const { session } = options;
  const repo = session.repository();
  const candidates = path !== null ? [path] : options.configRelPath !== undefined ? [posix.normalize(options.configRelPath)] : DEFAULT_REPO_CONFIG_PATHS;
  const opened = openTarget(target, configSideFiles(candidates), options);

  const found = candidates.length === 1 ? candidates[0]! : candidates.find((candidate) => opened.reader.exists(join(repo.root, candidate)));
  if (found === undefined) {
    throw new ClawdiffError("not-found", `none of ${candidates.join(", ")} is in ${opened.stateName} (name the config with --config <path> or git:<rev>:<path>)`, { file: spec });
  }
  const pathsRead: string[] = [];
  const reader = recordingReader(opened.reader, (file) => session.pathInRepository(file), pathsRead);
  const configPath = join(repo.root, found);
  let text: string;
  try {
    text = reader.readText(configPath);
  } catch (error) {
    if (error instanceof ClawdiffError && error.kind === "not-found") {
      throw new ClawdiffError("not-found", `${found} is not in ${opened.stateName}`, { file: spec });
    }
    throw error;
  }
  const stateDir = join(repo.root, posix.dirname(found));
  if (opened.tree) prefetchIncludes({ path: configPath, display: reader.display(configPath), text }, opened.tree, stateDir);
  const git: GitInputInfo = { repository: repo.root, rev: describeTarget(target), commit: opened.commit, path: found, pathsRead };
  return { kind: "git", label: spec, stateDir, configPath, text, reader, git };
}
