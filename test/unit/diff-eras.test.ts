import { describe, expect, it } from "vitest";
import { buildConfig } from "../../bench/lib/config-model.mjs";
import { EDITS } from "../../bench/lib/edits.mjs";
import { createRng } from "../../bench/lib/prng.mjs";
import type { DiffWork } from "../../src/diff/config-paths.js";
import { diffEvaluatorPaths, PLAIN_DIFF } from "../../src/diff/evaluator-diff.js";
import type { RuleCatalog } from "../../src/rules/catalog.js";
import { bundledCatalog } from "../helpers/catalogs.js";

/**
 * Expected paths are the outputs of each version's own function, the one its
 * reloader calls, on the same pair (imported from the published package with
 * Node 24; rerun with scripts/diff-eras-agreement.mjs):
 *  2026.2.9   diffConfigPaths          dist/gateway-cli-DZge3TdL.js
 *  2026.5.3   diffConfigPaths          dist/config-reload-plan-5KBdwI3_.js
 *  2026.7.2-beta.3 diffGatewayReloadPaths dist/config-diff-B_517HRr.js
 *  2026.8.2   diffGatewayReloadPaths   dist/config-diff-aX6PGXE0.js
 *  2026.9.1   diffGatewayReloadPaths   dist/config-diff-D7eZkTBa.js (refinement from dist/config-reload-plan-DTmbmeDy.js)
 *  2026.9.6   diffGatewayReloadPaths   dist/config-reload-plan-D9XO5ks7.mjs
 */
const catalogs = {
  "2026.2.9": bundledCatalog("openclaw@2026.2.9"),
  "2026.5.3": bundledCatalog("openclaw@2026.5.3"),
  "2026.7.2-beta.3": bundledCatalog("openclaw@2026.7.2-beta.3"),
  "2026.8.2": bundledCatalog("openclaw@2026.8.2"),
  "2026.9.1": bundledCatalog("openclaw@2026.9.1"),
  "2026.9.6": bundledCatalog("openclaw@2026.9.6"),
};
type Version = keyof typeof catalogs;

const paths = (version: Version, previous: unknown, next: unknown) => {
  const catalog: RuleCatalog = catalogs[version];
  return diffEvaluatorPaths(structuredClone(previous), structuredClone(next), catalog.diff ?? PLAIN_DIFF, catalog.rules).map((change) => change.path);
};

const PAIRS: { name: string; previous: unknown; next: unknown; expected: Partial<Record<Version, string[]>> }[] = [
  {
    name: "an MCP app added under a new mcp block",
    previous: {},
    next: { mcp: { apps: { k: 1 } } },
    expected: { "2026.5.3": ["mcp"], "2026.7.2-beta.3": ["mcp", "mcp.apps"], "2026.8.2": ["mcp", "mcp.apps"], "2026.9.1": ["mcp", "mcp.apps"], "2026.9.6": ["mcp.apps.k"] },
  },
  {
    name: "a remote URL under a new gateway block",
    previous: {},
    next: { gateway: { remote: { url: "x" } } },
    expected: { "2026.5.3": ["gateway"], "2026.8.2": ["gateway"], "2026.9.1": ["gateway"], "2026.9.6": ["gateway.remote"] },
  },
  {
    name: "an empty gateway block",
    previous: {},
    next: { gateway: {} },
    expected: { "2026.5.3": ["gateway"], "2026.9.1": ["gateway"], "2026.9.6": [] },
  },
  {
    name: "an identical re-save of an array of objects",
    previous: { gateway: { trustedProxies: [{ cidr: "10.0.0.0/8" }] } },
    next: { gateway: { trustedProxies: [{ cidr: "10.0.0.0/8" }] } },
    expected: { "2026.2.9": ["gateway.trustedProxies"], "2026.5.3": [], "2026.9.6": [] },
  },
  {
    name: "an identical re-save of an array of strings",
    previous: { tools: { allow: ["a", "b"] } },
    next: { tools: { allow: ["a", "b"] } },
    expected: { "2026.2.9": [], "2026.5.3": [] },
  },
  {
    name: "a second talk provider (the sole provider no longer selects itself)",
    previous: { talk: { providers: { eleven: {} } } },
    next: { talk: { providers: { eleven: {}, openai: {} } } },
    expected: { "2026.5.3": ["talk.providers.openai"], "2026.7.2-beta.3": ["talk.providers.openai"], "2026.8.2": ["talk.providers.openai", "talk.provider"], "2026.9.6": ["talk.providers.openai", "talk.provider"] },
  },
  {
    name: "a decision model for a new agent entry",
    previous: {},
    next: { agents: { entries: { a: { decisionModel: "m" } } } },
    expected: { "2026.5.3": ["agents"], "2026.8.2": ["agents", "agents.entries"], "2026.9.1": ["agents", "agents.entries"], "2026.9.6": ["agents.entries.a.decisionModel"] },
  },
  {
    name: "mcp replaced by a scalar",
    previous: { mcp: { apps: { k: 1 } } },
    next: { mcp: 5 },
    expected: { "2026.5.3": ["mcp"], "2026.7.2-beta.3": ["mcp", "mcp.apps"], "2026.9.6": ["mcp.apps.k"] },
  },
  {
    name: "session replaced by a scalar",
    previous: { session: { scope: "a" } },
    next: { session: "x" },
    expected: { "2026.7.2-beta.3": ["session"], "2026.8.2": ["session", "session.scope"], "2026.9.6": ["session.scope"] },
  },
  {
    name: "agents defaults replaced by a scalar",
    previous: { agents: { defaults: { mediaMaxMb: 5 } } },
    next: { agents: 1 },
    expected: { "2026.5.3": ["agents"], "2026.9.1": ["agents", "agents.defaults.mediaMaxMb"], "2026.9.6": ["agents.defaults.mediaMaxMb"] },
  },
];

describe("the evaluator diff of each era, as the version's own code computes it", () => {
  for (const pair of PAIRS) {
    for (const [version, expected] of Object.entries(pair.expected)) {
      it(`${version}: ${pair.name}`, () => {
        expect(paths(version as Version, pair.previous, pair.next)).toEqual(expected);
      });
    }
  }
});

describe("diff era data in the bundled catalogs", () => {
  it("names the era's array equality, boundaries and refinement", () => {
    expect(catalogs["2026.2.9"].diff).toMatchObject({ arrays: "element-identity", installRecords: "in-config" });
    expect(catalogs["2026.5.3"].diff).toEqual({ arrays: "deep-equal", installRecords: "beside-config" });
    expect(catalogs["2026.7.2-beta.3"].diff?.boundaries).toEqual({ when: { changedPath: "mcp" }, dedupe: false, leaves: [{ path: ["mcp", "apps"], from: ["mcp", "apps"] }] });
    expect(catalogs["2026.9.1"].diff?.refinement).toEqual({ from: ["plugin", "channel"], expand: [] });
    expect(catalogs["2026.9.6"].diff?.refinement).toEqual({ from: "all-rules", expand: [{ prefix: "agents.entries.*.decisionModel", collection: ["agents", "entries"], key: "decisionModel" }] });
  });

  it("9.1 refines with plugin and channel rules only: a plugin rule below gateway is descended to", () => {
    const catalog = catalogs["2026.9.1"];
    const withPlugin = [...catalog.rules, { prefix: "gateway.remote.url", kind: "none" as const, origin: "plugin:demo" }];
    const diff = catalog.diff ?? PLAIN_DIFF;
    expect(diffEvaluatorPaths({}, { gateway: { remote: { url: "x" }, port: 1 } }, diff, withPlugin).map((c) => c.path)).toEqual(["gateway.remote.url", "gateway.port"]);
    const withCore = [...catalog.rules, { prefix: "gateway.remote.url", kind: "none" as const, origin: "core" }];
    expect(diffEvaluatorPaths({}, { gateway: { remote: { url: "x" } } }, diff, withCore).map((c) => c.path)).toEqual(["gateway"]);
  });

  it("marks boundary paths so a derived one (the resolved talk provider) counts as changed", () => {
    const catalog = catalogs["2026.9.6"];
    const changes = diffEvaluatorPaths({ talk: { providers: { eleven: {} } } }, { talk: { providers: { eleven: {}, openai: {} } } }, catalog.diff!, catalog.rules);
    expect(changes.map((change) => [change.path, change.boundary ?? false])).toEqual([
      ["talk.providers.openai", false],
      ["talk.provider", true],
    ]);
  });
});

describe("the era engine stays linear", () => {
  // Refinement, expansion and projection on top of the walk: 10x input, at most 11x nodes (as test/unit/linear-growth.test.ts for the plain walk).
  const work = (agents: number) => {
    const before = buildConfig(agents, createRng(agents));
    const after = structuredClone(before);
    EDITS.half.apply(after, createRng(agents + 1));
    const counter: DiffWork = { nodes: 0 };
    diffEvaluatorPaths(before, after, catalogs["2026.9.6"].diff!, catalogs["2026.9.6"].rules, counter);
    return counter.nodes;
  };
  it("2026.9.6 semantics: 10x agents cost at most 11x nodes", () => {
    const small = work(300);
    expect(small).toBeGreaterThan(0);
    expect(work(3_000) / small).toBeLessThanOrEqual(11);
  });
});
