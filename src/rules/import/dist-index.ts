import { posix } from "node:path";
import { parseModule, unrecognised, type JsModule } from "./js-module.js";

/** A package's dist scripts, read once, searched by text and parsed on demand. */
export interface DistIndex {
  /** Dist scripts whose text contains `needle`, smallest first (bundled workers repeat code inside 50 MB files). */
  containing(needle: string): string[];
  /** The parsed module at a dist path. */
  module(path: string): JsModule;
  /** The smallest dist module that defines function `name`. */
  defining(name: string): JsModule | undefined;
  /** The parsed module `from` imports `name` from, and the name it has there. */
  imported(from: JsModule, name: string): { module: JsModule; name: string };
}

export function indexDist(scripts: readonly string[], read: (path: string) => string | undefined): DistIndex {
  const texts = new Map<string, string>();
  const textOf = (path: string) => {
    let text = texts.get(path);
    if (text === undefined) texts.set(path, (text = read(path) ?? ""));
    return text;
  };
  const parsed = new Map<string, JsModule>();
  const index: DistIndex = {
    containing(needle) {
      return scripts
        .filter((path) => textOf(path).includes(needle))
        .sort((a, b) => textOf(a).length - textOf(b).length || a.localeCompare(b));
    },
    module(path) {
      let module = parsed.get(path);
      if (!module) parsed.set(path, (module = parseModule(path, textOf(path))));
      return module;
    },
    defining(name) {
      for (const path of index.containing(`function ${name}(`)) {
        const module = index.module(path);
        if (module.functions.has(name)) return module;
      }
      return undefined;
    },
    imported(from, name) {
      const binding = from.imports.get(name);
      if (!binding || !binding.source.startsWith(".")) throw unrecognised(from, `'${name}' is not imported from a sibling dist file`);
      const path = posix.normalize(posix.join(posix.dirname(from.file), binding.source));
      if (!scripts.includes(path)) throw unrecognised(from, `'${name}' comes from ${binding.source}, which the package does not have`);
      const module = index.module(path);
      return { module, name: module.exports.get(binding.imported) ?? binding.imported };
    },
  };
  return index;
}
