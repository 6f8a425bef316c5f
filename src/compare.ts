import { loadConfig, type LoadedConfig } from "./config/load-config.js";
import { diffConfigPaths, type ChangedPath } from "./diff/config-paths.js";
import { createPlanner, type ReloadPlan } from "./plan/build-plan.js";
import { listInstallRecordPaths } from "./plan/install-records.js";
import { decideReloadAction, resolveReloadMode, type ReloadAction, type ReloadMode } from "./plan/outcome.js";
import type { RuleCatalog } from "./rules/catalog.js";
import type { ConfigInput } from "./sources/config-input.js";
import { getAtSegments } from "./shared/values.js";
import { isDeepStrictEqual } from "node:util";

/** Everything one comparison computed, before any formatting. */
export interface Comparison {
  before: LoadedConfig;
  after: LoadedConfig;
  changes: ChangedPath[];
  reloadMode: ReloadMode;
  current: PlannedOutcome;
}

export interface PlannedOutcome {
  catalog: RuleCatalog;
  plan: ReloadPlan;
  action: ReloadAction;
}

export function planOutcome(catalog: RuleCatalog, before: unknown, after: unknown, changes: ChangedPath[], mode: string): PlannedOutcome {
  const installRecords = catalog.installRecordNoop ? listInstallRecordPaths(before, after, catalog.installRecordNoop) : undefined;
  const isUnchanged = (path: string) => {
    const segments = path.split(".");
    return isDeepStrictEqual(getAtSegments(before, segments), getAtSegments(after, segments));
  };
  const plan = createPlanner(catalog).plan(
    changes.map((change) => change.path),
    { ...(installRecords ? { installRecords } : {}), isUnchanged },
  );
  return { catalog, plan, action: decideReloadAction(plan, mode) };
}

/** Loads both sides, diffs them as the evaluator does and plans the reload under `catalog`. */
export function compareInputs(beforeInput: ConfigInput, afterInput: ConfigInput, catalog: RuleCatalog): Comparison {
  const before = loadConfig(beforeInput);
  const after = loadConfig(afterInput);
  const changes = diffConfigPaths(before.compare, after.compare);
  const reloadMode = resolveReloadMode(after.compare, catalog);
  return { before, after, changes, reloadMode, current: planOutcome(catalog, before.compare, after.compare, changes, reloadMode.mode) };
}
