/** One file of a state directory as the diff compares it; sources/state-files.ts lists them. */
export interface StateFileEntry {
  /** Path relative to the state directory, with forward slashes. */
  path: string;
  size: number;
  /** sha256 of the content (files up to the hashing limit), else size-only comparison. */
  digest: string | null;
}

export type StateFileChangeKind = "added" | "removed" | "modified";

/** How the gateway of a given version notices a file in its state directory. */
export type WatchStatus = "watched" | "read-on-reload" | "not-watched";

export interface StateFileChange {
  path: string;
  change: StateFileChangeKind;
  watch: WatchStatus;
  note: string;
}

export interface WatchPolicy {
  /** The config file, relative to the state dir: the only file the watcher watches. */
  configPath: string;
  /** Files the gateway re-reads on every reload without watching them. */
  readOnReload: string[];
  /** Files the config pulls in with `$include`. */
  included: string[];
}

const sameContent = (a: StateFileEntry, b: StateFileEntry) => a.size === b.size && a.digest !== null && a.digest === b.digest;

function classify(path: string, policy: WatchPolicy): { watch: WatchStatus; note: string } {
  if (path === policy.configPath) return { watch: "watched", note: "the config file: changes trigger a reload evaluation" };
  if (policy.readOnReload.includes(path)) {
    return { watch: "read-on-reload", note: "not watched; re-read and diffed when the config triggers a reload" };
  }
  if (policy.included.includes(path)) {
    return { watch: "not-watched", note: "included by the config but not watched: an edit here alone triggers no reload" };
  }
  return { watch: "not-watched", note: "the reload watcher does not react to this file" };
}

/** Files that differ between two state directories, outside what the config diff covers. */
export function diffStateFiles(before: StateFileEntry[], after: StateFileEntry[], policy: WatchPolicy): StateFileChange[] {
  const previous = new Map(before.map((entry) => [entry.path, entry]));
  const next = new Map(after.map((entry) => [entry.path, entry]));
  const changes: StateFileChange[] = [];
  const paths = [...new Set([...previous.keys(), ...next.keys()])].sort();
  for (const path of paths) {
    const a = previous.get(path);
    const b = next.get(path);
    const change: StateFileChangeKind | null = !a ? "added" : !b ? "removed" : sameContent(a, b) ? null : "modified";
    if (change) changes.push({ path, change, ...classify(path, policy) });
  }
  return changes;
}
