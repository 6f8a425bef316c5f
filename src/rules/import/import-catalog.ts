import type { ReloadRule, RuleCatalog } from "../catalog.js";
import { readPluginDeclarations } from "./declarations.js";
import { parseModule, unrecognised, type JsModule } from "./js-module.js";
import { composeListEra } from "./list-era.js";
import { actionVocabulary, credentialCondition, fallbackKind, installRecordNoop } from "./planner-facts.js";
import { composerOf, findPlannerModule } from "./planner-module.js";
import { assertKnownPlugins, EMPTY_PLUGIN_SET, ownerOf, selectPlugins, type PluginSet } from "./plugin-set.js";
import { CHANNEL_ACTION_PREFIX, composePolicyEra } from "./policy-era.js";
import type { RawRule } from "./raw-rules.js";
import { readReloadSettings } from "./settings.js";

/**
 * 2026.8+: channels with accountScopedRestart get `restart-channel-account:<id>`;
 * the gateway restarts just the account named by a `channels.<id>.accounts.<account>`
 * path and the whole channel otherwise. Catalogs carry the whole-channel action.
 */
const ACCOUNT_ACTION_PREFIX = "restart-channel-account:";
const ACCOUNT_SCOPED_NOTE = "account-scoped: a path under channels.<id>.accounts.<account> restarts only that account";

/** A published package's files, by path relative to the package root (`package.json`, `dist/...`). */
export interface PackageFiles {
  paths: readonly string[];
  read(path: string): string | undefined;
}

export interface ImportOptions {
  /** Which bundled plugins/channels are loaded: none (base rules only, the default), all, or these ids. */
  plugins?: "none" | "all" | readonly string[];
  generatedAt?: string;
}

export interface ImportResult {
  catalog: RuleCatalog;
  /** Every reload declaration found among the bundled plugins, selected or not. */
  declared: PluginSet;
}

export const IMPORTER_NAME = "clawdiff rules import";

/**
 * Bump whenever an import of the same package would give a different
 * catalog: `--openclaw` caches imports under this number (sources/catalog-cache.ts).
 * test/unit/catalog-cache.test.ts pins the output it stands for.
 */
export const IMPORT_FORMAT = 1;

const isDistScript = (path: string) => /^dist\/.*\.m?js$/.test(path) && !path.includes("/node_modules/");

function packageVersion(files: PackageFiles): { name: string; version: string } {
  const text = files.read("package.json");
  if (text === undefined) throw unrecognised("package.json", "missing: not an npm package");
  const manifest = JSON.parse(text) as { name?: unknown; version?: unknown };
  if (typeof manifest.name !== "string" || typeof manifest.version !== "string") throw unrecognised("package.json", "has no name and version");
  return { name: manifest.name, version: manifest.version };
}

function toCatalogRule(rule: RawRule, plugins: PluginSet, conditional: ReturnType<typeof credentialCondition>): ReloadRule {
  const owner = rule.origin === "channel-shared" ? undefined : ownerOf(rule.prefix, plugins);
  const origin = owner ? `${rule.origin}:${owner}` : rule.origin;
  const accountScoped = rule.actions.some((action) => action.startsWith(ACCOUNT_ACTION_PREFIX));
  const actions = rule.actions.map((action) => (action.startsWith(ACCOUNT_ACTION_PREFIX) ? `${CHANNEL_ACTION_PREFIX}${action.slice(ACCOUNT_ACTION_PREFIX.length)}` : action));
  const base: ReloadRule = {
    prefix: rule.prefix,
    kind: rule.kind,
    ...(actions.length ? { actions } : {}),
    origin,
    ...(owner ? { plugin: owner } : {}),
    ...(accountScoped ? { note: ACCOUNT_SCOPED_NOTE } : {}),
  };
  if (conditional && rule.kind === "restart" && conditional.prefixes.includes(rule.prefix)) {
    return { ...base, kind: "hot", condition: conditional.condition };
  }
  return base;
}

/** `--plugins none|all|a,b` as the importer takes it. */
export function parsePluginChoice(value: string | undefined): NonNullable<ImportOptions["plugins"]> {
  if (value === undefined || value === "none") return "none";
  if (value === "all") return "all";
  return value.split(",").map((id) => id.trim()).filter(Boolean);
}

/** Reads the reload rules of one published OpenClaw package from its dist files, without running them. */
export function importCatalog(files: PackageFiles, options: ImportOptions = {}): ImportResult {
  const { name, version } = packageVersion(files);
  const scripts = files.paths.filter(isDistScript).sort();
  // Bundled workers repeat the planner inside 50 MB files: parse the smallest file that defines it.
  const firstModule = <T>(needle: string, pick: (modules: JsModule[]) => T): T => {
    const candidates = scripts
      .map((path) => ({ path, text: files.read(path) ?? "" }))
      .filter((candidate) => candidate.text.includes(needle))
      .sort((a, b) => a.text.length - b.text.length || a.path.localeCompare(b.path));
    const parsed: JsModule[] = [];
    for (const candidate of candidates) {
      parsed.push(parseModule(candidate.path, candidate.text));
      try {
        return pick(parsed);
      } catch (error) {
        if (parsed.length === candidates.length) throw error;
      }
    }
    return pick(parsed);
  };
  const planner = firstModule("function buildGatewayReloadPlan", findPlannerModule);
  const settings = firstModule("function resolveGatewayReloadSettings", readReloadSettings);
  const choice = options.plugins ?? "none";
  const declared = choice === "none" ? EMPTY_PLUGIN_SET : readPluginDeclarations(scripts, (path) => files.read(path));
  if (Array.isArray(choice)) assertKnownPlugins(choice, declared);
  const selected = choice === "none" ? EMPTY_PLUGIN_SET : selectPlugins(declared, choice);

  const composer = composerOf(planner);
  const composed = composer.era === "list" ? composeListEra(planner, composer.fn, selected) : composePolicyEra(planner, composer.fn, selected);
  const conditional = credentialCondition(planner);
  const rules = composed.rules.map((rule) => toCatalogRule(rule, selected, conditional));
  const stamps = installRecordNoop(planner);
  const id = `${name}@${version}`;
  const catalog: RuleCatalog = {
    catalogFormat: 1,
    id,
    openclawVersion: version,
    coversVersions: [version],
    source: {
      package: id,
      files: [...new Set([planner.file, settings.file, ...selected.channels.map((c) => c.file), ...selected.plugins.map((p) => p.file)])],
      generatedBy: `${IMPORTER_NAME} (${composer.era} era${choice === "none" ? ", base rules: no plugins or channels loaded" : `, plugins: ${choice === "all" ? "all bundled" : choice.join(",")}`})`,
      ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    },
    matching: composed.matching,
    fallbackKind: fallbackKind(planner),
    reloadModes: [settings.defaultReloadMode, ...settings.reloadModes.filter((mode) => mode !== settings.defaultReloadMode)],
    defaultReloadMode: settings.defaultReloadMode,
    defaultDebounceMs: settings.defaultDebounceMs,
    actions: actionVocabulary(planner, rules.flatMap((rule) => rule.actions ?? [])),
    ...(stamps ? { installRecordNoop: stamps } : {}),
    rules,
  };
  return { catalog, declared };
}
