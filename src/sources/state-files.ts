import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { StateFileEntry } from "../diff/state-files.js";


const SKIPPED_DIRS = new Set(["node_modules", ".git"]);
const MAX_FILES = 20_000;
const MAX_HASHED_BYTES = 16 * 1024 * 1024;

/**
 * Lists the files of a state directory so two states can be compared beyond
 * the config. Symlinks are listed, never followed; the walk is bounded.
 */
export function listStateFiles(stateDir: string): { files: StateFileEntry[]; truncated: boolean } {
  const files: StateFileEntry[] = [];
  const pending = [stateDir];
  let truncated = false;
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const full = join(dir, name);
      let stats;
      try {
        stats = lstatSync(full);
      } catch {
        continue;
      }
      if (stats.isDirectory()) {
        if (!SKIPPED_DIRS.has(name)) pending.push(full);
        continue;
      }
      if (!stats.isFile() && !stats.isSymbolicLink()) continue;
      if (files.length >= MAX_FILES) {
        truncated = true;
        return { files, truncated };
      }
      files.push({ path: relative(stateDir, full).split("\\").join("/"), size: stats.size, digest: stats.isFile() ? digestOf(full, stats.size) : null });
    }
  }
  return { files, truncated };
}

function digestOf(path: string, size: number): string | null {
  if (size > MAX_HASHED_BYTES) return null;
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return null;
  }
}
