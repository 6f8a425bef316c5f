import { isDeepStrictEqual } from "node:util";
import { isPlainObject } from "../shared/values.js";
import { defineOwn } from "../shared/values.js";

const BLOCKED_KEYS = new Set(["__proto__", "prototype", "constructor"]);

const hasStringId = (value: unknown): value is Record<string, unknown> & { id: string } =>
  isPlainObject(value) && typeof value["id"] === "string" && value["id"] !== "";

/** Entries with an `id` merge into the base entry of that id or append; null when the base is not fully id-keyed (then the array is replaced). */
function mergeArrayById(base: unknown[], patch: unknown[]): unknown[] | null {
  if (!base.every(hasStringId)) return null;
  const merged: unknown[] = [...base];
  const indexById = new Map(merged.map((entry, index) => [(entry as { id: string }).id, index]));
  for (const entry of patch) {
    const index = hasStringId(entry) ? indexById.get(entry.id) : undefined;
    if (index === undefined) {
      merged.push(structuredClone(entry));
      if (hasStringId(entry)) indexById.set(entry.id, merged.length - 1);
    } else merged[index] = applyMergePatch(merged[index], entry, { arrays: "merge-by-id" });
  }
  return merged;
}

/** RFC 7396 merge patch as the gateway applies it: null deletes, objects merge, arrays replace (or merge by id when asked). */
export function applyMergePatch(base: unknown, patch: unknown, options: { arrays: "replace" | "merge-by-id" }): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = {};
  if (isPlainObject(base)) for (const key of Object.keys(base)) defineOwn(result, key, base[key]);
  for (const [key, value] of Object.entries(patch)) {
    if (BLOCKED_KEYS.has(key)) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    const current = result[key];
    if (options.arrays === "merge-by-id" && Array.isArray(current) && Array.isArray(value)) {
      const merged = mergeArrayById(current, value);
      if (merged) {
        result[key] = merged;
        continue;
      }
    }
    defineOwn(result, key, isPlainObject(value) ? applyMergePatch(isPlainObject(current) ? current : {}, value, options) : value);
  }
  return result;
}

/** The merge patch that turns `base` into `target` (what the writer applies to the authored source). */
export function createMergePatch(base: unknown, target: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(target)) return structuredClone(target);
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(target)])) {
    if (!Object.hasOwn(target, key)) defineOwn(patch, key, null);
    else if (!Object.hasOwn(base, key)) defineOwn(patch, key, structuredClone(target[key]));
    else if (isPlainObject(base[key]) && isPlainObject(target[key])) {
      const child = createMergePatch(base[key], target[key]);
      if (!isPlainObject(child) || Object.keys(child).length > 0) defineOwn(patch, key, child);
    } else if (!isDeepStrictEqual(base[key], target[key])) defineOwn(patch, key, structuredClone(target[key]));
  }
  return patch;
}

/** Dotted leaf paths a merge patch sets or deletes. */
export function patchLeafPaths(patch: unknown, prefix: string[] = []): string[][] {
  if (!isPlainObject(patch) || Object.keys(patch).length === 0) return [prefix];
  return Object.entries(patch).flatMap(([key, value]) => (isPlainObject(value) && Object.keys(value).length > 0 ? patchLeafPaths(value, [...prefix, key]) : [[...prefix, key]]));
}
