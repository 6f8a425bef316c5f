import { isPlainObject } from "../shared/values.js";
import { defineOwn } from "../shared/values.js";

export interface DefaultEntry {
  path: string;
  value: unknown;
  scope: "materialized" | "runtime";
  when?: "always" | "parent-exists";
  source: string;
  note?: string;
}

export interface DefaultsTable {
  defaultsFormat: 1;
  openclawVersion: string;
  source: { package: string; method: string };
  defaults: DefaultEntry[];
}

export interface MaterializedDefaults {
  config: unknown;
  /** Dotted path → the default that filled it. */
  applied: Map<string, DefaultEntry>;
}

/**
 * The semantic view: every default the version applies, filled in where the
 * config leaves the value out. Objects on the way are copied, so the input
 * tree is never changed and untouched branches are shared.
 */
export function applyDefaults(config: unknown, table: DefaultsTable | null): MaterializedDefaults {
  const applied = new Map<string, DefaultEntry>();
  if (!table || !isPlainObject(config)) return { config, applied };
  let root: Record<string, unknown> = { ...config };
  for (const entry of table.defaults) {
    const segments = entry.path.split(".");
    const next = fillPath(root, segments, entry);
    if (next) {
      root = next;
      applied.set(entry.path, entry);
    }
  }
  return { config: root, applied };
}

function fillPath(root: Record<string, unknown>, segments: string[], entry: DefaultEntry): Record<string, unknown> | null {
  const parents: Record<string, unknown>[] = [root];
  for (let depth = 0; depth < segments.length - 1; depth += 1) {
    const child = parents[depth]![segments[depth]!];
    if (child === undefined) {
      if (entry.when === "parent-exists") return null;
      parents.push({});
    } else if (isPlainObject(child)) parents.push({ ...child });
    else return null;
  }
  const leafKey = segments[segments.length - 1]!;
  const parent = parents[parents.length - 1]!;
  if (parent[leafKey] !== undefined) return null;
  defineOwn(parent, leafKey, structuredClone(entry.value));
  for (let depth = parents.length - 1; depth > 0; depth -= 1) defineOwn(parents[depth - 1]!, segments[depth - 1]!, parents[depth]);
  return parents[0]!;
}
