import { posix } from "node:path";
import { descendants, parseModule, sourceOf, unrecognised, type JsModule, type Node } from "./js-module.js";
import type { ChannelReloadDeclaration, PluginReloadDeclaration, PluginSet } from "./plugin-set.js";
import { asStringArray, evaluate, isRecord, type Scope, type Value } from "./static-eval.js";

/**
 * Bundled plugins declare reloads as a `reload` property: channel plugins
 * `{ configPrefixes, noopPrefixes, accountScopedRestart }`, other plugins
 * `{ restartPrefixes, hotPrefixes, noopPrefixes }`. Services also carry
 * `reload.configPrefixes` but have start/stop; they are not channels.
 */
const DECLARES_RELOAD = /\breload:\s*(\{[^}]*(configPrefixes|noopPrefixes|restartPrefixes|hotPrefixes)|[A-Za-z_$][\w$]*\s*[,}\n])/;

const MAX_DECLARATION_FILE = 8 * 1024 * 1024;

export type ModuleSource = (path: string) => string | undefined;

/** Parses dist modules on demand, and follows `import { x as y } from "./chunk.js"` to constants. */
export class ModuleGraph {
  private readonly cache = new Map<string, JsModule | null>();
  constructor(private readonly source: ModuleSource) {}

  get(path: string): JsModule | null {
    if (!this.cache.has(path)) {
      const text = this.source(path);
      this.cache.set(path, text === undefined ? null : parseModule(path, text));
    }
    return this.cache.get(path)!;
  }

  scope(module: JsModule): Scope {
    return { module, locals: new Map(), resolveExternal: (from, name) => this.resolveImport(from, name) };
  }

  private resolveImport(module: JsModule, name: string): Value {
    const imported = module.imports.get(name);
    if (!imported || !imported.source.startsWith(".")) throw unrecognised(module, `cannot resolve '${name}' to a constant`);
    const target = this.get(posix.join(posix.dirname(module.file), imported.source));
    const local = target?.exports.get(imported.imported);
    if (!target || !local) throw unrecognised(module, `cannot follow import '${name}' from '${imported.source}'`);
    const init = target.consts.get(local);
    if (init) return evaluate(init, this.scope(target));
    return this.resolveImport(target, local);
  }
}

function ownerId(graph: ModuleGraph, module: JsModule, owner: Node): string | undefined {
  const idProperty = (owner.properties as Node[]).find((p) => p.type === "Property" && !p.computed && (p.key.name ?? p.key.value) === "id");
  if (!idProperty) return undefined;
  try {
    const id = evaluate(idProperty.value, graph.scope(module));
    return typeof id === "string" ? id : undefined;
  } catch {
    return undefined;
  }
}

const hasKey = (owner: Node, keys: string[]) => (owner.properties as Node[]).some((p) => p.type === "Property" && keys.includes(p.key?.name));
const strings = (value: Value, module: JsModule, node: Node, what: string) => (value === undefined ? [] : asStringArray(value, module, node, what));

function extensionId(file: string): string | undefined {
  return /(?:^|\/)extensions\/([^/]+)\//.exec(file)?.[1];
}

export function readPluginDeclarations(paths: readonly string[], source: ModuleSource): PluginSet {
  const graph = new ModuleGraph(source);
  const channels = new Map<string, ChannelReloadDeclaration>();
  const plugins = new Map<string, PluginReloadDeclaration>();
  for (const path of [...paths].sort()) {
    const text = source(path);
    // Worker bundles (50 MB in 2026.9) re-bundle plugin chunks that also ship on their own; parsing them costs a minute.
    if (text === undefined || text.length > MAX_DECLARATION_FILE || !DECLARES_RELOAD.test(text)) continue;
    const module = graph.get(path)!;
    for (const owner of descendants(module.program).filter((node) => node.type === "ObjectExpression")) {
      const property = (owner.properties as Node[]).find((p) => p.type === "Property" && !p.computed && p.key.name === "reload");
      if (!property || hasKey(owner, ["start", "stop"])) continue;
      let reload: Value;
      try {
        reload = evaluate(property.value, graph.scope(module));
      } catch (error) {
        // A `reload` that is not constant data (a handler, a flag) is not a declaration, unless it names prefixes.
        if (/Prefixes\b/.test(sourceOf(module, property.value))) throw error;
        continue;
      }
      if (!isRecord(reload)) continue;
      const id = ownerId(graph, module, owner);
      if ("configPrefixes" in reload) {
        const configPrefixes = strings(reload["configPrefixes"], module, property, "reload.configPrefixes");
        const channelId = id ?? /^channels\.([^.]+)$/.exec(configPrefixes[0] ?? "")?.[1];
        if (!channelId) throw unrecognised(module, "a channel reload declaration without an id", property);
        if (channels.has(channelId)) continue;
        channels.set(channelId, {
          id: channelId,
          configPrefixes,
          noopPrefixes: strings(reload["noopPrefixes"], module, property, "reload.noopPrefixes"),
          accountScopedRestart: reload["accountScopedRestart"] === true,
          file: path,
        });
      } else if ("restartPrefixes" in reload || "hotPrefixes" in reload) {
        const pluginId = id ?? extensionId(path);
        if (!pluginId) throw unrecognised(module, "a plugin reload registration without an id", property);
        if (plugins.has(pluginId)) continue;
        plugins.set(pluginId, {
          id: pluginId,
          restartPrefixes: strings(reload["restartPrefixes"], module, property, "reload.restartPrefixes"),
          hotPrefixes: strings(reload["hotPrefixes"], module, property, "reload.hotPrefixes"),
          noopPrefixes: strings(reload["noopPrefixes"], module, property, "reload.noopPrefixes"),
          file: path,
        });
      }
    }
  }
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return { channels: [...channels.values()].sort(byId), plugins: [...plugins.values()].sort(byId) };
}
