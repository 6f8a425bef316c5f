import { relative, resolve } from "node:path";
import { compareInputs, type Comparison } from "../compare.js";
import type { EnvOptions, LoadOptions } from "../config/load-config.js";
import { diffStateFiles, type StateFileChange } from "../diff/state-files.js";
import { buildReport, type DiffReport } from "../report/model.js";
import { newerThanEveryCatalogWarning } from "../rules/resolve-catalog.js";
import { listBundledCatalogs, loadCatalog, loadDefaultsFor, loadEvaluatorViews, loadInstalledCatalog, loadProposedCatalog, type LoadedCatalog } from "../sources/catalog-store.js";
import { fileCatalogCache, userCacheDir } from "../sources/catalog-cache.js";
import { openConfigInput, type ConfigInput, type ConfigInputOptions } from "../sources/config-input.js";
import { GitSession } from "../sources/git/session.js";
import { INDEX_REVISION, WORKTREE_REVISION } from "../sources/git/spec.js";
import { readTextFile } from "../sources/read-file.js";
import { listStateFiles } from "../sources/state-files.js";
import { ClawdiffError } from "../shared/errors.js";
import type { EvaluatorViews } from "../rules/evaluator-views.js";
import { parsePluginChoice } from "../rules/import/import-catalog.js";
import type { PluginChoice } from "../rules/assumed-plugins.js";
import { chooseVersion, type VersionChoice, type VersionSource } from "../rules/version-choice.js";
import type { ConfigKeys } from "../rules/config-keys.js";
import { stampedVersion } from "../config/stamped-version.js";
import { loadConfigKeysFor } from "../sources/config-keys-store.js";
import { findInstalledOpenclaw } from "../sources/openclaw-install.js";
import { loadPluginRulesFor } from "../sources/plugin-rules-store.js";
import type { CliIO } from "./io.js";
import type { GitShortcutCliOptions, LoadCliOptions, OutputCliOptions } from "./options.js";

function parseEnvAssignments(assignments: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const assignment of assignments) {
    const equals = assignment.indexOf("=");
    // Never echo the argument: without '=' it may be a pasted secret value rather than a name.
    if (equals <= 0) throw new ClawdiffError("usage", `--env expects KEY=VALUE, got ${equals === 0 ? "an empty KEY" : "no '='"} (the argument is not shown)`);
    values[assignment.slice(0, equals)] = assignment.slice(equals + 1);
  }
  return values;
}

function envOptions(options: LoadCliOptions, io: CliIO): EnvOptions {
  return {
    overrides: parseEnvAssignments(options.env),
    ...(options.processEnv ? { processEnv: io.env } : {}),
    files: options.dotenv.map((file) => ({ origin: file, text: readTextFile(resolve(io.cwd, file), file) })),
  };
}

const posix = (path: string) => path.split("\\").join("/");

/** State files that differ beside the config, when both sides are state directories. */
function stateFileChanges(before: ConfigInput, after: ConfigInput, comparison: Comparison): StateFileChange[] {
  if (before.kind !== "dir" || after.kind !== "dir") return [];
  const included = [...comparison.before.files.keys(), ...comparison.after.files.keys()].map((path) =>
    posix(relative(path.startsWith(after.stateDir) ? after.stateDir : before.stateDir, path)),
  );
  return diffStateFiles(listStateFiles(before.stateDir).files, listStateFiles(after.stateDir).files, {
    configPath: posix(relative(after.stateDir, after.configPath)),
    readOnReload: ["plugins/installs.json"],
    included,
  });
}

/** The version a run judges by, where it came from, and a warning when no bundled catalog is that new. */
export interface RunVersion {
  version: string;
  source: VersionSource;
  warning?: string;
}

export interface PreparedRun {
  catalog: LoadedCatalog;
  version: RunVersion;
  /** Bundled plugins to compose into the catalog (absent with `--openclaw`, or for a version without plugin rules). */
  plugins?: PluginChoice;
  /** What the version's schema rejects; null when no table is bundled for it. */
  configKeys: ConfigKeys | null;
  /** Without `--rules`: the same run, re-resolved for the version the two inputs were last written by. */
  forInputs?: (before: ConfigInput, after: ConfigInput) => PreparedRun;
  /** The config forms the evaluator of the catalog's version diffs for the chosen trigger. */
  views: EvaluatorViews;
  proposed?: LoadedCatalog;
  loadOptions: LoadOptions;
  inputOptions: ConfigInputOptions;
}

/** A bundled catalog's plugin rules, loaded as the config decides or as `--plugins` names them. */
export function pluginChoiceFor(catalog: LoadedCatalog, plugins?: string): PluginChoice | undefined {
  // A catalog file or an installed package brings its own rules: only bundled catalogs are composed.
  const bundled = catalog.resolution === "exact" || catalog.resolution === "covered" || catalog.resolution === "nearest-older";
  const found = bundled ? loadPluginRulesFor(catalog.catalog) : null;
  if (!found) {
    if (plugins !== undefined && catalog.resolution !== "installed") {
      throw new ClawdiffError("usage", `--plugins: ${catalog.catalog.id} has no bundled plugin rules; read them from the package with --openclaw`);
    }
    return undefined;
  }
  return plugins === undefined ? { ...found, by: "config" } : { ...found, by: "--plugins", ids: parsePluginChoice(plugins) };
}


/** Resolves the catalog, defaults and env once for a command that loads states. */
export function prepareRun(options: LoadCliOptions & Partial<OutputCliOptions>, io: CliIO): PreparedRun {
  // CI set to anything, even empty, means output may land in a shared log.
  if (options.showSecrets && io.env["CI"] !== undefined) throw new ClawdiffError("usage", "--show-secrets is refused when CI is set (even to an empty value)");
  if (options.rules !== undefined && options.openclaw !== undefined) {
    throw new ClawdiffError("usage", "--rules and --openclaw both choose the rules; give one (--openclaw reads them from the installed package)");
  }
  if (!options.cache && options.openclaw === undefined) throw new ClawdiffError("usage", "--no-cache needs --openclaw: only imported packages are cached");
  const explicit: VersionChoice | undefined = options.rules !== undefined ? { spec: options.rules, source: { from: "--rules" } } : undefined;
  const prepare = (choice: VersionChoice | undefined): PreparedRun => {
    const chosen = choice ?? chooseVersion({ installed: findInstalledOpenclaw(io.env) });
    const catalog =
      options.openclaw !== undefined
        ? loadInstalledCatalog(options.openclaw, options.plugins, io.cwd, options.cache ? fileCatalogCache(userCacheDir(io.env)) : undefined)
        : loadCatalog(chosen.spec, io.cwd);
    const source: VersionSource = options.openclaw !== undefined ? { from: "--openclaw" } : chosen.source;
    const warning = chosen.spec === "latest" || options.openclaw !== undefined ? null : newerThanEveryCatalogWarning(catalog.targetVersion, listBundledCatalogs());
    if (warning) io.stderr(`clawdiff: warning: ${warning}\n`);
    const plugins = pluginChoiceFor(catalog, options.plugins);
    return {
      catalog,
      version: { version: catalog.targetVersion, source, ...(warning ? { warning } : {}) },
      ...(plugins ? { plugins } : {}),
      configKeys: loadConfigKeysFor(catalog.targetVersion),
      views: loadEvaluatorViews(catalog.targetVersion, options.trigger ?? "watcher"),
      ...(options.proposed !== undefined ? { proposed: loadProposedCatalog(options.proposed, options.rules ?? chosen.spec, io.cwd) } : {}),
      loadOptions: {
        env: envOptions(options, io),
        defaults: loadDefaultsFor(catalog.targetVersion),
        allowIncludeOutside: options.allowIncludeOutside ?? false,
      },
      inputOptions: {
        cwd: io.cwd,
        git: new GitSession(resolve(io.cwd, options.repo ?? ".")),
        ...(options.config !== undefined ? { configRelPath: options.config } : {}),
        ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
      },
    };
  };
  const run = prepare(explicit);
  if (explicit || options.openclaw !== undefined) return run;
  return {
    ...run,
    forInputs: (before, after) => {
      const stamped = { after: stampedVersion(after), before: stampedVersion(before) };
      const choice = chooseVersion({ stamped, installed: null });
      return choice.source.from === "meta.lastTouchedVersion" ? prepare(choice) : run;
    },
  };
}

/** The two specs to compare: as given, or the pair `--staged` / `--worktree` stands for; a string names a missing argument. */
export function resolveDiffSpecs(before: string | undefined, after: string | undefined, options: GitShortcutCliOptions): [string, string] | "before" | "after" {
  const shortcut = options.staged ? "--staged" : options.worktree ? "--worktree" : null;
  if (options.staged && options.worktree) throw new ClawdiffError("usage", "--staged and --worktree are alternatives; give one");
  if (shortcut !== null) {
    if (before !== undefined) throw new ClawdiffError("usage", `${shortcut} compares HEAD with the ${options.staged ? "index" : "working tree"}; give no <before>/<after> with it`);
    return ["git:HEAD", `git:${options.staged ? INDEX_REVISION : WORKTREE_REVISION}`];
  }
  if (before === undefined) return "before";
  if (after === undefined) return "after";
  return [before, after];
}

/** Opens, loads, compares and reports two states: the work behind `diff` and its relatives. */
export function compareSpecs(beforeSpec: string, afterSpec: string, run: PreparedRun, showSecrets = false): { comparison: Comparison; report: DiffReport } {
  return compareOpenedInputs(openConfigInput(beforeSpec, run.inputOptions), openConfigInput(afterSpec, run.inputOptions), run, showSecrets);
}

/** Loads, compares and reports two inputs already opened (e.g. the git diff driver's temp files). */
export function compareOpenedInputs(before: ConfigInput, after: ConfigInput, prepared: PreparedRun, showSecrets = false): { comparison: Comparison; report: DiffReport } {
  const run = prepared.forInputs ? prepared.forInputs(before, after) : prepared;
  const comparison = compareInputs(before, after, run.catalog.catalog, {
    before: run.loadOptions,
    after: run.loadOptions,
    views: run.views,
    ...(run.proposed ? { proposed: run.proposed.catalog } : {}),
    ...(run.plugins ? { plugins: run.plugins } : {}),
    configKeys: run.configKeys,
  });
  const report = buildReport(comparison, {
    catalogRequest: { requested: run.catalog.requested, resolution: run.catalog.resolution },
    version: run.version,
    configKeys: run.configKeys,
    ...(run.proposed ? { proposedRequest: { requested: run.proposed.requested, resolution: run.proposed.resolution } } : {}),
    showSecrets,
    stateFiles: stateFileChanges(before, after, comparison),
  });
  return { comparison, report };
}
