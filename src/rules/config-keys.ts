import configKeysSchema from "../../schemas/config-keys.schema.json" with { type: "json" };
import { assertMatchesSchema } from "../shared/schema-validation.js";
import { getAtSegments, isPlainObject } from "../shared/values.js";

/** What one OpenClaw version's config schema rejects (schemas/config-keys/). */
export interface ConfigKeys {
  configKeysFormat: 1 | 2;
  openclawVersion: string;
  source: { package: string; file: string; note?: string };
  rootKeys: string[];
  /** Format 2: every strict object reachable through object fields, by dotted path ("" is the root), with the keys it accepts. */
  strictObjects?: { path: string; keys: string[] }[];
  /** Format 2: fields that accept only these literal values. */
  choices?: { path: string; values: (string | number | boolean | null)[] }[];
}

/** One reason the version's schema rejects a config, worded as the gateway words it. */
export interface ConfigIssue {
  /** Dotted path of the offending object or field; "" for the root. */
  path: string;
  /** The keys the schema does not know, for an unknown-key issue. */
  keys?: string[];
  message: string;
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

const segmentsOf = (path: string) => (path === "" ? [] : path.split("."));
const quoted = (values: readonly unknown[]) => values.map((value) => JSON.stringify(value)).join(", ");

/**
 * What the version's schema rejects in `config`: unknown keys of strict
 * objects (zod's `Unrecognized key: "x"`) and values outside a literal choice.
 */
export function configIssues(config: unknown, keys: ConfigKeys): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const strict of keys.strictObjects ?? [{ path: "", keys: keys.rootKeys }]) {
    const value = getAtSegments(config, segmentsOf(strict.path));
    if (!isPlainObject(value)) continue;
    const known = new Set(strict.keys);
    const unknown = Object.keys(value).filter((key) => !known.has(key));
    if (unknown.length > 0) issues.push({ path: strict.path, keys: unknown, message: `Unrecognized key${unknown.length === 1 ? "" : "s"}: ${quoted(unknown)}` });
  }
  for (const choice of keys.choices ?? []) {
    const value = getAtSegments(config, segmentsOf(choice.path));
    const unresolved = typeof value === "string" && value.includes("${");
    if (value !== undefined && !unresolved && !choice.values.includes(value as never)) {
      issues.push({ path: choice.path, message: `Invalid input: expected one of ${quoted(choice.values)}` });
    }
  }
  return issues;
}

/** An issue as the gateway's log line shows it: `gateway.reload: Unrecognized key: "debounceMs"`. */
export const issueLine = (issue: ConfigIssue) => `${issue.path === "" ? "<root>" : issue.path}: ${issue.message}`;
