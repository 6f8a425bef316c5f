import { compareOpenedInputs, prepareRun } from "../../src/cli/prepare.js";
import type { CliIO } from "../../src/cli/io.js";
import type { ConfigInput, SourceReader } from "../../src/sources/config-input.js";

/**
 * clawdiff's side of the parity sweep: `clawdiff diff --rules
 * openclaw@<version>` on two in-memory config files, through the CLI's own
 * prepareRun and compareOpenedInputs. scripts/parity-sweep.mjs bundles this
 * file against the worktree it tests (`--repo`).
 *
 * A pair is what the reloader's own variables hold (its compare and runtime
 * configs), so both sides of clawdiff's evaluator read the file as written
 * and no defaults are filled in: clawdiff diffs and plans the very objects
 * the oracle hands to the real code.
 */
export interface ClawdiffAnswer {
  changedPaths: string[];
  restartGateway: boolean;
  restartReasons: string[];
  hotReasons: string[];
  noopPaths: string[];
  actions: string[];
  restartChannels: string[];
}

export interface ClawdiffSide {
  catalog: { id: string; resolution: string; matching: string };
  answer(before: unknown, after: unknown): ClawdiffAnswer;
}

const quietIO = (cwd: string): CliIO => ({ stdout: () => {}, stderr: () => {}, env: {}, isTTY: false, columns: 100, cwd });

/** A reader with nothing beside the config: no `.env`, no includes, no install index. */
const EMPTY_STATE_DIR: SourceReader = {
  readText: (path) => {
    throw new Error(`parity: nothing to read at ${path}`);
  },
  realpath: () => null,
  exists: () => false,
  display: (path) => path,
};

function inMemoryFile(name: string, config: unknown): ConfigInput {
  return { kind: "file", label: name, stateDir: "/parity", configPath: `/parity/${name}`, text: JSON.stringify(config), reader: EMPTY_STATE_DIR };
}

export function createClawdiffSide(version: string, cwd: string): ClawdiffSide {
  const run = prepareRun({ rules: `openclaw@${version}`, env: [], dotenv: [], processEnv: false }, quietIO(cwd));
  const pairRun = { ...run, views: { ...run.views, before: "source" as const, after: "source" as const }, loadOptions: { ...run.loadOptions, defaults: null } };
  return {
    catalog: { id: run.catalog.catalog.id, resolution: String(run.catalog.resolution), matching: run.catalog.catalog.matching },
    answer(before, after) {
      const { comparison } = compareOpenedInputs(inMemoryFile("before.json", before), inMemoryFile("after.json", after), pairRun);
      const plan = comparison.current.plan;
      return {
        changedPaths: comparison.changes.map((change) => change.path),
        restartGateway: plan.restartGateway,
        restartReasons: plan.restartReasons,
        hotReasons: plan.hotReasons,
        noopPaths: plan.noopPaths,
        actions: plan.actions,
        restartChannels: plan.restartChannels,
      };
    },
  };
}
