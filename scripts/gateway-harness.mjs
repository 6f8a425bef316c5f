// Differential harness: real OpenClaw gateways (run offline, loopback only) against clawdiff.
//   npm run test:gateway                                   (2026.9.6 and 2026.5.3)
//   node scripts/gateway-harness.mjs --repo <clawdiff checkout> --versions 2026.9.6 --only gateway-port,token-rotate
//   --restart-mode fresh (default: a new gateway process after each restart) | in-process (keep the gateway's own restart)
// Writes test/gateway/RESULTS.md (--out) and, with --corpus, the real log lines to test/fixtures/logs/real/.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureNode24, ensureOpenclaw } from "../test/gateway/lib/install.mjs";
import { clawdiffBin } from "../test/gateway/lib/clawdiff.mjs";
import { runVersion } from "../test/gateway/lib/run-version.mjs";
import { stopAllGateways } from "../test/gateway/lib/gateway.mjs";
import { commitOf, renderResults, unexplained } from "../test/gateway/lib/results.mjs";
import { writeCorpus } from "../test/gateway/lib/corpus.mjs";

const here = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    repo: { type: "string", default: here },
    versions: { type: "string", default: "2026.9.6,2026.5.3" },
    only: { type: "string" },
    out: { type: "string", default: join(here, "test", "gateway", "RESULTS.md") },
    corpus: { type: "boolean", default: false },
    "restart-mode": { type: "string", default: "fresh" },
    // Re-render RESULTS.md (and the corpus) from a saved run without starting gateways, e.g. after editing explanations.
    render: { type: "string" },
  },
});

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAllGateways().finally(() => process.exit(130)));
const progress = (line) => process.stderr.write(`${line}\n`);
async function runAll() {
  const bin = clawdiffBin(resolve(values.repo));
  // The commit the tested bin was built from is the one checked out when the run starts.
  const commit = commitOf(resolve(values.repo));
  const node = ensureNode24();
  const workDir = mkdtempSync(join(tmpdir(), "clawdiff-gateway-harness-"));
  const only = values.only?.split(",");
  const runs = [];
  for (const version of values.versions.split(",")) {
    runs.push(await runVersion({ version, node, pkg: ensureOpenclaw(version, node), bin, workDir, only, progress, restartMode: values["restart-mode"] }));
  }
  const saved = { runs, context: { repo: resolve(values.repo), commit, command: process.argv.slice(2).join(" ") } };
  writeFileSync(join(workDir, "runs.json"), JSON.stringify(saved));
  progress(`raw runs: ${join(workDir, "runs.json")} (re-render with --render)`);
  return saved;
}

// --render takes one or more saved runs (comma list), e.g. two versions run as separate processes.
function loadSaved(files) {
  const saved = files.split(",").map((file) => JSON.parse(readFileSync(file, "utf8")));
  return { runs: saved.flatMap((one) => one.runs), context: { ...saved[0].context, command: saved.map((one) => one.context.command).join("` and `") } };
}

const { runs, context } = values.render ? loadSaved(values.render) : await runAll();
writeFileSync(values.out, renderResults(runs, context));
progress(`results: ${values.out}`);
const open = unexplained(runs);
if (open.length > 0) {
  // A disagreement nobody has explained is a new finding: fail so someone looks at it.
  progress(`UNEXPLAINED disagreements: ${open.join(", ")}`);
  process.exitCode = 1;
}
if (values.corpus) progress(`log corpus: ${writeCorpus(runs, join(here, "test", "fixtures", "logs", "real"))}`);
