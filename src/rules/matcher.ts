import type { MatchingSemantics, ReloadRule } from "./catalog.js";

/**
 * A path matches a rule when it equals the prefix or starts with
 * `prefix + "."`. Splitting both at dots turns that into "the prefix's
 * segments lead the path's segments", so a trie over dot-split prefixes
 * finds every matching rule in one walk of the path: cost grows with path
 * length, not with the number of rules.
 */
interface TrieNode {
  children: Map<string, TrieNode>;
  /** Indices (catalog order) of the rules whose prefix ends here. */
  ruleIndices: number[];
}

export interface RuleMatch {
  rule: ReloadRule;
  index: number;
}

export interface RuleMatcher {
  /** The rule the planner would pick, or null when the fallback applies. */
  match(path: string): RuleMatch | null;
  /** Every rule whose prefix matches, in catalog order (for explanations). */
  candidates(path: string): RuleMatch[];
  /** Trie nodes visited since creation: the work counter the linear-growth guard reads. */
  readonly visits: number;
}

function newNode(): TrieNode {
  return { children: new Map(), ruleIndices: [] };
}

/** `overlayRuleCount`: the first N rules form a layer consulted before the rest (proposed-rules overlays). */
export function createRuleMatcher(rules: readonly ReloadRule[], semantics: MatchingSemantics, overlayRuleCount = 0): RuleMatcher {
  const root = newNode();
  rules.forEach((rule, index) => {
    let node = root;
    for (const segment of rule.prefix.split(".")) {
      let child = node.children.get(segment);
      if (!child) {
        child = newNode();
        node.children.set(segment, child);
      }
      node = child;
    }
    node.ruleIndices.push(index);
  });

  let visits = 0;
  /**
   * Rule indices grouped by prefix depth (shallowest first), each group in
   * catalog order. A `*` prefix segment (2026.9.x, e.g.
   * `agents.entries.*.decisionModel`) matches any one non-empty path segment,
   * so the walk follows both the exact child and the `*` child.
   */
  function matchingIndexGroups(path: string): number[][] {
    const groups: number[][] = [];
    let frontier: TrieNode[] = [root];
    for (const segment of path.split(".")) {
      const next: TrieNode[] = [];
      for (const node of frontier) {
        const exact = node.children.get(segment);
        if (exact) next.push(exact);
        const wildcard = segment === "" ? undefined : node.children.get("*");
        if (wildcard) next.push(wildcard);
      }
      visits += 1;
      if (next.length === 0) break;
      const indices = next.flatMap((node) => node.ruleIndices);
      if (indices.length > 0) groups.push(next.length === 1 ? indices : indices.sort((a, b) => a - b));
      frontier = next;
    }
    return groups;
  }
  const toMatch = (index: number): RuleMatch => ({ rule: rules[index]!, index });

  /** The planner's pick among matching rules whose index passes `inLayer`. */
  function pick(groups: number[][], inLayer: (index: number) => boolean): RuleMatch | null {
    const layered = overlayRuleCount === 0 ? groups : groups.map((group) => group.filter(inLayer)).filter((group) => group.length > 0);
    if (layered.length === 0) return null;
    if (semantics === "longest-prefix") return toMatch(layered[layered.length - 1]![0]!);
    let best = Number.POSITIVE_INFINITY;
    for (const group of layered) best = Math.min(best, group[0]!);
    return toMatch(best);
  }
  const inOverlay = (index: number) => index < overlayRuleCount;
  const inBase = (index: number) => index >= overlayRuleCount;

  return {
    match(path) {
      const groups = matchingIndexGroups(path);
      if (groups.length === 0) return null;
      return (overlayRuleCount > 0 ? pick(groups, inOverlay) : null) ?? pick(groups, inBase);
    },
    candidates(path) {
      return matchingIndexGroups(path)
        .flat()
        .sort((a, b) => a - b)
        .map(toMatch);
    },
    get visits() {
      return visits;
    },
  };
}

const matchers = new WeakMap<object, RuleMatcher>();

/** One matcher per catalog object: explanations and catalog diffs ask about many paths of the same catalog. */
export function matcherFor(catalog: { rules: readonly ReloadRule[]; matching: MatchingSemantics; overlayRuleCount?: number }): RuleMatcher {
  let matcher = matchers.get(catalog);
  if (!matcher) {
    matcher = createRuleMatcher(catalog.rules, catalog.matching, catalog.overlayRuleCount);
    matchers.set(catalog, matcher);
  }
  return matcher;
}
