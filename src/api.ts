import { applyIgnoreChoice } from "./cli/ignore-run.js";
import type { CliIO } from "./cli/io.js";
import { compareSpecs, prepareRun } from "./cli/prepare.js";
import { planSpec } from "./cli/plan-run.js";
import type { WriteRequest } from "./writer/change.js";
import { loadConfig } from "./config/load-config.js";
import { createPlanner } from "./plan/build-plan.js";
import { decideReloadAction } from "./plan/outcome.js";
import { describeInput, describePlan, type DiffReport, type ReportInput, type ReportPlan } from "./report/model.js";
import type { RuleCatalog } from "./rules/catalog.js";
import { loadCatalog } from "./sources/catalog-store.js";
import { openConfigInput } from "./sources/config-input.js";

/** The CLI's load options, as a script passes them. */
export interface StateOptions {
  /** Rule catalog: `openclaw@<version>`, `latest` (default) or a catalog file. */
  rules?: string;
  /** Config file inside each state directory (default `openclaw.json`). */
  config?: string;
  /** Values for `${VAR}`; they win over everything. */
  env?: Record<string, string>;
  /** Extra dotenv files, below the process env and above each state dir's `.env`. */
  envFiles?: string[];
  /** The environment `${VAR}` also resolves from: `process.env` by default, `false` for hermetic runs. */
  processEnv?: Record<string, string | undefined> | false;
  allowIncludeOutside?: boolean;
  maxBytes?: number;
  /** Where relative specs resolve (default `process.cwd()`). */
  cwd?: string;
  /** Repository for `git:<rev>` specs (default `cwd`). */
  repo?: string;
}

export interface DiffStatesOptions extends StateOptions {
  /** Also plan under proposed rules: a catalog or an overlay file (`--proposed`). */
  proposed?: string;
  /** What made the gateway evaluate (`--trigger`): its file watcher (default) or its own in-process write. */
  trigger?: "watcher" | "write";
  /** An ignore file; `false` reads none; by default `.clawdiffignore.json5` beside the after-config when present. */
  ignoreFile?: string | false;
  /** Print secret values in the report (local debugging only). */
  showSecrets?: boolean;
}

/** One side as the gateway reads it: the three views clawdiff compares. */
export interface LoadedState {
  input: ReportInput;
  /** Includes merged, `${VAR}` as written. */
  authored: unknown;
  /** What the reload evaluator diffs: includes merged, env substituted, no defaults. */
  evaluator: unknown;
  /** The evaluator view with the version's defaults filled in. */
  semantic: unknown;
  /** Plugin install records the gateway diffs beside the config. */
  installRecords: Record<string, unknown>;
}

function runFor(options: DiffStatesOptions) {
  const env = options.processEnv === false ? {} : (options.processEnv ?? process.env);
  const io: CliIO = { stdout: () => {}, stderr: () => {}, env, isTTY: false, columns: 100, cwd: options.cwd ?? process.cwd() };
  const run = prepareRun(
    {
      rules: options.rules ?? "latest",
      ...(options.proposed !== undefined ? { proposed: options.proposed } : {}),
      ...(options.trigger !== undefined ? { trigger: options.trigger } : {}),
      ...(options.config !== undefined ? { config: options.config } : {}),
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
      ...(options.repo !== undefined ? { repo: options.repo } : {}),
      env: Object.entries(options.env ?? {}).map(([key, value]) => `${key}=${value}`),
      dotenv: options.envFiles ?? [],
      processEnv: options.processEnv !== false,
      allowIncludeOutside: options.allowIncludeOutside ?? false,
      cache: true,
      showSecrets: options.showSecrets ?? false,
    },
    io,
  );
  return { run, io };
}

/** Compares two states exactly as `clawdiff diff --format json` does and returns that report. */
export function diffStates(beforeSpec: string, afterSpec: string, options: DiffStatesOptions = {}): DiffReport {
  const { run, io } = runFor(options);
  const { comparison, report } = compareSpecs(beforeSpec, afterSpec, run, options.showSecrets ?? false);
  return applyIgnoreChoice(report, comparison, options.ignoreFile, io.cwd);
}

/** Loads one state (directory, config file or `git:<rev>`) the way the gateway reads it. */
export function loadState(spec: string, options: StateOptions = {}): LoadedState {
  const { run } = runFor(options);
  const loaded = loadConfig(openConfigInput(spec, run.inputOptions), run.loadOptions);
  return { input: describeInput(loaded.input), authored: loaded.authored, evaluator: loaded.compare, semantic: loaded.semantic, installRecords: loaded.installRecords };
}

/**
 * Plans changed paths (as the gateway logs them) under a catalog, giving the
 * report's `plans.current`. Without the two configs, conditional rules take
 * their "otherwise" branch and the reload mode is the catalog's default
 * unless `mode` is given.
 */
export function planReload(changedPaths: readonly string[], catalog: string | RuleCatalog = "latest", options: { mode?: string; cwd?: string } = {}): ReportPlan {
  const rules = typeof catalog === "string" ? loadCatalog(catalog, options.cwd ?? process.cwd()).catalog : catalog;
  const plan = createPlanner(rules).plan(changedPaths);
  return describePlan({ catalog: rules, plan, action: decideReloadAction(plan, options.mode ?? rules.defaultReloadMode) });
}

export interface PlanChangeOptions extends Omit<DiffStatesOptions, "trigger" | "ignoreFile"> {
  /** ISO time the writer's write-time stamp gets (default: now). */
  now?: string;
  /** HOME of the gateway process (default: the state directory's parent). */
  gatewayHome?: string;
}

/**
 * Predicts the after-state the writer of the catalog's version leaves after
 * `change` and reports it exactly as `clawdiff plan --format json` does,
 * writer effects in `report.write`.
 */
export function planChange(stateSpec: string, change: WriteRequest, options: PlanChangeOptions = {}): DiffReport {
  const { run } = runFor(options);
  return planSpec(stateSpec, change, run, {
    showSecrets: options.showSecrets ?? false,
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.gatewayHome !== undefined ? { home: options.gatewayHome } : {}),
  }).report;
}
