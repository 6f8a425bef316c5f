// Reads a config file and resolves `$include` the way the bench's generated
// data uses it (a single file replaces the object that names it; sibling
// keys override). Every non-clawdiff worker loads through here, so they all
// pay for reading the included file just as the gateway does.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

const INCLUDE_KEY = "$include";

function resolveIncludes(value, baseDir, parse) {
  if (Array.isArray(value)) return value.map((item) => resolveIncludes(item, baseDir, parse));
  if (value === null || typeof value !== "object") return value;
  const resolved = {};
  if (typeof value[INCLUDE_KEY] === "string") {
    Object.assign(resolved, loadConfigFile(resolve(baseDir, value[INCLUDE_KEY]), parse));
  }
  for (const [key, child] of Object.entries(value)) {
    if (key !== INCLUDE_KEY) resolved[key] = resolveIncludes(child, baseDir, parse);
  }
  return resolved;
}

/** Only text containing the key pays for the include pass. */
export function loadConfigFile(path, parse) {
  const text = readFileSync(path, "utf8");
  const parsed = parse(text);
  return text.includes(INCLUDE_KEY) ? resolveIncludes(parsed, dirname(path), parse) : parsed;
}
