import { isDeepStrictEqual } from "node:util";
import { isPlainObject } from "../shared/values.js";
import type { DiffSemantics } from "./semantics.js";

/**
 * One path the reload evaluator reports as changed. `path` is the gateway's
 * dot-joined string (ambiguous when a key contains a dot); `segments` keeps
 * the real keys so we can still find the values.
 */
export interface ChangedPath {
  path: string;
  segments: string[];
  /** Set on a path the version's boundary projection reported (it may be derived, e.g. the resolved talk provider). */
  boundary?: true;
}

export const ROOT_PATH = "<root>";

/** Work counter for the linear-growth guard (test/unit/linear-growth.test.ts); omitted in normal runs. */
export interface DiffWork {
  /** Value pairs the walk compared, each a call of the recursive step. */
  nodes: number;
}

/**
 * The parameters of one diffConfigPaths walk. `refinedAncestors` holds every
 * dotted path some refinement prefix lies strictly below, the root ("")
 * included (the gateway's `entry.startsWith(path + ".")`, precomputed so each
 * step is one lookup; see refinedAncestors in refinement.ts).
 */
export interface WalkOptions {
  arrays: DiffSemantics["arrays"];
  refinedAncestors?: ReadonlySet<string>;
  work?: DiffWork;
}

const PLAIN_ARRAYS: WalkOptions = { arrays: "deep-equal" };

/**
 * The walk the gateway's diffConfigPaths performs, step for step: identity
 * short-circuit, recurse into plain objects (previous keys first, then new
 * keys), skip keys undefined on both sides, arrays compared whole, anything
 * else reported at the current path. With refinement, an object facing a
 * non-object is still entered (as if the other side were `{}`) while a
 * refinement prefix lies below. The order of the result is the walk's order,
 * because the gateway logs it in that order.
 */
export function walkConfigPaths(previous: unknown, next: unknown, options: WalkOptions): ChangedPath[] {
  const changed: ChangedPath[] = [];
  walk(previous, next, [], "", changed, options);
  return changed;
}

/** The 2026.2.22 – 2026.7.1 walk: deep-equal arrays, no refinement. */
export function diffConfigPaths(previous: unknown, next: unknown, work?: DiffWork): ChangedPath[] {
  return walkConfigPaths(previous, next, work ? { ...PLAIN_ARRAYS, work } : PLAIN_ARRAYS);
}

const EMPTY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

function arraysEqual(previous: unknown[], next: unknown[], mode: WalkOptions["arrays"]): boolean {
  if (mode === "deep-equal") return isDeepStrictEqual(previous, next);
  return previous.length === next.length && previous.every((value, index) => value === next[index]);
}

function walk(previous: unknown, next: unknown, segments: string[], path: string, out: ChangedPath[], options: WalkOptions): void {
  if (options.work) options.work.nodes += 1;
  if (previous === next) return;
  const previousIsObject = isPlainObject(previous);
  const nextIsObject = isPlainObject(next);
  if ((previousIsObject && nextIsObject) || ((previousIsObject || nextIsObject) && options.refinedAncestors?.has(path) === true)) {
    const previousRecord = previousIsObject ? previous : EMPTY;
    const nextRecord = nextIsObject ? next : EMPTY;
    const keys = new Set([...Object.keys(previousRecord), ...Object.keys(nextRecord)]);
    for (const key of keys) {
      const previousValue = previousRecord[key];
      const nextValue = nextRecord[key];
      if (previousValue === undefined && nextValue === undefined) continue;
      walk(previousValue, nextValue, [...segments, key], path ? `${path}.${key}` : key, out, options);
    }
    return;
  }
  if (Array.isArray(previous) && Array.isArray(next) && arraysEqual(previous, next, options.arrays)) return;
  out.push({ path: path || ROOT_PATH, segments });
}
