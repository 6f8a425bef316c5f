// `clawdiff watch` beside a real OpenClaw gateway on the same state dir (issue 20).
//   node scripts/gateway-watch.mjs [--repo <clawdiff checkout>] [--version 2026.9.6] [--out test/gateway/WATCH-RESULTS.md]
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureNode24, ensureOpenclaw } from "../test/gateway/lib/install.mjs";
import { clawdiffBin } from "../test/gateway/lib/clawdiff.mjs";
import { stopAllGateways } from "../test/gateway/lib/gateway.mjs";
import { runWatchSideBySide } from "../test/gateway/lib/watch-run.mjs";
import { renderWatchResults } from "../test/gateway/lib/watch-results.mjs";
import { commitOf } from "../test/gateway/lib/results.mjs";

const here = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    repo: { type: "string", default: here },
    version: { type: "string", default: "2026.9.6" },
    out: { type: "string", default: join(here, "test", "gateway", "WATCH-RESULTS.md") },
    // Re-render from a saved run (its runs.json) without starting a gateway.
    render: { type: "string" },
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAllGateways().finally(() => process.exit(130)));
async function runOnce() {
  const repo = resolve(values.repo);
  const bin = clawdiffBin(repo);
  // The commit the tested bin was built from is the one checked out when the run starts.
  const commit = commitOf(resolve(values.repo));
  const node = ensureNode24();
  const run = await runWatchSideBySide({ version: values.version, node, pkg: ensureOpenclaw(values.version, node), bin, progress: (line) => process.stderr.write(`${line}\n`) });
  const saved = { run, context: { repo, commit, command: process.argv.slice(2).join(" ") } };
  const file = join(mkdtempSync(join(tmpdir(), "clawdiff-gateway-watch-")), "runs.json");
  writeFileSync(file, JSON.stringify(saved));
  process.stderr.write(`raw run: ${file} (re-render with --render)\n`);
  return saved;
}

const { run, context } = values.render ? JSON.parse(readFileSync(values.render, "utf8")) : await runOnce();
writeFileSync(values.out, renderWatchResults(run, context));
process.stderr.write(`results: ${values.out}\n`);
