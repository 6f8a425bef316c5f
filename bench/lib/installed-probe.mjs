// `--openclaw <package.tgz>`: what a user who points clawdiff at the package
// they run pays. The first run imports the package (every dist chunk); later
// runs reuse the catalog cached in the user's cache dir. Both are compared
// with `--rules` on the same pair, interleaved run by run.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { measureNode } from "./measure.mjs";
import { CLAWDIFF_BIN, DATA_DIR, REPO_DIR } from "./paths.mjs";
import { median } from "./stats.mjs";

const VERSION = "2026.9.6";
const PAIR = join(REPO_DIR, "examples", "agents-create");

function ensureTarball(log) {
  const dir = join(DATA_DIR, "openclaw-package");
  const existing = existsSync(dir) && readdirSync(dir).find((name) => name.endsWith(".tgz"));
  if (existing) return join(dir, existing);
  mkdirSync(dir, { recursive: true });
  log(`  npm pack openclaw@${VERSION} (once; cached in bench/.data/)`);
  execFileSync("npm", ["pack", `openclaw@${VERSION}`, "--silent"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  return join(dir, readdirSync(dir).find((name) => name.endsWith(".tgz")));
}

export async function measureInstalledPackage(log, rounds) {
  let tarball;
  try {
    tarball = ensureTarball(log);
  } catch (error) {
    return { skipped: `could not fetch openclaw@${VERSION}: ${error.message.split("\n")[0]}` };
  }
  const diff = (...extra) => [CLAWDIFF_BIN, "diff", join(PAIR, "before"), join(PAIR, "after"), "--no-process-env", ...extra];
  const options = (env) => ({ okExitCodes: [0, 1, 3], timeoutMs: 600_000, env });
  const samples = { first: [], cached: [], rules: [] };
  const warmCache = mkdtempSync(join(tmpdir(), "clawdiff-bench-cache-"));
  try {
    for (let round = 0; round < rounds; round += 1) {
      const coldCache = mkdtempSync(join(tmpdir(), "clawdiff-bench-cache-"));
      const runs = [
        ["first", diff("--openclaw", tarball), { CLAWDIFF_CACHE_DIR: coldCache }],
        ["cached", diff("--openclaw", tarball), { CLAWDIFF_CACHE_DIR: warmCache }],
        ["rules", diff("--rules", `openclaw@${VERSION}`), {}],
      ];
      for (const [id, args, env] of runs) {
        const run = await measureNode(args, options(env));
        if (!run.ok) return { failure: `${id}: ${run.failure}` };
        // The first round fills the warm cache; only hits count as cached runs.
        if (!(id === "cached" && round === 0)) samples[id].push(run);
      }
      rmSync(coldCache, { recursive: true, force: true });
    }
  } finally {
    rmSync(warmCache, { recursive: true, force: true });
  }
  const summary = (runs) => ({ runs: runs.length, wallMs: median(runs.map((run) => run.wallMs)), peakRssKb: median(runs.map((run) => run.peakRssKb)) });
  return { version: VERSION, first: summary(samples.first), cached: summary(samples.cached), rules: summary(samples.rules) };
}
