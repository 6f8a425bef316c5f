import type { ConfigFile } from "../../config/includes.js";
import { IncludeResolver, MAX_INCLUDE_DEPTH } from "../../config/includes.js";
import { parseConfigText } from "../../config/parse-json5.js";
import type { SourceReader } from "../config-input.js";
import type { GitTreeReader } from "./tree-reader.js";

/**
 * Fetches every `$include` file of a config before the real load, one git
 * process per include level. Each round runs the loader's own include
 * resolver over what is fetched so far, with "{}" standing in for files not
 * fetched yet, and collects what it asked for; the real load later reads
 * only from the cache. Errors are left to the real load, which reports them
 * with positions.
 */
export function prefetchIncludes(root: Omit<ConfigFile, "parsed">, reader: GitTreeReader, rootDir: string): void {
  let parsed: unknown;
  try {
    parsed = parseConfigText(root.text, root.display);
  } catch {
    return;
  }
  for (let round = 0; round <= MAX_INCLUDE_DEPTH; round += 1) {
    const unfetched = new Set<string>();
    const probe: SourceReader = {
      readText: (path) => {
        const text = reader.peekText(path);
        if (text !== undefined) return text === "" ? "{}" : text;
        unfetched.add(reader.treePath(path)!);
        return "{}";
      },
      realpath: (path) => reader.realpath(path),
      exists: () => false,
      display: (path) => reader.display(path),
    };
    try {
      new IncludeResolver(probe, { rootDir, allowOutside: true }).resolveTree({ ...root, parsed });
    } catch {
      // A malformed file or a cycle: the real load reports it.
    }
    if (unfetched.size === 0) return;
    reader.prefetch(unfetched);
  }
}
