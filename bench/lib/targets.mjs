// Judges each target of issue 10 on this run's numbers: met, or missed and by
// how much, with the measurement that decided it.
import { formatMB, formatMs, formatRatio, ratio, verdictAtMost } from "./format.mjs";
import { growthRows } from "./growth.mjs";
import { PEERS } from "./tools.mjs";

const isOk = (result) => result && !result.failure && !result.skipped;
const worstBy = (items, pick) => items.reduce((worst, item) => (worst === null || pick(item) > pick(worst) ? item : worst), null);

function largestCases(caseResults) {
  const largest = Math.max(...caseResults.map((result) => result.testCase.size));
  return caseResults.filter((result) => result.testCase.size === largest);
}

/** A failed clawdiff run decides a target on its own: it is missed, and why. */
function clawdiffFailures(cases) {
  const failed = cases.filter((result) => !isOk(result.tools.clawdiff));
  return failed.map((result) => `${result.testCase.id}: ${result.tools.clawdiff?.failure ?? "not run"}`);
}

function endToEndVsGateway(largest, sizeNote) {
  const failures = clawdiffFailures(largest);
  const rows = largest
    .filter((result) => isOk(result.tools.clawdiff) && isOk(result.tools.gateway))
    .map((result) => ({ id: result.testCase.id, value: ratio(result.tools.clawdiff.wallMs, result.tools.gateway.wallMs) }));
  const worst = worstBy(rows, (row) => row.value);
  const measured = `worst ${formatRatio(worst?.value)} (${worst?.id ?? "–"}); all: ${rows.map((row) => `${row.id} ${formatRatio(row.value)}`).join(", ")}${sizeNote}`;
  const verdict = failures.length > 0 ? `missed: clawdiff failed on ${failures.join("; ")}` : verdictAtMost(worst?.value, 1.5);
  return { target: "end to end on the largest pair ≤ 1.5x the gateway's own work", measured, verdict };
}

function endToEndVsPeers(largest, sizeNote) {
  const comparisons = [];
  const unmeasured = [];
  for (const result of largest.filter((candidate) => isOk(candidate.tools.clawdiff))) {
    for (const peer of PEERS) {
      const peerResult = result.tools[peer.id];
      if (isOk(peerResult)) comparisons.push({ id: `${peer.id} on ${result.testCase.id}`, value: ratio(result.tools.clawdiff.wallMs, peerResult.wallMs) });
      else if (peerResult?.failure || peerResult?.skipped?.startsWith("failed")) comparisons.push({ id: `${peer.id} on ${result.testCase.id} (peer did not finish: ${peerResult.failure ?? peerResult.skipped})`, value: 0 });
      else unmeasured.push(`${peer.id} on ${result.testCase.id}`);
    }
  }
  const closest = worstBy(comparisons, (row) => row.value);
  const failures = clawdiffFailures(largest);
  const measured = `closest: clawdiff ${formatRatio(closest?.value)} of ${closest?.id ?? "–"}${unmeasured.length ? `; not measured (time budget): ${unmeasured.join(", ")}` : ""}${sizeNote}`;
  let verdict = closest === null ? "not measured" : closest.value < 1 ? "met" : `missed: clawdiff ${formatRatio(closest.value)} the time of ${closest.id}`;
  if (failures.length > 0) verdict = `missed: clawdiff failed on ${failures.join("; ")}`;
  return { target: "end to end on the largest pair faster than every general-purpose peer", measured, verdict };
}

function linearGrowth(caseResults, fixedCost) {
  const rows = growthRows(caseResults, fixedCost);
  const worstTime = worstBy(rows.filter((row) => row.clawdiffTime !== null), (row) => row.clawdiffTime);
  const worstRss = worstBy(rows.filter((row) => row.clawdiffRss !== null), (row) => row.clawdiffRss);
  const describe = (row, value) => (row ? `${value.toFixed(1)}x per 10x (${row.series}, ${row.fromSize}→${row.toSize} agents)` : "–");
  const worst = Math.max(worstTime?.clawdiffTime ?? 0, worstRss?.clawdiffRss ?? 0) || null;
  return {
    target: "10x more input costs at most 11x more time and memory",
    measured: `worst time ${describe(worstTime, worstTime?.clawdiffTime)}; worst memory ${describe(worstRss, worstRss?.clawdiffRss)} (start-up cost subtracted)`,
    verdict: verdictAtMost(worst, 11),
  };
}

function strictJsonFastPath(largest) {
  const jsonCase = largest.find((result) => result.testCase.edit === "one-leaf" && result.testCase.format === "json");
  const json5Case = largest.find((result) => result.testCase.edit === "one-leaf" && result.testCase.format === "json5");
  const overFloor = jsonCase && isOk(jsonCase.tools.clawdiff) && isOk(jsonCase.tools.floor) ? ratio(jsonCase.tools.clawdiff.wallMs, jsonCase.tools.floor.wallMs) : null;
  const jsonVsJson5 = jsonCase && json5Case && isOk(jsonCase.tools.clawdiff) && isOk(json5Case.tools.clawdiff) ? ratio(jsonCase.tools.clawdiff.wallMs, json5Case.tools.clawdiff.wallMs) : null;
  return {
    target: "strict JSON takes the JSON.parse fast path; only changed leaves pay for source locations",
    measured: `clawdiff on ${jsonCase?.testCase.id ?? "–"} = ${formatRatio(overFloor)} the strict-JSON floor (JSON.parse + walk); same config as JSON takes ${formatRatio(jsonVsJson5)} the JSON5 time (judged: ≤ 1.5x the floor, since an eager location pass or json5 parse would show here)`,
    verdict: verdictAtMost(overFloor, 1.5),
  };
}

function coldStart(coldStarts) {
  const node = coldStarts.find((entry) => entry.id === "node");
  return coldStarts
    .filter((entry) => entry.id !== "node")
    .map((entry) => {
      const value = entry.failure ? null : ratio(entry.wallMs, node.wallMs);
      return {
        target: `cold start of \`${entry.label}\` ≤ 2.5x \`node -e 0\``,
        measured: entry.failure ? `failed: ${entry.failure}` : `${formatRatio(value)} (${Math.round(entry.wallMs)} ms vs ${Math.round(node.wallMs)} ms)`,
        verdict: entry.failure ? "missed: command failed" : verdictAtMost(value, 2.5),
      };
    });
}

function lintSpeed(lint) {
  const target = "`clawdiff lint` over 1,000 small fixtures ≥ 20x faster than 1,000 `clawdiff diff` processes";
  if (lint.skipped) return { target, measured: lint.skipped, verdict: "not yet measurable" };
  if (lint.failure) return { target, measured: `failed: ${lint.failure}`, verdict: "missed: lint run failed" };
  const processesMs = lint.diffEachMs * lint.fixtures;
  const speedup = ratio(processesMs, lint.lintMs);
  return {
    target,
    measured: `${formatRatio(speedup)} faster: one lint process ${formatMs(lint.lintMs)} vs ${lint.fixtures} × ${formatMs(lint.diffEachMs)} (median of ${lint.diffSample} diff processes, scaled to ${lint.fixtures})`,
    verdict: speedup == null ? "not measured" : speedup >= 20 ? "met" : `missed: ${formatRatio(speedup)} of the 20x`,
  };
}

function peakRss(largest, sizeNote) {
  const failures = clawdiffFailures(largest);
  const rows = largest
    .filter((result) => isOk(result.tools.clawdiff))
    .map((result) => ({ id: result.testCase.id, bytes: result.pairBytes, value: ratio(result.tools.clawdiff.peakRssKb * 1024, result.pairBytes) }));
  const worst = worstBy(rows, (row) => row.value);
  return {
    target: "peak RSS on the largest pair ≤ 6x the input size (both files)",
    measured: `worst ${formatRatio(worst?.value)} of ${formatMB(worst?.bytes)} (${worst?.id ?? "–"}); all: ${rows.map((row) => `${row.id} ${formatRatio(row.value)}`).join(", ")}${sizeNote}`,
    verdict: failures.length > 0 ? `missed: clawdiff failed on ${failures.join("; ")}` : verdictAtMost(worst?.value, 6),
  };
}

/**
 * Why a target is missed, where the cause is known from profiling (see
 * RESULTS.md); shown only next to a missed verdict, so a fix that meets the
 * target retires its explanation.
 */
const KNOWN_CAUSES = {
  strictJson:
    "The JSON.parse path is taken (see the gateway ratio); the rest is work the floor skips, each part linear: a second walk of the authored view for ${VAR}-only changes, env substitution and the semantic view over the whole tree, a depth check over the whole tree, a deep comparison of each file's parsed content to spot format-only edits, and the location scan for the reported paths (which skips containers no reported path enters).",
  smallDiff:
    "A small diff pays for compiling the bundle (ajv and acorn are left out and load on first use, and bundled catalogs are not schema-checked at run time). Remedy: node ≥ 22's compile cache.",
  peakRss:
    "On the half and reorder pairs the whole 50,000-agent agents.list is one changed value. The JSON report now carries it once per side (provenance no longer repeats it, and redaction copies only what it redacts), but JSON.stringify still builds the report as one string of ~2x the changed data, and each side keeps its parsed text plus the views the evaluator compares (shared where unchanged). One-leaf pairs stay within the bound. Remedy: stream the JSON report.",
  linear:
    "Work counts grow linearly (test/unit/linear-growth.test.ts). Wall time and RSS here come from 1–2 runs while other processes shared the machine (see Load), and at 50,000 agents the reorder and half pairs are dominated by the JSON report's whole-array copies and one ~250 MB output string, whose GC cost grows faster than the input (see the RSS target).",
  peersUnmeasured: "Peers run after the core tools, as far as the time budget reaches; on a loaded machine it did not reach them.",
  peersSlower:
    "On a pair whose arrays are equal, jsondiffpatch does little beyond JSON.parse of both sides (it trims equal array items by id). clawdiff does that too, plus the per-run work listed under the strict-JSON target (~1 s at 50,000 agents); removing the repeated whole-tree passes (authored walk, depth check, format-only comparison) would close the gap. Where arrays change (reorder), jsondiffpatch runs out of memory and json-diff times out.",
};

KNOWN_CAUSES.firstImport =
  "The first run must read the package: the 2026.9.x tarball is 18 MB of gzip holding 7,300 dist chunks (about 330 MB), and the importer scans each for reload declarations. Gunzip and decoding dominate; later runs read the catalog from the cache instead.";

const withCause = (result, cause) => (result.verdict === "met" ? result : { ...result, why: cause });

/** `--openclaw <tgz>`: the first run at most 3x a `--rules` run, cached runs at most 1.2x. */
function installedPackage(installed) {
  const targets = [
    { id: "first", target: "`--openclaw <package.tgz>` first run ≤ 3x a `--rules` run", bound: 3 },
    { id: "cached", target: "`--openclaw <package.tgz>` later (cached) runs ≤ 1.2x a `--rules` run", bound: 1.2 },
  ];
  return targets.map(({ id, target, bound }) => {
    if (installed.skipped) return { target, measured: installed.skipped, verdict: "not measured" };
    if (installed.failure) return { target, measured: `failed: ${installed.failure}`, verdict: "missed: run failed" };
    const value = ratio(installed[id].wallMs, installed.rules.wallMs);
    const measured = `${formatRatio(value)} (${formatMs(installed[id].wallMs)} vs ${formatMs(installed.rules.wallMs)}, openclaw@${installed.version}, median of ${installed[id].runs})`;
    return { target, measured, verdict: verdictAtMost(value, bound) };
  });
}

/** `watch`: a settled write reported within the debounce plus 50 ms (median), and no CPU while idle. */
function watchTargets(watch) {
  const latency = "`watch` reports a settled write within the debounce + 50 ms (median)";
  const idle = "an idle `watch` uses no CPU (≤ 1% of one core)";
  if (watch.failure) return [latency, idle].map((target) => ({ target, measured: `failed: ${watch.failure}`, verdict: "missed: run failed" }));
  const idleShare = watch.idleCpuMs / watch.idleMs;
  return [
    {
      target: latency,
      measured: `median ${formatMs(watch.medianMs)}, worst ${formatMs(watch.worstMs)} over ${watch.writes} writes (debounce ${watch.debounceMs} ms)`,
      verdict: verdictAtMost(watch.medianMs, watch.debounceMs + 50),
    },
    { target: idle, measured: `${formatMs(watch.idleCpuMs)} CPU over ${formatMs(watch.idleMs)} idle (${(100 * idleShare).toFixed(2)}%)`, verdict: verdictAtMost(idleShare, 0.01) },
  ];
}

export function judgeTargets({ caseResults, coldStarts, lint, installed, watch }) {
  const largest = largestCases(caseResults);
  const largestBytes = Math.max(...largest.map((result) => result.pairBytes));
  const sizeNote = largestBytes < 50e6 ? ` — largest pair here is only ${formatMB(largestBytes)} (quick mode?)` : "";
  const fixedCost = coldStarts.find((entry) => entry.id === "version");
  return [
    endToEndVsGateway(largest, sizeNote),
    ((result) => withCause(result, result.verdict === "not measured" ? KNOWN_CAUSES.peersUnmeasured : KNOWN_CAUSES.peersSlower))(endToEndVsPeers(largest, sizeNote)),
    withCause(linearGrowth(caseResults, fixedCost), KNOWN_CAUSES.linear),
    withCause(strictJsonFastPath(largest), KNOWN_CAUSES.strictJson),
    ...coldStart(coldStarts).map((result) => (result.target.includes("diff") ? withCause(result, KNOWN_CAUSES.smallDiff) : result)),
    lintSpeed(lint),
    withCause(peakRss(largest, sizeNote), KNOWN_CAUSES.peakRss),
    ...watchTargets(watch),
    ...installedPackage(installed).map((result) => (result.target.includes("first") ? withCause(result, KNOWN_CAUSES.firstImport) : result)),
  ];
}
