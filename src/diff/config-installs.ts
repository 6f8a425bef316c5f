import { defineOwn, isPlainObject } from "../shared/values.js";

/**
 * Before 2026.4.26 the gateway kept `plugins.installs` in the config it
 * diffs, whatever its shape (a non-object too). clawdiff's views split the
 * records off, so for those versions they are put back where the authored
 * config had them: `plugins` rebuilt in authored key order, keys only the
 * view has (defaults) after.
 */
export function withConfigInstalls(view: unknown, authored: unknown): unknown {
  if (!isPlainObject(view) || !isPlainObject(authored)) return view;
  const authoredPlugins = authored["plugins"];
  if (!isPlainObject(authoredPlugins) || !Object.hasOwn(authoredPlugins, "installs")) return view;
  const viewPlugins = isPlainObject(view["plugins"]) ? view["plugins"] : {};
  const plugins: Record<string, unknown> = {};
  for (const key of Object.keys(authoredPlugins)) {
    if (key === "installs") defineOwn(plugins, key, authoredPlugins[key]);
    else if (Object.hasOwn(viewPlugins, key)) defineOwn(plugins, key, viewPlugins[key]);
  }
  for (const key of Object.keys(viewPlugins)) if (!Object.hasOwn(plugins, key)) defineOwn(plugins, key, viewPlugins[key]);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(view)) defineOwn(copy, key, key === "plugins" ? plugins : view[key]);
  if (!Object.hasOwn(copy, "plugins")) defineOwn(copy, "plugins", plugins);
  return copy;
}
