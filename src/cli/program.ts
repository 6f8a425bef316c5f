import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { isClawdiffError } from "../shared/errors.js";
import { TOOL_VERSION } from "../shared/tool-info.js";
import { runDiff, type DiffOptions } from "./commands/diff.js";
import { EXIT } from "./exit-codes.js";
import type { CliIO } from "./io.js";

function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) throw new InvalidArgumentError("expected a positive whole number");
  return parsed;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new Command("clawdiff")
    .description("Explain whether an OpenClaw config change hot-reloads or restarts the gateway, and why.")
    .version(TOOL_VERSION, "-v, --version")
    .option("--debug", "show stack traces for errors")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  program
    .command("diff", { isDefault: true })
    .description("compare two states (state dirs or config files) as the gateway's reload evaluator would")
    .argument("<before>", "state directory, config file, or - for stdin")
    .argument("<after>", "state directory, config file, or - for stdin")
    .option("--rules <catalog>", "rule catalog: openclaw@<version>, latest, or a catalog file", "latest")
    .option("--config <relpath>", "config file inside each state directory", undefined)
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .addOption(new Option("--color <when>", "colour output").choices(["auto", "always", "never"]).default("auto"))
    .option("--max-bytes <n>", "refuse config files larger than this", parsePositiveInteger)
    .option("--env <KEY=VALUE>", "set a variable for ${VAR} resolution (repeatable; wins over everything)", collect, [])
    .option("--env-file <file>", "extra dotenv file for ${VAR} resolution (repeatable)", collect, [])
    .option("--no-process-env", "do not resolve ${VAR} from clawdiff's own environment (hermetic runs)")
    .option("--allow-include-outside", "let $include read files outside the config directory")
    .option("--show-secrets", "print secret values (local debugging only; refused when CI is set)")
    .action((before: string, after: string, options: DiffOptions) => {
      setExitCode(runDiff(before, after, options, io));
    });

  return program;
}

/** Runs the CLI and returns its exit code; never throws for user errors. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.noChange;
  const debug = argv.includes("--debug");
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message; --help and --version are successes.
      return error.exitCode === 0 ? EXIT.noChange : EXIT.error;
    }
    const known = isClawdiffError(error) ? error : null;
    const message = known ? known.format() : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr(`clawdiff: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else if (!known) io.stderr("clawdiff: rerun with --debug for the stack trace; please report this as a bug\n");
    return EXIT.error;
  }
}


