// Generates the before/after state directories under bench/.data/ and keeps
// them between runs: a case is rebuilt only when its files are missing or the
// generator's own source changed (its hash is stored in the manifest).
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listCases } from "./lib/cases.mjs";
import { buildConfig } from "./lib/config-model.mjs";
import { EDITS } from "./lib/edits.mjs";
import { toJson5 } from "./lib/json5-writer.mjs";
import { BENCH_DIR, DATA_DIR, caseDirs } from "./lib/paths.mjs";
import { createRng } from "./lib/prng.mjs";

const MANIFEST = join(DATA_DIR, "manifest.json");
const CONFIG_NAME = "openclaw.json";
const INCLUDED_NAME = "agents.json5";
/** Whatever shapes the bytes of the data; editing any of these invalidates the cache. */
const GENERATOR_SOURCES = ["generate.mjs", "lib/prng.mjs", "lib/config-model.mjs", "lib/edits.mjs", "lib/json5-writer.mjs"];

function generatorHash() {
  const hash = createHash("sha256");
  for (const file of GENERATOR_SOURCES) hash.update(readFileSync(join(BENCH_DIR, file)));
  return hash.digest("hex").slice(0, 16);
}

const seedFor = (label) => createHash("sha256").update(label).digest().readUInt32LE(0);

/** The files of one state directory, as name → text, in the case's format. */
function renderStateFiles(config, format, label) {
  if (format === "json") return { [CONFIG_NAME]: `${JSON.stringify(config, null, 2)}\n` };
  if (format === "json5") return { [CONFIG_NAME]: toJson5(config, label) };
  const { agents, ...rest } = config;
  return {
    [CONFIG_NAME]: toJson5({ ...rest, agents: { $include: `./${INCLUDED_NAME}` } }, label),
    [INCLUDED_NAME]: toJson5(agents, `${label}: agents`),
  };
}

function writeStateDir(dir, files) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/** Hard-links the shared "before" files so 50 MB bases are stored once per format. */
function linkStateDir(sourceDir, dir, names) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of names) linkSync(join(sourceDir, name), join(dir, name));
}

const pairBytes = (dirs, names) => names.reduce((sum, name) => sum + statSync(join(dirs.before, name)).size + statSync(join(dirs.after, name)).size, 0);

function readManifest(hash) {
  if (!existsSync(MANIFEST)) return { generatorHash: hash, cases: {} };
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
  if (manifest.generatorHash === hash) return manifest;
  rmSync(DATA_DIR, { recursive: true, force: true }); // stale data from an older generator
  return { generatorHash: hash, cases: {} };
}

const isPresent = (entry, id) => entry && entry.files.every((name) => ["before", "after"].every((side) => existsSync(join(caseDirs(id)[side], name))));

/** Makes sure every case's state dirs exist; returns { id → { dirs, pairBytes, files } }. */
export function ensureCases(cases, log = () => {}) {
  const manifest = readManifest(generatorHash());
  const missing = cases.filter((testCase) => !isPresent(manifest.cases[testCase.id], testCase.id));
  for (const size of new Set(missing.map((testCase) => testCase.size))) {
    const started = performance.now();
    const beforeConfig = buildConfig(size, createRng(seedFor(`config:${size}`)));
    const beforeJson = JSON.stringify(beforeConfig);
    const basesWritten = new Map(); // format → dir of its before files
    for (const testCase of missing.filter((candidate) => candidate.size === size)) {
      const dirs = caseDirs(testCase.id);
      const label = `clawdiff bench: ${size} agents, ${testCase.format}`;
      const beforeFiles = renderStateFiles(beforeConfig, testCase.format, label);
      const names = Object.keys(beforeFiles);
      if (basesWritten.has(testCase.format)) linkStateDir(basesWritten.get(testCase.format), dirs.before, names);
      else {
        writeStateDir(dirs.before, beforeFiles);
        basesWritten.set(testCase.format, dirs.before);
      }
      const afterConfig = JSON.parse(beforeJson); // a deep copy, cheaper than structuredClone at 50 MB
      EDITS[testCase.edit].apply(afterConfig, createRng(seedFor(`edit:${testCase.id}`)));
      writeStateDir(dirs.after, renderStateFiles(afterConfig, testCase.format, label));
      manifest.cases[testCase.id] = { files: names, pairBytes: pairBytes(dirs, names) };
    }
    log(`generated ${size}-agent cases in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    writeFileSync(MANIFEST, JSON.stringify(manifest, null, 2));
  }
  return Object.fromEntries(cases.map((testCase) => [testCase.id, { ...manifest.cases[testCase.id], dirs: caseDirs(testCase.id) }]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = ensureCases(listCases(), (line) => console.log(line));
  for (const [id, { pairBytes: bytes }] of Object.entries(cases)) console.log(`${id.padEnd(32)} ${(bytes / 1e6).toFixed(2)} MB pair`);
}
