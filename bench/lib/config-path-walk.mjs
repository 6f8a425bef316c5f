// The gateway's diffConfigPaths semantics, written here from the documented
// behaviour (not copied from clawdiff or OpenClaw) so the baseline measures
// the walk any tool must do at least once.
import { isDeepStrictEqual } from "node:util";

const isPlainObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** Dot-joined changed paths in walk order: objects recurse, arrays compare whole, `<root>` at the top. */
function walkPaths(previous, next) {
  const changed = [];
  const walk = (before, after, path) => {
    if (before === after) return;
    if (isPlainObject(before) && isPlainObject(after)) {
      const visit = (key) => {
        if (before[key] === undefined && after[key] === undefined) return;
        walk(before[key], after[key], path ? `${path}.${key}` : key);
      };
      for (const key of Object.keys(before)) visit(key);
      for (const key of Object.keys(after)) if (!Object.hasOwn(before, key)) visit(key);
      return;
    }
    if (Array.isArray(before) && Array.isArray(after) && isDeepStrictEqual(before, after)) return;
    changed.push(path || "<root>");
  };
  walk(previous, next, "");
  return changed;
}

/** The config without `plugins.installs`, and those records: the gateway diffs them apart. */
function splitInstalls(config) {
  if (!isPlainObject(config) || !isPlainObject(config.plugins) || !Object.hasOwn(config.plugins, "installs")) return { config, installs: {} };
  const { installs, ...plugins } = config.plugins;
  return { config: { ...config, plugins }, installs };
}

/**
 * What the gateway's reload evaluator reports: the config paths, then the
 * install-record paths (it keeps plugin install records beside the config
 * and concatenates the two diffs), each in walk order.
 */
export function diffConfigPaths(previous, next) {
  const before = splitInstalls(previous);
  const after = splitInstalls(next);
  return [...walkPaths(before.config, after.config), ...walkPaths({ plugins: { installs: before.installs } }, { plugins: { installs: after.installs } })];
}
