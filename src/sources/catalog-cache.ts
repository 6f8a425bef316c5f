import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, statSync, writeSync, type BigIntStats } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { RuleCatalog } from "../rules/catalog.js";
import { IMPORT_FORMAT } from "../rules/import/import-catalog.js";
import { TOOL_VERSION } from "../shared/tool-info.js";

/**
 * Imported catalogs of installed packages (`--openclaw`), cached because an
 * import reads every dist chunk of the package (hundreds of MB on 2026.9.x)
 * while its answer only changes with the package or with the importer.
 */
export interface CatalogCache {
  get(key: string): RuleCatalog | undefined;
  put(key: string, catalog: RuleCatalog): void;
}

/** `$CLAWDIFF_CACHE_DIR`, else `$XDG_CACHE_HOME/clawdiff`, else `~/.cache/clawdiff`. */
export function userCacheDir(env: Record<string, string | undefined>): string {
  if (env["CLAWDIFF_CACHE_DIR"]) return env["CLAWDIFF_CACHE_DIR"];
  return join(env["XDG_CACHE_HOME"] || join(homedir(), ".cache"), "clawdiff");
}

/**
 * What a cached catalog depends on: the package (for a tarball, its path,
 * size, inode and mtime; for a directory, its manifest and the mtimes of
 * `dist/` and `extensions/`, which every npm install or update renames into),
 * clawdiff's version, the importer's output format and the plugin choice.
 * Stat facts rather than a content hash keep a cached run near a `--rules`
 * run: hashing the 2026.9.x tarball alone costs more than a whole diff.
 */
export function catalogCacheKey(packageLocation: string, plugins: string): string {
  const hash = createHash("sha256");
  hash.update(`${TOOL_VERSION}\0${IMPORT_FORMAT}\0${plugins}\0${realpathSync(packageLocation)}\0`);
  const stat = statSync(packageLocation, { bigint: true });
  if (!stat.isDirectory()) hash.update(statFacts(stat));
  else {
    const root = existsSync(join(packageLocation, "package.json")) ? packageLocation : join(packageLocation, "package");
    hash.update(readFileSync(join(root, "package.json")));
    for (const name of ["package.json", "dist", "extensions"]) {
      const path = join(root, name);
      hash.update(`${name}\0${existsSync(path) ? statFacts(statSync(path, { bigint: true })) : "absent"}\0`);
    }
  }
  return hash.digest("hex");
}

const statFacts = (stat: BigIntStats) => `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;

const digestOf = (body: string) => createHash("sha256").update(body).digest("hex");

/** A cache of JSON files named by key; a missing or unreadable entry is a miss, a failed write is ignored. */
export function fileCatalogCache(dir: string): CatalogCache {
  const folder = join(dir, "catalogs");
  const file = (key: string) => join(folder, `${key}.json`);
  return {
    get(key) {
      let text: string;
      try {
        text = readFileSync(file(key), "utf8");
      } catch {
        return undefined;
      }
      // The digest line catches a truncated or corrupted entry; a writer able to forge it
      // already owns the user's account, which is outside what clawdiff defends.
      const newline = text.indexOf("\n");
      const body = text.slice(newline + 1);
      return newline > 0 && text.slice(0, newline) === digestOf(body) ? (JSON.parse(body) as RuleCatalog) : undefined;
    },
    put(key, catalog) {
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        // Written beside the target and renamed into place, so a concurrent run never reads half a file.
        const temporary = join(folder, `.${key}.${process.pid}.tmp`);
        const fd = openSync(temporary, "wx", 0o600);
        try {
          const body = JSON.stringify(catalog);
          writeSync(fd, `${digestOf(body)}\n${body}`);
        } finally {
          closeSync(fd);
        }
        renameSync(temporary, file(key));
      } catch {
        // A read-only or full cache dir costs the next run an import, nothing more.
      }
    },
  };
}
