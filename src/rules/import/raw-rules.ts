import { unrecognised, type JsModule, type Node } from "./js-module.js";
import type { PluginSet } from "./plugin-set.js";
import { isRecord, type Value } from "./static-eval.js";
import type { ReloadKind } from "../catalog.js";

/** A rule as the version's planner holds it, before it becomes catalog data. */
export interface RawRule {
  prefix: string;
  kind: ReloadKind;
  actions: string[];
  origin: string;
  /** Channels whose restart the rule triggers (policy era: `channels: [plugin]`). */
  channels: string[];
}

const KINDS = new Set(["restart", "hot", "none"]);

export function toRawRules(value: Value, origin: string, module: JsModule, node: Node): RawRule[] {
  if (!Array.isArray(value)) throw unrecognised(module, "a reload rule group is not a list", node);
  return value.map((item) => {
    if (!isRecord(item) || typeof item["prefix"] !== "string" || !KINDS.has(String(item["kind"]))) {
      throw unrecognised(module, "a reload rule lacks a string prefix and a restart|hot|none kind", node);
    }
    const actions = item["actions"] ?? [];
    if (!Array.isArray(actions) || !actions.every((action) => typeof action === "string")) throw unrecognised(module, `rule '${item["prefix"]}' has non-string actions`, node);
    return { prefix: item["prefix"], kind: item["kind"] as ReloadKind, actions: actions as string[], origin, channels: [] };
  });
}

/** A channel plugin as the planner sees it at runtime, built from its declaration. */
export function channelObject(channel: PluginSet["channels"][number]): Value {
  return {
    id: channel.id,
    reload: { configPrefixes: channel.configPrefixes, noopPrefixes: channel.noopPrefixes, accountScopedRestart: channel.accountScopedRestart },
  };
}

/**
 * Stand-ins for the runtime calls rule composition makes: the loaded channel
 * plugins, the plugin registry and its version counters. They return the
 * selected plugin set, so composition is evaluated, never executed.
 */
export function runtimeStandIns(plugins: PluginSet): (module: JsModule, name: string) => Value {
  const registry: Value = {
    reloads: plugins.plugins.map((plugin) => ({
      pluginId: plugin.id,
      registration: { restartPrefixes: plugin.restartPrefixes, hotPrefixes: plugin.hotPrefixes, noopPrefixes: plugin.noopPrefixes },
    })),
    services: [],
    plugins: [],
  };
  return (module, name) => {
    if (name === "listChannelPlugins") return { native: () => plugins.channels.map(channelObject) };
    if (/^getActivePlugin\w*Registry$/.test(name)) return { native: () => registry };
    if (/^getActivePlugin\w*Version$/.test(name)) return { native: () => 0 };
    throw unrecognised(module, `rule composition calls '${name}', which the importer does not know`);
  };
}
