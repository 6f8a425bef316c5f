// The files of a state dir that make up a config: openclaw.json, .env and the
// harness's include folder. Runtime files (sqlite, keys, caches) are left out.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import JSON5 from "json5";

const CONFIG_FILES = ["openclaw.json", ".env", "inc"];

export function snapshotState(stateDir, target) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  for (const name of CONFIG_FILES) {
    const source = join(stateDir, name);
    if (existsSync(source)) cpSync(source, join(target, name), { recursive: true });
  }
}

/** Puts a snapshot's config files back into the state dir (after a config the gateway could not start with). */
export function restoreState(snapshot, stateDir) {
  for (const name of CONFIG_FILES) {
    rmSync(join(stateDir, name), { recursive: true, force: true });
    if (existsSync(join(snapshot, name))) cpSync(join(snapshot, name), join(stateDir, name), { recursive: true });
  }
}

export const readStateFile = (stateDir, relative) => {
  const file = join(stateDir, relative);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
};

/** Writes like an editor that saves atomically: a temp file renamed over the target. */
export function writeStateFile(stateDir, relative, text) {
  const file = join(stateDir, relative);
  if (text === null) return rmSync(file, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.harness-tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Sets (or, for undefined, deletes) a dotted path in a parsed config, creating objects on the way. */
export function setPath(object, path, value) {
  const keys = path.split(".");
  let node = object;
  for (const key of keys.slice(0, -1)) node = node[key] ??= {};
  if (value === undefined) delete node[keys.at(-1)];
  else node[keys.at(-1)] = value;
  return object;
}

export const render = (value) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Applies one scenario's edit to the state dir. Side files (.env, includes) are
 * written before the config so the watcher never sees a config whose include is missing.
 */
export function applyEdit(stateDir, scenario) {
  const files = { ...(scenario.files ?? {}) };
  for (const [relative, change] of Object.entries(scenario.includeEdit ?? {})) {
    files[relative] = render(change(JSON5.parse(readStateFile(stateDir, relative) ?? "{}")));
  }
  let configText;
  const settled = readStateFile(stateDir, "openclaw.json") ?? "{}";
  if (scenario.format) configText = scenario.format(settled);
  if (scenario.config) configText = render(scenario.config(JSON5.parse(settled), files, (relative) => readStateFile(stateDir, relative)));
  for (const [relative, text] of Object.entries(files)) writeStateFile(stateDir, relative, text);
  if (configText !== undefined) writeStateFile(stateDir, "openclaw.json", configText);
}
