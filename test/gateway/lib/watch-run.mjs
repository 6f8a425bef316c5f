// `clawdiff watch --format ndjson` beside a real gateway on the same state dir:
// per edit, whether each reacted, how many evaluations each ran, the paths and
// the decision, and how long each took to answer.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Gateway, sleep } from "./gateway.mjs";
import { baseConfig, freePort, observeStartupFailure } from "./run-version.mjs";
import { gatewayEvaluations } from "./reactions.mjs";
import { watchEdits } from "../watch-edits.mjs";

const VERDICTS = { restart: "restart", "hot-reload": "hot", none: "none", "no-change": "no-change", disabled: "disabled", "restart-ignored": "restart-ignored" };

/** A watch record in the harness's vocabulary; no-change records are not reactions. */
function watchEvaluation(record) {
  if (record.type === "invalid") return { paths: [], decision: "skipped-invalid", detail: record.error };
  if (record.type === "skipped" || /invalid|skip/.test(String(record.verdict))) return { paths: record.changedPaths ?? [], decision: "skipped-invalid", detail: record.headline };
  if (record.type === "change") return { paths: record.changedPaths ?? [], decision: VERDICTS[record.verdict] ?? String(record.verdict) };
  return undefined;
}

function startWatch(bin, stateDir, version) {
  const child = spawn(process.execPath, [bin, "watch", stateDir, "--format", "ndjson", "--rules", `openclaw@${version}`, "--no-process-env"], { stdio: ["ignore", "pipe", "pipe"] });
  const records = [];
  let buffer = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.trim()) records.push({ receivedAt: Date.now(), record: JSON.parse(line) });
    }
  });
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return { child, records, stderr: () => stderr };
}

const sameSet = (a, b) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

function compareEdit(gatewayEvals, watchEvals) {
  const lastGateway = gatewayEvals.at(-1) ?? { paths: [], decision: "no-change" };
  const lastWatch = watchEvals.at(-1) ?? { paths: [], decision: "no-change" };
  const reaction = gatewayEvals.length > 0 === watchEvals.length > 0;
  const count = gatewayEvals.length === watchEvals.length;
  const decision = lastGateway.decision === lastWatch.decision;
  const paths = lastGateway.decision === "skipped-invalid" ? decision : sameSet(lastGateway.paths, lastWatch.paths);
  return { reaction, count, paths, decision, all: reaction && count && paths && decision };
}

export async function runWatchSideBySide({ version, node, pkg, bin, progress }) {
  const port = await freePort();
  const gateway = new Gateway({ node, pkg, version, port, baseConfig: baseConfig(pkg, port) });
  writeFileSync(gateway.configPath, `${JSON.stringify(gateway.baseConfig, null, 2)}\n`);
  progress(`watch ${version}: starting gateway in ${gateway.home}`);
  await gateway.start();
  const watch = startWatch(bin, gateway.stateDir, version);
  // The first edit must land after watch has read its baseline, as the gateway has.
  for (let waited = 0; !watch.records.some(({ record }) => record.type === "watching"); waited += 100) {
    if (waited > 30_000) throw new Error(`clawdiff watch did not start: ${watch.stderr()}`);
    await sleep(100);
  }
  const rows = [];
  try {
    for (const edit of watchEdits) {
      gateway.poll();
      const mark = gateway.entries.length;
      const watchMark = watch.records.length;
      const startedAt = Date.now();
      await edit.apply(gateway.stateDir);
      const editedAt = Date.now();
      const startupFailure = await observeStartupFailure(gateway, mark);
      const entries = gateway.entries.slice(mark);
      const gatewayEvals = gatewayEvaluations(entries);
      const watchRecords = watch.records.slice(watchMark);
      const watchEvals = watchRecords.map(({ record }) => watchEvaluation(record)).filter(Boolean);
      const firstWatch = watchRecords.find(({ record }) => watchEvaluation(record));
      const firstGateway = entries.find((entry) => /reload/.test(entry.subsystem));
      const row = {
        ...edit,
        startupFailure,
        gateway: gatewayEvals,
        watch: watchEvals,
        watchNoChange: watchRecords.filter(({ record }) => record.type === "no-change").length,
        gatewayMs: firstGateway ? Date.parse(firstGateway.time) - editedAt : undefined,
        watchMs: firstWatch ? firstWatch.receivedAt - editedAt : undefined,
        editMs: editedAt - startedAt,
        agree: compareEdit(gatewayEvals, watchEvals),
      };
      rows.push(row);
      const show = (evals) => evals.map((evaluation) => `${evaluation.decision} [${evaluation.paths.join(", ")}]`).join(" + ") || "silent";
      progress(`watch ${version} ${edit.id}: gateway ${show(gatewayEvals)} | watch ${show(watchEvals)}${row.agree.all ? "" : "  <- differs"}`);
      if (startupFailure) throw new Error(`gateway could not start after ${edit.id}: ${startupFailure}`);
    }
  } finally {
    watch.child.kill("SIGTERM");
    await gateway.stop();
  }
  return { version, rows, watchStderr: watch.stderr(), isolated: gateway.isolated };
}
