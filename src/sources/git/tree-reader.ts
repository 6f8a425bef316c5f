import { normalize } from "node:path";
import { ClawdiffError } from "../../shared/errors.js";
import type { SourceReader } from "../config-input.js";
import { decodeUtf8 } from "../read-file.js";
import type { BatchRecord } from "./batch.js";
import { readIndexPaths } from "./index-paths.js";
import type { GitSession } from "./session.js";

export interface TreeReaderOptions {
  /** A commit's tree, or the index (whose links git does not follow for us). */
  source: { commit: string } | "index";
  /** Prefix for messages and provenance: `abc1234:` or `index:`. */
  displayPrefix: string;
  /** What the user called this state, for "not in …" messages. */
  stateName: string;
  maxBytes: number;
}

const LINK_PROBLEMS = {
  symlink: "symlink that leaves the repository",
  dangling: "symlink whose target is not there",
  loop: "symlink loop",
  notdir: "path runs through a file as if it were a directory",
} as const;

/**
 * A SourceReader over one revision's tree (or the index). Files are served
 * from a cache that `prefetch` fills with one git process per batch; a read
 * the prefetch did not foresee costs one more process, never a wrong answer.
 */
export class GitTreeReader implements SourceReader {
  private readonly records = new Map<string, BatchRecord>();

  constructor(
    private readonly session: GitSession,
    private readonly options: TreeReaderOptions,
  ) {}

  /** Fetches every path not yet known in one git process. */
  prefetch(treePaths: Iterable<string>): void {
    const wanted = [...new Set(treePaths)].filter((path) => !this.records.has(path));
    for (const [path, record] of this.fetch(wanted)) this.records.set(path, record);
  }

  private fetch(paths: string[]): Map<string, BatchRecord> {
    const { source } = this.options;
    if (source === "index") return readIndexPaths(this.session, paths);
    const records = this.session.readObjects(paths.map((path) => `${source.commit}:${path}`));
    return new Map(paths.map((path) => [path, records.get(`${source.commit}:${path}`)!]));
  }

  /** Records fetched under another object name (e.g. `HEAD:openclaw.json` before the commit id was known). */
  seed(treePath: string, record: BatchRecord): void {
    this.records.set(treePath, record);
  }

  /** The tree path of an absolute path under the repository root, or null outside the repository. */
  treePath(path: string): string | null {
    return this.session.pathInRepository(normalize(path));
  }

  /** The cached text of a path, "" for a cached file that cannot be read as text, undefined when not fetched yet. */
  peekText(path: string): string | undefined {
    const treePath = this.treePath(path);
    if (treePath === null) return "";
    const record = this.records.get(treePath);
    if (!record) return undefined;
    try {
      return record.status === "found" && record.type === "blob" ? decodeUtf8(record.content, this.display(path)) : "";
    } catch {
      return "";
    }
  }

  private record(path: string): { treePath: string; record: BatchRecord } {
    const treePath = this.treePath(path);
    if (treePath === null) throw new ClawdiffError("not-found", `is outside the repository, so not in ${this.options.stateName}`, { file: path });
    if (!this.records.has(treePath)) this.prefetch([treePath]);
    return { treePath, record: this.records.get(treePath)! };
  }

  readText(path: string, limit = this.options.maxBytes): string {
    const located = this.record(path);
    const record: BatchRecord = located.record;
    const file = this.display(path);
    if (record.status !== "found") {
      if (!("detail" in record)) throw new ClawdiffError("not-found", `not in ${this.options.stateName}`, { file });
      throw new ClawdiffError("unreadable", `${LINK_PROBLEMS[record.status]}: ${record.detail}`, { file });
    }
    if (record.type !== "blob") throw new ClawdiffError("unreadable", "is a directory, expected a config file", { file });
    const max = Math.min(limit, this.options.maxBytes);
    if (record.content.length > max) throw new ClawdiffError("too-large", `file is ${record.content.length} bytes, over the limit of ${max}`, { file });
    const text = decodeUtf8(record.content, file);
    return text;
  }

  /** Symlinks inside the tree are followed by git itself, so every in-tree path is its own real path. */
  realpath(path: string): string | null {
    return normalize(path);
  }

  exists(path: string): boolean {
    if (this.treePath(path) === null) return false;
    const record: BatchRecord = this.record(path).record;
    return record.status === "found" && record.type === "blob";
  }

  display(path: string): string {
    const treePath = this.treePath(path);
    return treePath === null ? path : `${this.options.displayPrefix}${treePath}`;
  }
}
