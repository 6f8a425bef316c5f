import type { ReloadRule } from "./catalog.js";

/** How many leading segments two dot-split paths share. */
export const sharedSegments = (a: readonly string[], b: readonly string[]) => {
  let count = 0;
  while (count < a.length && count < b.length && a[count] === b[count]) count += 1;
  return count;
};

/** Rules closest to an unmatched path: a hint at where the catalog has a gap. */
export function nearestRules(path: string, rules: readonly ReloadRule[], limit = 3): { prefix: string; kind: string; origin: string }[] {
  const segments = path.split(".");
  return rules
    .map((rule) => ({ rule, shared: sharedSegments(rule.prefix.split("."), segments) }))
    .filter((entry) => entry.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.rule.prefix.localeCompare(b.rule.prefix))
    .slice(0, limit)
    .map(({ rule }) => ({ prefix: rule.prefix, kind: rule.kind, origin: rule.origin }));
}
