// Edits for the side-by-side run of `clawdiff watch` next to a real gateway on
// one state dir. Each edit is a list of file operations with their timing, as
// editors, scripts and tools really write: atomic renames, in-place truncating
// writes, bursts, moves, deletions, invalid files and reverts.
import { sleep } from "./lib/gateway.mjs";
import { readStateFile, render, setPath, writeStateFile } from "./lib/state-files.mjs";
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import JSON5 from "json5";

const CONFIG = "openclaw.json";

const mapConfig = (stateDir, change) => render(change(JSON5.parse(readStateFile(stateDir, CONFIG))));
const at = (path, value) => (config) => setPath(config, path, value);

const atomic = (change) => async (stateDir) => writeStateFile(stateDir, CONFIG, mapConfig(stateDir, change));

/** Truncate in place, then write the new text after `gapMs` (a non-atomic save). */
const truncateThenWrite = (change, gapMs) => async (stateDir) => {
  const text = mapConfig(stateDir, change);
  const fd = openSync(join(stateDir, CONFIG), "w");
  await sleep(gapMs);
  writeSync(fd, text);
  closeSync(fd);
};

/** Write half the file in place, then the rest after `gapMs`: the watcher can see a torn file. */
const tornWrite = (change, gapMs) => async (stateDir) => {
  const text = mapConfig(stateDir, change);
  const fd = openSync(join(stateDir, CONFIG), "w");
  writeSync(fd, text.slice(0, Math.floor(text.length / 2)));
  await sleep(gapMs);
  writeSync(fd, text.slice(Math.floor(text.length / 2)));
  closeSync(fd);
};

const burst = (changes, gapMs) => async (stateDir) => {
  for (const [index, change] of changes.entries()) {
    if (index > 0) await sleep(gapMs);
    await atomic(change)(stateDir);
  }
};

const moveAwayAndBack = (change, awayMs) => async (stateDir) => {
  const file = join(stateDir, CONFIG);
  const text = mapConfig(stateDir, change);
  renameSync(file, `${file}.moved`);
  await sleep(awayMs);
  rmSync(`${file}.moved`);
  writeStateFile(stateDir, CONFIG, text);
};

const rawText = (text) => async (stateDir) => writeStateFile(stateDir, CONFIG, text);
const sideFile = (relative, text) => async (stateDir) => writeStateFile(stateDir, relative, text);
const keep = (config) => config;

export const watchEdits = [
  { id: "token-rotate", does: "gateway.auth.token changed (atomic rename)", apply: atomic(at("gateway.auth.token", "harness-token-cccccccccccccccccccccccc")) },
  { id: "hooks-enable", does: "hooks { enabled, token, path } added", apply: atomic(at("hooks", { enabled: true, token: "harness-hook-token-1", path: "/hooks" })) },
  // Not logging.level: a level above info would hide the gateway's own reload lines.
  { id: "burst-3-in-90ms", does: "three saves 45 ms apart: ui.seamColor three times", apply: burst([at("ui.seamColor", "#112233"), at("ui.seamColor", "#223344"), at("ui.seamColor", "#334455")], 45) },
  { id: "truncate-then-write", does: "truncate in place, write tools.profile 50 ms later", apply: truncateThenWrite(at("tools.profile", "minimal"), 50) },
  { id: "torn-write", does: "half the file, the rest 40 ms later (session.dmScope)", apply: tornWrite(at("session.dmScope", "per-peer"), 40) },
  { id: "two-saves-apart", does: "two saves 900 ms apart (cron.enabled false, then true)", apply: burst([at("cron.enabled", false), at("cron.enabled", true)], 900) },
  { id: "move-away-and-back", does: "config renamed away, an edited copy back 150 ms later (agents.defaults.model)", apply: moveAwayAndBack(at("agents.defaults.model", { primary: "anthropic/claude-opus-4-5" }), 150) },
  { id: "gateway-port", does: "gateway.port +1 (restart)", apply: atomic((config) => at("gateway.port", config.gateway.port + 1)(config)) },
  { id: "typo-key", does: "typo'd top-level key gatewy (schema-invalid)", apply: atomic(at("gatewy", { port: 1 })) },
  { id: "typo-revert", does: "typo removed: back to the last accepted config", apply: atomic(at("gatewy", undefined)) },
  { id: "syntax-error", does: "a JSON5 syntax error (unclosed object)", apply: async (stateDir) => rawText(readStateFile(stateDir, CONFIG).replace(/\}\s*$/, ""))(stateDir) },
  { id: "syntax-revert", does: "the valid file back", apply: async (stateDir) => rawText(`${readStateFile(stateDir, CONFIG).trimEnd()}\n}\n`)(stateDir) },
  { id: "reformat", does: "same values, one line", apply: async (stateDir) => rawText(JSON.stringify(JSON5.parse(readStateFile(stateDir, CONFIG))))(stateDir) },
  { id: "identical-resave", does: "the same text saved again", apply: async (stateDir) => rawText(readStateFile(stateDir, CONFIG))(stateDir) },
  { id: "include-add", does: "hooks moved into $include ./inc/hooks.json5", apply: async (stateDir) => {
    const config = JSON5.parse(readStateFile(stateDir, CONFIG));
    writeStateFile(stateDir, "inc/hooks.json5", render(config.hooks ?? {}));
    writeStateFile(stateDir, CONFIG, render({ ...config, hooks: { $include: "./inc/hooks.json5" } }));
  } },
  { id: "include-edit", does: "only the included file edited (hooks.path)", apply: async (stateDir) => sideFile("inc/hooks.json5", render({ ...JSON5.parse(readStateFile(stateDir, "inc/hooks.json5")), path: "/hooks2" }))(stateDir) },
  { id: "include-edit-then-touch", does: "included file edited (hooks.token), then the config re-saved 100 ms later", apply: async (stateDir) => {
    await sideFile("inc/hooks.json5", render({ ...JSON5.parse(readStateFile(stateDir, "inc/hooks.json5")), token: "harness-hook-token-2" }))(stateDir);
    await sleep(100);
    await atomic(keep)(stateDir);
  } },
  { id: "env-only", does: "only .env changed", apply: sideFile(".env", "HARNESS_UNUSED=1\n") },
  { id: "browser-disable", does: "browser.enabled false", apply: atomic(at("browser.enabled", false)) },
  { id: "browser-enable", does: "browser.enabled true", apply: atomic(at("browser.enabled", true)) },
  { id: "reload-off", does: "gateway.reload.mode off", apply: atomic(at("gateway.reload", { mode: "off" })) },
  { id: "edit-while-off", does: "tools.profile coding while reload is off", apply: atomic(at("tools.profile", "coding")) },
  { id: "reload-on", does: "gateway.reload removed (hybrid again)", apply: atomic(at("gateway.reload", undefined)) },
  { id: "meta-stamp", does: "meta.lastTouchedAt written", apply: atomic(at("meta", { lastTouchedAt: "2026-12-01T00:00:00.000Z" })) },
  { id: "meta-revert", does: "meta removed again", apply: atomic(at("meta", undefined)) },
  // Last: in a 2026.9.6 run the gateway evaluated nothing more after the config was deleted and re-created.
  { id: "delete-and-restore", does: "config deleted, the same file back 400 ms later", apply: async (stateDir) => {
    const text = readStateFile(stateDir, CONFIG);
    rmSync(join(stateDir, CONFIG));
    await sleep(400);
    writeStateFile(stateDir, CONFIG, text);
  } },
  { id: "edit-after-delete", does: "tools.profile minimal after the delete and restore", apply: atomic(at("tools.profile", "minimal")) },
];
