import { compareVersions } from "../rules/versions.js";

/** What a version's config watcher reacts to, and how long it waits. */
export interface WatcherBehaviour {
  /** Files whose edits trigger a reload besides the config itself. */
  watchesIncludes: boolean;
  /** Whether `gateway.reload.debounceMs` is read; otherwise the debounce is the fixed default. */
  debounceFromConfig: boolean;
}

/**
 * Read from the published packages: up to 2026.7.x the watcher (chokidar)
 * watches the config path only and honours gateway.reload.debounceMs; from
 * 2026.8.1 it also watches every file the config `$include`s and keeps the
 * debounce at 300 ms whatever the config says.
 */
const CHANGES: { since: string; behaviour: WatcherBehaviour }[] = [{ since: "2026.8.1", behaviour: { watchesIncludes: true, debounceFromConfig: false } }];

const ORIGINAL: WatcherBehaviour = { watchesIncludes: false, debounceFromConfig: true };

export function watcherBehaviour(openclawVersion: string): WatcherBehaviour {
  let behaviour = ORIGINAL;
  for (const change of CHANGES) if (compareVersions(openclawVersion, change.since) >= 0) behaviour = change.behaviour;
  return behaviour;
}
