import { getAtSegments } from "../shared/values.js";
import type { Refinement } from "./semantics.js";

/** What refinement needs of a rule: its prefix and where it comes from ("plugin:<id>", "core", ...). */
export interface RefiningRule {
  prefix: string;
  origin: string;
}

const originKind = (origin: string) => origin.split(":", 1)[0]!;

function isObjectLike(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

/** Entry ids of the collection that set `key`, as `Object.entries(collection ?? {})` sees them. */
function idsSetting(config: unknown, collection: readonly string[], key: string): string[] {
  const entries = getAtSegments(config, collection);
  if (!isObjectLike(entries)) return [];
  return Object.entries(entries)
    .filter(([, entry]) => isObjectLike(entry) && (entry as Record<string, unknown>)[key] !== undefined)
    .map(([id]) => id);
}

/**
 * The refinement prefixes the version passes to its diff: the prefixes of the
 * rules it refines from, with each wildcard expansion replaced by one prefix
 * per entry of either config that sets the key.
 */
export function refinementPrefixes(refinement: Refinement, rules: readonly RefiningRule[], previous: unknown, next: unknown): Set<string> {
  const from = refinement.from;
  const prefixes = new Set(rules.filter((rule) => from === "all-rules" || from.includes(originKind(rule.origin))).map((rule) => rule.prefix));
  for (const expansion of refinement.expand) {
    if (!prefixes.delete(expansion.prefix)) continue;
    const stem = expansion.collection.join(".");
    for (const config of [previous, next]) {
      for (const id of idsSetting(config, expansion.collection, expansion.key)) prefixes.add(`${stem}.${id}.${expansion.key}`);
    }
  }
  return prefixes;
}

/**
 * Every dotted path some prefix lies strictly below, and the root when there
 * is any prefix: the walk asks "does a prefix start with `path.`?" once per
 * step, so the answer is precomputed in time linear in the prefixes' length.
 */
export function refinedAncestors(prefixes: Iterable<string>): Set<string> {
  const ancestors = new Set<string>();
  for (const prefix of prefixes) {
    ancestors.add("");
    for (let dot = prefix.indexOf("."); dot !== -1; dot = prefix.indexOf(".", dot + 1)) ancestors.add(prefix.slice(0, dot));
  }
  return ancestors;
}
