import { boundaryPaths } from "./boundaries.js";
import { walkConfigPaths, type ChangedPath, type DiffWork, type WalkOptions } from "./config-paths.js";
import { refinedAncestors, refinementPrefixes, type RefiningRule } from "./refinement.js";
import type { DiffSemantics } from "./semantics.js";

/** The 2026.2.22 – 2026.7.1 era: what a catalog without `diff` means. */
export const PLAIN_DIFF: DiffSemantics = { arrays: "deep-equal", installRecords: "beside-config" };

/**
 * The config diff the version's reloader computes (diffConfigPaths, or
 * diffGatewayReloadPaths from 2026.7.2): the era's walk, refined by the
 * prefixes of `rules` where the era refines, then its boundary paths.
 */
export function diffEvaluatorPaths(previous: unknown, next: unknown, semantics: DiffSemantics, rules: readonly RefiningRule[], work?: DiffWork): ChangedPath[] {
  const options: WalkOptions = {
    arrays: semantics.arrays,
    ...(semantics.refinement ? { refinedAncestors: refinedAncestors(refinementPrefixes(semantics.refinement, rules, previous, next)) } : {}),
    ...(work ? { work } : {}),
  };
  const changed = walkConfigPaths(previous, next, options);
  return semantics.boundaries ? [...changed, ...boundaryPaths(changed, previous, next, semantics.boundaries, options)] : changed;
}
