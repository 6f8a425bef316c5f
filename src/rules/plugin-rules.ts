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
 * How a shared channel rule depends on the loaded channels: `channels` restart
 * with it, `introducedBy` made its prefix a rule at all (2026.9.2 on), and
 * `unsharedKind` is its kind when none of `channels` is loaded.
 */
export interface SharedChannels {
  channels: string[];
  introducedBy?: string[];
  unsharedKind: ReloadKind;
}

/** A rule of the version's catalog composed with every bundled plugin loaded. */
export interface PluginRule {
  rule: ReloadRule;
  shared?: SharedChannels;
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

function composeRule({ rule: base, shared }: PluginRule, loaded: ReadonlySet<string>): ReloadRule | null {
  if (base.plugin !== undefined) return loaded.has(base.plugin) ? base : null;
  if (shared === undefined) return base;
  const { introducedBy, unsharedKind } = shared;
  if (introducedBy && !introducedBy.some((id) => loaded.has(id))) return null;
  const channels = shared.channels.filter((id) => loaded.has(id));
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
