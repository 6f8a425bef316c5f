import { parse as parseDotenv } from "dotenv";
import { isPlainObject } from "../shared/values.js";

/** One source of environment values, highest precedence first in a stack. */
export interface EnvLayer {
  /** Where the values come from, for provenance ("process env", "state/.env", "--env"). */
  origin: string;
  values: Readonly<Record<string, string | undefined>>;
  /** The config's env block: it also replaces a blank value set by an earlier layer. */
  fillsBlank?: boolean;
}

export interface ResolvedVariable {
  value: string;
  origin: string;
}

/** The environment one side of a comparison resolves `${VAR}` against. */
export interface ResolvedEnv {
  lookup(name: string): ResolvedVariable | undefined;
}

const DOTENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses `.env` text with the same parser the gateway uses (dotenv), keeping only keys it accepts. */
export function parseEnvFile(text: string): Record<string, string> {
  const parsed = parseDotenv(text);
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (DOTENV_KEY.test(key)) values[key] = value;
  return values;
}

/**
 * The config's own `env` block (`env.vars.*` and string `env.<KEY>`) only
 * fills variables that are unset or blank, and never values that themselves
 * hold a `${...}` reference.
 */
export function configEnvBlock(config: unknown): Record<string, string> {
  if (!isPlainObject(config) || !isPlainObject(config["env"])) return {};
  const block = config["env"];
  const values: Record<string, string> = {};
  const take = (key: string, value: unknown) => {
    if (typeof value === "string" && !value.includes("${") && DOTENV_KEY.test(key)) values[key] = value;
  };
  if (isPlainObject(block["vars"])) for (const [key, value] of Object.entries(block["vars"])) take(key, value);
  for (const [key, value] of Object.entries(block)) if (key !== "vars" && key !== "shellEnv") take(key, value);
  return values;
}

/**
 * As the gateway builds its environment: a `.env` never overrides a variable
 * that is already defined (even as ""), the config's env block fills unset or
 * blank ones, and substitution treats "" as missing.
 */
export function stackEnv(layers: readonly EnvLayer[]): ResolvedEnv {
  return {
    lookup(name) {
      let found: ResolvedVariable | undefined;
      for (const layer of layers) {
        const value = layer.values[name];
        if (value === undefined) continue;
        if (!found) found = { value, origin: layer.origin };
        else if (layer.fillsBlank && found.value.trim() === "") found = { value, origin: layer.origin };
      }
      return found && found.value !== "" ? found : undefined;
    },
  };
}
