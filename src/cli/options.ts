import { InvalidArgumentError, Option, type Command } from "commander";
import type { ColorChoice } from "./color.js";

export function parsePositiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) throw new InvalidArgumentError("expected a positive whole number");
  return parsed;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Options every command that loads gateway states accepts. */
export interface LoadCliOptions {
  rules: string;
  proposed?: string;
  config?: string;
  maxBytes?: number;
  env: string[];
  envFile: string[];
  processEnv: boolean;
  allowIncludeOutside?: boolean;
}

export interface OutputCliOptions {
  color: ColorChoice;
  showSecrets?: boolean;
}

export function addLoadOptions(command: Command): Command {
  return command
    .option("--rules <catalog>", "rule catalog: openclaw@<version>, latest, or a catalog file", "latest")
    .option("--proposed <rules>", "also plan under proposed rules: a catalog (openclaw@<version>, file) or an overlay file")
    .option("--config <relpath>", "config file inside each state directory (default openclaw.json)")
    .option("--max-bytes <n>", "refuse config files larger than this", parsePositiveInteger)
    .option("--env <KEY=VALUE>", "set a variable for ${VAR} resolution (repeatable; wins over everything)", collect, [])
    .option("--env-file <file>", "extra dotenv file for ${VAR} resolution (repeatable)", collect, [])
    .option("--no-process-env", "do not resolve ${VAR} from clawdiff's own environment (hermetic runs)")
    .option("--allow-include-outside", "let $include read files outside the config directory");
}

export function addOutputOptions(command: Command, formats: readonly string[], defaultFormat: string): Command {
  return command
    .addOption(new Option("--format <format>", "output format").choices(formats).default(defaultFormat))
    .addOption(new Option("--color <when>", "colour output").choices(["auto", "always", "never"]).default("auto"))
    .option("--show-secrets", "print secret values (local debugging only; refused when CI is set)");
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
