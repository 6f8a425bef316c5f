import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";

export type DiffPaths = (previous: unknown, next: unknown) => string[];

export interface Oracle {
  /** "openclaw@<version>" for the published evaluator, "documented semantics" otherwise. */
  name: string;
  diffConfigPaths: DiffPaths;
}

/**
 * Where published OpenClaw packages are unpacked: $CLAWDIFF_OC_CACHE (a
 * directory of <version>/package, as the parity suite lays them out), then
 * /work/oc. Absent on most machines; the documented-semantics oracle covers them.
 */
function packageDist(version: string): string | null {
  for (const root of [process.env["CLAWDIFF_OC_CACHE"], "/work/oc"]) {
    const dist = root ? join(root, version, "package", "dist") : null;
    if (dist && existsSync(dist)) return dist;
  }
  return null;
}

const REGION = "//#region src/gateway/config-diff.ts";

/** The helper's definition as the region's chunk imports it: `import { x as isPlainObject } from "./utils-….js"`. */
function importedIsPlainObject(dist: string, chunk: string): string | null {
  const imported = /import \{[^}]*\b(\w+) as isPlainObject\b[^}]*\} from "\.\/([^"]+)"/.exec(chunk);
  if (!imported) return null;
  const [, exportName, file] = imported;
  const source = readFileSync(join(dist, file!), "utf8");
  const exported = new RegExp(`\\b(\\w+) as ${exportName}\\b`).exec(source.slice(source.lastIndexOf("export {")));
  const local = exported?.[1] ?? exportName!;
  const definition = new RegExp(`function ${local}\\(value\\) \\{[\\s\\S]*?\\n\\}`).exec(source)?.[0];
  return definition ? definition.replace(`function ${local}(`, "function isPlainObject(") : null;
}

/** Bundles that keep the region name its chunk after the reload plan; older bundles are skipped without a full scan. */
const isCandidateChunk = (name: string) => /^config-(reload-plan|diff)[-.].*\.m?js$/.test(name);

/**
 * The published chunk that defines diffConfigPaths imports half the gateway
 * (chalk, plugin registries) and cannot be imported on its own, so the
 * function's own region of the bundle is evaluated with the two helpers it
 * uses. The source is read at test time from the package: nothing is copied
 * into this repository. Returns that source, so identical versions share one oracle.
 */
function publishedSource(dist: string): string | null {
  for (const name of readdirSync(dist).filter(isCandidateChunk)) {
    const chunk = readFileSync(join(dist, name), "utf8");
    const start = chunk.indexOf(REGION);
    if (start === -1) continue;
    const region = chunk.slice(start, chunk.indexOf("//#endregion", start));
    const isPlainObject = importedIsPlainObject(dist, chunk);
    if (!isPlainObject || !region.includes("function diffConfigPaths")) return null;
    return `${isPlainObject}\n${region}\nreturn diffConfigPaths;`;
  }
  return null;
}

/** The README's "How faithful it is" contract, written independently of src/diff. */
export function documentedDiffPaths(previous: unknown, next: unknown): string[] {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    Object.prototype.toString.call(value) === "[object Object]" && typeof value === "object" && value !== null;
  const visit = (a: unknown, b: unknown, path: string): string[] => {
    if (a === b) return [];
    if (isObject(a) && isObject(b)) {
      // Enumerable keys only: Object.prototype's own "__proto__" accessor is not one of a's keys.
      const known = new Set(Object.keys(a));
      const order = [...known, ...Object.keys(b).filter((key) => !known.has(key))];
      return order.flatMap((key) => (a[key] === undefined && b[key] === undefined ? [] : visit(a[key], b[key], path === "" ? key : `${path}.${key}`)));
    }
    if (Array.isArray(a) && Array.isArray(b) && isDeepStrictEqual(a, b)) return [];
    return [path === "" ? "<root>" : path];
  };
  return visit(previous, next, "");
}

/**
 * The documented semantics, plus the published evaluator of each version
 * whose package is in the cache. Only versions whose bundle keeps the
 * `src/gateway/config-diff.ts` region are read; older bundles inline the
 * walk elsewhere (and 2026.1.x compared arrays element-wise with ===).
 */
export function loadOracles(versions: readonly string[]): Oracle[] {
  const versionsBySource = new Map<string, string[]>();
  for (const version of versions) {
    const dist = packageDist(version);
    const source = dist ? publishedSource(dist) : null;
    if (source) versionsBySource.set(source, [...(versionsBySource.get(source) ?? []), version]);
  }
  const published = [...versionsBySource].map(([source, sharing]) => {
    const factory = new Function("isDeepStrictEqual", source) as (equal: typeof isDeepStrictEqual) => DiffPaths;
    return { name: `openclaw@${sharing.join(", ")}`, diffConfigPaths: factory(isDeepStrictEqual) };
  });
  return [{ name: "documented semantics", diffConfigPaths: documentedDiffPaths }, ...published];
}
