import { isDeepStrictEqual } from "node:util";
import { isPlainObject } from "../shared/values.js";

/**
 * One path the reload evaluator reports as changed. `path` is the gateway's
 * dot-joined string (ambiguous when a key contains a dot); `segments` keeps
 * the real keys so we can still find the values.
 */
export interface ChangedPath {
  path: string;
  segments: string[];
}

export const ROOT_PATH = "<root>";

/**
 * The walk the gateway's diffConfigPaths performs, step for step: identity
 * short-circuit, recurse into plain objects (previous keys first, then new
 * keys), skip keys undefined on both sides, arrays compared whole with deep
 * strict equality, anything else reported at the current path. The order of
 * the result is the walk's order, because the gateway logs it in that order.
 */
export function diffConfigPaths(previous: unknown, next: unknown, work?: DiffWork): ChangedPath[] {
  const changed: ChangedPath[] = [];
  walk(previous, next, [], "", changed, work);
  return changed;
}

/** Work counter for the linear-growth guard (test/unit/linear-growth.test.ts); omitted in normal runs. */
export interface DiffWork {
  /** Value pairs the walk compared, each a call of the recursive step. */
  nodes: number;
}

function walk(previous: unknown, next: unknown, segments: string[], path: string, out: ChangedPath[], work: DiffWork | undefined): void {
  if (work) work.nodes += 1;
  if (previous === next) return;
  if (isPlainObject(previous) && isPlainObject(next)) {
    const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
    for (const key of keys) {
      const previousValue = previous[key];
      const nextValue = next[key];
      if (previousValue === undefined && nextValue === undefined) continue;
      walk(previousValue, nextValue, [...segments, key], path ? `${path}.${key}` : key, out, work);
    }
    return;
  }
  if (Array.isArray(previous) && Array.isArray(next) && isDeepStrictEqual(previous, next)) return;
  out.push({ path: path || ROOT_PATH, segments });
}
