import { join } from "node:path";
import type { Command } from "commander";
import { loadConfig } from "../../config/load-config.js";
import { ClawdiffError } from "../../shared/errors.js";
import { openConfigInput } from "../../sources/config-input.js";
import { writeOutputFile } from "../../sources/output-file.js";
import { buildSnapshot } from "../../sources/snapshot-model.js";
import type { CommandContext } from "../context.js";
import { addLoadOptions, type LoadCliOptions } from "../options.js";
import { prepareRun } from "../prepare.js";

interface SnapshotOptions extends LoadCliOptions {
  output: string;
  force?: boolean;
}

/** Every file a snapshot run may have read: none of them may become its output. */
function filesRead(stateSpec: string, options: SnapshotOptions, loaded: { files: ReadonlyMap<string, unknown> }, stateDir: string): string[] {
  const named = [stateSpec, options.rules, options.proposed, options.openclaw, ...options.dotenv].filter((path): path is string => path !== undefined);
  return [...named, ...loaded.files.keys(), join(stateDir, ".env"), join(stateDir, "plugins", "installs.json")];
}

export function registerSnapshot(program: Command, { io }: CommandContext): void {
  const command = program
    .command("snapshot")
    .description("freeze a state (secrets fingerprinted, never stored) as the 'before' of a later diff or log --before")
    .argument("<state>", "state directory or config file")
    .requiredOption("-o, --output <file>", "where to write the snapshot, or - for stdout")
    .option("--force", "replace an existing output file (never an input)");
  addLoadOptions(command).action((stateSpec: string, options: SnapshotOptions) => {
    const run = prepareRun(options, io);
    const input = openConfigInput(stateSpec, run.inputOptions);
    if (input.snapshot) throw new ClawdiffError("usage", "already a snapshot", { file: stateSpec });
    const loaded = loadConfig(input, run.loadOptions);
    const snapshot = buildSnapshot(loaded, { stateDir: stateSpec, rules: run.catalog.catalog.id, now: new Date() });
    const text = `${JSON.stringify(snapshot, null, 2)}\n`;
    if (options.output === "-") {
      io.stdout(text);
      return;
    }
    writeOutputFile(options.output, text, { cwd: io.cwd, inputs: filesRead(stateSpec, options, loaded, input.stateDir), force: options.force ?? false });
    io.stderr(`clawdiff: snapshot of ${stateSpec} written to ${options.output}\n`);
  });
}
