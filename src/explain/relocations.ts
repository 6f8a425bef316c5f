import { jsonDeepEqual } from "../shared/json-equal.js";
import { dirname, relative } from "node:path";
import type { LoadedConfig } from "../config/load-config.js";
import { isPlainObject } from "../shared/values.js";

export interface Relocation {
  segments: string[];
  from: string[];
  to: string[];
}

const MAX_DEPTH = 4;
const MAX_PATHS = 2_000;

const filesOf = (loaded: LoadedConfig, segments: string[]) => loaded.origins.contentFilesFor(segments);

/**
 * Values that are equal on both sides but were written in different files:
 * moved into or out of an `$include`. Only configs that use includes pay for
 * the walk, and it stops at the first level where a subtree moved whole.
 */
export function findRelocations(before: LoadedConfig, after: LoadedConfig): Relocation[] {
  if (before.files.size <= 1 && after.files.size <= 1) return [];
  const relocations: Relocation[] = [];
  let budget = MAX_PATHS;
  const walk = (segments: string[], left: unknown, right: unknown) => {
    if (budget-- <= 0 || segments.length > MAX_DEPTH) return;
    const equal = segments.length > 0 && jsonDeepEqual(left, right);
    if (equal) {
      const from = filesOf(before, segments);
      const to = filesOf(after, segments);
      if (!jsonDeepEqual(from, to)) {
        relocations.push({ segments, from, to });
        return;
      }
      if (from.length <= 1) return;
    }
    if (isPlainObject(left) && isPlainObject(right)) {
      for (const key of Object.keys(left)) if (Object.hasOwn(right, key)) walk([...segments, key], left[key], right[key]);
    }
  };
  walk([], before.authored, after.authored);
  return relocations;
}

/** Files whose text changed while their parsed content did not (comments, whitespace, key order, commas). */
export function findFormatOnlyFiles(before: LoadedConfig, after: LoadedConfig): string[] {
  const byRelative = (loaded: LoadedConfig) =>
    new Map([...loaded.files.values()].map((file) => [relative(dirname(loaded.root.path), file.path).split("\\").join("/"), file]));
  const previous = byRelative(before);
  const formatOnly: string[] = [];
  for (const [relativePath, file] of byRelative(after)) {
    const old = previous.get(relativePath);
    if (old && old.text !== file.text && jsonDeepEqual(old.parsed, file.parsed)) formatOnly.push(relativePath);
  }
  return formatOnly;
}
