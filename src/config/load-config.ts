import { dirname, join } from "node:path";
import type { ConfigInput } from "../sources/config-input.js";
import { ClawdiffError } from "../shared/errors.js";
import { isPlainObject } from "../shared/values.js";
import { applyDefaults, type DefaultEntry, type DefaultsTable } from "./defaults.js";
import { configEnvBlock, parseEnvFile, stackEnv, type EnvLayer, type ResolvedEnv } from "./env.js";
import { substituteString, type EnvReference } from "./env-substitution.js";
import { defineOwn } from "../shared/values.js";
import { IncludeResolver, type ConfigFile } from "./includes.js";
import { INSTALL_INDEX_PATH, installRecordsFromIndex, splitInstallRecords } from "./install-records.js";
import { assertWithinDepth, parseConfigText } from "./parse-json5.js";
import { OriginFinder } from "./provenance.js";

export interface EnvOptions {
  /** Values given with --env KEY=VALUE: they win over everything. */
  overrides?: Record<string, string>;
  /** The environment the gateway process would have; omitted for hermetic runs. */
  processEnv?: Record<string, string | undefined>;
  /** Extra dotenv files (--dotenv), below the process env and above the state dir's .env. */
  files?: { origin: string; text: string }[];
  /** False: leave the state dir's `.env` unread (a gateway started without it). Default true. */
  stateDotenv?: boolean;
}

export interface LoadOptions {
  env?: EnvOptions;
  defaults?: DefaultsTable | null;
  allowIncludeOutside?: boolean;
}

/** A string leaf whose authored form holds `${VAR}` references. */
export interface EnvReferenceSite {
  segments: string[];
  references: EnvReference[];
}

/** One side's config in the three forms the report compares. */
export interface LoadedConfig {
  input: ConfigInput;
  root: ConfigFile;
  files: ReadonlyMap<string, ConfigFile>;
  /** Includes merged, `${VAR}` as written: what the operator authored. */
  authored: unknown;
  /** The evaluator view: the snapshot's sourceConfig (includes, env substituted, install records split off, no defaults). */
  compare: unknown;
  /** The semantic view: `compare` with the version's defaults filled in. */
  semantic: unknown;
  defaultsApplied: ReadonlyMap<string, DefaultEntry>;
  env: ResolvedEnv;
  /** Leaves that used `${VAR}`, keyed by their dotted path (segments kept). */
  envReferences: ReadonlyMap<string, EnvReferenceSite>;
  /** Plugin install records the gateway diffs beside the config. */
  installRecords: Record<string, unknown>;
  origins: OriginFinder;
}

function buildEnv(input: ConfigInput, options: EnvOptions, authored: unknown): ResolvedEnv {
  const layers: EnvLayer[] = [];
  if (options.overrides) layers.push({ origin: "--env", values: options.overrides });
  if (options.processEnv) layers.push({ origin: "process env", values: options.processEnv });
  for (const file of options.files ?? []) layers.push({ origin: file.origin, values: parseEnvFile(file.text) });
  const stateEnvPath = join(input.stateDir, ".env");
  if (options.stateDotenv !== false && input.kind !== "stdin" && input.reader.exists(stateEnvPath)) {
    layers.push({ origin: input.reader.display(stateEnvPath), values: parseEnvFile(input.reader.readText(stateEnvPath)) });
  }
  layers.push({ origin: "config env block", values: configEnvBlock(authored), fillsBlank: true });
  return stackEnv(layers);
}

/**
 * Whether a file's strings can hold `${`: written out, spelled with an escape
 * (`\u0024{`, JSON5's `\x24{`) or split by a JSON5 line continuation.
 * Files with none of these skip the substitution walk.
 */
const mayHoldReference = (text: string) => ["${", "\\u", "\\x", "\\\n", "\\\r"].some((marker) => text.includes(marker));

/** Substitutes `${VAR}` in string leaves, sharing every subtree that has none. */
function substitute(value: unknown, env: ResolvedEnv, segments: string[], sites: Map<string, EnvReferenceSite>): unknown {
  if (typeof value === "string") {
    if (!value.includes("${")) return value;
    const result = substituteString(value, (name) => env.lookup(name)?.value);
    if (result.references.length > 0) sites.set(segments.join("."), { segments: [...segments], references: result.references });
    return result.text;
  }
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  let copy: Record<string, unknown> | unknown[] | null = null;
  const keys = Array.isArray(value) ? value.keys() : Object.keys(value).values();
  for (const key of keys) {
    const child = (value as Record<string | number, unknown>)[key];
    segments.push(String(key));
    const next = substitute(child, env, segments, sites);
    segments.pop();
    if (next !== child) {
      copy ??= Array.isArray(value) ? [...value] : { ...value };
      if (Array.isArray(copy)) copy[key as number] = next;
      else defineOwn(copy, String(key), next);
    }
  }
  return copy ?? value;
}

function readInstallIndex(input: ConfigInput): Record<string, unknown> {
  if (input.kind !== "dir") return {};
  const path = join(input.stateDir, INSTALL_INDEX_PATH);
  if (!input.reader.exists(path)) return {};
  return installRecordsFromIndex(parseConfigText(input.reader.readText(path), input.reader.display(path)));
}

/**
 * The gateway's read, stage by stage: JSON5 → `$include` → env block →
 * `${VAR}` → install records split off (the compare view) → defaults (the
 * semantic view). Every view comes from this one read.
 */
export function loadConfig(input: ConfigInput, options: LoadOptions = {}): LoadedConfig {
  const display = input.kind === "stdin" ? "<stdin>" : input.reader.display(input.configPath);
  const root: ConfigFile = { path: input.configPath, display, text: input.text, parsed: parseConfigText(input.text, display) };
  const includes = new IncludeResolver(input.reader, { rootDir: dirname(input.configPath), allowOutside: options.allowIncludeOutside ?? false });
  includes.addRoot(root);
  const needsIncludePass = input.text.includes("$include") || input.text.includes("__proto__");
  const authored = needsIncludePass ? assertWithinDepth(includes.resolveTree(root), display) : root.parsed;
  if (!isPlainObject(authored)) {
    // The gateway coerces it to {} and marks the snapshot invalid: "config reload skipped (invalid config)".
    const got = authored === null ? "null" : Array.isArray(authored) ? "an array" : `a ${typeof authored}`;
    throw new ClawdiffError("parse", `top-level value is ${got}, expected an object (the gateway rejects this config as invalid)`, { file: display });
  }

  const env = buildEnv(input, options.env ?? {}, authored);
  const envReferences = new Map<string, EnvReferenceSite>();
  const substituted = [...includes.files.values()].some((file) => mayHoldReference(file.text)) ? substitute(authored, env, [], envReferences) : authored;
  const { config: compare, records } = splitInstallRecords(substituted, readInstallIndex(input));
  const { config: semantic, applied } = applyDefaults(compare, options.defaults ?? null);

  return {
    input,
    root,
    files: includes.files,
    authored,
    compare,
    semantic,
    defaultsApplied: applied,
    env,
    envReferences,
    installRecords: records,
    origins: new OriginFinder(root, includes.files),
  };
}
