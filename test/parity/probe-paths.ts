import type { RuleCatalog } from "../../src/rules/catalog.js";

/** A small deterministic generator, so every run probes the same paths. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const EXTRA = [
  "<root>",
  "channels.telegram.botToken",
  "channels.webchat.enabled",
  "plugins.installs.demo.installedAt",
  "plugins.installs.demo.resolvedAt",
  "plugins.installs.demo.source",
  "plugins.entries.telegram.enabled",
  "models.providers.anthropic.models",
  "unknownTopLevel",
  "unknownTopLevel.child",
];

/**
 * Paths that stress a rule set: every prefix, its parents, children and
 * grandchildren, near-misses that share a string prefix but not a segment
 * boundary (`meta` → `metax`, `meta2`), `*` segments instantiated, and random
 * recombinations of the segments seen.
 */
export function parityPaths(catalogs: readonly RuleCatalog[], count: number): string[] {
  const paths = new Set<string>(EXTRA);
  const segments = new Set<string>();
  for (const catalog of catalogs) {
    for (const { prefix } of catalog.rules) {
      const parts = prefix.split(".");
      parts.forEach((part) => part !== "*" && segments.add(part));
      const concrete = parts.map((part) => (part === "*" ? "main" : part));
      for (let depth = 1; depth <= concrete.length; depth += 1) paths.add(concrete.slice(0, depth).join("."));
      const full = concrete.join(".");
      const last = concrete[concrete.length - 1]!;
      const stem = concrete.slice(0, -1);
      paths.add(`${full}.child`).add(`${full}.child.grandchild`);
      paths.add([...stem, `${last}x`].join(".")).add([...stem, `${last}2`].join("."));
      if (last.length > 1) paths.add([...stem, last.slice(0, -1)].join("."));
    }
  }
  const pool = [...segments].sort();
  const random = seeded(76208);
  while (paths.size < count && pool.length > 0) {
    const depth = 1 + Math.floor(random() * 4);
    paths.add(Array.from({ length: depth }, () => pool[Math.floor(random() * pool.length)]!).join("."));
  }
  return [...paths];
}
