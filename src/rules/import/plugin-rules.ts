import type { BundledPlugin, PluginRule, PluginRulesTable } from "../plugin-rules.js";
import { importCatalog, IMPORTER_NAME, type PackageFiles } from "./import-catalog.js";
import { unrecognised } from "./js-module.js";

const CHANNEL_ACTION = "restart-channel:";

/** The manifest fields plugin loading reads, checked for shape. */
function readManifest(files: PackageFiles, path: string): Omit<BundledPlugin, "declaredIn"> {
  const text = files.read(path);
  if (text === undefined) throw unrecognised(path, "missing: a plugin that declares reload rules has no manifest");
  const manifest = JSON.parse(text) as Record<string, unknown>;
  const activation = (manifest["activation"] ?? {}) as Record<string, unknown>;
  const strings = (value: unknown, what: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) throw unrecognised(path, `${what} is not a list of strings`);
    return value;
  };
  if (typeof manifest["id"] !== "string") throw unrecognised(path, "has no string id");
  for (const [key, value] of [["enabledByDefault", manifest["enabledByDefault"]], ["activation.onStartup", activation["onStartup"]]] as const) {
    if (value !== undefined && typeof value !== "boolean") throw unrecognised(path, `${key} is not a boolean`);
  }
  return {
    id: manifest["id"],
    channels: strings(manifest["channels"], "channels"),
    enabledByDefault: manifest["enabledByDefault"] === true,
    onStartup: activation["onStartup"] === true,
    onConfigPaths: strings(activation["onConfigPaths"], "activation.onConfigPaths"),
    manifest: path,
  };
}

const MANIFEST = /^dist\/extensions\/[^/]+\/openclaw\.plugin\.json$/;

/** Bundled plugin manifests by plugin id: dist/extensions/<dir>/openclaw.plugin.json. */
function manifestPaths(files: PackageFiles): Map<string, string> {
  const byId = new Map<string, string>();
  for (const path of files.paths.filter((candidate) => MANIFEST.test(candidate))) {
    const id = (JSON.parse(files.read(path) ?? "{}") as { id?: unknown }).id;
    if (typeof id !== "string") throw unrecognised(path, "has no string id");
    byId.set(id, path);
  }
  return byId;
}

/**
 * The version's rules with every bundled plugin loaded, each rule marked with
 * what it depends on, and the manifest facts that decide which plugins load:
 * the data `composeWithPlugins` narrows to the plugins a config loads.
 */
export function importPluginRules(files: PackageFiles, catalogId: string, generatedAt?: string): PluginRulesTable {
  const { declared: everyDeclaration } = importCatalog(files, { plugins: "all" });
  const manifests = manifestPaths(files);
  // Chunks of plugins that moved out of the package can linger in dist/: without a manifest the gateway never loads them.
  const bundled = [...everyDeclaration.channels, ...everyDeclaration.plugins].map((declaration) => declaration.id).filter((id) => manifests.has(id));
  const unbundled = [...everyDeclaration.channels, ...everyDeclaration.plugins].map((declaration) => declaration.id).filter((id) => !manifests.has(id));
  const { catalog, declared } = importCatalog(files, { plugins: bundled, ...(generatedAt ? { generatedAt } : {}) });
  const base = importCatalog(files, { plugins: "none" }).catalog;
  const staticShared = new Map(base.rules.filter((rule) => rule.origin === "channel-shared").map((rule) => [rule.prefix, rule.kind]));
  const channelPrefixOwners = new Map<string, string[]>();
  for (const rule of catalog.rules) {
    if (rule.plugin !== undefined && rule.origin.startsWith("channel:")) channelPrefixOwners.set(rule.prefix, [...(channelPrefixOwners.get(rule.prefix) ?? []), rule.plugin]);
  }
  const rules: PluginRule[] = catalog.rules.map((rule) => {
    const channels = (rule.actions ?? []).filter((action) => action.startsWith(CHANNEL_ACTION)).map((action) => action.slice(CHANNEL_ACTION.length));
    if (rule.origin !== "channel-shared" || channels.length === 0) return { rule };
    const unsharedKind = staticShared.get(rule.prefix);
    if (unsharedKind) return { rule, shared: { channels, unsharedKind } };
    const introducedBy = channelPrefixOwners.get(rule.prefix);
    if (!introducedBy) throw unrecognised(catalog.source.files[0] ?? "dist", `shared channel rule '${rule.prefix}' is neither a shared root nor a channel prefix`);
    // Only the policy era adds shared prefixes for channel rules, and there a rule no loaded channel restarts is a no-op.
    return { rule, shared: { channels, introducedBy, unsharedKind: "none" } };
  });
  const declarations = [...declared.channels, ...declared.plugins].filter((declaration) => manifests.has(declaration.id));
  const plugins: BundledPlugin[] = declarations.map((declaration) => ({ ...readManifest(files, manifests.get(declaration.id)!), declaredIn: declaration.file }));
  for (const plugin of plugins) {
    const isChannel = declared.channels.some((channel) => channel.id === plugin.id);
    if (isChannel && !plugin.channels.includes(plugin.id)) throw unrecognised(plugin.manifest, `channel plugin '${plugin.id}' does not claim its own channel`);
  }
  return {
    pluginRulesFormat: 1,
    openclawVersion: catalog.openclawVersion,
    catalog: catalogId,
    source: {
      package: catalog.id,
      generatedBy: `${IMPORTER_NAME} (every bundled plugin's reload declaration, with its manifest)`,
      files: [...new Set([...catalog.source.files, ...plugins.map((plugin) => plugin.manifest)])],
      ...(unbundled.length > 0 ? { unbundledDeclarations: unbundled.sort() } : {}),
    },
    plugins: plugins.sort((a, b) => a.id.localeCompare(b.id)),
    rules,
  };
}
