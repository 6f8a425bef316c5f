import type { ReloadKind, ReloadRule, RuleCatalog } from "./catalog.js";

/** A bundled plugin that declares reload rules, with the manifest facts its loading depends on. */
export interface BundledPlugin {
  id: string;
  /** Channel ids the manifest claims; non-empty for a channel plugin. */
  channels: string[];
  enabledByDefault: boolean;
  /** `activation.onStartup`: the gateway considers it at startup without a configured trigger. */
  onStartup: boolean;
  /** `activation.onConfigPaths`: config paths whose presence starts it. */
  onConfigPaths: string[];
  manifest: string;
  declaredIn: string;
}

/**
 * A rule of the version's catalog composed with every bundled plugin loaded.
 * Shared channel rules (2026.9.2 on) depend on which channels are loaded:
 * `sharedChannels` restart with the rule, `introducedBy` made the prefix a rule at all,
 * and `unsharedKind` is its kind when none of the shared channels is loaded.
 */
export interface PluginRule extends ReloadRule {
  sharedChannels?: string[];
  introducedBy?: string[];
  unsharedKind?: ReloadKind;
}

/** schemas/plugin-rules/openclaw@<version>.json (schemas/plugin-rules.schema.json). */
export interface PluginRulesTable {
  pluginRulesFormat: 1;
  openclawVersion: string;
  /** The bundled catalog whose base rules these rules extend. */
  catalog: string;
  source: {
    package: string;
    generatedBy: string;
    files: string[];
    /** Reload declarations in dist/ whose plugin has no bundled manifest: the gateway cannot load them. */
    unbundledDeclarations?: string[];
  };
  plugins: BundledPlugin[];
  rules: PluginRule[];
}

const CHANNEL_ACTION = "restart-channel:";

function composeRule(rule: PluginRule, loaded: ReadonlySet<string>): ReloadRule | null {
  const { sharedChannels, introducedBy, unsharedKind, ...base } = rule;
  if (base.plugin !== undefined) return loaded.has(base.plugin) ? base : null;
  if (sharedChannels === undefined || unsharedKind === undefined) return base;
  if (introducedBy && !introducedBy.some((id) => loaded.has(id))) return null;
  const channels = sharedChannels.filter((id) => loaded.has(id));
  const otherActions = (base.actions ?? []).filter((action) => !action.startsWith(CHANNEL_ACTION));
  const actions = channels.length > 0 ? [...otherActions, ...channels.map((id) => `${CHANNEL_ACTION}${id}`)] : [];
  const { prefix, actions: _all, kind: _kind, ...rest } = base;
  return { prefix, kind: channels.length > 0 ? "hot" : unsharedKind, ...(actions.length > 0 ? { actions } : {}), ...rest };
}

/** Whether `table` extends `catalog` (the catalog itself, or an overlay on it). */
export function tableFits(table: PluginRulesTable, catalog: RuleCatalog): boolean {
  return catalog.id === table.catalog || catalog.id.startsWith(`${table.catalog}+`);
}

/**
 * The catalog as a gateway with `loaded` plugins holds it: the table's rules
 * with the unloaded plugins' rules left out, in the version's order, under
 * the catalog's overlay rules (which take precedence).
 */
export function composeWithPlugins(catalog: RuleCatalog, table: PluginRulesTable, loaded: ReadonlySet<string>): RuleCatalog {
  const overlay = catalog.rules.slice(0, catalog.overlayRuleCount ?? 0);
  const composed = table.rules.map((rule) => composeRule(rule, loaded)).filter((rule): rule is ReloadRule => rule !== null);
  const ids = [...loaded].sort();
  return {
    ...catalog,
    source: { ...catalog.source, generatedBy: `${catalog.source.generatedBy}; bundled plugins: ${ids.length > 0 ? ids.join(",") : "none"}` },
    rules: [...overlay, ...composed],
  };
}
