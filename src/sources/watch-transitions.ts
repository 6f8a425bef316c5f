/** What one settled read of the watched config found. */
export type ReadResult<S> = { status: "ok"; state: S } | { status: "invalid"; error: string } | { status: "missing" };

/** What the watcher reports for one settled read. */
export type WatchEvent<S> =
  | { type: "baseline"; state: S }
  | { type: "compare"; before: S; after: S; recreated: boolean }
  | { type: "invalid"; error: string; keeping: S | null }
  | { type: "deleted"; keeping: S | null };

export interface WatchMachine<S> {
  /** The state the next change is compared to: the last valid read. */
  lastGood: S | null;
  /** Feeds one read; returns what to report, or null when nothing is new. */
  next(result: ReadResult<S>): WatchEvent<S> | null;
}

/**
 * Like the gateway, a read that fails (invalid config, deleted file) leaves
 * the last good state in place; the next valid read is compared to it. A
 * failure is reported once, not on every event while it lasts.
 */
export function createWatchMachine<S>(initial: ReadResult<S>): { machine: WatchMachine<S>; first: WatchEvent<S> } {
  let lastGood: S | null = null;
  let failure: string | null = null;
  let missing = false;

  const machine: WatchMachine<S> = {
    get lastGood() {
      return lastGood;
    },
    next(result) {
      if (result.status === "missing") {
        if (missing) return null;
        missing = true;
        failure = null;
        return { type: "deleted", keeping: lastGood };
      }
      if (result.status === "invalid") {
        const wasMissing = missing;
        missing = false;
        if (failure === result.error && !wasMissing) return null;
        failure = result.error;
        return { type: "invalid", error: result.error, keeping: lastGood };
      }
      const recreated = missing;
      missing = false;
      failure = null;
      const before = lastGood;
      lastGood = result.state;
      return before === null ? { type: "baseline", state: result.state } : { type: "compare", before, after: result.state, recreated };
    },
  };
  const first = machine.next(initial)!;
  return { machine, first };
}
