// Renders one run as Markdown: printed to the console and written to
// bench/RESULTS.md. Ratios first, absolute numbers beside them.
import { FORMATS } from "./cases.mjs";
import { EDITS } from "./edits.mjs";
import { formatMB, formatMs, formatRatio, formatRssMB, ratio } from "./format.mjs";
import { growthRows } from "./growth.mjs";
import { RSS_SOURCE } from "./measure.mjs";
import { CATALOG, PEERS, TOOLS } from "./tools.mjs";

const isOk = (result) => result && !result.failure && !result.skipped;

function table(headers, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

/** A tool's time as a cell: the median with its run count, or why there is none. */
function timeCell(result) {
  if (!result) return "–";
  if (result.skipped) return `skipped: ${result.skipped}`;
  if (result.failure) return `**failed**: ${result.failure}`;
  return `${formatMs(result.wallMs)} (×${result.runs})`;
}

const timeRatio = (result, other) => (isOk(result) && isOk(other) ? formatRatio(ratio(result.wallMs, other.wallMs)) : "–");

/** Whether clawdiff reported the same changed paths, in the same order, as the baseline walk. */
function answerCell({ clawdiff, gateway }) {
  if (!isOk(clawdiff) || !isOk(gateway) || !clawdiff.answer.pathsDigest) return "–";
  if (clawdiff.answer.pathsDigest === gateway.answer.pathsDigest) return "same";
  return `**differs** (clawdiff ${clawdiff.answer.changedPathCount}, baseline ${gateway.answer.changedPathCount} paths)`;
}

function coreTable(caseResults) {
  const rows = caseResults.map(({ testCase, pairBytes, tools }) => [
    testCase.id,
    formatMB(pairBytes),
    isOk(tools.gateway) ? String(tools.gateway.answer.changedPathCount) : "–",
    timeCell(tools.clawdiff),
    isOk(tools.clawdiff) ? formatRssMB(tools.clawdiff.peakRssKb) : "–",
    isOk(tools.clawdiff) ? formatRatio(ratio(tools.clawdiff.peakRssKb * 1024, pairBytes)) : "–",
    timeCell(tools.gateway),
    timeRatio(tools.clawdiff, tools.gateway),
    timeCell(tools.floor),
    timeRatio(tools.clawdiff, tools.floor),
    answerCell(tools),
  ]);
  return table(["case", "input (pair)", "changed paths", "clawdiff", "clawdiff RSS", "RSS / input", "gateway", "clawdiff / gateway", "floor", "clawdiff / floor", "paths vs baseline"], rows);
}

function peerTable(caseResults) {
  const rows = caseResults.map(({ testCase, tools }) => [
    testCase.id,
    timeCell(tools.clawdiff),
    ...PEERS.flatMap((peer) => [timeCell(tools[peer.id]), timeRatio(tools.clawdiff, tools[peer.id]), isOk(tools[peer.id]) ? formatRssMB(tools[peer.id].peakRssKb) : "–"]),
  ]);
  return table(["case", "clawdiff", ...PEERS.flatMap((peer) => [peer.id, `clawdiff / ${peer.id}`, `${peer.id} RSS`])], rows);
}

function phaseTable(caseResults) {
  const largest = Math.max(...caseResults.map((result) => result.testCase.size));
  const phases = (result) => (isOk(result) ? [formatMs(result.parseMs), formatMs(result.diffMs)] : ["–", "–"]);
  const rows = caseResults
    .filter((result) => result.testCase.size === largest)
    .map(({ testCase, tools }) => [testCase.id, ...phases(tools.gateway), ...phases(tools.floor), ...PEERS.flatMap((peer) => phases(tools[peer.id]))]);
  const headers = ["case", "gateway parse", "gateway walk", "floor parse", "floor walk", ...PEERS.flatMap((peer) => [`${peer.id} parse`, `${peer.id} diff`])];
  return table(headers, rows);
}

function growthTable(caseResults, fixedCost) {
  const cell = (value) => (value == null ? "–" : `${value.toFixed(1)}x`);
  const rows = growthRows(caseResults, fixedCost).map((row) => [
    row.series,
    `${row.fromSize} → ${row.toSize}`,
    `${row.inputFactor.toFixed(1)}x`,
    cell(row.clawdiffTime),
    cell(row.clawdiffRss),
    cell(row.gatewayTime),
  ]);
  return table(["series", "agents", "input grows", "clawdiff time per 10x", "clawdiff RSS per 10x", "gateway time per 10x"], rows);
}

function failureList(caseResults, coldStarts) {
  const lines = [];
  for (const entry of coldStarts.filter((candidate) => candidate.failure)) lines.push(`- cold start \`${entry.label}\`: ${entry.failure}`);
  for (const { testCase, tools } of caseResults) {
    for (const tool of TOOLS) {
      if (tools[tool.id]?.failure) lines.push(`- ${tool.id} on ${testCase.id}: ${tools[tool.id].failure}`);
    }
    const answer = answerCell(tools);
    if (answer.startsWith("**differs")) lines.push(`- clawdiff on ${testCase.id}: changed paths differ from the baseline walk: ${answer.replace(/\*\*/g, "")}`);
  }
  return lines.length > 0 ? lines.join("\n") : "- none";
}

function lintSection(lint) {
  if (lint.skipped || lint.failure) return `- ${lint.skipped ?? lint.failure}`;
  return table(
    ["command", "median wall", "runs"],
    [
      [`\`clawdiff lint\` over ${lint.fixtures} fixture pairs (one process)`, formatMs(lint.lintMs), String(lint.lintRuns)],
      ["one `clawdiff diff` process on a fixture pair", formatMs(lint.diffEachMs), `${lint.diffSample} (fixtures spread over the set)`],
      [`${lint.fixtures} \`clawdiff diff\` processes (scaled)`, formatMs(lint.diffEachMs * lint.fixtures), "–"],
    ],
  );
}

export function renderResults({ machine, load, targets, coldStarts, caseResults, lint, budget, elapsedMs, quick }) {
  const fixedCost = coldStarts.find((entry) => entry.id === "version");
  const node = coldStarts.find((entry) => entry.id === "node");
  const coldRows = coldStarts.map((entry) => [
    `\`${entry.label}\``,
    entry.failure ? `**failed**: ${entry.failure}` : `${formatMs(entry.wallMs)} (×${entry.runs})`,
    entry.failure ? "–" : formatRatio(ratio(entry.wallMs, node.wallMs)),
    entry.failure ? "–" : formatRssMB(entry.peakRssKb),
  ]);
  return `# clawdiff benchmark results

Generated by \`npm run bench\`${quick ? " in quick mode (BENCH_QUICK=1: no 50,000-agent size, fewer runs)" : ""} on ${new Date().toISOString().slice(0, 10)}; the whole run took ${(elapsedMs / 1000).toFixed(0)} s (budget ${budget.totalSeconds} s).

**Machine:** ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, node ${machine.node}, ${machine.os}.

**Load:** 1-minute load average ${load.start.toFixed(2)} at the start and ${load.end.toFixed(2)} at the end (${machine.cores} cores). Above ${machine.cores}, other processes shared the CPUs and stretched wall times; every ratio compares tools measured in the same run, interleaved or back to back.

## Targets (issue 10)

${table(["target", "measured", "verdict", "why, when missed"], targets.map((target) => [target.target, target.measured, `**${target.verdict}**`, target.why ?? ""]))}

## Cold start

${table(["command", "median wall", "vs node -e 0", "peak RSS"], coldRows)}

## clawdiff against the gateway's own work

Medians over (×N) runs. *gateway* = child process that json5-parses both sides (resolving \`$include\`) and walks them with diffConfigPaths semantics: what the gateway does on every change anyway. *floor* = the same with native \`JSON.parse\`, the least any tool can do on strict JSON (run on JSON cases only). *RSS / input* = clawdiff's peak RSS over the bytes of both files. *paths vs baseline* compares clawdiff's \`changedPaths\` with the baseline walk's.

${coreTable(caseResults)}

## General-purpose peers

Both parse like clawdiff and the floor (\`JSON.parse\`, json5 only for JSON5 text), so they race clawdiff on diffing, not on the json5 parser. Peers run on the largest one-leaf and reorder JSON pairs first (the pairs the target is judged on), then on the other cases from small to large as the time budget allows. A peer is stopped once it takes 2x clawdiff's time on the same case (at least 5 s): it has lost the race by then. After a failure it is not run again on that size or larger ones of the same series.

${peerTable(caseResults)}

## Growth per 10x input

Per-10x factor between neighbouring sizes of a series, from input bytes and a power-law fit (10x = linear, 100x = quadratic). clawdiff's fixed start-up (\`clawdiff --version\`: ${formatMs(fixedCost?.wallMs)}, ${formatRssMB(fixedCost?.peakRssKb)}) is subtracted first.

${growthTable(caseResults, fixedCost)}

## Where the time goes (largest size, in-process phase timings)

${phaseTable(caseResults)}

## Lint: one process against one process per fixture

Fixtures: 1,000 generated before/after pairs (2 agents, a few KB a side, one leaf edited), in \`bench/.data/lint-fixtures/\`.

${lintSection(lint)}

## Failures and disagreements

${failureList(caseResults, coldStarts)}

## Method

- Cases: ${Object.entries(EDITS).map(([id, edit]) => `\`${id}\` = ${edit.describe}`).join("; ")}. Formats: ${Object.entries(FORMATS).map(([id, text]) => `\`${id}\` = ${text}`).join("; ")}. Case ids read \`<agents>-<edit>-<format>\`.
- Data: \`bench/generate.mjs\`, seeded and cached in \`bench/.data/\` (rebuilt when the generator changes).
- clawdiff runs as \`node bin/clawdiff.js diff <before> <after> --format json --rules ${CATALOG}\` with stdout to a file; exit codes 0, 1 and 3 count as success.
- Wall time: the parent's clock from spawn to exit. Peak RSS: ${RSS_SOURCE}.
- Lint: \`clawdiff lint <dir>\` over all 1,000 fixtures (median of 3), against the median of 25 separate \`clawdiff diff before.json after.json\` processes spread over the set, scaled to 1,000 (spawning all 1,000 would take minutes of the budget).
- Strict-JSON fast path: judged by clawdiff's distance from the *floor* on the largest one-leaf JSON pair (≤ 1.5x). A json5 parse (~10x slower than \`JSON.parse\` here) or an eager location pass over every leaf would blow that bound.
`;
}
