// Regenerates schemas/catalogs/ from published OpenClaw packages:
//   npm run catalogs:import                 (the sampled versions below)
//   npm run catalogs:import -- --all        (every published 2026.* version)
//   npm run catalogs:import -- 2026.5.3 2026.9.6
// Packages are `npm pack`ed into $CLAWDIFF_OC_CACHE (default /work/oc)/<version>/
// and read by `clawdiff rules import` (built CLI). Consecutive versions with
// identical rules share one catalog whose `coversVersions` lists them.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repo = fileURLToPath(new URL("..", import.meta.url));
const cache = process.env.CLAWDIFF_OC_CACHE ?? "/work/oc";
const catalogDir = join(repo, "schemas", "catalogs");

// The first and last version of every run of identical rules, found by importing every
// published 2026 version (--all, November 2026), plus versions the docs and tests name.
// Boundaries make nearest-older resolution exact for the versions in between.
// Changes include: meta none rule in 2026.2.12, install-record stamps in 2026.4.22,
// the longest-prefix sort in 2026.7.1-beta.4, policies and credential conditions in 2026.9.2.
// Diff eras (catalog `diff`): deep-equal arrays from 2026.2.22-1, install records stripped from the
// config read in 2026.4.26 and diffed beside it from 2026.5, boundary paths in 2026.7.2-beta.1 – 9.1
// (not 7.33 – 7.35), wider boundaries in 2026.8.1-beta.3, refinement in 2026.9.1, all rules refine in 2026.9.2.
const SAMPLED = `2026.1.29 2026.2.1 2026.2.2 2026.2.6-3 2026.2.9 2026.2.12 2026.2.21 2026.2.22-1 2026.2.25 2026.2.26 2026.3.1 2026.3.2 2026.3.7
  2026.3.13 2026.3.22 2026.3.24 2026.3.28 2026.4.2 2026.4.5 2026.4.15 2026.4.21 2026.4.22 2026.4.24 2026.4.25 2026.4.26
  2026.4.27 2026.4.30-beta.1 2026.5.2 2026.5.3 2026.5.7 2026.5.12 2026.5.16-beta.3 2026.5.16-beta.4 2026.5.30-beta.1
  2026.5.31-beta.1 2026.6.5 2026.6.6 2026.6.35 2026.7.1-beta.2 2026.7.1-beta.4 2026.7.1 2026.7.1-2 2026.7.2-beta.1
  2026.7.2-beta.3 2026.7.2-beta.4 2026.7.2-beta.5 2026.7.2-beta.7 2026.7.33 2026.7.35 2026.8.1-beta.1 2026.8.1-beta.2
  2026.8.1-beta.3 2026.8.1 2026.8.2 2026.9.1-beta.1 2026.9.1 2026.9.2 2026.9.3 2026.9.4 2026.9.5 2026.9.6`.split(/\s+/);

// Catalog ids other files refer to by name (tests, the published file list) keep their name when their run covers them.
const ANCHORS = new Set(["2026.5.3"]);

// OpenClaw's version order (re-releases after, pre-releases before) lives in src/rules/versions.ts; load it rather than copy it.
const { outputFiles } = await build({ entryPoints: [join(repo, "src", "rules", "versions.ts")], bundle: true, write: false, format: "esm", logLevel: "error" });
const { compareVersions } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString("base64")}`);

function requestedVersions(args) {
  if (args.includes("--all")) {
    const all = JSON.parse(execFileSync("npm", ["view", "openclaw", "versions", "--json"], { encoding: "utf8" }));
    return all.filter((version) => version.startsWith("2026."));
  }
  const named = args.filter((arg) => !arg.startsWith("--"));
  return named.length > 0 ? named : SAMPLED;
}

function ensurePackage(version) {
  const dir = join(cache, version);
  if (existsSync(join(dir, "package", "package.json"))) return dir;
  mkdirSync(dir, { recursive: true });
  execFileSync("npm", ["pack", `openclaw@${version}`, "--silent"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync("tar", ["xzf", `openclaw-${version}.tgz`], { cwd: dir });
  return dir;
}

function importVersion(version) {
  const text = execFileSync(process.execPath, [join(repo, "bin", "clawdiff.js"), "rules", "import", ensurePackage(version)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(text);
}

/** Everything that decides a verdict: catalogs equal on this are the same rule set. */
const ruleSetKey = ({ id, openclawVersion, coversVersions, source, ...rules }) => JSON.stringify(rules);

const versions = [...new Set(requestedVersions(process.argv.slice(2)))].sort(compareVersions);
const runs = [];
for (const version of versions) {
  process.stdout.write(`openclaw@${version}: `);
  const catalog = importVersion(version);
  const last = runs[runs.length - 1];
  if (last && ruleSetKey(last.catalogs[0]) === ruleSetKey(catalog)) last.catalogs.push(catalog);
  else runs.push({ catalogs: [catalog] });
  process.stdout.write(`${catalog.rules.length} rules, ${catalog.matching}\n`);
}

for (const name of readdirSync(catalogDir)) if (/^openclaw@.*\.json$/.test(name)) rmSync(join(catalogDir, name));
for (const { catalogs } of runs) {
  const named = catalogs.find((catalog) => ANCHORS.has(catalog.openclawVersion)) ?? catalogs[catalogs.length - 1];
  const output = { ...named, coversVersions: catalogs.map((catalog) => catalog.openclawVersion) };
  writeFileSync(join(catalogDir, `${named.id}.json`), `${JSON.stringify(output, null, 2)}\n`);
  console.log(`${named.id}.json covers ${output.coversVersions.join(", ")}`);
}
