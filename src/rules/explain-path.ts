import type { ReloadKind, RuleCatalog } from "./catalog.js";
import { matchingRules, type RuleCandidate } from "./explain-match.js";
import { conditionTest } from "./condition-text.js";

/** Which rule of a catalog decides a path, and why (for `rules show --path`). */
export interface PathExplanation {
  path: string;
  kind: ReloadKind;
  fallback: boolean;
  matching: RuleCatalog["matching"];
  chosen: RuleCandidate | null;
  /** Every rule whose prefix matches the path, in catalog order. */
  candidates: RuleCandidate[];
  conditionNote?: string;
  why: string;
}

function reason(catalog: RuleCatalog, chosen: RuleCandidate | null, candidates: RuleCandidate[]): string {
  if (!chosen) return `no rule matches, so the fallback applies: ${catalog.fallbackKind}`;
  if (candidates.length === 1) return `only rule #${chosen.index} (${chosen.prefix}) matches`;
  if (chosen.origin === "overlay") return `overlay rule #${chosen.index} (${chosen.prefix}) takes precedence over the ${candidates.length - 1} other matching rule(s)`;
  return catalog.matching === "first-match"
    ? `first match wins: rule #${chosen.index} (${chosen.prefix}) comes before the ${candidates.length - 1} other matching rule(s)`
    : `longest prefix wins: rule #${chosen.index} (${chosen.prefix}) is the most specific of ${candidates.length} matching rules`;
}

export function explainPath(catalog: RuleCatalog, path: string): PathExplanation {
  const { chosen: match, candidates } = matchingRules(catalog, path);
  const chosen = candidates.find((candidate) => candidate.chosen) ?? null;
  const condition = match?.rule.condition;
  return {
    path,
    kind: match ? match.rule.kind : catalog.fallbackKind,
    fallback: !match,
    matching: catalog.matching,
    chosen,
    candidates,
    ...(condition ? { conditionNote: `${condition.note ?? "conditional"}; otherwise ${condition.otherwiseKind} (applies while ${conditionTest(condition)})` } : {}),
    why: reason(catalog, chosen, candidates),
  };
}
