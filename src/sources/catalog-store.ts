import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseConfigText } from "../config/parse-json5.js";
import { ClawdiffError } from "../shared/errors.js";
import { locateInText } from "../config/locate.js";
import { looksLikeCatalog, validateCatalog, validateOverlay } from "../rules/load-catalog.js";
import { applyOverlay } from "../rules/overlay.js";
import { importCatalog, parsePluginChoice } from "../rules/import/import-catalog.js";
import { openPackage } from "./package-reader.js";
import { catalogCacheKey, type CatalogCache } from "./catalog-cache.js";
import { evaluatorViewsFor, type EvaluatorViews, type EvaluatorViewTable, type ReloadTrigger } from "../rules/evaluator-views.js";
import type { LocatePointer } from "../shared/schema-validation.js";
import type { RuleCatalog } from "../rules/catalog.js";
import { resolveCatalogEntry, type CatalogEntry, type ResolvedCatalogEntry } from "../rules/resolve-catalog.js";
import { readTextFile } from "./read-file.js";
import type { DefaultsTable } from "../config/defaults.js";
import { compareVersions, isVersion } from "../rules/versions.js";

/** The package's own directory, found from this module whether it runs bundled (dist/) or from src/. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "schemas", "catalogs")) && existsSync(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new ClawdiffError("catalog", "cannot find the bundled schemas/catalogs directory");
    dir = parent;
  }
}

export function bundledCatalogDir(): string {
  return join(packageRoot(), "schemas", "catalogs");
}

export function bundledSchemaDir(): string {
  return join(packageRoot(), "schemas");
}

/** A bundled per-version data file under schemas/<folder>/ for `version`: its own, or the nearest older one. */
export function readNearestVersionFile(folder: string, version: string): { data: unknown; display: string } | null {
  const dir = join(packageRoot(), "schemas", folder);
  const candidates = readdirSync(dir)
    .filter((name) => name.startsWith("openclaw@") && name.endsWith(".json"))
    .map((name) => ({ name, version: name.slice("openclaw@".length, -".json".length) }))
    .filter((entry) => compareVersions(entry.version, version) <= 0)
    .sort((a, b) => compareVersions(a.version, b.version));
  const chosen = candidates[candidates.length - 1];
  if (!chosen) return null;
  const display = `schemas/${folder}/${chosen.name}`;
  return { data: parseConfigText(readTextFile(join(dir, chosen.name), display), display), display };
}

/** Which config forms the evaluator of `version` diffs, for the given trigger (schemas/evaluator-views.json). */
export function loadEvaluatorViews(version: string, trigger: ReloadTrigger): EvaluatorViews {
  const display = "schemas/evaluator-views.json";
  const table = readBundledJson<EvaluatorViewTable>(join(packageRoot(), "schemas", "evaluator-views.json"), display);
  return evaluatorViewsFor(table, version, trigger);
}

/** The bundled defaults table for `version`: its own, or the nearest older one. */
export function loadDefaultsFor(version: string): DefaultsTable | null {
  const found = readNearestVersionFile("defaults", version);
  return found ? (found.data as DefaultsTable) : null;
}

function readRulesFile(path: string, display: string): { data: unknown; locate: LocatePointer } {
  const text = readTextFile(path, display);
  return { data: parseConfigText(text, display), locate: (segments) => locateInText(text, segments) };
}

export function readCatalogFile(path: string, display = path): RuleCatalog {
  const { data, locate } = readRulesFile(path, display);
  return validateCatalog(data, display, locate);
}

/**
 * Bundled data (catalogs, defaults, evaluator views) is validated against
 * its schemas by the test suite, so a run trusts it instead of compiling
 * the schemas on every start; user-supplied files are always validated.
 */
function readBundledJson<T>(path: string, display: string): T {
  return JSON.parse(readTextFile(path, display)) as T;
}

let bundledEntries: CatalogEntry[] | undefined;

export function listBundledCatalogs(): CatalogEntry[] {
  if (bundledEntries) return bundledEntries;
  const dir = bundledCatalogDir();
  bundledEntries = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => {
      const catalog = readBundledJson<RuleCatalog>(join(dir, name), `schemas/catalogs/${name}`);
      return { id: catalog.id, openclawVersion: catalog.openclawVersion, coversVersions: catalog.coversVersions, file: join(dir, name) };
    });
  return bundledEntries;
}

export interface LoadedCatalog {
  catalog: RuleCatalog;
  /**
   * The OpenClaw version the run is about: the one asked for when a bundled
   * catalog covers it (its rules are identical, its evaluator may not be),
   * else the catalog's own.
   */
  targetVersion: string;
  requested: string;
  resolution: ResolvedCatalogEntry["resolution"] | "file" | "overlay" | "installed";
}

const looksLikePath = (spec: string) => spec.includes("/") || spec.includes("\\") || /\.json5?$/.test(spec);

/** `--rules`: a bundled catalog (`openclaw@<version>`, `latest`) or a catalog file path. */
export function loadCatalog(spec: string, cwd = process.cwd()): LoadedCatalog {
  if (looksLikePath(spec) && !spec.startsWith("openclaw@")) {
    const catalog = readCatalogFile(resolve(cwd, spec), spec);
    return { catalog, targetVersion: catalog.openclawVersion, requested: spec, resolution: "file" };
  }
  const resolved = resolveCatalogEntry(spec, listBundledCatalogs());
  const display = `schemas/catalogs/${resolved.entry.id}.json`;
  const catalog = readBundledJson<RuleCatalog>(resolved.entry.file, display);
  const asked = spec.startsWith("openclaw@") ? spec.slice("openclaw@".length) : spec;
  return { catalog, targetVersion: isVersion(asked) ? asked : catalog.openclawVersion, requested: spec, resolution: resolved.resolution };
}

/**
 * `--proposed`: another catalog (bundled or a file) or an overlay file whose
 * rules amend `extends` (default: the `--rules` catalog, `baseSpec`).
 * `confine` vets a catalog file an overlay names, for overlays that came as data (lint fixtures).
 */
export function loadProposedCatalog(spec: string, baseSpec: string, cwd = process.cwd(), confine: (path: string) => void = () => {}): LoadedCatalog {
  if (!looksLikePath(spec) || spec.startsWith("openclaw@")) return loadCatalog(spec, cwd);
  const path = resolve(cwd, spec);
  const { data, locate } = readRulesFile(path, spec);
  if (looksLikeCatalog(data)) {
    const catalog = validateCatalog(data, spec, locate);
    return { catalog, targetVersion: catalog.openclawVersion, requested: spec, resolution: "file" };
  }
  const overlay = validateOverlay(data, spec, locate);
  if (overlay.extends && looksLikePath(overlay.extends) && !overlay.extends.startsWith("openclaw@")) confine(resolve(dirname(path), overlay.extends));
  const base = overlay.extends ? loadCatalog(overlay.extends, dirname(path)) : loadCatalog(baseSpec, cwd);
  const id = `${base.catalog.id}+${basename(spec).replace(/\.json5?$/, "").toLowerCase().replace(/[^a-z0-9@._+-]/g, "-")}`;
  return { catalog: applyOverlay(base.catalog, overlay, id), targetVersion: base.targetVersion, requested: spec, resolution: "overlay" };
}

/**
 * `--openclaw`: the rules of the package the operator actually runs, read
 * from its dist files with the chosen bundled plugins and channels loaded.
 */
export function loadInstalledCatalog(location: string, plugins: string | undefined, cwd = process.cwd(), cache?: CatalogCache): LoadedCatalog {
  const path = resolve(cwd, location);
  if (!existsSync(path)) throw new ClawdiffError("not-found", `no such package: ${location}`, { file: location });
  const choice = plugins ?? "all";
  const key = cache ? catalogCacheKey(path, choice) : "";
  const reused = cache?.get(key);
  const catalog = reused ?? importCatalog(openPackage(path), { plugins: parsePluginChoice(choice) }).catalog;
  if (cache && !reused) cache.put(key, catalog);
  return { catalog, targetVersion: catalog.openclawVersion, requested: location, resolution: "installed" };
}

