// Regenerates the per-version data a stock install is judged by, one file each per bundled catalog:
// schemas/plugin-rules/ (bundled plugins' reload rules and manifest facts) and schemas/config-keys/
// (what the version's config schema rejects).
//   npm run stock-data:import                  (every catalog in schemas/catalogs/)
//   npm run stock-data:import -- 2026.5.3      (named catalog versions)
//   npm run stock-data:import -- --keys-only   (config keys only: fast)
// Packages are `npm pack`ed into $CLAWDIFF_OC_CACHE (default /work/oc)/packs/<version>/ unless
// already unpacked there or in <cache>/<version>/. Each table is checked before it is written:
// narrowed to no plugins it must equal the bundled catalog's rules, and narrowed to each single
// plugin it must equal what the importer composes with that plugin alone.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repo = fileURLToPath(new URL("..", import.meta.url));
const cache = process.env.CLAWDIFF_OC_CACHE ?? "/work/oc";
const catalogDir = join(repo, "schemas", "catalogs");
const outDir = join(repo, "schemas", "plugin-rules");
const keysDir = join(repo, "schemas", "config-keys");

const entry = `
export { importPluginRules } from "./src/rules/import/plugin-rules.ts";
export { importCatalog } from "./src/rules/import/import-catalog.ts";
export { composeWithPlugins } from "./src/rules/plugin-rules.ts";
export { openPackage } from "./src/sources/package-reader.ts";
export { importConfigKeys } from "./src/rules/import/config-schema.ts";`;
const { outputFiles } = await build({
  stdin: { contents: entry, resolveDir: repo, loader: "ts" },
  bundle: true,
  write: false,
  format: "esm",
  platform: "node",
  external: ["acorn", "acorn-walk", "ajv"],
  logLevel: "error",
});
// Beside the build output, so the importer's lazy require finds acorn; removed at once, so it is never packed.
mkdirSync(join(repo, "dist"), { recursive: true });
const bundlePath = join(repo, "dist", "stock-data-importer.mjs");
writeFileSync(bundlePath, outputFiles[0].text);
const { importPluginRules, importCatalog, composeWithPlugins, openPackage, importConfigKeys } = await import(bundlePath);
rmSync(bundlePath);

function packageDir(version) {
  for (const dir of [join(cache, version), join(cache, "packs", version)]) if (existsSync(join(dir, "package", "package.json"))) return join(dir, "package");
  const dir = join(cache, "packs", version);
  mkdirSync(dir, { recursive: true });
  execFileSync("npm", ["pack", `openclaw@${version}`, "--silent"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("tar", ["xzf", `openclaw-${version}.tgz`], { cwd: dir });
  return join(dir, "package");
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function check(table, catalog, files) {
  const narrowed = (ids) => composeWithPlugins(catalog, table, new Set(ids)).rules;
  if (!same(narrowed([]), catalog.rules)) throw new Error(`${catalog.id}: the table without plugins differs from the bundled catalog (regenerate catalogs first?)`);
  for (const plugin of table.plugins) {
    const alone = importCatalog(files, { plugins: [plugin.id] }).catalog.rules;
    if (!same(narrowed([plugin.id]), alone)) throw new Error(`${catalog.id}: narrowing to ${plugin.id} differs from the importer's composition with ${plugin.id} alone`);
  }
}

const named = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const keysOnly = process.argv.includes("--keys-only");
mkdirSync(outDir, { recursive: true });
for (const name of readdirSync(catalogDir).filter((file) => file.endsWith(".json")).sort()) {
  const catalog = JSON.parse(readFileSync(join(catalogDir, name), "utf8"));
  if (named.length > 0 && !named.includes(catalog.openclawVersion)) continue;
  process.stdout.write(`${catalog.id}: `);
  const files = openPackage(packageDir(catalog.openclawVersion));
  const keys = importConfigKeys(files);
  writeFileSync(join(keysDir, `${catalog.id}.json`), `${JSON.stringify({ $schema: "../config-keys.schema.json", ...keys }, null, 2)}\n`);
  process.stdout.write(`config keys: ${keys.strictObjects.length} strict objects, ${keys.choices.length} choices; `);
  if (keysOnly) {
    process.stdout.write("\n");
    continue;
  }
  const table = importPluginRules(files, catalog.id);
  if (table.plugins.length === 0) {
    process.stdout.write("no bundled plugin declares reload rules (no dist/extensions declarations); no table\n");
    continue;
  }
  check(table, catalog, files);
  writeFileSync(join(outDir, `${catalog.id}.json`), `${JSON.stringify({ $schema: "../plugin-rules.schema.json", ...table }, null, 2)}\n`);
  process.stdout.write(`${table.plugins.length} plugins (${table.plugins.map((plugin) => plugin.id).join(", ")}), ${table.rules.length} rules\n`);
}
