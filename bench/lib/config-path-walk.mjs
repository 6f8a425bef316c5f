// The gateway's diffConfigPaths semantics, written here from the documented
// behaviour (not copied from clawdiff or OpenClaw) so the baseline measures
// the walk any tool must do at least once.
import { isDeepStrictEqual } from "node:util";

const isPlainObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** Dot-joined changed paths in walk order: objects recurse, arrays compare whole, `<root>` at the top. */
export function diffConfigPaths(previous, next) {
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
