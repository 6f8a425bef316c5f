import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { IMPORT_FORMAT, importCatalog } from "../../src/rules/import/import-catalog.js";
import { catalogCacheKey, fileCatalogCache, userCacheDir } from "../../src/sources/catalog-cache.js";
import { loadInstalledCatalog } from "../../src/sources/catalog-store.js";
import { openPackage } from "../../src/sources/package-reader.js";
import { runInProcess } from "../helpers/run-cli.js";

const miniature = "test/fixtures/openclaw-dist/list-era";
const temporaries: string[] = [];
const temporary = () => {
  const dir = mkdtempSync(join(tmpdir(), "clawdiff-cache-"));
  temporaries.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temporaries.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("--openclaw catalog cache", () => {
  it("a second load reuses the stored catalog instead of importing again", () => {
    const cache = fileCatalogCache(temporary());
    const first = loadInstalledCatalog(miniature, undefined, process.cwd(), cache);
    // Plant a marker in the stored entry: only a cache hit can return it.
    const key = catalogCacheKey(miniature, "all");
    cache.put(key, { ...first.catalog, id: "from-the-cache" });
    expect(loadInstalledCatalog(miniature, undefined, process.cwd(), cache).catalog.id).toBe("from-the-cache");
    expect(loadInstalledCatalog(miniature, undefined, process.cwd()).catalog.id).toBe(first.catalog.id);
  });

  it("a corrupted entry is a miss, and the package is imported afresh", () => {
    const dir = temporary();
    const cache = fileCatalogCache(dir);
    const key = catalogCacheKey(miniature, "all");
    cache.put(key, loadInstalledCatalog(miniature, undefined).catalog);
    const file = join(dir, "catalogs", `${key}.json`);
    writeFileSync(file, readFileSync(file, "utf8").replace("openclaw@", "openclaw#"));
    expect(cache.get(key)).toBeUndefined();
    expect(loadInstalledCatalog(miniature, undefined, process.cwd(), cache).catalog.id).toBe("openclaw@2026.4.99");
  });

  it("the key follows the package, the plugin choice and the importer format", () => {
    const copy = join(temporary(), "package");
    cpSync(miniature, copy, { recursive: true });
    const before = catalogCacheKey(copy, "all");
    expect(catalogCacheKey(copy, "none")).not.toBe(before);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(copy, "dist"), later, later);
    expect(catalogCacheKey(copy, "all")).not.toBe(before);
  });

  it("IMPORT_FORMAT is bumped whenever the importer's output changes", () => {
    // When this fails, the importer now writes different catalogs: bump IMPORT_FORMAT so stale
    // cached imports are not reused, then record the new digest here.
    const digests: Record<number, string> = { 1: "7a94728a88c17a84" };
    const catalogs = ["list-era", "policy-era"].map((name) =>
      importCatalog(openPackage(`test/fixtures/openclaw-dist/${name}`), { plugins: "all", generatedAt: "fixed" }).catalog,
    );
    const digest = createHash("sha256").update(JSON.stringify(catalogs)).digest("hex").slice(0, 16);
    expect({ format: IMPORT_FORMAT, digest }).toEqual({ format: IMPORT_FORMAT, digest: digests[IMPORT_FORMAT] });
  });

  it("the CLI caches under CLAWDIFF_CACHE_DIR, and --no-cache neither reads nor writes it", async () => {
    const args = ["diff", "test/fixtures/states/channel-edit/before", "test/fixtures/states/channel-edit/after", "--openclaw", miniature, "--format", "json"];
    const noCacheDir = temporary();
    expect((await runInProcess([...args, "--no-cache"], { CLAWDIFF_CACHE_DIR: noCacheDir })).code).toBe(1);
    expect(readdirSync(noCacheDir)).toEqual([]);
    const dir = temporary();
    expect((await runInProcess(args, { CLAWDIFF_CACHE_DIR: dir })).code).toBe(1);
    expect(readdirSync(join(dir, "catalogs"))).toHaveLength(1);
  });

  it("--no-cache without --openclaw is refused in one line", async () => {
    const result = await runInProcess(["diff", "test/fixtures/states/channel-edit/before", "test/fixtures/states/channel-edit/after", "--no-cache"]);
    expect(result).toMatchObject({ code: 2, stderr: "clawdiff: --no-cache needs --openclaw: only imported packages are cached\n" });
  });

  it("the cache dir follows CLAWDIFF_CACHE_DIR, then XDG_CACHE_HOME", () => {
    expect(userCacheDir({ CLAWDIFF_CACHE_DIR: "/c", XDG_CACHE_HOME: "/x" })).toBe("/c");
    expect(userCacheDir({ XDG_CACHE_HOME: "/x" })).toBe(join("/x", "clawdiff"));
  });
});
