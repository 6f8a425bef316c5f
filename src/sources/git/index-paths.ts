import { posix } from "node:path";
import type { BatchRecord } from "./batch.js";
import type { GitSession } from "./session.js";

/** As the kernel counts: more hops than this is a loop. */
const MAX_SYMLINK_HOPS = 40;
/** A symlink blob holds one path: longer text, or text with a line break, is a regular file. */
const MAX_LINK_TARGET = 4096;
const SYMLINK_MODE = "120000";

const ancestorsOf = (path: string): string[] => {
  const parts = path.split("/");
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join("/"));
};

const mayBeLinkText = (content: Buffer) => content.length <= MAX_LINK_TARGET && !content.includes(0x0a) && !content.includes(0);

interface Walk {
  /** The path being looked up now, after the links followed so far. */
  current: string;
  hops: number;
}

/** One index entry found on the way: the path itself, or a file or link where a directory of it should be. */
interface Hit {
  entry: string;
  /** The part of the path below the entry ("" when the entry is the path itself). */
  rest: string;
  content: Buffer;
  oid: string;
}

function firstHit(walk: Walk, records: Map<string, BatchRecord>): Hit | null {
  for (const entry of [...ancestorsOf(walk.current), walk.current]) {
    const record = records.get(`:${entry}`);
    if (record?.status === "found") return { entry, rest: walk.current.slice(entry.length + 1), content: record.content, oid: record.oid };
  }
  return null;
}

/** The modes of index entries, in one process: `ls-files` is the only plumbing that tells a link from a file there. */
function modesOf(session: GitSession, entries: readonly string[]): Map<string, string> {
  const modes = new Map<string, string>();
  if (entries.length === 0) return modes;
  const { stdout } = session.run(["ls-files", "--stage", "-z", "--", ...entries.map((entry) => `:(literal)${entry}`)]);
  for (const line of stdout.toString("utf8").split("\0")) {
    const tab = line.indexOf("\t");
    if (tab !== -1) modes.set(line.slice(tab + 1), line.split(" ")[0]!);
  }
  return modes;
}

const linkState = (status: "symlink" | "dangling" | "loop" | "notdir", detail: string): BatchRecord => ({ status, detail });

/**
 * Reads index entries as a checkout would see them. `cat-file
 * --follow-symlinks` follows links in trees but hands back a link in the
 * index as its target text; here links (of the path or of a directory on
 * it) are followed within the tree, with git's answers for a link that
 * leaves the repository, dangles, loops or crosses a file. One batch per
 * round of links, plus one `ls-files` when an entry could be a link.
 */
export function readIndexPaths(session: GitSession, paths: readonly string[]): Map<string, BatchRecord> {
  const results = new Map<string, BatchRecord>();
  let pending = new Map<string, Walk>(paths.map((path) => [path, { current: path, hops: 0 }]));
  while (pending.size > 0) {
    const names = new Set<string>();
    for (const walk of pending.values()) for (const entry of [...ancestorsOf(walk.current), walk.current]) names.add(`:${entry}`);
    const records = session.readObjects([...names]);
    const hits = new Map<string, Hit | null>([...pending].map(([path, walk]) => [path, firstHit(walk, records)]));
    const suspects = [...new Set([...hits.values()].filter((hit): hit is Hit => hit !== null && mayBeLinkText(hit.content)).map((hit) => hit.entry))];
    const modes = modesOf(session, suspects);
    const next = new Map<string, Walk>();
    for (const [path, walk] of pending) {
      const hit = hits.get(path)!;
      if (hit === null) {
        results.set(path, walk.hops === 0 ? { status: "missing" } : linkState("dangling", walk.current));
        continue;
      }
      if (modes.get(hit.entry) !== SYMLINK_MODE) {
        results.set(path, hit.rest === "" ? { status: "found", oid: hit.oid, type: "blob", content: hit.content } : linkState("notdir", walk.current));
        continue;
      }
      const target = hit.content.toString("utf8");
      const resolved = posix.normalize(posix.join(posix.dirname(hit.entry), target, hit.rest)).replace(/\/+$/, "");
      if (posix.isAbsolute(target) || resolved === ".." || resolved.startsWith("../")) results.set(path, linkState("symlink", target));
      else if (walk.hops + 1 > MAX_SYMLINK_HOPS) results.set(path, linkState("loop", walk.current));
      else next.set(path, { current: resolved, hops: walk.hops + 1 });
    }
    pending = next;
  }
  return results;
}
