import { Command, CommanderError } from "commander";
import { nearestNames } from "../shared/did-you-mean.js";
import { useFingerprintKey } from "../explain/secrets.js";
import { ClawdiffError, isClawdiffError } from "../shared/errors.js";
import { specExistsOnDisk } from "../sources/spec-exists.js";
import { loadFingerprintKey } from "../sources/fingerprint-key.js";
import { TOOL_VERSION } from "../shared/tool-info.js";
import { registerCompletion } from "./commands/completion.js";
import { registerDiff } from "./commands/diff.js";
import { registerExplain } from "./commands/explain.js";
import { registerGitDiffDriver } from "./commands/git-diff-driver.js";
import { registerLogRange } from "./commands/log-range.js";
import { registerRules } from "./commands/rules.js";
import { registerLint } from "./commands/lint.js";
import { registerLog } from "./commands/log.js";
import { registerPlan } from "./commands/plan.js";
import { registerSnapshot } from "./commands/snapshot.js";
import { registerWatch } from "./commands/watch.js";
import type { CommandContext } from "./context.js";
import { EXIT } from "./exit-codes.js";
import type { CliIO } from "./io.js";
import { escapeControls } from "../shared/display-text.js";

/** Every command registers itself; the first is the default. */
const COMMANDS: ((program: Command, context: CommandContext) => void)[] = [registerDiff, registerExplain, registerLint, registerCompletion, registerLog, registerGitDiffDriver, registerLogRange, registerWatch, registerSnapshot, registerRules, registerPlan];

function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new Command("clawdiff")
    .description("Explain whether an OpenClaw config change hot-reloads or restarts the gateway, and why.")
    .version(TOOL_VERSION, "-v, --version")
    .option("--debug", "show stack traces for errors")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const context = { io, setExitCode };
  for (const register of COMMANDS) register(program, context);
  return program;
}

/**
 * `diff` is the default command, so a mistyped command (`dif`, `completions`)
 * would be read as a state path. A first word that names nothing on disk but
 * is a typo away from a command is refused with the command it meant.
 */
function assertNoMistypedCommand(program: Command, argv: readonly string[], cwd: string): void {
  const first = argv.find((arg) => arg !== "--debug");
  if (first === undefined || first.startsWith("-") || first.includes(":") || first.includes("/")) return;
  const names = program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
  if (names.includes(first) || specExistsOnDisk(first, cwd)) return;
  const nearest = nearestNames(first, names);
  if (nearest.length > 0) throw new ClawdiffError("usage", `unknown command '${first}' (did you mean ${nearest.map((name) => `'${name}'`).join(" or ")}?); a state path that does not exist is not read as one`);
}

/** Runs the CLI and returns its exit code; never throws for user errors. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.noChange;
  const debug = argv.includes("--debug");
  useFingerprintKey(() => loadFingerprintKey(io.env));
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    assertNoMistypedCommand(program, argv, io.cwd);
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message; --help and --version are successes.
      return error.exitCode === 0 ? EXIT.noChange : EXIT.error;
    }
    const known = isClawdiffError(error) ? error : null;
    const message = known ? known.format() : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr(`clawdiff: ${escapeControls(message)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else if (!known) io.stderr("clawdiff: rerun with --debug for the stack trace; please report this as a bug\n");
    return EXIT.error;
  }
}


