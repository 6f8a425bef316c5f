import { describe, expect, it } from "vitest";
import { buildConfig } from "../../bench/lib/config-model.mjs";
import { EDITS, type EditName } from "../../bench/lib/edits.mjs";
import { createRng } from "../../bench/lib/prng.mjs";
import { diffConfigPaths, type DiffWork } from "../../src/diff/config-paths.js";
import { createPlanner } from "../../src/plan/build-plan.js";
import type { RuleCatalog } from "../../src/rules/catalog.js";
import { bundledCatalog } from "../helpers/catalogs.js";

/**
 * Cost must grow linearly with config size (issue 10: 10x input, at most
 * 11x work). Timing would be flaky on a shared machine, so this counts the
 * work itself on the bench's generated configs at 1x and 10x size: nodes
 * the diff walk visits and trie nodes the rule matcher visits.
 */
const SMALL = 300;
const LARGE = 3_000;
const ALLOWED_GROWTH = 1.1; // 11x work for 10x input
const CATALOG = bundledCatalog("openclaw@2026.5.3");

/** Every value in the tree: the input size the work is judged against. */
function countValues(value: unknown): number {
  if (value === null || typeof value !== "object") return 1;
  return 1 + Object.values(value).reduce<number>((sum, child) => sum + countValues(child), 0);
}

function measure(agents: number, edit: EditName, catalog: RuleCatalog = CATALOG) {
  const before = buildConfig(agents, createRng(agents));
  const after = structuredClone(before);
  EDITS[edit].apply(after, createRng(agents + 1));
  const work: DiffWork = { nodes: 0 };
  const changes = diffConfigPaths(before, after, work);
  const planner = createPlanner(catalog);
  planner.plan(changes.map((change) => change.path));
  const segments = changes.reduce((sum, change) => sum + change.segments.length, 0);
  return { size: countValues(before), walkNodes: work.nodes, matcherVisits: planner.matcher.visits, changes: changes.length, segments };
}

describe("work grows linearly with the config", () => {
  it.each(Object.keys(EDITS) as EditName[])("diff walk, edit %s: 10x input costs at most 11x nodes", (edit) => {
    const small = measure(SMALL, edit);
    const large = measure(LARGE, edit);
    expect(large.size / small.size).toBeGreaterThan(9); // the inputs really are ~10x apart
    expect(small.walkNodes).toBeGreaterThan(0);
    expect(large.walkNodes / small.walkNodes).toBeLessThanOrEqual(ALLOWED_GROWTH * (large.size / small.size));
  });

  it.each(["one-percent", "half"] as EditName[])("rule matching, edit %s: visits bounded by path length, never by rule count", (edit) => {
    const small = measure(SMALL, edit);
    const large = measure(LARGE, edit);
    expect(large.changes).toBeGreaterThan(small.changes);
    // A trie walk visits at most one node per path segment; a scan of every rule per path would visit far more.
    for (const run of [small, large]) expect(run.matcherVisits).toBeLessThanOrEqual(run.segments);
    expect(large.matcherVisits / small.matcherVisits).toBeLessThanOrEqual(ALLOWED_GROWTH * (large.segments / small.segments));
  });

  it("rule matching does not grow with the number of rules", () => {
    // Ten times the rules, all under prefixes no changed path has: a per-path scan would pay for each.
    const padding = Array.from({ length: CATALOG.rules.length * 9 }, (_, index) => ({ prefix: `unrelated.section${index}.leaf`, kind: "none" as const, origin: "overlay" }));
    const padded: RuleCatalog = { ...CATALOG, rules: [...CATALOG.rules, ...padding] };
    const plain = measure(LARGE, "half");
    const withPadding = measure(LARGE, "half", padded);
    expect(withPadding.changes).toBe(plain.changes);
    expect(withPadding.matcherVisits).toBe(plain.matcherVisits);
  });
});
