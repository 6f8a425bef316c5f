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
