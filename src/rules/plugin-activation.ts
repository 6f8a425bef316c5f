import { getAtSegments, isPlainObject } from "../shared/values.js";
import type { BundledPlugin } from "./plugin-rules.js";

/** Whether the gateway loads one bundled plugin at startup, and the config fact that decided it. */
export interface PluginDecision {
  id: string;
  kind: "channel" | "plugin";
  loaded: boolean;
  reason: string;
}

interface PluginsPolicy {
  enabled: boolean;
  allow: string[];
  deny: string[];
  entryEnabled: (id: string) => boolean | undefined;
}

const idList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item.trim() : "")).filter(Boolean) : [];

function pluginsPolicy(config: unknown): PluginsPolicy {
  const plugins = getAtSegments(config, ["plugins"]);
  const entries = isPlainObject(plugins) ? plugins["entries"] : undefined;
  return {
    enabled: !isPlainObject(plugins) || plugins["enabled"] !== false,
    allow: isPlainObject(plugins) ? idList(plugins["allow"]) : [],
    deny: isPlainObject(plugins) ? idList(plugins["deny"]) : [],
    entryEnabled: (id) => {
      const entry = isPlainObject(entries) ? entries[id] : undefined;
      return isPlainObject(entry) && typeof entry["enabled"] === "boolean" ? entry["enabled"] : undefined;
    },
  };
}

/** `channels.<id>` holds more than `enabled` and is not disabled: the gateway counts the channel as configured. */
function configuredChannel(config: unknown, id: string): boolean {
  const entry = getAtSegments(config, ["channels", id]);
  return isPlainObject(entry) && entry["enabled"] !== false && Object.keys(entry).some((key) => key !== "enabled");
}

const channelEnabled = (config: unknown, id: string) => getAtSegments(config, ["channels", id, "enabled"]) === true;

/** A config path (dots, `*` for any key) that holds a value other than `false` or `{ enabled: false }`. */
function activatingPath(config: unknown, pattern: string): boolean {
  let values: unknown[] = [config];
  for (const segment of pattern.split(".")) {
    values = values.flatMap((value) => (isPlainObject(value) ? (segment === "*" ? Object.values(value) : segment in value ? [value[segment]] : []) : []));
  }
  return values.some((value) => value !== false && !(isPlainObject(value) && value["enabled"] === false));
}

/** Reasons the plugins section blocks a plugin before anything else is considered. */
function blocked(policy: PluginsPolicy, id: string): string | undefined {
  if (!policy.enabled) return "plugins disabled (plugins.enabled=false)";
  if (policy.deny.includes(id)) return "blocked by plugins.deny";
  if (policy.entryEnabled(id) === false) return `disabled in config (plugins.entries.${id}.enabled=false)`;
  return undefined;
}

const decision = (plugin: BundledPlugin, loaded: boolean, reason: string): PluginDecision => ({
  id: plugin.id,
  kind: plugin.channels.length > 0 ? "channel" : "plugin",
  loaded,
  reason,
});

/**
 * The gateway's startup plugin plan (2026.5 – 2026.9: `resolveGatewayStartupPluginPlanFromRegistry`),
 * for the bundled plugins that declare reload rules: a channel plugin loads when its channel is
 * configured; another plugin when a config path of its manifest is present, or when it starts at
 * startup and is enabled by default or in config. `plugins.enabled`, `plugins.deny` and disabled
 * entries apply to all; `plugins.allow` to plugins a configured channel does not start.
 * Channel presence signalled only by environment variables is not seen here.
 */
export function decidePlugin(plugin: BundledPlugin, config: unknown): PluginDecision {
  const policy = pluginsPolicy(config);
  const channel = plugin.channels.find((id) => configuredChannel(config, id));
  if (channel !== undefined) {
    // Explicit config of a bundled channel bypasses plugins.allow.
    const block = blocked(policy, plugin.id);
    return block ? decision(plugin, false, block) : decision(plugin, true, `channel configured (channels.${channel})`);
  }
  const rootPath = plugin.onConfigPaths.find((path) => activatingPath(config, path));
  if (rootPath !== undefined) {
    const block = blocked(policy, plugin.id);
    return block ? decision(plugin, false, block) : decision(plugin, true, `configured (${rootPath})`);
  }
  if (!plugin.onStartup) {
    return decision(plugin, false, plugin.channels.length > 0 ? `channel not configured (channels.${plugin.channels[0]})` : "not started at gateway startup");
  }
  const block = blocked(policy, plugin.id);
  if (block) return decision(plugin, false, block);
  const explicit = policy.entryEnabled(plugin.id) === true || plugin.channels.some((id) => channelEnabled(config, id));
  if (policy.allow.length > 0 && !policy.allow.includes(plugin.id)) return decision(plugin, false, "not in plugins.allow");
  if (explicit) return decision(plugin, true, "enabled in config");
  if (plugin.enabledByDefault) return decision(plugin, true, "bundled default enablement");
  return decision(plugin, false, "bundled, disabled by default");
}

export function decidePlugins(plugins: readonly BundledPlugin[], config: unknown): PluginDecision[] {
  return plugins.map((plugin) => decidePlugin(plugin, config));
}
