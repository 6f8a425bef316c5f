import type { Comparison } from "../compare.js";
import { nearestNames } from "../shared/did-you-mean.js";
import { isPlainObject } from "../shared/values.js";

const MAX_PATHS = 20_000;

function collectPaths(value: unknown, prefix: string, into: Set<string>): void {
  if (!isPlainObject(value) || into.size >= MAX_PATHS) return;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    into.add(path);
    collectPaths(child, path, into);
  }
}

/**
 * Paths the operator may have meant when `path` exists on neither side, has
 * no default and no rule: the paths of both configs, the version's defaults
 * and the catalog's rule prefixes, nearest first. Empty when the path is known.
 */
export function suggestPaths(comparison: Comparison, path: string): string[] {
  const known = new Set<string>();
  collectPaths(comparison.before.authored, "", known);
  collectPaths(comparison.after.authored, "", known);
  for (const defaults of [comparison.before.defaultsApplied, comparison.after.defaultsApplied]) for (const key of defaults.keys()) known.add(key);
  for (const rule of comparison.current.catalog.rules) known.add(rule.prefix);
  // A rule prefix above the path does not make it known: `gateway.tailscal` sits under the `gateway` rule and is still a typo.
  const isKnown = [...known].some((candidate) => candidate === path || candidate.startsWith(`${path}.`));
  return isKnown ? [] : nearestNames(path, known);
}
