// Shared body of the measured child processes: load both sides with the
// worker's parser, diff them, and print one JSON line with the phase times
// (so RESULTS.md can say where the time goes) and a summary of the result.
import { loadConfigFile } from "../lib/load-config.mjs";

export function runWorker({ parse, diff, summarize }) {
  const [beforePath, afterPath] = process.argv.slice(2);
  const started = performance.now();
  const before = loadConfigFile(beforePath, parse);
  const after = loadConfigFile(afterPath, parse);
  const parsed = performance.now();
  const result = diff(before, after);
  const diffed = performance.now();
  process.stdout.write(`${JSON.stringify({ parseMs: parsed - started, diffMs: diffed - parsed, ...summarize(result) })}\n`);
}
