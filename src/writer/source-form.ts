import { isPlainObject } from "../shared/values.js";
import { defineOwn } from "../shared/values.js";

const INCLUDE_KEY = "$include";

/** Paths of the objects that hold `$include` in the root file (not below them: they are owned by the include). */
export function collectIncludeOwnedPaths(value: unknown, path: string[] = []): string[][] {
  if (!isPlainObject(value)) return [];
  if (Object.hasOwn(value, INCLUDE_KEY)) return [path];
  return Object.entries(value).flatMap(([key, child]) => collectIncludeOwnedPaths(child, [...path, key]));
}

/** Whether a merge patch sets or deletes anything at or below `path` (or replaces an ancestor of it). */
export function patchTouches(patch: unknown, path: readonly string[]): boolean {
  if (path.length === 0) return isPlainObject(patch) ? Object.keys(patch).length > 0 : true;
  if (!isPlainObject(patch)) return true;
  const [head, ...rest] = path as [string, ...string[]];
  return Object.hasOwn(patch, head) && patchTouches(patch[head], rest);
}

/**
 * Writes `${VAR}` back where the authored string held one and its resolved
 * value is what the writer is about to write; a changed value stays resolved.
 */
export function restoreEnvReferences(incoming: unknown, authored: unknown, resolved: unknown): unknown {
  if (typeof incoming === "string" && typeof authored === "string") return authored.includes("${") && resolved === incoming ? authored : incoming;
  if (Array.isArray(incoming) && Array.isArray(authored)) {
    return incoming.map((item, index) => (index < authored.length ? restoreEnvReferences(item, authored[index], Array.isArray(resolved) ? resolved[index] : undefined) : item));
  }
  if (isPlainObject(incoming) && isPlainObject(authored)) {
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(incoming)) {
      defineOwn(result, key, Object.hasOwn(authored, key) ? restoreEnvReferences(value, authored[key], isPlainObject(resolved) ? resolved[key] : undefined) : value);
    }
    return result;
  }
  return incoming;
}

function replaceAt(root: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = isPlainObject(root) ? { ...root } : {};
  defineOwn(copy, head, replaceAt(copy[head], rest, value));
  return copy;
}

/** Puts the authored `$include` objects back in place of the content they merged in. */
export function placeIncludes(config: unknown, rootAuthored: unknown, owned: readonly string[][]): unknown {
  return owned.reduce((next, path) => replaceAt(next, path, path.reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), rootAuthored)), config);
}
