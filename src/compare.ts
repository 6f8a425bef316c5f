import { jsonDeepEqual } from "./shared/json-equal.js";
import { loadConfig, type LoadOptions, type LoadedConfig } from "./config/load-config.js";
import { valueIn, type ConfigView } from "./config/views.js";
import { diffConfigPaths, type ChangedPath } from "./diff/config-paths.js";
import { createPlanner, type PlanContext, type ReloadPlan } from "./plan/build-plan.js";
import { listInstallRecordPaths, mergeInstallRecordPaths } from "./plan/install-records.js";
import { decideReloadAction, resolveReloadMode, type ReloadAction, type ReloadMode } from "./plan/outcome.js";
import type { RuleCatalog } from "./rules/catalog.js";
import { assumePlugins, withAssumedPlugins, type AssumedPlugins, type PluginChoice } from "./rules/assumed-plugins.js";
import { configIssues, type ConfigIssue, type ConfigKeys } from "./rules/config-keys.js";
import type { EvaluatorView, EvaluatorViews } from "./rules/evaluator-views.js";
import type { ConfigInput } from "./sources/config-input.js";
import { alignSnapshotSides } from "./sources/snapshot-sides.js";

/** Everything one comparison computed, before any formatting. */
export interface Comparison {
  before: LoadedConfig;
  after: LoadedConfig;
  /** The evaluator's changed paths: config paths, then install-record paths, as the gateway concatenates them. */
  changes: ChangedPath[];
  /** Per change: whether the value differs once env and defaults are resolved (the semantic view). */
  semanticallyChanged: boolean[];
  /** Paths whose authored form differs while the evaluator sees no change (e.g. `${VAR}` vs its value). */
  authoredOnly: ChangedPath[];
  reloadMode: ReloadMode;
  /** Which form of the config each side of the evaluator's diff held (version and trigger dependent). */
  views: ComparedViews;
  current: PlannedOutcome;
  /** The same changes planned under `--proposed` rules, when given. */
  proposed?: PlannedOutcome;
  /** The bundled plugins assumed loaded, and why (absent when the catalog came with its plugins, or the version has none). */
  plugins?: AssumedPlugins;
  /** What the version's schema rejects in the after config: the gateway then skips the reload. */
  configIssues: ConfigIssue[];
}

export interface PlannedOutcome {
  catalog: RuleCatalog;
  plan: ReloadPlan;
  action: ReloadAction;
}

export interface ComparedViews extends Omit<EvaluatorViews, "before" | "after"> {
  before: EvaluatorView;
  after: EvaluatorView;
}

/** From 2026.4.22 on, both watcher sides are the sourceConfig: the default when no table says otherwise. */
export const SOURCE_VIEWS: ComparedViews = { trigger: "watcher", before: "source", after: "source", since: "2026.4.22", sources: [] };

const CONFIG_VIEW: Record<EvaluatorView, ConfigView> = { source: "compare", runtime: "semantic", persisted: "persisted" };

/** One side's value as the evaluator saw it. */
export function evaluatorValue(loaded: LoadedConfig, view: EvaluatorView, segments: readonly string[]): unknown {
  return valueIn(loaded, CONFIG_VIEW[view], segments);
}


/**
 * What conditional rules (the auth-credential check) ask of the two sides:
 * the one place both `diff` and `log --state` take it from.
 */
export function conditionContext(before: LoadedConfig, after: LoadedConfig): Pick<PlanContext, "isUnchanged"> {
  return {
    isUnchanged: (path) => {
      const segments = path.split(".");
      return jsonDeepEqual(valueIn(before, "semantic", segments), valueIn(after, "semantic", segments));
    },
  };
}

const asInstallConfig = (records: Record<string, unknown>) => ({ plugins: { installs: records } });

export function planOutcome(catalog: RuleCatalog, before: LoadedConfig, after: LoadedConfig, changes: ChangedPath[], mode: string, invalidConfig = false): PlannedOutcome {
  const spec = catalog.installRecordNoop;
  const installRecords = spec
    ? mergeInstallRecordPaths(
        listInstallRecordPaths(before.compare, after.compare, spec),
        listInstallRecordPaths(asInstallConfig(before.installRecords), asInstallConfig(after.installRecords), spec),
      )
    : undefined;
  const plan = createPlanner(catalog).plan(
    changes.map((change) => change.path),
    { ...(installRecords ? { installRecords } : {}), ...conditionContext(before, after) },
  );
  return { catalog, plan, action: decideReloadAction(plan, mode, invalidConfig) };
}

function evaluatorChanges(before: LoadedConfig, after: LoadedConfig, views: ComparedViews): ChangedPath[] {
  return [
    ...diffConfigPaths(evaluatorValue(before, views.before, []), evaluatorValue(after, views.after, [])),
    ...diffConfigPaths(asInstallConfig(before.installRecords), asInstallConfig(after.installRecords)),
  ];
}

function authoredOnlyChanges(before: LoadedConfig, after: LoadedConfig, evaluator: ChangedPath[]): ChangedPath[] {
  if (before.envReferences.size === 0 && after.envReferences.size === 0) return [];
  const seen = new Set(evaluator.map((change) => change.path));
  return diffConfigPaths(before.authored, after.authored).filter((change) => !seen.has(change.path));
}

/** Loads both sides, diffs them as the evaluator does and plans the reload under `catalog`. */
export function compareInputs(
  beforeInput: ConfigInput,
  afterInput: ConfigInput,
  catalog: RuleCatalog,
  options: {
    before?: LoadOptions;
    after?: LoadOptions;
    proposed?: RuleCatalog;
    views?: ComparedViews;
    /** Bundled plugins to compose into the catalogs: the running gateway loaded them from the before side. */
    plugins?: PluginChoice;
    /** What the version's schema rejects. */
    configKeys?: ConfigKeys | null;
  } = {},
): Comparison {
  const views = options.views ?? SOURCE_VIEWS;
  // A snapshot side holds fingerprints where secrets were: both sides are masked alike before the diff.
  const [before, after] = alignSnapshotSides(loadConfig(beforeInput, options.before), loadConfig(afterInput, options.after));
  const choice = options.plugins;
  const plugins = choice ? assumePlugins(choice, before.compare) : undefined;
  const withPlugins = (rules: RuleCatalog) => (choice && plugins ? withAssumedPlugins(rules, choice, plugins) : rules);
  const current = withPlugins(catalog);
  const issues = options.configKeys ? configIssues(after.authored, options.configKeys) : [];
  const changes = evaluatorChanges(before, after, views);
  const semanticallyChanged = changes.map((change) =>
    !jsonDeepEqual(valueIn(before, "semantic", change.segments), valueIn(after, "semantic", change.segments)),
  );
  const reloadMode = resolveReloadMode(after.compare, current);
  const proposed = options.proposed ? withPlugins(options.proposed) : undefined;
  return {
    before,
    after,
    changes,
    semanticallyChanged,
    authoredOnly: authoredOnlyChanges(before, after, changes),
    reloadMode,
    views,
    current: planOutcome(current, before, after, changes, reloadMode.mode, issues.length > 0),
    ...(proposed ? { proposed: planOutcome(proposed, before, after, changes, resolveReloadMode(after.compare, proposed).mode, issues.length > 0) } : {}),
    ...(plugins ? { plugins } : {}),
    configIssues: issues,
  };
}
