// Runs every scenario against one real gateway of one version and records, per
// scenario, what the gateway logged and what clawdiff reports for the same edit.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Gateway, sleep } from "./gateway.mjs";
import { agreement, announcesRestart, gatewayReaction, isReloadEntry } from "./reactions.mjs";
import { runClawdiff } from "./clawdiff.mjs";
import { applyEdit, snapshotState } from "./state-files.mjs";
import { scenarios } from "../scenarios.mjs";

const LISTENING = /^(http server listening|listening on )/;

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function packageKnows(pkg, configKey) {
  const dist = join(pkg, "dist");
  return readdirSync(dist).some((name) => name.startsWith("schema") && readFileSync(join(dist, name), "utf8").includes(`"${configKey}"`));
}

/** The smallest config a gateway starts offline with; the remote model catalog is off where the version has it. */
function baseConfig(pkg, port) {
  return {
    gateway: { mode: "local", port, bind: "loopback", auth: { mode: "token", token: "harness-token-aaaaaaaaaaaaaaaaaaaaaaaa" } },
    ...(packageKnows(pkg, "models.catalogRefresh.enabled") ? { models: { catalogRefresh: { enabled: false } } } : {}),
    update: { checkOnStart: false },
  };
}

/** Waits out one edit: the debounce and evaluation, then a restart's way back up, then quiet. */
async function observe(gateway, mark) {
  const start = Date.now();
  let lastEntry = start;
  let seen = mark;
  while (Date.now() - start < 30_000) {
    await sleep(100);
    gateway.poll();
    if (gateway.entries.length > seen) lastEntry = Date.now();
    seen = gateway.entries.length;
    const restartAt = gateway.entries.slice(mark).findIndex(announcesRestart);
    if (restartAt >= 0) {
      const after = gateway.entries.slice(mark + restartAt);
      if (!after.some((entry) => LISTENING.test(entry.message))) {
        await gateway.waitFor((entry) => LISTENING.test(entry.message), 90_000, "the gateway to come back after a restart");
      }
      break;
    }
    if (Date.now() - start >= 3000 && Date.now() - lastEntry >= 2000) break;
  }
  await gateway.settle();
}

export async function runVersion({ version, node, pkg, bin, workDir, only, progress }) {
  const port = await freePort();
  const gateway = new Gateway({ node, pkg, version, port, baseConfig: baseConfig(pkg, port) });
  writeFileSync(gateway.configPath, `${JSON.stringify(gateway.baseConfig, null, 2)}\n`);
  progress(`${version}: starting gateway in ${gateway.home} (port ${port}${gateway.isolated ? ", own network namespace" : ""})`);
  await gateway.start();
  const startup = { entries: [...gateway.entries], console: gateway.consoleSince() };
  const records = [];
  try {
    for (const scenario of scenarios({ port })) {
      if (only && !only.includes(scenario.id)) continue;
      const dir = join(workDir, version, scenario.id);
      snapshotState(gateway.stateDir, join(dir, "before"));
      gateway.poll();
      gateway.consoleSince();
      const mark = gateway.entries.length;
      const editedAt = Date.now();
      applyEdit(gateway.stateDir, scenario);
      snapshotState(gateway.stateDir, join(dir, "after"));
      await observe(gateway, mark);
      const entries = gateway.entries.slice(mark);
      const firstReload = entries.find(isReloadEntry);
      const real = gatewayReaction(entries);
      const clawdiff = runClawdiff(bin, join(dir, "before"), join(dir, "after"), version);
      const record = {
        version,
        ...scenario,
        gateway: { ...real, reactedAfterMs: firstReload ? Date.parse(firstReload.time) - editedAt : undefined },
        clawdiff,
        agree: agreement(real, clawdiff),
        entries,
        console: gateway.consoleSince(),
        dir,
      };
      records.push(record);
      progress(`${version} ${scenario.id}: gateway ${real.decision} [${real.paths.join(", ")}] | clawdiff ${clawdiff.decision} [${clawdiff.paths.join(", ")}]${record.agree.both ? "" : "  <- differs"}`);
      if (gateway.exited) throw new Error(`gateway ${version} exited during ${scenario.id}; see ${gateway.consoleLog}`);
    }
  } finally {
    await gateway.stop();
  }
  return { version, isolated: gateway.isolated, home: gateway.home, startup, records, settledBase: existsSync(gateway.configPath) };
}
