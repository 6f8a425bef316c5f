import type { ReloadKind, ReloadRule, RuleCatalog } from "./catalog.js";
import { explainPath } from "./explain-path.js";

/** One rule prefix whose definition differs between two catalogs. */
export interface RuleChange {
  prefix: string;
  before: ReloadRule;
  after: ReloadRule;
}

/** A probe path that ends up in a different class (or under a different rule) in the second catalog. */
export interface PathClassChange {
  path: string;
  before: { kind: ReloadKind; rule: string | null };
  after: { kind: ReloadKind; rule: string | null };
}

export interface CatalogDiff {
  from: string;
  to: string;
  settings: { field: string; before: unknown; after: unknown }[];
  added: ReloadRule[];
  removed: ReloadRule[];
  changed: RuleChange[];
  classChanges: PathClassChange[];
}

/** First rule per prefix: duplicates of a prefix never decide a path under either semantics. */
function byPrefix(rules: readonly ReloadRule[]): Map<string, ReloadRule> {
  const map = new Map<string, ReloadRule>();
  for (const rule of rules) if (!map.has(rule.prefix)) map.set(rule.prefix, rule);
  return map;
}

const ruleKey = (rule: ReloadRule) => JSON.stringify([rule.kind, rule.actions ?? [], rule.condition ?? null]);

/**
 * Probe paths: every prefix of both catalogs, a child under each (what a
 * real change usually touches) and each prefix's parent segments, so a rule
 * that appears, vanishes or changes shows up through the paths it decides.
 */
export function probePaths(...catalogs: RuleCatalog[]): string[] {
  const paths = new Set<string>();
  for (const catalog of catalogs) {
    for (const { prefix } of catalog.rules) {
      const concrete = prefix.split(".").map((segment) => (segment === "*" ? "example" : segment));
      for (let depth = 1; depth <= concrete.length; depth += 1) paths.add(concrete.slice(0, depth).join("."));
      paths.add(`${concrete.join(".")}.child`);
    }
  }
  return [...paths].sort();
}

const SETTINGS = ["matching", "fallbackKind", "reloadModes", "defaultReloadMode", "defaultDebounceMs", "actions", "installRecordNoop"] as const;

export function diffCatalogs(from: RuleCatalog, to: RuleCatalog): CatalogDiff {
  const before = byPrefix(from.rules);
  const after = byPrefix(to.rules);
  const settings = SETTINGS.filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field])).map((field) => ({ field, before: from[field], after: to[field] }));
  const classChanges: PathClassChange[] = [];
  for (const path of probePaths(from, to)) {
    const left = explainPath(from, path);
    const right = explainPath(to, path);
    const leftRule = left.chosen?.prefix ?? null;
    const rightRule = right.chosen?.prefix ?? null;
    if (left.kind !== right.kind) classChanges.push({ path, before: { kind: left.kind, rule: leftRule }, after: { kind: right.kind, rule: rightRule } });
  }
  return {
    from: from.id,
    to: to.id,
    settings,
    added: [...after.values()].filter((rule) => !before.has(rule.prefix)),
    removed: [...before.values()].filter((rule) => !after.has(rule.prefix)),
    changed: [...after.values()].flatMap((rule) => {
      const old = before.get(rule.prefix);
      return old && ruleKey(old) !== ruleKey(rule) ? [{ prefix: rule.prefix, before: old, after: rule }] : [];
    }),
    classChanges,
  };
}
