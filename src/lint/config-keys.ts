import configKeysSchema from "../../schemas/config-keys.schema.json" with { type: "json" };
import { assertMatchesSchema } from "../shared/schema-validation.js";
import { isPlainObject } from "../shared/values.js";

/** The top-level keys one OpenClaw version accepts (schemas/config-keys/). */
export interface ConfigKeys {
  configKeysFormat: 1;
  openclawVersion: string;
  source: { package: string; file: string; note?: string };
  rootKeys: string[];
}

export function validateConfigKeys(data: unknown, display: string): ConfigKeys {
  return assertMatchesSchema<ConfigKeys>(configKeysSchema, data, "config-keys table", display);
}

/** Top-level keys of an authored config that the version's root schema (a strict object) rejects. */
export function unknownRootKeys(config: unknown, keys: ConfigKeys): string[] {
  if (!isPlainObject(config)) return [];
  const known = new Set(keys.rootKeys);
  return Object.keys(config).filter((key) => !known.has(key));
}
