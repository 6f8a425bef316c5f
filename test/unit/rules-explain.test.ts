import { describe, expect, it } from "vitest";
import type { ReloadRule, RuleCatalog } from "../../src/rules/catalog.js";
import { diffCatalogs, probePaths } from "../../src/rules/catalog-diff.js";
import { explainPath } from "../../src/rules/explain-path.js";
import { bundledCatalog } from "../helpers/catalogs.js";

const base = bundledCatalog("openclaw@2026.5.3");
const withRules = (id: string, rules: ReloadRule[], matching: RuleCatalog["matching"] = "first-match"): RuleCatalog => ({ ...base, id, rules, matching });
const rule = (prefix: string, kind: ReloadRule["kind"], origin = "base"): ReloadRule => ({ prefix, kind, origin });

describe("rules show --path: which rule decides and why", () => {
  it("first match: the earlier rule wins over a more specific later one", () => {
    const catalog = withRules("t@1", [rule("agents", "none"), rule("agents.list", "hot")]);
    const explanation = explainPath(catalog, "agents.list");
    expect(explanation).toMatchObject({ kind: "none", fallback: false, chosen: { index: 0, prefix: "agents" } });
    expect(explanation.candidates.map((candidate) => candidate.prefix)).toEqual(["agents", "agents.list"]);
    expect(explanation.why).toMatch(/^first match wins: rule #0/);
  });

  it("longest prefix: the most specific rule wins", () => {
    const catalog = withRules("t@2", [rule("agents", "none"), rule("agents.list", "hot")], "longest-prefix");
    expect(explainPath(catalog, "agents.list.0")).toMatchObject({ kind: "hot", chosen: { prefix: "agents.list" } });
  });

  it("a * segment matches any one segment, and an exact prefix of the same depth wins over it", () => {
    const catalog = withRules("t@3", [rule("agents.entries.main.decisionModel", "none"), rule("agents.entries.*.decisionModel", "hot"), rule("agents", "restart")], "longest-prefix");
    expect(explainPath(catalog, "agents.entries.ops.decisionModel.primary")).toMatchObject({ kind: "hot", chosen: { prefix: "agents.entries.*.decisionModel" } });
    expect(explainPath(catalog, "agents.entries.main.decisionModel")).toMatchObject({ kind: "none", chosen: { index: 0 } });
    expect(explainPath(catalog, "agents.entries.ops")).toMatchObject({ kind: "restart", chosen: { prefix: "agents" } });
  });

  it("no match: the fallback decides, and says so", () => {
    expect(explainPath(base, "meta2.x")).toMatchObject({ kind: "restart", fallback: true, chosen: null, candidates: [] });
    expect(explainPath(base, "meta2.x").why).toMatch(/fallback applies: restart/);
  });
});

describe("rules diff", () => {
  const before = withRules("a@1", [rule("gateway.remote", "none"), rule("gateway", "restart"), rule("hooks", "hot")]);
  const after = withRules("b@2", [rule("gateway.remote", "none"), rule("meta", "none"), rule("gateway", "hot"), rule("cron", "hot")]);
  const diff = diffCatalogs(before, after);

  it("lists added, removed and changed rules by prefix", () => {
    expect(diff.added.map((r) => r.prefix)).toEqual(["meta", "cron"]);
    expect(diff.removed.map((r) => r.prefix)).toEqual(["hooks"]);
    expect(diff.changed).toEqual([{ prefix: "gateway", before: rule("gateway", "restart"), after: rule("gateway", "hot") }]);
  });

  it("probes the prefixes of both catalogs, their children and parents, and reports class changes", () => {
    expect(probePaths(before)).toEqual(["gateway", "gateway.child", "gateway.remote", "gateway.remote.child", "hooks", "hooks.child"]);
    expect(diff.classChanges).toContainEqual({ path: "meta.child", before: { kind: "restart", rule: null }, after: { kind: "none", rule: "meta" } });
    expect(diff.classChanges).toContainEqual({ path: "hooks", before: { kind: "hot", rule: "hooks" }, after: { kind: "restart", rule: null } });
    expect(diff.classChanges.some((change) => change.path.startsWith("gateway.remote"))).toBe(false);
  });
});
