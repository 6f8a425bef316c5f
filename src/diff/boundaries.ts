import { defineOwn, getAtSegments, isPlainObject } from "../shared/values.js";
import { walkConfigPaths, type ChangedPath, type WalkOptions } from "./config-paths.js";
import type { BoundaryProjection } from "./semantics.js";
import { resolveProjection } from "./talk-provider.js";

/** The version's projectGatewayReloadBoundaries: a fixed tree whose leaves are config values or resolved ids. */
function project(config: unknown, projection: BoundaryProjection): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const leaf of projection.leaves) {
    let node = root;
    for (const segment of leaf.path.slice(0, -1)) {
      if (!isPlainObject(node[segment])) defineOwn(node, segment, {});
      node = node[segment] as Record<string, unknown>;
    }
    const value = leaf.resolve ? resolveProjection(leaf.resolve, config) : getAtSegments(config, leaf.from ?? leaf.path);
    defineOwn(node, leaf.path[leaf.path.length - 1]!, value);
  }
  return root;
}

/**
 * The boundary paths diffGatewayReloadPaths appends to the config diff: the
 * projections of both configs diffed with the plain walk (no refinement),
 * when the version's trigger holds, minus paths already reported if the
 * version drops duplicates.
 */
export function boundaryPaths(changed: readonly ChangedPath[], previous: unknown, next: unknown, projection: BoundaryProjection, options: WalkOptions): ChangedPath[] {
  const reported = new Set(changed.map((change) => change.path));
  if (projection.when !== "always" && !reported.has(projection.when.changedPath)) return [];
  const paths = walkConfigPaths(project(previous, projection), project(next, projection), { arrays: options.arrays, ...(options.work ? { work: options.work } : {}) });
  return paths.filter((change) => !projection.dedupe || !reported.has(change.path)).map((change) => ({ ...change, boundary: true as const }));
}
