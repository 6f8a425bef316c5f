// Runs every scenario against one real gateway of one version and records, per
// scenario, what the gateway logged and what clawdiff reports for the same edit.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { Gateway, READY, sleep, StartupFailed, STARTUP_FAILED } from "./gateway.mjs";
import { agreement, announcesRestart, gatewayEvaluations, gatewayReaction, isReloadEntry } from "./reactions.mjs";
import { runClawdiff } from "./clawdiff.mjs";
import { applyEdit, restoreState, snapshotState } from "./state-files.mjs";
import { scenarios } from "../scenarios.mjs";

export async function freePort() {
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
export function baseConfig(pkg, port) {
  return {
    gateway: { mode: "local", port, bind: "loopback", auth: { mode: "token", token: "harness-token-aaaaaaaaaaaaaaaaaaaaaaaa" } },
    ...(packageKnows(pkg, "models.catalogRefresh.enabled") ? { models: { catalogRefresh: { enabled: false } } } : {}),
    update: { checkOnStart: false },
  };
}

// The gateway's file log can lag seconds behind on a loaded machine: a silent edit
// is only called silent after MIN_WINDOW_MS, and an evaluation still waiting for
// its decision line keeps it open up to UNDECIDED_MS (a 9.6 no-op plan logs no decision line at all).
const MIN_WINDOW_MS = 6000;
const QUIET_MS = 3000;
const UNDECIDED_MS = 15_000;

/** Waits out one edit: the debounce and evaluation, then a restart's way back up, then quiet. */
export async function observe(gateway, mark) {
  const start = Date.now();
  let lastEntry = start;
  let seen = mark;
  while (Date.now() - start < 60_000) {
    await sleep(100);
    gateway.poll();
    if (gateway.entries.length > seen) lastEntry = Date.now();
    seen = gateway.entries.length;
    const entries = gateway.entries.slice(mark);
    const restartAt = entries.findIndex(announcesRestart);
    if (restartAt >= 0) {
      const after = entries.slice(restartAt);
      const failed = after.find((entry) => STARTUP_FAILED.test(entry.message));
      if (failed) throw new StartupFailed(failed.message.split("\n")[0]);
      if (!after.some((entry) => READY.test(entry.message))) await gateway.waitUntilServing(180_000);
      break;
    }
    const waitingForDecision = gatewayEvaluations(entries).at(-1)?.undecided && Date.now() - start < UNDECIDED_MS;
    if (!waitingForDecision && Date.now() - start >= MIN_WINDOW_MS && Date.now() - lastEntry >= QUIET_MS) break;
  }
  await gateway.settle();
}

/** Like observe, but a restart into a config the gateway cannot start with is returned as its message, not thrown. */
export async function observeStartupFailure(gateway, mark) {
  try {
    await observe(gateway, mark);
    return undefined;
  } catch (error) {
    if (!(error instanceof StartupFailed)) throw error;
    return error.message;
  }
}

/**
 * `fresh`: after a scenario that restarted the gateway, stop it and start a new process without
 * a last-known-good copy, so the next scenario's before side (the settled file) is also the
 * reloader's baseline. 2026.5.3 otherwise keeps diffing against its last-known-good config,
 * which a restart-requiring change never becomes; `in-process` keeps that (and measures it).
 */
export async function runVersion({ version, node, pkg, bin, workDir, only, progress, restartMode = "fresh" }) {
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
      const startupFailure = await observeStartupFailure(gateway, mark);
      if (startupFailure) {
        // The gateway accepted and restarted into a config it cannot run: put the before side back and start afresh.
        await gateway.stop();
        restoreState(join(dir, "before"), gateway.stateDir);
        await gateway.start();
      }
      const entries = gateway.entries.slice(mark);
      const firstReload = entries.find(isReloadEntry);
      const real = gatewayReaction(entries);
      const clawdiff = runClawdiff(bin, join(dir, "before"), join(dir, "after"), version);
      const record = {
        version,
        ...scenario,
        gateway: { ...real, startupFailure, reactedAfterMs: firstReload ? Date.parse(firstReload.time) - editedAt : undefined },
        clawdiff,
        agree: agreement(real, clawdiff),
        entries,
        console: gateway.consoleSince(),
        dir,
      };
      records.push(record);
      if (restartMode === "fresh" && real.decision === "restart" && !startupFailure) {
        await gateway.stop();
        gateway.forgetLastKnownGood();
        await gateway.start();
      }
      if (real.decision === "skipped-invalid" && !scenario.keepRefused) {
        restoreState(join(dir, "before"), gateway.stateDir);
        await observe(gateway, gateway.entries.length);
        record.restoredAfterRefusal = true;
      }
      progress(`${version} ${scenario.id}: gateway ${real.decision} [${real.paths.join(", ")}] | clawdiff ${clawdiff.decision} [${clawdiff.paths.join(", ")}]${record.agree.both ? "" : "  <- differs"}`);
      if (gateway.exited) throw new Error(`gateway ${version} exited during ${scenario.id}; see ${gateway.consoleLog}`);
    }
  } finally {
    await gateway.stop();
  }
  return { version, restartMode, isolated: gateway.isolated, home: gateway.home, startup, records, settledBase: existsSync(gateway.configPath) };
}
