import { ClawdiffError } from "../../shared/errors.js";

/** What the bundled plugins of a package declare about reloads, read from its dist files. */
export interface ChannelReloadDeclaration {
  id: string;
  configPrefixes: string[];
  noopPrefixes: string[];
  accountScopedRestart: boolean;
  file: string;
}

export interface PluginReloadDeclaration {
  id: string;
  restartPrefixes: string[];
  hotPrefixes: string[];
  noopPrefixes: string[];
  file: string;
}

export interface PluginSet {
  channels: ChannelReloadDeclaration[];
  plugins: PluginReloadDeclaration[];
}

export const EMPTY_PLUGIN_SET: PluginSet = { channels: [], plugins: [] };

/** An id that declares no reload rules would load nothing: say so, with the ids that do. */
export function assertKnownPlugins(ids: readonly string[], set: PluginSet): void {
  const known = [...new Set([...set.channels.map((channel) => channel.id), ...set.plugins.map((plugin) => plugin.id)])].sort();
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new ClawdiffError("usage", `unknown --plugins id${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `'${id}'`).join(", ")}: no bundled plugin or channel of this package declares reload rules under that id (known: ${known.join(", ") || "none"})`);
  }
}

/** Keeps the plugins and channels named in `ids` ("all" keeps everything). */
export function selectPlugins(set: PluginSet, ids: readonly string[] | "all"): PluginSet {
  if (ids === "all") return set;
  const wanted = new Set(ids);
  return { channels: set.channels.filter((channel) => wanted.has(channel.id)), plugins: set.plugins.filter((plugin) => wanted.has(plugin.id)) };
}

/** The plugin or channel that owns a rule prefix, when one declared it. */
export function ownerOf(prefix: string, set: PluginSet): string | undefined {
  for (const channel of set.channels) {
    if (channel.configPrefixes.includes(prefix) || channel.noopPrefixes.includes(prefix) || prefix === `plugins.entries.${channel.id}`) return channel.id;
  }
  for (const plugin of set.plugins) {
    if ([...plugin.restartPrefixes, ...plugin.hotPrefixes, ...plugin.noopPrefixes].includes(prefix)) return plugin.id;
  }
  return undefined;
}
