import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ConfigKeys } from "../../src/rules/config-keys.js";
import { importConfigKeys } from "../../src/rules/import/config-schema.js";
import { importCatalog, type PackageFiles } from "../../src/rules/import/import-catalog.js";
import { importPluginRules } from "../../src/rules/import/plugin-rules.js";
import { composeWithPlugins, type PluginRulesTable } from "../../src/rules/plugin-rules.js";
import { openPackage } from "../../src/sources/package-reader.js";
import { bundledCatalog } from "../helpers/catalogs.js";
import { repoRoot } from "../helpers/run-cli.js";

// Runs on the real published packages when the cache holds them (npm run stock-data:import fills it).
const cache = process.env["CLAWDIFF_OC_CACHE"] ?? "/work/oc";
const unpacked = (version: string) => [join(cache, version, "package"), join(cache, "packs", version, "package")].find((dir) => existsSync(join(dir, "package.json")));
const readJson = <T>(path: string): T => JSON.parse(readFileSync(`${repoRoot}${path}`, "utf8")) as T;

/** A small deterministic generator, so a failing subset can be reproduced. */
function subsets(ids: string[], count: number): string[][] {
  let seed = 20260906;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => ids.filter(() => next() < 0.5));
}

/** The package's files, each read once: every import scans all of dist/. */
function cachedPackage(dir: string): PackageFiles {
  const files = openPackage(dir);
  const texts = new Map<string, string | undefined>();
  return { paths: files.paths, read: (path) => (texts.has(path) ? texts.get(path) : texts.set(path, files.read(path)).get(path)) };
}

// Each import parses the package's planner and plugin chunks: seconds per call, so few subsets and a long timeout.
const SLOW = 180_000;

describe.each(["2026.5.3", "2026.9.6"])("bundled stock data against the published openclaw@%s", (version) => {
  const dir = unpacked(version);
  const id = `openclaw@${version}`;
  let files: PackageFiles | undefined;
  const packageFiles = () => (files ??= cachedPackage(dir!));

  it.skipIf(!dir)("the plugin rules table is what the importer reads from the package", () => {
    const fresh = importPluginRules(packageFiles(), id);
    const { $schema: _schema, ...bundled } = readJson<PluginRulesTable & { $schema: string }>(`schemas/plugin-rules/${id}.json`);
    expect(fresh).toEqual(bundled);
  }, SLOW);

  // The import script checks no plugin and each plugin alone; here, plugin combinations.
  it.skipIf(!dir)("narrowed to a plugin subset, it equals the package's planner composed with exactly those plugins", () => {
    const table = readJson<PluginRulesTable>(`schemas/plugin-rules/${id}.json`);
    const catalog = bundledCatalog(id);
    const ids = table.plugins.map((plugin) => plugin.id);
    for (const subset of subsets(ids, 3)) {
      const expected = importCatalog(packageFiles(), { plugins: subset }).catalog.rules;
      expect(composeWithPlugins(catalog, table, new Set(subset)).rules, subset.join(",")).toEqual(expected);
    }
  }, SLOW);

  it.skipIf(!dir)("the config-key table is what the importer reads from the package's zod schema", () => {
    const { $schema: _schema, ...bundled } = readJson<ConfigKeys & { $schema: string }>(`schemas/config-keys/${id}.json`);
    expect(importConfigKeys(packageFiles())).toEqual(bundled);
  });
});
