// Differential harness: real OpenClaw gateways (run offline, loopback only) against clawdiff.
//   npm run test:gateway                                   (2026.9.6 and 2026.5.3)
//   node scripts/gateway-harness.mjs --repo <clawdiff checkout> --versions 2026.9.6 --only gateway-port,token-rotate
// Writes test/gateway/RESULTS.md (--out) and, with --corpus, the real log lines to test/fixtures/logs/real/.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureNode24, ensureOpenclaw } from "../test/gateway/lib/install.mjs";
import { clawdiffBin } from "../test/gateway/lib/clawdiff.mjs";
import { runVersion } from "../test/gateway/lib/run-version.mjs";
import { renderResults } from "../test/gateway/lib/results.mjs";
import { writeCorpus } from "../test/gateway/lib/corpus.mjs";

const here = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({
  options: {
    repo: { type: "string", default: here },
    versions: { type: "string", default: "2026.9.6,2026.5.3" },
    only: { type: "string" },
    out: { type: "string", default: join(here, "test", "gateway", "RESULTS.md") },
    corpus: { type: "boolean", default: false },
  },
});

const progress = (line) => process.stderr.write(`${line}\n`);
const bin = clawdiffBin(resolve(values.repo));
const node = ensureNode24();
const workDir = mkdtempSync(join(tmpdir(), "clawdiff-gateway-harness-"));
const only = values.only?.split(",");
const runs = [];
for (const version of values.versions.split(",")) {
  const pkg = ensureOpenclaw(version, node);
  runs.push(await runVersion({ version, node, pkg, bin, workDir, only, progress }));
}
writeFileSync(values.out, renderResults(runs, { repo: resolve(values.repo), command: process.argv.slice(2).join(" ") }));
progress(`results: ${values.out} (scenario snapshots in ${workDir})`);
if (values.corpus) progress(`log corpus: ${writeCorpus(runs, join(here, "test", "fixtures", "logs", "real"))}`);
