import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPlanner } from "../../src/plan/build-plan.js";
import { decideReloadAction } from "../../src/plan/outcome.js";
import { listBundledCatalogs, readCatalogFile } from "../../src/sources/catalog-store.js";
import { propertyRuns } from "./fuzz-settings.js";

const catalogs = listBundledCatalogs().map((entry) => readCatalogFile(entry.file));
/** Every catalog gets its own runs; the budget shrinks as catalogs are added so the suite stays quick. */
const RUNS_PER_CATALOG = Math.max(100, Math.floor(8000 / catalogs.length));

describe.each(catalogs.map((catalog) => ({ id: catalog.id, catalog })))("classification under $id", ({ catalog }) => {
  const planner = createPlanner(catalog);
  // Segments from the catalog's own prefixes, so generated paths hit rules, miss them, and straddle them.
  const segments = [...new Set(catalog.rules.flatMap((rule) => rule.prefix.split(".")))];
  const segment = fc.oneof(fc.constantFrom(...segments), fc.constantFrom("x", "", "claude-sonnet-4.6", "<root>"));
  const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join("."));
  const paths = fc.array(path, { maxLength: 8 });
  const modes = fc.constantFrom(...catalog.reloadModes);

  it("is total: every path gets exactly one kind, a reason, and lands in exactly one plan list", () => {
    fc.assert(
      fc.property(paths, (changed) => {
        const plan = planner.plan(changed);
        expect(plan.classifications).toHaveLength(changed.length);
        for (const classification of plan.classifications) {
          expect(["restart", "hot", "none"]).toContain(classification.kind);
          expect(classification.reason).toMatch(/^(rule|fallback|install-timestamp|condition-unmet)$/);
          expect(classification.fallback).toBe(classification.rule === null && classification.reason === "fallback");
        }
        const listed = [...plan.restartReasons, ...plan.hotReasons, ...plan.noopPaths].sort();
        expect(listed).toEqual([...changed].sort());
        expect(plan.restartGateway).toBe(plan.restartReasons.length > 0);
      }),
      propertyRuns(RUNS_PER_CATALOG),
    );
  });

  it("is monotone: adding a path never turns a restart into no restart, in any mode", () => {
    fc.assert(
      fc.property(paths, path, modes, (changed, extra, mode) => {
        const before = decideReloadAction(planner.plan(changed), mode);
        const after = decideReloadAction(planner.plan([...changed, extra]), mode);
        if (before === "restart") expect(after).toBe("restart");
        if (planner.plan([extra]).restartGateway && (mode === "hybrid" || mode === "restart")) expect(after).toBe("restart");
      }),
      propertyRuns(RUNS_PER_CATALOG),
    );
  });

  it("classifies a path the same whatever else changed with it (no context given)", () => {
    fc.assert(
      fc.property(paths, path, (others, target) => {
        const alone = planner.plan([target]).classifications[0];
        const together = planner.plan([...others, target]).classifications.at(-1);
        expect(together).toEqual(alone);
      }),
      propertyRuns(Math.floor(RUNS_PER_CATALOG / 2)),
    );
  });
});
