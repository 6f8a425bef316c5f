// Cost growth between neighbouring sizes of one series (same edit and
// format). clawdiff's fixed start-up cost (`--version`) is subtracted first,
// otherwise the flat ~50 ms / ~50 MB of a node start would hide a quadratic
// term at the small end. Steps from the 10-agent size are left out: there the
// fixed cost is nearly all of it.
import { growthPer10x } from "./stats.mjs";

const MIN_SIZE = 1_000;
const isOk = (result) => result && !result.failure && !result.skipped;

export function growthRows(caseResults, fixedCost) {
  const bySeries = new Map();
  for (const result of caseResults) {
    const key = `${result.testCase.edit}-${result.testCase.format}`;
    if (result.testCase.size >= MIN_SIZE) bySeries.set(key, [...(bySeries.get(key) ?? []), result]);
  }
  const rows = [];
  for (const [series, results] of bySeries) {
    results.sort((a, b) => a.testCase.size - b.testCase.size);
    for (let i = 1; i < results.length; i += 1) {
      const [from, to] = [results[i - 1], results[i]];
      const grow = (toolId, pick, fixed = 0) =>
        isOk(from.tools[toolId]) && isOk(to.tools[toolId]) ? growthPer10x(from.pairBytes, pick(from.tools[toolId]) - fixed, to.pairBytes, pick(to.tools[toolId]) - fixed) : null;
      rows.push({
        series,
        fromSize: from.testCase.size,
        toSize: to.testCase.size,
        inputFactor: to.pairBytes / from.pairBytes,
        clawdiffTime: grow("clawdiff", (tool) => tool.wallMs, fixedCost?.wallMs ?? 0),
        clawdiffRss: grow("clawdiff", (tool) => tool.peakRssKb, fixedCost?.peakRssKb ?? 0),
        gatewayTime: grow("gateway", (tool) => tool.wallMs),
      });
    }
  }
  return rows;
}
