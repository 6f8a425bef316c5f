#!/usr/bin/env node
// Parity sweep: clawdiff's diff + plan against each published OpenClaw
// version's own reloader code, run unmodified under Node 24 (see
// test/parity/README.md).
//
//   node scripts/parity-sweep.mjs [--versions all|<v>,<v>...] [--pairs N]
//        [--repo <worktree>] [--jobs N] [--results <file.md>] [--json <file>]
//        [--examples N] [--allow-disagreement] [--update]
//
// --update keeps the rows of --json for versions this run does not sweep,
// so a rerun of a few versions refreshes the whole results file.
//
// Exit 0 when every compared pair agrees, 1 on a disagreement (unless
// --allow-disagreement), 2 when a version cannot be loaded or downloaded.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cacheDir, ensureNode24, ensurePackage, publishedVersions } from "./parity/cache.mjs";
import { comparePlans, exclusionReason, normalizeOurs, normalizeReal } from "./parity/compare.mjs";
import { catalogPrefixes, generatePairs } from "./parity/pairs.mjs";
import { eraOf, renderResults } from "./parity/results.mjs";
import { stubNamedIn } from "./parity/stub-hooks.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const ownRoot = resolve(here, "..");

function parseArgs(argv) {
  const options = { versions: "all", pairs: 1000, repo: ownRoot, jobs: 2, results: null, json: null, examples: 5, allowDisagreement: false, update: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === "--versions") options.versions = value();
    else if (flag === "--pairs") options.pairs = Number(value());
    else if (flag === "--repo") options.repo = resolve(value());
    else if (flag === "--jobs") options.jobs = Number(value());
    else if (flag === "--results") options.results = resolve(value());
    else if (flag === "--json") options.json = resolve(value());
    else if (flag === "--examples") options.examples = Number(value());
    else if (flag === "--allow-disagreement") options.allowDisagreement = true;
    else if (flag === "--update") options.update = true;
    else throw new Error(`unknown option ${flag}`);
  }
  for (const key of ["pairs", "jobs", "examples"]) if (!Number.isInteger(options[key]) || options[key] < 0) throw new Error(`--${key} expects a whole number`);
  return options;
}

/** clawdiff's side, bundled from `repo`'s sources (so a sweep can test another worktree). */
async function loadClawdiffSide(repo) {
  const { build } = await import("esbuild");
  const outfile = join(repo, ".test-results", "parity", `clawdiff-side-${process.pid}.mjs`);
  const entry = join(ownRoot, "test", "parity", "clawdiff-side.ts");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    banner: { js: 'import { createRequire as __parityRequire } from "node:module"; const require = __parityRequire(import.meta.url);' },
    external: ["ajv", "acorn", "acorn-walk"],
    plugins: [
      {
        name: "clawdiff-under-test",
        setup(context) {
          context.onResolve({ filter: /^\.\.\/\.\.\/src\// }, (args) => (args.importer === entry ? { path: join(repo, args.path.slice("../../".length)).replace(/\.js$/, ".ts") } : undefined));
        },
      },
    ],
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** Runs the oracle for one version over all pairs; resolves with its header and one result per pair. */
function runOracleOnce(node24, packageDir, reloaderFile, pairs, stringStubs) {
  return new Promise((resolvePromise, reject) => {
    const home = mkdtempSync(join(tmpdir(), "clawdiff-parity-home-"));
    const child = spawn(node24, [join(here, "parity", "oracle.mjs"), packageDir, reloaderFile], {
      env: { PATH: process.env.PATH ?? "", HOME: home, TZ: "UTC", LANG: "C", CLAWDIFF_PARITY_STRING_STUBS: JSON.stringify(stringStubs) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let header = null;
    const results = [];
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const record = JSON.parse(line);
      if (record.ready) header = record;
      else results.push(record);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      rmSync(home, { recursive: true, force: true });
      // Old bundles import entry.js, which tries to start the CLI and fails on a chunk the subset leaves out; the pairs are answered by then.
      if (header && results.length === pairs.length) resolvePromise({ header, results, warning: code === 0 ? null : `oracle exited ${code}: ${stderr.trim().split("\n")[0]}` });
      else reject(Object.assign(new Error(`oracle exited ${code} after ${results.length}/${pairs.length} pairs: ${stderr.trim().split("\n").slice(0, 3).join(" | ")}`), { loaded: header !== null, stderr }));
    });
    child.stdin.on("error", () => {});
    child.stdin.end(pairs.map(({ id, before, after, beforeRecords, afterRecords }) => JSON.stringify({ id, before, after, beforeRecords, afterRecords })).join("\n") + "\n");
  });
}

/**
 * Module code that needs a stub value as a string while loading stops the
 * oracle before any pair; it is restarted with that stub handed out as a
 * string (listed in the results), a few times at most.
 */
async function runOracle(node24, packageDir, reloaderFile, pairs) {
  const stringStubs = [];
  for (;;) {
    try {
      return await runOracleOnce(node24, packageDir, reloaderFile, pairs, stringStubs);
    } catch (error) {
      const label = error.loaded === false ? stubNamedIn(error.stderr.split("\n    at ")[0]) : null;
      if (!label || stringStubs.includes(label) || stringStubs.length >= 5) throw error;
      stringStubs.push(label);
    }
  }
}

function tally(counter, key) {
  counter[key] = (counter[key] ?? 0) + 1;
}

/** The oracle on the version's subset; when its modules need more of the dist while loading, on the whole dist. */
async function runOracleOnPackage(version, context) {
  const subset = ensurePackage(version, context.cache);
  try {
    return { ...(await runOracle(context.node24, subset.packageDir, subset.manifest.reloaderFile, context.pairs)), manifest: subset.manifest };
  } catch (error) {
    if (error.loaded !== false || subset.manifest.full) throw error;
    const whole = ensurePackage(version, context.cache, { full: true });
    return { ...(await runOracle(context.node24, whole.packageDir, whole.manifest.reloaderFile, context.pairs)), manifest: whole.manifest };
  }
}

async function sweepVersion(version, context) {
  const started = Date.now();
  const side = context.clawdiff.createClawdiffSide(version, context.repo);
  const { header, results, warning, manifest } = await runOracleOnPackage(version, context);
  const row = { version, era: eraOf(version), catalog: side.catalog, reloader: { file: header.reloaderFile, line: header.applyLine, glue: header.glue, planArguments: header.planArguments, bindings: header.bindings }, loadMs: header.loadMs, wholeDist: manifest.full === true, warning, stringStubs: header.stringStubs, pairs: results.length, excluded: {}, compared: 0, agreeing: 0, pathsSet: 0, pathsOrder: 0, decision: 0, byKind: {}, fields: {}, examples: [] };
  for (const result of results) {
    const pair = context.pairs[result.id];
    const reason = exclusionReason(result, pair, manifest);
    if (reason) {
      tally(row.excluded, reason);
      continue;
    }
    const real = normalizeReal(result);
    let ours;
    let verdict;
    try {
      ours = normalizeOurs(side.answer(pair.before, pair.after, pair.beforeRecords, pair.afterRecords));
      verdict = comparePlans(real, ours);
    } catch (error) {
      ours = { error: `clawdiff threw: ${error?.message ?? error}` };
      verdict = { fields: ["clawdiff threw"], pathsSet: false, pathsOrder: false, decision: false };
    }
    row.compared += 1;
    const kind = (row.byKind[pair.kind] ??= { compared: 0, agreeing: 0 });
    kind.compared += 1;
    if (verdict.pathsSet) row.pathsSet += 1;
    if (verdict.pathsOrder) row.pathsOrder += 1;
    if (verdict.decision) row.decision += 1;
    if (verdict.fields.length === 0) {
      row.agreeing += 1;
      kind.agreeing += 1;
      continue;
    }
    for (const field of verdict.fields) tally(row.fields, field);
    if (row.examples.length < context.examples) row.examples.push({ id: pair.id, kind: pair.kind, label: pair.label, differs: verdict.fields, before: pair.before, after: pair.after, real, clawdiff: ours });
  }
  row.seconds = Math.round((Date.now() - started) / 100) / 10;
  return row;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const cache = cacheDir();
  const versions = options.versions === "all" ? publishedVersions().filter((version) => version !== "0.0.1") : options.versions.split(",").map((v) => v.trim()).filter(Boolean);
  const node24 = ensureNode24(cache);
  const clawdiff = await loadClawdiffSide(options.repo);
  const pairs = generatePairs({ count: options.pairs, prefixes: catalogPrefixes(ownRoot) });
  const context = { cache, node24, clawdiff, repo: options.repo, pairs, examples: options.examples };
  const rows = new Array(versions.length);
  let next = 0;
  const worker = async () => {
    while (next < versions.length) {
      const index = next++;
      const version = versions[index];
      try {
        rows[index] = await sweepVersion(version, context);
      } catch (error) {
        // The cache path is the user's own: results name it <cache>.
        rows[index] = { version, era: eraOf(version), error: String(error?.message ?? error).split("\n")[0].replaceAll(cache, "<cache>") };
      }
      const row = rows[index];
      process.stderr.write(row.error ? `openclaw@${version}: ERROR ${row.error}\n` : `openclaw@${version} (${row.era}): ${row.agreeing}/${row.compared} agree, ${row.pairs - row.compared} excluded, ${row.seconds}s\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, versions.length)) }, worker));
  let earlierSeconds = 0;
  if (options.update) {
    if (!options.json || !existsSync(options.json)) throw new Error("--update needs an existing --json file");
    const earlier = JSON.parse(readFileSync(options.json, "utf8"));
    earlierSeconds = earlier.seconds;
    const kept = earlier.rows.filter((row) => !versions.includes(row.version));
    const order = publishedVersions();
    rows.splice(0, rows.length, ...[...kept, ...rows].sort((a, b) => order.indexOf(a.version) - order.indexOf(b.version)));
  }
  const summary = { generatedAt: new Date().toISOString(), seconds: earlierSeconds + Math.round((Date.now() - started) / 1000), pairsPerVersion: pairs.length, repo: options.repo, rows };
  if (options.json) {
    mkdirSync(dirname(options.json), { recursive: true });
    writeFileSync(options.json, `${JSON.stringify(summary, null, 2)}\n`);
  }
  if (options.results) writeFileSync(options.results, renderResults(summary));
  const failed = rows.filter((row) => row.error);
  const disagreeing = rows.filter((row) => !row.error && row.agreeing < row.compared);
  process.stderr.write(`parity: ${rows.length - failed.length} version(s) swept in ${summary.seconds}s; ${disagreeing.length} with disagreements; ${failed.length} failed\n`);
  process.exitCode = failed.length > 0 ? 2 : disagreeing.length > 0 && !options.allowDisagreement ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`parity sweep: ${error?.message ?? error}\n`);
  process.exitCode = 2;
});
