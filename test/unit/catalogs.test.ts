import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateCatalog } from "../../src/rules/load-catalog.js";
import { createRuleMatcher } from "../../src/rules/matcher.js";
import { resolveCatalogEntry, type CatalogEntry } from "../../src/rules/resolve-catalog.js";
import { compareVersions } from "../../src/rules/versions.js";
import { isClawdiffError } from "../../src/shared/errors.js";
import { repoRoot } from "../helpers/run-cli.js";

const catalogDir = `${repoRoot}schemas/catalogs/`;

describe("bundled catalogs", () => {
  const files = readdirSync(catalogDir).filter((name) => name.endsWith(".json"));

  it("exist", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s validates against catalog.schema.json and is named by its id", (file) => {
    const catalog = validateCatalog(JSON.parse(readFileSync(catalogDir + file, "utf8")), file);
    expect(`${catalog.id}.json`).toBe(file);
    expect(catalog.coversVersions).toContain(catalog.openclawVersion);
  });

  it("rejects a malformed catalog naming the file and the JSON path", () => {
    const broken = JSON.parse(readFileSync(`${catalogDir}openclaw@2026.5.3.json`, "utf8"));
    broken.rules[3].kind = "reboot";
    try {
      validateCatalog(broken, "broken.json");
      expect.unreachable();
    } catch (error) {
      expect(isClawdiffError(error)).toBe(true);
      expect((error as Error & { format(): string }).format()).toMatch(/^broken\.json: invalid rule catalog: \/rules\/3\/kind must be equal to one of the allowed values/);
    }
  });
});

describe("rule matcher", () => {
  const rules = [
    { prefix: "browser", kind: "restart" as const, origin: "plugin:browser" },
    { prefix: "browser.profiles", kind: "hot" as const, origin: "base" },
    { prefix: "browser.profiles", kind: "none" as const, origin: "later-duplicate" },
  ];

  it("first-match picks the earliest rule, however short", () => {
    expect(createRuleMatcher(rules, "first-match").match("browser.profiles.sandbox.cdpUrl")?.rule.origin).toBe("plugin:browser");
  });

  it("longest-prefix picks the most specific rule, earliest among equals", () => {
    expect(createRuleMatcher(rules, "longest-prefix").match("browser.profiles.sandbox.cdpUrl")?.rule.origin).toBe("base");
    expect(createRuleMatcher(rules, "longest-prefix").match("browser.enabled")?.rule.origin).toBe("plugin:browser");
  });

  it("lists every candidate in catalog order", () => {
    expect(createRuleMatcher(rules, "first-match").candidates("browser.profiles").map((match) => match.index)).toEqual([0, 1, 2]);
  });

  it("visits at most one trie node per path segment", () => {
    const matcher = createRuleMatcher(rules, "first-match");
    matcher.match("a.b.c.d.e");
    matcher.match("browser.profiles.x.y");
    expect(matcher.visits).toBeLessThanOrEqual(1 + 4);
  });
});

describe("catalog resolution", () => {
  const entries: CatalogEntry[] = [
    { id: "openclaw@2026.2.6-3", openclawVersion: "2026.2.6-3", coversVersions: ["2026.2.6-3", "2026.2.9"], file: "a" },
    { id: "openclaw@2026.5.3", openclawVersion: "2026.5.3", coversVersions: ["2026.5.3"], file: "b" },
  ];

  it("orders OpenClaw versions with re-releases after and pre-releases before", () => {
    expect(["2026.2.6-3", "2026.2.6", "2026.10.1", "2026.2.6-beta.1", "2026.9.6"].sort(compareVersions)).toEqual([
      "2026.2.6-beta.1",
      "2026.2.6",
      "2026.2.6-3",
      "2026.9.6",
      "2026.10.1",
    ]);
  });

  it("resolves exact, covered, nearest-older and latest", () => {
    expect(resolveCatalogEntry("openclaw@2026.5.3", entries)).toMatchObject({ resolution: "exact", entry: { file: "b" } });
    expect(resolveCatalogEntry("openclaw@2026.2.9", entries)).toMatchObject({ resolution: "covered", entry: { file: "a" } });
    expect(resolveCatalogEntry("2026.4.22", entries)).toMatchObject({ resolution: "nearest-older", entry: { file: "a" } });
    expect(resolveCatalogEntry("latest", entries)).toMatchObject({ entry: { file: "b" } });
  });

  it("refuses unknown names and versions older than every catalog", () => {
    expect(() => resolveCatalogEntry("openclaw@nightly", entries)).toThrow(/unknown rule catalog 'openclaw@nightly'/);
    expect(() => resolveCatalogEntry("openclaw@2025.1.1", entries)).toThrow(/no bundled rule catalog at or before/);
  });
});
