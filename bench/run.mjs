// `npm run bench`: generate (or reuse) the data, measure cold start and every
// case, judge the issue-10 targets and write bench/RESULTS.md.
// BENCH_QUICK=1 for a smoke run; BENCH_BUDGET_SECONDS to change the time box.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensureCases } from "./generate.mjs";
import { createBudget } from "./lib/budget.mjs";
import { isQuick, listCases } from "./lib/cases.mjs";
import { measureColdStart } from "./lib/cold-start.mjs";
import { measureInstalledPackage } from "./lib/installed-probe.mjs";
import { measureLint } from "./lib/lint-probe.mjs";
import { measureWatch } from "./lib/watch-probe.mjs";
import { describeMachine, loadAverage } from "./lib/machine.mjs";
import { BENCH_DIR, OUTPUT_DIR, REPO_DIR } from "./lib/paths.mjs";
import { renderResults } from "./lib/render-results.mjs";
import { measureCases } from "./lib/run-cases.mjs";
import { judgeTargets } from "./lib/targets.mjs";

const started = performance.now();
const log = (line) => console.log(line);
const budget = createBudget();

if (!existsSync(join(REPO_DIR, "dist", "cli.js"))) {
  console.error("bench: dist/cli.js is missing; run `npm run build` first");
  process.exit(2);
}
mkdirSync(OUTPUT_DIR, { recursive: true });

const loadAtStart = loadAverage();
const cases = listCases();
log(`generating data for ${cases.length} cases (cached in bench/.data/)`);
const data = ensureCases(cases, log);

log(`cold start (${budget.coldStartRuns} interleaved runs)`);
const coldStarts = await measureColdStart(budget.coldStartRuns);
log("lint: one process over 1,000 fixtures vs separate diff processes");
const lint = await measureLint(log);
log("--openclaw <package.tgz>: first run, cached runs and --rules, interleaved");
const installed = await measureInstalledPackage(log, isQuick() ? 2 : 4);
log("watch: write-to-verdict latency over 50 writes, then idle CPU");
const watch = await measureWatch(isQuick() ? 10 : 50);
const caseResults = await measureCases(cases, data, budget, log);

const targets = judgeTargets({ caseResults, coldStarts, lint, installed, watch });
const load = { start: loadAtStart, end: loadAverage() };
const markdown = renderResults({ machine: describeMachine(), load, targets, coldStarts, caseResults, lint, budget, elapsedMs: performance.now() - started, quick: isQuick() });
writeFileSync(join(BENCH_DIR, "RESULTS.md"), markdown);
log(`\n${markdown}`);
log(`wrote bench/RESULTS.md in ${((performance.now() - started) / 1000).toFixed(0)} s`);
