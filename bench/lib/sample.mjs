// Repeats one measurement and keeps medians. The first run decides how many
// more fit in the per-measurement cap, so a 12 s json5 parse of the 50 MB
// pair gets two runs while a 50 ms run of a small case gets the full count.
import { join } from "node:path";
import { digestPaths } from "./path-digest.mjs";
import { OUTPUT_DIR } from "./paths.mjs";
import { measureNode } from "./measure.mjs";
import { readChangedPaths } from "./report-paths.mjs";
import { median } from "./stats.mjs";

/** What the tool answered: workers print it; clawdiff's is read back from its report. */
function readAnswer(tool, run, reportFile) {
  if (!tool.writesReport) return JSON.parse(run.stdout.trim().split("\n").pop());
  const paths = readChangedPaths(reportFile);
  return { exitCode: run.exitCode, ...(paths ? digestPaths(paths) : {}) };
}

const medianOf = (samples, pick) => (samples.every((sample) => typeof pick(sample) === "number") ? median(samples.map(pick)) : null);

/**
 * plan: { maxRuns, capMs, timeoutMs, budget, reserveMs }. Resolves
 * { runs, wallMs, peakRssKb, parseMs, diffMs, answer } or { runs, failure }.
 */
export async function sampleTool(tool, testCase, dirs, plan) {
  const reportFile = tool.writesReport ? join(OUTPUT_DIR, `${testCase.id}.json`) : undefined;
  const measureOnce = () => measureNode(tool.args(dirs), { timeoutMs: plan.timeoutMs, okExitCodes: tool.okExitCodes, stdoutFile: reportFile });
  const first = await measureOnce();
  if (!first.ok) return { runs: 1, failure: first.failure, wallMs: first.wallMs, peakRssKb: first.peakRssKb };
  const answer = readAnswer(tool, first, reportFile);
  const wanted = Math.max(1, Math.min(plan.maxRuns, Math.floor(plan.capMs / first.wallMs)));
  const samples = [{ run: first, answer }];
  while (samples.length < wanted && plan.budget.remainingMs() > plan.reserveMs + first.wallMs) {
    const run = await measureOnce();
    if (!run.ok) return { runs: samples.length + 1, failure: `flaky: ${run.failure}` };
    samples.push({ run, answer: tool.writesReport ? answer : readAnswer(tool, run) });
  }
  return {
    runs: samples.length,
    wallMs: medianOf(samples, (sample) => sample.run.wallMs),
    peakRssKb: medianOf(samples, (sample) => sample.run.peakRssKb),
    parseMs: medianOf(samples, (sample) => sample.answer.parseMs),
    diffMs: medianOf(samples, (sample) => sample.answer.diffMs),
    answer,
  };
}
