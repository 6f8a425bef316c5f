// Measures every case: the core tools first (small to large), so the targets
// always get their numbers, then the peers as far as the budget reaches.
import { CORE_RESERVE_MS, PEER_RESERVE_MS } from "./budget.mjs";
import { sampleTool } from "./sample.mjs";
import { PEERS, TOOLS } from "./tools.mjs";

const CORE_TIMEOUT_MS = 180_000;
/** A peer this many times slower than clawdiff on the same case has lost the race; stop it rather than burn the budget. */
const PEER_TIMEOUT_FACTOR = 2;
const PEER_TIMEOUT_MS = { min: 5_000, max: 120_000 };
/** The pairs the "faster than every peer" target is judged on get the peers first; the rest follow, small to large, as time allows. */
const PEER_FIRST_SERIES = new Set(["one-leaf-json", "array-reorder-json"]);

const seriesOf = (testCase) => `${testCase.edit}-${testCase.format}`;
const formatSeconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function describeOutcome(tool, result) {
  if (result.skipped) return `skipped (${result.skipped})`;
  if (result.failure) return `FAILED (${result.failure})`;
  return `${formatSeconds(result.wallMs)} × ${result.runs}, ${Math.round(result.peakRssKb / 1024)} MB`;
}

/** Why a peer should not run on this case, or null. */
function peerSkipReason(peer, testCase, caseResult, failedSeries, budget) {
  const failedAt = failedSeries.get(`${peer.id}:${seriesOf(testCase)}`);
  if (failedAt !== undefined && failedAt <= testCase.size) return `failed at ${failedAt} agents`;
  const expectedMs = caseResult.tools.floor?.wallMs ?? caseResult.tools.gateway?.wallMs ?? 0; // at least what parsing both sides costs
  if (budget.remainingMs() < PEER_RESERVE_MS + expectedMs) return "time budget";
  return null;
}

function peerTimeoutMs(caseResult, budget) {
  const clawdiffMs = caseResult.tools.clawdiff?.wallMs ?? caseResult.tools.gateway?.wallMs ?? PEER_TIMEOUT_MS.min;
  const wanted = Math.min(PEER_TIMEOUT_MS.max, Math.max(PEER_TIMEOUT_MS.min, PEER_TIMEOUT_FACTOR * clawdiffMs));
  return Math.max(1_000, Math.min(wanted, budget.remainingMs() - PEER_RESERVE_MS));
}

export async function measureCases(cases, data, budget, log) {
  const ordered = [...cases].sort((a, b) => a.size - b.size);
  const results = new Map(ordered.map((testCase) => [testCase.id, { testCase, pairBytes: data[testCase.id].pairBytes, tools: {} }]));
  const record = (testCase, tool, result) => {
    results.get(testCase.id).tools[tool.id] = result;
    log(`  ${testCase.id.padEnd(30)} ${tool.id.padEnd(14)} ${describeOutcome(tool, result)}`);
  };

  log("core tools (clawdiff, gateway baseline, strict-JSON floor):");
  for (const testCase of ordered) {
    for (const tool of TOOLS.filter((candidate) => candidate.core && (candidate.appliesTo?.(testCase) ?? true))) {
      const plan = { maxRuns: budget.maxRunsFor(testCase.size), capMs: budget.capMs, timeoutMs: CORE_TIMEOUT_MS, budget, reserveMs: CORE_RESERVE_MS };
      record(testCase, tool, await sampleTool(tool, testCase, data[testCase.id].dirs, plan));
    }
  }

  log(`peers (stopped after ${PEER_TIMEOUT_FACTOR}x clawdiff's time, at least ${PEER_TIMEOUT_MS.min / 1000} s):`);
  const failedSeries = new Map(); // "peer:series" → smallest size it failed at
  const largest = Math.max(...ordered.map((testCase) => testCase.size));
  const judged = (testCase) => testCase.size === largest && PEER_FIRST_SERIES.has(seriesOf(testCase));
  for (const testCase of [...ordered.filter(judged), ...ordered.filter((candidate) => !judged(candidate))]) {
    const caseResult = results.get(testCase.id);
    for (const peer of PEERS) {
      const skipped = peerSkipReason(peer, testCase, caseResult, failedSeries, budget);
      if (skipped) {
        record(testCase, peer, { skipped });
        continue;
      }
      const plan = { maxRuns: budget.maxRunsFor(testCase.size), capMs: budget.capMs, timeoutMs: peerTimeoutMs(caseResult, budget), budget, reserveMs: PEER_RESERVE_MS };
      const result = await sampleTool(peer, testCase, data[testCase.id].dirs, plan);
      const seriesKey = `${peer.id}:${seriesOf(testCase)}`;
      if (result.failure) failedSeries.set(seriesKey, Math.min(testCase.size, failedSeries.get(seriesKey) ?? Infinity));
      record(testCase, peer, result);
    }
  }
  return [...results.values()];
}
