import { relative, resolve } from "node:path";
import type { DefaultsTable } from "../config/defaults.js";
import type { ConfigKeys } from "../rules/config-keys.js";
import { checkExpectations } from "../lint/expectations.js";
import { findHazards } from "../lint/hazards.js";
import type { FixtureResult } from "../lint/result.js";
import type { EvaluatorViews } from "../rules/evaluator-views.js";
import type { PluginChoice } from "../rules/assumed-plugins.js";
import { loadCatalog, loadDefaultsFor, loadEvaluatorViews, loadProposedCatalog, type LoadedCatalog } from "../sources/catalog-store.js";
import { loadConfigKeysFor } from "../sources/config-keys-store.js";
import { confinedFixturePath, readFixture, type FixtureLocation } from "../sources/fixture-source.js";
import type { FixtureSpec } from "../lint/fixture.js";
import { isClawdiffError } from "../shared/errors.js";
import { compareSpecs, pluginChoiceFor } from "./prepare.js";

const DEFAULT_RULES = "latest";

/** Memoizes by key: catalogs, defaults and key tables are read once for a whole lint run, not once per fixture. */
function memo<T>(): (key: string, load: () => T) => T {
  const cache = new Map<string, T>();
  return (key, load) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key)!;
  };
}

const isBundledSpec = (spec: string) => spec === DEFAULT_RULES || spec.startsWith("openclaw@");
/** Bundled specs are shared by all fixtures; a catalog file is keyed by where it resolves. */
const catalogKey = (spec: string, dir: string) => (isBundledSpec(spec) ? spec : resolve(dir, spec));

/** Every path the fixture names, checked to stay inside its root; catalog specs that are bundled names pass through. */
function confineSpec(spec: FixtureSpec, location: FixtureLocation, cwd: string, root: string | undefined): FixtureSpec {
  const confine = (value: string, field: string) => confinedFixturePath(location, value, field, cwd, root);
  const before = confine(spec.before, "before");
  const after = confine(spec.after, "after");
  // The config path is relative to each side directory.
  if (spec.config !== undefined) for (const side of [before, after]) confine(relative(location.dir, resolve(side, spec.config)), "config");
  return {
    ...spec,
    before,
    after,
    ...(spec.rules !== undefined && !isBundledSpec(spec.rules) ? { rules: confine(spec.rules, "rules") } : {}),
    ...(spec.proposed !== undefined && !isBundledSpec(spec.proposed) ? { proposed: confine(spec.proposed, "proposed") } : {}),
  };
}

export interface LintRunOptions {
  /** `--fixture-root`: the directory fixture paths must stay inside (default: each fixture's own). */
  fixtureRoot?: string;
}

/** Runs fixtures in this process, sharing everything that does not depend on the fixture. */
export function createLintRunner(cwd: string, options: LintRunOptions = {}): (location: FixtureLocation) => FixtureResult {
  const catalogs = memo<LoadedCatalog>();
  const defaults = memo<DefaultsTable | null>();
  const configKeys = memo<ConfigKeys | null>();
  const evaluatorViews = memo<EvaluatorViews>();
  const pluginChoices = memo<PluginChoice | undefined>();
  const stockPlugins = (catalog: LoadedCatalog) => pluginChoices(`${catalog.resolution}\u0000${catalog.catalog.id}`, () => pluginChoiceFor(catalog));

  return (location) => {
    const result: FixtureResult = { name: location.name, status: "pass", failures: [], warnings: [] };
    try {
      const spec = confineSpec(readFixture(location, cwd), location, cwd, options.fixtureRoot);
      const rules = spec.rules ?? DEFAULT_RULES;
      const catalog = catalogs(catalogKey(rules, location.dir), () => loadCatalog(rules, location.dir));
      const proposedSpec = spec.proposed;
      const proposed =
        proposedSpec === undefined
          ? undefined
          : catalogs(`${catalogKey(rules, location.dir)}\u0000${catalogKey(proposedSpec, location.dir)}`, () =>
              loadProposedCatalog(proposedSpec, rules, location.dir, (path) => confinedFixturePath(location, path, "the proposed overlay's extends", cwd, options.fixtureRoot)),
            );
      const version = catalog.targetVersion;
      // Sides resolve against the fixture; messages name files relative to where lint runs.
      const trigger = spec.trigger ?? "watcher";
      const keys = configKeys(version, () => loadConfigKeysFor(version));
      const plugins = stockPlugins(catalog);
      const { comparison, report } = compareSpecs(spec.before, spec.after, {
        catalog,
        version: { version, source: { from: "--rules" } },
        configKeys: keys,
        ...(plugins ? { plugins } : {}),
        views: evaluatorViews(`${version}\u0000${trigger}`, () => loadEvaluatorViews(version, trigger)),
        ...(proposed ? { proposed } : {}),
        // Hermetic: a fixture's result must not depend on the environment lint runs in.
        loadOptions: { env: { overrides: spec.env ?? {} }, defaults: defaults(version, () => loadDefaultsFor(version)), allowIncludeOutside: false },
        inputOptions: { cwd, ...(spec.config !== undefined ? { configRelPath: spec.config } : {}) },
      });
      result.verdict = report.summary.verdict;
      result.headline = report.summary.headline;
      result.failures = spec.expect ? checkExpectations(report, spec.expect) : [];
      result.warnings = findHazards(report, comparison, keys);
      if (result.failures.length > 0) result.status = "fail";
    } catch (error) {
      if (!isClawdiffError(error)) throw error;
      result.status = "error";
      result.error = error.format();
    }
    return result;
  };
}
