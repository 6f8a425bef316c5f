import { watch, statSync, type FSWatcher } from "node:fs";
import { basename, dirname } from "node:path";

export interface FileWatch {
  close(): void;
}

/** Size, mtime and inode: enough to notice a write or an atomic rename even when no event arrives. */
function signature(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return "missing";
  }
}

/**
 * Watches one file by watching its directory: editors and the gateway's own
 * writer replace the file with an atomic rename, which ends a watch on the
 * file itself. Events for other names (swap files, `.tmp` files, `.bak`
 * copies) are ignored. A slow re-stat backs up platforms whose directory
 * events are unreliable (network mounts).
 */
export function watchFile(path: string, onChange: () => void, options: { pollMs?: number; onError?: (error: Error) => void } = {}): FileWatch {
  const name = basename(path);
  let last = signature(path);
  const check = () => {
    const next = signature(path);
    if (next === last) return;
    last = next;
    onChange();
  };
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dirname(path), { persistent: true }, (_event, filename) => {
      // Some platforms omit the name; re-stat decides then.
      if (filename === null) check();
      else if (filename.toString() === name) {
        last = signature(path);
        onChange();
      }
    });
    watcher.on("error", (error) => options.onError?.(error));
  } catch (error) {
    options.onError?.(error as Error);
  }
  const poll = setInterval(check, options.pollMs ?? 1000);
  return {
    close() {
      clearInterval(poll);
      watcher?.close();
    },
  };
}

export interface FileSetWatch {
  /** Watches exactly these files from now on (the config plus, in some versions, its includes). */
  update(paths: Iterable<string>): void;
  close(): void;
}

/** A set of watched files that follows the config's `$include`s as they come and go. */
export function watchFileSet(onChange: () => void, options: { pollMs?: number; onError?: (error: Error) => void } = {}): FileSetWatch {
  const watches = new Map<string, FileWatch>();
  return {
    update(paths) {
      const wanted = new Set(paths);
      for (const [path, watch] of watches) {
        if (wanted.has(path)) continue;
        watch.close();
        watches.delete(path);
      }
      for (const path of wanted) if (!watches.has(path)) watches.set(path, watchFile(path, onChange, options));
    },
    close() {
      for (const watch of watches.values()) watch.close();
      watches.clear();
    },
  };
}
