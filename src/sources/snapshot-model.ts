import { relative, dirname } from "node:path";
import type { LoadedConfig } from "../config/load-config.js";
import { fingerprint, fingerprintKeyId } from "../explain/secrets.js";
import { TOOL_NAME, TOOL_VERSION } from "../shared/tool-info.js";
import { knownSecretsOf, maskSecrets, type MaskRule } from "./snapshot-mask.js";

/** Bumped when a field is renamed or removed; fields are only added within a version. */
export const SNAPSHOT_SCHEMA_VERSION = 2;
export const SNAPSHOT_KIND = "clawdiff-snapshot";

export interface SnapshotEnvVariable {
  name: string;
  resolved: boolean;
  /** Where the value came from (process env, a .env file, --env, the config's env block); never the value. */
  origin?: string;
  fingerprint?: string;
}

export interface SnapshotEnvRef {
  path: string;
  segments: string[];
  variables: SnapshotEnvVariable[];
}

/**
 * A gateway state frozen for a later `diff` or `log --before`
 * (schemas/snapshot.schema.json). Secrets are fingerprinted, never stored.
 */
export interface Snapshot {
  kind: typeof SNAPSHOT_KIND;
  snapshotSchemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  /** Names the fingerprint key the snapshot's secrets were printed with (never the key). */
  fingerprintKeyId: string;
  createdAt: string;
  tool: { name: string; version: string };
  source: { stateDir: string; configFile: string; rules: string };
  views: {
    /** Includes merged, `${VAR}` as written. */
    authored: unknown;
    /** What the gateway's file watcher diffs: env substituted, no defaults, install records split off. */
    compare: unknown;
  };
  installRecords: Record<string, unknown>;
  envRefs: SnapshotEnvRef[];
  provenance: {
    /** Every file the load read, relative to the config's directory, with a content fingerprint. */
    files: { path: string; fingerprint: string; bytes: number }[];
    /** Paths the version's defaults filled in the semantic view. */
    defaultsApplied: string[];
  };
  /** What a snapshot cannot reproduce, in plain words. */
  limitations: string[];
}

export const SNAPSHOT_LIMITATIONS = [
  "secret values are keyed fingerprints: two values compare equal when their HMAC-SHA-256 fingerprints (128 bits) are equal, and only under the key the snapshot was taken with",
  "values that came from ${VAR} are fingerprints, so an environment change shows as a changed value without its variable's new value",
  "comments, formatting and per-file source positions are not kept: no line numbers and no formatting-only findings for this side",
  "state files beside the config (devices/, agents/, credentials) are not kept",
];

function envRefsOf(loaded: LoadedConfig): SnapshotEnvRef[] {
  return [...loaded.envReferences].map(([path, site]) => ({
    path,
    segments: site.segments,
    variables: site.references.map((reference) => {
      const resolved = reference.resolved ? loaded.env.lookup(reference.name) : undefined;
      return { name: reference.name, resolved: reference.resolved, ...(resolved ? { origin: resolved.origin, fingerprint: fingerprint(resolved.value) } : {}) };
    }),
  }));
}

/** The mask a loaded side needs when compared with a snapshot (or turned into one). */
export function maskRuleFor(loaded: LoadedConfig, extraEnvSites: Iterable<string> = []): MaskRule {
  return { envSites: new Set([...loaded.envReferences.keys(), ...extraEnvSites]), known: knownSecretsOf(loaded) };
}

export function buildSnapshot(loaded: LoadedConfig, meta: { stateDir: string; rules: string; now: Date }): Snapshot {
  const rule = maskRuleFor(loaded);
  const baseDir = dirname(loaded.root.path);
  return {
    kind: SNAPSHOT_KIND,
    snapshotSchemaVersion: SNAPSHOT_SCHEMA_VERSION,
    fingerprintKeyId: fingerprintKeyId(),
    createdAt: meta.now.toISOString(),
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    source: { stateDir: meta.stateDir, configFile: relative(baseDir, loaded.root.path).split("\\").join("/"), rules: meta.rules },
    views: { authored: maskSecrets(loaded.authored, rule), compare: maskSecrets(loaded.compare, rule) },
    installRecords: maskSecrets(loaded.installRecords, rule) as Record<string, unknown>,
    envRefs: envRefsOf(loaded),
    provenance: {
      files: [...loaded.files.values()].map((file) => ({
        path: relative(baseDir, file.path).split("\\").join("/"),
        fingerprint: fingerprint(file.text),
        bytes: Buffer.byteLength(file.text, "utf8"),
      })),
      defaultsApplied: [...loaded.defaultsApplied.keys()],
    },
    limitations: SNAPSHOT_LIMITATIONS,
  };
}
