import type { RuleCatalog } from "./catalog.js";
import { decidePlugins, type PluginDecision } from "./plugin-activation.js";
import { composeWithPlugins, tableFits, type PluginRulesTable } from "./plugin-rules.js";

/** Which bundled plugins a run assumes loaded: decided from the config, or named with `--plugins`. */
export type PluginChoice = { table: PluginRulesTable; file: string } & ({ by: "config" } | { by: "--plugins"; ids: readonly string[] | "all" | "none" });

export interface AssumedPlugins {
  /** `config`: decided from the before side, whose config the running gateway loaded its plugins with. */
  by: "config" | "--plugins";
  table: string;
  decisions: PluginDecision[];
}

function listedDecisions(table: PluginRulesTable, ids: readonly string[] | "all" | "none"): PluginDecision[] {
  const wanted = ids === "all" ? new Set(table.plugins.map((plugin) => plugin.id)) : new Set(ids === "none" ? [] : ids);
  return table.plugins.map((plugin) => ({
    id: plugin.id,
    kind: plugin.channels.length > 0 ? "channel" : "plugin",
    loaded: wanted.has(plugin.id),
    reason: wanted.has(plugin.id) ? "named by --plugins" : "not named by --plugins",
  }));
}

export function assumePlugins(choice: PluginChoice, beforeConfig: unknown): AssumedPlugins {
  const decisions = choice.by === "config" ? decidePlugins(choice.table.plugins, beforeConfig) : listedDecisions(choice.table, choice.ids);
  return { by: choice.by, table: choice.file, decisions };
}

/** The catalog with the assumed plugins' rules, when the table belongs to it; otherwise unchanged. */
export function withAssumedPlugins(catalog: RuleCatalog, choice: PluginChoice, assumed: AssumedPlugins): RuleCatalog {
  if (!tableFits(choice.table, catalog)) return catalog;
  return composeWithPlugins(catalog, choice.table, new Set(assumed.decisions.filter((decision) => decision.loaded).map((decision) => decision.id)));
}
