import { compareInputs } from "../compare.js";
import type { EnvOptions } from "../config/load-config.js";
import { groupVersions, type EnvSource, type ReproduceSetting, type SettingOutcome, type VersionGroup } from "../log/reproduce.js";
import type { ReloadTrigger } from "../rules/evaluator-views.js";
import { ClawdiffError } from "../shared/errors.js";
import { listBundledCatalogs, loadCatalog, loadDefaultsFor, loadEvaluatorViews, readNearestVersionFile } from "../sources/catalog-store.js";
import { openConfigInput, type ConfigInput } from "../sources/config-input.js";
import type { PreparedRun } from "./prepare.js";

const TRIGGERS: readonly ReloadTrigger[] = ["watcher", "write"];

/** Every published version a bundled catalog covers, grouped where rules, evaluator views and defaults agree. */
export function bundledVersionGroups(): VersionGroup[] {
  const versions = listBundledCatalogs().flatMap((entry) =>
    [...new Set([entry.openclawVersion, ...entry.coversVersions])].map((version) => ({
      version,
      catalog: entry.id,
      key: [...TRIGGERS.map((trigger) => loadEvaluatorViews(version, trigger).since), readNearestVersionFile("defaults", version)?.display ?? "no defaults"].join("|"),
    })),
  );
  return groupVersions(versions);
}

/** The env a gateway started in each way would resolve `${VAR}` from; --env overrides apply to all. */
function envFor(source: EnvSource, base: EnvOptions, processEnv: Record<string, string | undefined>): EnvOptions {
  const overrides = base.overrides ?? {};
  if (source === "none") return { overrides, stateDotenv: false };
  return { overrides, files: base.files ?? [], ...(source === "process" ? { processEnv } : {}) };
}

export interface SearchInputs {
  before: string;
  after: string;
  run: PreparedRun;
  processEnv: Record<string, string | undefined>;
  /** False under --no-process-env: the process env is not a candidate. */
  withProcessEnv: boolean;
}

function outcomeOf(setting: ReproduceSetting, before: ConfigInput, after: ConfigInput, inputs: SearchInputs): SettingOutcome {
  const version = setting.group.versions[0]!;
  const env = envFor(setting.env, inputs.run.loadOptions.env ?? {}, inputs.processEnv);
  const load = { ...inputs.run.loadOptions, env, defaults: loadDefaultsFor(version) };
  try {
    const comparison = compareInputs(before, after, loadCatalog(`openclaw@${version}`).catalog, {
      before: load,
      after: load,
      views: loadEvaluatorViews(version, setting.trigger),
    });
    const { plan } = comparison.current;
    return { setting, ok: true, changedPaths: plan.changedPaths, restartReasons: plan.restartReasons, restart: plan.restartGateway };
  } catch (error) {
    if (!(error instanceof ClawdiffError)) throw error;
    return { setting, ok: false, error: error.format() };
  }
}

/** Compares the two states under every bundled version group, trigger and env source. */
export function searchSettings(inputs: SearchInputs): { groups: VersionGroup[]; outcomes: SettingOutcome[] } {
  const groups = bundledVersionGroups();
  const before = openConfigInput(inputs.before, inputs.run.inputOptions);
  const after = openConfigInput(inputs.after, inputs.run.inputOptions);
  const sources: EnvSource[] = inputs.withProcessEnv ? ["dotenv", "process", "none"] : ["dotenv", "none"];
  const outcomes = groups.flatMap((group) => TRIGGERS.flatMap((trigger) => sources.map((env) => outcomeOf({ group, trigger, env }, before, after, inputs))));
  return { groups, outcomes };
}
