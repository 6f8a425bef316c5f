// The lint target: one `clawdiff lint` over 1,000 fixtures against 1,000
// separate `clawdiff diff` processes. Spawning all 1,000 would cost minutes
// of the budget, so a sample of them is timed and scaled to 1,000.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ensureLintFixtures, LINT_DIR, LINT_FIXTURE_COUNT } from "./lint-fixtures.mjs";
import { measureNode } from "./measure.mjs";
import { CLAWDIFF_BIN } from "./paths.mjs";
import { median } from "./stats.mjs";

const DIFF_SAMPLE = 25;
const LINT_RUNS = 3;

export function hasLintCommand() {
  try {
    const help = execFileSync(process.execPath, [CLAWDIFF_BIN, "--help"], { encoding: "utf8" });
    return /^\s+lint\b/m.test(help);
  } catch {
    return false;
  }
}

/** Resolves { lintMs, diffEachMs, diffSample, fixtures } or { skipped } / { failure }. */
export async function measureLint(log = () => {}) {
  if (!hasLintCommand()) return { skipped: "`clawdiff lint` does not exist yet" };
  const dirs = ensureLintFixtures();
  const lintRuns = [];
  for (let run = 0; run < LINT_RUNS; run += 1) {
    // Exit 1 would mean a fixture failed its expectations; these have none, so anything but 0 is a failure.
    const result = await measureNode([CLAWDIFF_BIN, "lint", LINT_DIR], { timeoutMs: 300_000, okExitCodes: [0] });
    if (!result.ok) return { failure: `clawdiff lint: ${result.failure}` };
    lintRuns.push(result.wallMs);
  }
  const diffRuns = [];
  // Spread over the whole set, so the sample is not the first few fixtures only.
  for (let index = 0; index < DIFF_SAMPLE; index += 1) {
    const dir = dirs[Math.floor((index * dirs.length) / DIFF_SAMPLE)];
    const result = await measureNode([CLAWDIFF_BIN, "diff", join(dir, "before.json"), join(dir, "after.json")], { timeoutMs: 30_000, okExitCodes: [0, 1, 3] });
    if (!result.ok) return { failure: `clawdiff diff on ${dir}: ${result.failure}` };
    diffRuns.push(result.wallMs);
  }
  const lintMs = median(lintRuns);
  const diffEachMs = median(diffRuns);
  log(`  lint over ${LINT_FIXTURE_COUNT} fixtures ${(lintMs / 1000).toFixed(1)} s; one diff process ${Math.round(diffEachMs)} ms (median of ${DIFF_SAMPLE})`);
  return { lintMs, lintRuns: LINT_RUNS, diffEachMs, diffSample: DIFF_SAMPLE, fixtures: LINT_FIXTURE_COUNT };
}
