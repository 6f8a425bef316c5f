import { InvalidArgumentError, Option, type Command } from "commander";
import { FORMAT_NAMES, type FormatName } from "../report/formats/index.js";
import type { ReloadTrigger } from "../rules/evaluator-views.js";
import { ClawdiffError } from "../shared/errors.js";
import type { ColorChoice } from "./color.js";
import type { CliIO } from "./io.js";

export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) throw new InvalidArgumentError("expected a positive whole number");
  return parsed;
}

export const collect = (value: string, previous: string[]) => [...previous, value];

/** Options every command that loads gateway states accepts. */
export interface LoadCliOptions {
  /** Absent: the version that last wrote the config, else the installed openclaw, else latest. */
  rules?: string;
  openclaw?: string;
  plugins?: string;
  /** Commander's negation of `--no-cache`: false when the flag is given. */
  cache: boolean;
  proposed?: string;
  trigger?: ReloadTrigger;
  config?: string;
  maxBytes?: number;
  env: string[];
  /** `--dotenv`: not `--env-file`, which Node 20 claims from anywhere on the command line. */
  dotenv: string[];
  processEnv: boolean;
  allowIncludeOutside?: boolean;
  /** `-C <repo>`: the repository `git:` specs read from. */
  repo?: string;
}

export interface OutputCliOptions {
  color: ColorChoice;
  showSecrets?: boolean;
}

export function addLoadOptions(command: Command): Command {
  return command
    .option("--rules <catalog>", "rule catalog: openclaw@<version>, latest, or a catalog file (default: meta.lastTouchedVersion of the config, else the installed openclaw, else latest)")
    .option("--openclaw <package>", "take the rules from an installed OpenClaw package (its directory or an npm pack .tgz) instead of --rules")
    .option("--plugins <ids>", "bundled plugins/channels whose reload rules load: all, none, or a comma list (default: those the before config loads; with --openclaw: all)")
    .option("--no-cache", "with --openclaw: import the package afresh instead of reusing the cached catalog in the user's cache dir")
    .addOption(
      new Option("--trigger <trigger>", "what made the gateway evaluate: its file watcher, or its own in-process write (agents.create, config.patch)")
        .choices(["watcher", "write"])
        .default("watcher"),
    )
    .option("--proposed <rules>", "also plan under proposed rules: a catalog (openclaw@<version>, file) or an overlay file")
    .option("--config <relpath>", "config file inside each state directory, or path in the repository for git: specs (default openclaw.json)")
    .option("--max-bytes <n>", "refuse config files larger than this", parsePositiveInteger)
    .option("--env <KEY=VALUE>", "set a variable for ${VAR} resolution (repeatable; wins over everything)", collect, [])
    .option("--dotenv <file>", "extra dotenv file for ${VAR} resolution (repeatable)", collect, [])
    .option("--no-process-env", "do not resolve ${VAR} from clawdiff's own environment (hermetic runs)")
    .option("--allow-include-outside", "let $include read files outside the config directory")
    .option("-C, --repo <dir>", "repository for git:<rev> specs (default: the working directory)");
}

/** Pre-commit conveniences of `diff`: which two repository states to compare when no specs are given. */
export interface GitShortcutCliOptions {
  staged?: boolean;
  worktree?: boolean;
}

export function addGitShortcutOptions(command: Command): Command {
  return command
    .option("--staged", "compare HEAD with the index (what the next commit would change)")
    .option("--worktree", "compare HEAD with the working tree (what committing every edit would change)");
}

export function addOutputOptions(command: Command, formats: readonly string[], defaultFormat: string): Command {
  return command
    .addOption(new Option("--format <format>", "output format").choices(formats).default(defaultFormat))
    .addOption(new Option("--color <when>", "colour output").choices(["auto", "always", "never"]).default("auto"))
    .option("--show-secrets", "print secret values (local debugging only; refused when CI is set)");
}

/** `--fail-on drift` compares the current and proposed verdicts: without --proposed it could never fire. */
export function checkResultOptions(options: ResultCliOptions & Pick<LoadCliOptions, "proposed">, failOn: ReadonlySet<string>): void {
  if (failOn.has("drift") && options.proposed === undefined) {
    throw new ClawdiffError("usage", "--fail-on drift needs --proposed: drift is a change of verdict between the current and the proposed rules");
  }
}

/** Options of commands whose result feeds the exit-code contract (README, "Exit codes"). */
export interface ResultCliOptions {
  failOn: string[];
  exitCode: "contract" | "none";
  /** A file name, false for --no-ignore-file, undefined to look beside the after-config. */
  ignoreFile?: string | false;
}

export function addResultOptions(command: Command): Command {
  return command
    .option("--fail-on <results>", "results that fail: restart, hot, any, drift, stale-ignore, never (repeatable or comma list; default any)", collect, [])
    .addOption(new Option("--exit-code <mode>", "contract: exit codes per the README table; none: exit 0 on any result").choices(["contract", "none"]).default("contract"))
    .option("--ignore-file <file>", "ignore file (default: .clawdiffignore.json5 beside the after-config, when present)")
    .option("--no-ignore-file", "do not read an ignore file");
}

/** Options of commands that print a diff report in any of the registered formats. */
export interface ReportFormatCliOptions {
  format: FormatName;
  brief?: boolean;
  summary?: boolean;
}

export function addReportFormatOptions(command: Command): Command {
  return addOutputOptions(command, FORMAT_NAMES, "table")
    .addOption(new Option("--brief", "same as --format brief").conflicts("format"))
    .option("--summary", "also append the markdown report to $GITHUB_STEP_SUMMARY (when set)");
}

/**
 * --brief or an explicit --format win; otherwise a GitHub Actions job whose
 * stdout is not a terminal gets workflow-command annotations.
 */
export function chooseReportFormat(options: ReportFormatCliOptions, formatSource: string | undefined, io: Pick<CliIO, "env" | "isTTY">): FormatName {
  if (options.brief) return "brief";
  if (formatSource !== "default" && formatSource !== undefined) return options.format;
  return io.env["GITHUB_ACTIONS"] === "true" && !io.isTTY ? "github" : options.format;
}
