import { describe, expect, it } from "vitest";
import type { ReloadRule } from "../../src/rules/catalog.js";
import { createRuleMatcher } from "../../src/rules/matcher.js";
import { applyOverlay } from "../../src/rules/overlay.js";
import { bundledCatalog } from "../helpers/catalogs.js";

const rule = (prefix: string, kind: ReloadRule["kind"], origin = "base"): ReloadRule => ({ prefix, kind, origin });

describe("overlay layer in the matcher", () => {
  const base = [rule("agents", "none"), rule("agents.list", "hot"), rule("gateway", "restart")];

  it("without an overlay, semantics decide: first match vs longest prefix", () => {
    expect(createRuleMatcher(base, "first-match").match("agents.list")!.rule.prefix).toBe("agents");
    expect(createRuleMatcher(base, "longest-prefix").match("agents.list")!.rule.prefix).toBe("agents.list");
  });

  it("an overlay rule wins over a longer base prefix under both semantics", () => {
    const rules = [rule("agents", "restart", "overlay"), ...base];
    for (const semantics of ["first-match", "longest-prefix"] as const) {
      expect(createRuleMatcher(rules, semantics, 1).match("agents.list.x")!.rule.origin).toBe("overlay");
    }
  });

  it("paths the overlay does not cover fall through to the base rules", () => {
    const rules = [rule("browser.profiles", "hot", "overlay"), ...base];
    const matcher = createRuleMatcher(rules, "longest-prefix", 1);
    expect(matcher.match("gateway.port")!.rule.prefix).toBe("gateway");
    expect(matcher.match("browser.enabled")).toBeNull();
  });

  it("applyOverlay keeps the base's vocabulary and stacks overlays", () => {
    const catalog = bundledCatalog("openclaw@2026.5.3");
    const once = applyOverlay(catalog, { rules: [{ prefix: "meta", kind: "restart" }] }, "a");
    const twice = applyOverlay(once, { rules: [{ prefix: "cron", kind: "none" }] }, "b");
    expect(twice.overlayRuleCount).toBe(2);
    expect(twice.rules.slice(0, 2).map((entry) => entry.prefix)).toEqual(["cron", "meta"]);
    expect(twice.actions).toEqual(catalog.actions);
    expect(twice.rules.length).toBe(catalog.rules.length + 2);
  });
});
