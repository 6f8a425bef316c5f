import { join } from "node:path";
import { compareOpenedInputs, prepareRun } from "../../src/cli/prepare.js";
import type { CliIO } from "../../src/cli/io.js";
import type { ReloadPlan } from "../../src/plan/build-plan.js";
import { INSTALL_INDEX_PATH } from "../../src/config/install-records.js";
import type { ConfigInput, SourceReader } from "../../src/sources/config-input.js";

/**
 * clawdiff's side of the parity sweep: `clawdiff diff --rules
 * openclaw@<version>` on two in-memory state directories (the config, and
 * the plugin install index when the pair has records), through the CLI's own
 * prepareRun and compareOpenedInputs. scripts/parity-sweep.mjs bundles this
 * file against the worktree it tests (`--repo`).
 *
 * A pair is what the reloader's own variables hold (its compare and runtime
 * configs), so both sides of clawdiff's evaluator read the file as written
 * and no defaults are filled in: clawdiff diffs and plans the very objects
 * the oracle hands to the real code.
 */
export type ClawdiffAnswer = Pick<ReloadPlan, "changedPaths" | "restartGateway" | "restartReasons" | "hotReasons" | "noopPaths" | "actions" | "restartChannels">;

export interface ClawdiffSide {
  catalog: { id: string; resolution: string; matching: string };
  answer(before: unknown, after: unknown, beforeRecords?: Record<string, unknown>, afterRecords?: Record<string, unknown>): ClawdiffAnswer;
}

const quietIO = (cwd: string): CliIO => ({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false, columns: 100, cwd });

/**
 * A state directory that exists only in memory: the config, the install
 * index when records are given, nothing else (no `.env`, no includes). Its
 * path does not exist on disk, so the state-file listing finds nothing.
 */
function inMemoryStateDir(name: string, config: unknown, records: Record<string, unknown> | undefined): ConfigInput {
  const stateDir = `/nonexistent/clawdiff-parity/${name}`;
  const indexPath = join(stateDir, INSTALL_INDEX_PATH);
  const reader: SourceReader = {
    readText: (path) => {
      if (path === indexPath && records) return JSON.stringify({ installRecords: records });
      throw new Error(`parity: nothing to read at ${path}`);
    },
    realpath: () => null,
    exists: (path) => path === indexPath && records !== undefined,
    display: (path) => path,
  };
  return { kind: "dir", label: name, stateDir, configPath: join(stateDir, "openclaw.json"), text: JSON.stringify(config), reader };
}

/**
 * `--plugins none`: the oracle's registries are empty, as on a gateway that
 * loads no plugin or channel. A catalog without bundled plugin rules (and a
 * branch from before stock installs) refuses `--plugins`; its rules are the
 * base rules already.
 */
function prepareBaseRun(version: string, cwd: string): ReturnType<typeof prepareRun> {
  const options = { rules: `openclaw@${version}`, env: [], dotenv: [], processEnv: false, cache: true };
  try {
    return prepareRun({ ...options, plugins: "none" }, quietIO(cwd));
  } catch {
    return prepareRun(options, quietIO(cwd));
  }
}

export function createClawdiffSide(version: string, cwd: string): ClawdiffSide {
  const run = prepareBaseRun(version, cwd);
  const pairRun = { ...run, views: { ...run.views, before: "source" as const, after: "source" as const }, loadOptions: { ...run.loadOptions, defaults: null } };
  return {
    catalog: { id: run.catalog.catalog.id, resolution: String(run.catalog.resolution), matching: run.catalog.catalog.matching },
    answer(before, after, beforeRecords, afterRecords) {
      const { comparison } = compareOpenedInputs(inMemoryStateDir("before", before, beforeRecords), inMemoryStateDir("after", after, afterRecords), pairRun);
      const { restartGateway, restartReasons, hotReasons, noopPaths, actions, restartChannels } = comparison.current.plan;
      return { changedPaths: comparison.changes.map((change) => change.path), restartGateway, restartReasons, hotReasons, noopPaths, actions, restartChannels };
    },
  };
}
