import type { ReloadRule, RuleCatalog } from "./catalog.js";
import { matcherFor, type RuleMatch } from "./matcher.js";
import { sharedSegments } from "./nearest-rules.js";

export interface RuleConsidered {
  prefix: string;
  kind: ReloadRule["kind"];
  origin: string;
  /** Position in the catalog: what first-match semantics order by. */
  index: number;
  chosen: boolean;
  why: string;
}

export interface MatchExplanation {
  matching: RuleCatalog["matching"];
  /** Every rule whose prefix matches, the chosen one marked, each with why it won or lost. */
  candidates: RuleConsidered[];
  /**
   * Rules more specific than the one that decided (or, with no match, the
   * closest ones) that share leading segments with the path but do not
   * match it, and where they part: where a catalog gap usually hides.
   */
  nearMisses: RuleConsidered[];
  /** Further near misses beyond the limit. */
  moreNearMisses: number;
}

function whyNotMatched(prefix: string[], path: string[], shared: number): string {
  if (shared === path.length) return `the rule covers children of ${path.join(".")}, not the path itself (the evaluator reports ${path.join(".")} whole)`;
  return `segment ${shared + 1} is "${path[shared]}", the rule wants "${prefix[shared]}"`;
}

export type RuleCandidate = Omit<RuleConsidered, "why">;

/** The rule the planner picks for `path` and every rule whose prefix matches, in catalog order. */
export function matchingRules(catalog: RuleCatalog, path: string): { chosen: RuleMatch | null; candidates: RuleCandidate[] } {
  const matcher = matcherFor(catalog);
  const chosen = matcher.match(path);
  const candidates = matcher.candidates(path).map(({ rule, index }) => ({ index, prefix: rule.prefix, kind: rule.kind, origin: rule.origin, chosen: chosen?.index === index }));
  return { chosen, candidates };
}

/** How `catalog` picks a rule for `path`, with the reasons a person needs to trust it. */
export function explainMatch(catalog: RuleCatalog, path: string, nearMissLimit = 3): MatchExplanation {
  const { chosen, candidates: matching } = matchingRules(catalog, path);
  const overlayCount = catalog.overlayRuleCount ?? 0;
  const candidates = matching.map(({ index, prefix, kind, origin, chosen: isChosen }): RuleConsidered => {
    let why: string;
    if (isChosen) why = catalog.matching === "first-match" ? "the first matching rule in catalog order" : "the longest matching prefix";
    else if (chosen && chosen.index < overlayCount && index >= overlayCount) why = "a proposed overlay rule is consulted first";
    else if (catalog.matching === "first-match") why = `comes after rule #${chosen!.index} (${chosen!.rule.prefix}); the first match wins`;
    else why = `shorter than ${chosen!.rule.prefix}; the longest prefix wins`;
    return { prefix, kind, origin, index, chosen: isChosen, why };
  });
  const segments = path.split(".");
  const matchedIndices = new Set(candidates.map((candidate) => candidate.index));
  const decidedDepth = chosen ? chosen.rule.prefix.split(".").length : 0;
  const misses = catalog.rules
    .map((rule, index) => ({ rule, index, prefix: rule.prefix.split(".") }))
    .filter(({ index }) => !matchedIndices.has(index))
    .map((entry) => ({ ...entry, shared: sharedSegments(entry.prefix, segments) }))
    .filter((entry) => entry.shared > 0 && entry.shared >= decidedDepth)
    .sort((a, b) => b.shared - a.shared || a.index - b.index);
  const nearMisses = misses
    .slice(0, nearMissLimit)
    .map(({ rule, index, prefix, shared }): RuleConsidered => ({ prefix: rule.prefix, kind: rule.kind, origin: rule.origin, index, chosen: false, why: whyNotMatched(prefix, segments, shared) }));
  return { matching: catalog.matching, candidates, nearMisses, moreNearMisses: misses.length - nearMisses.length };
}
