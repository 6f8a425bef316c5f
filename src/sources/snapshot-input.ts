import snapshotSchema from "../../schemas/snapshot.schema.json" with { type: "json" };
import { fingerprintKeyId } from "../explain/secrets.js";
import { ClawdiffError } from "../shared/errors.js";
import { assertMatchesSchema } from "../shared/schema-validation.js";
import { defineOwn, isPlainObject } from "../shared/values.js";
import type { ConfigInput, SourceReader } from "./config-input.js";
import { SNAPSHOT_KIND, SNAPSHOT_SCHEMA_VERSION, type Snapshot } from "./snapshot-model.js";

/** Cheap first look, then the marker itself: a snapshot is JSON whose `kind` says so. */
export function isSnapshotText(text: string): boolean {
  if (!text.trimStart().startsWith("{") || !text.includes('"snapshotSchemaVersion"')) return false;
  try {
    const data = JSON.parse(text) as unknown;
    return isPlainObject(data) && data["kind"] === SNAPSHOT_KIND;
  } catch {
    return false;
  }
}

/** `${NAME}` in a stored value is literal text: write it as the `$${NAME}` escape so loading does not substitute it again. */
function escapeEnvSyntax(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, "$$$${$1}");
  if (Array.isArray(value)) return value.map(escapeEnvSyntax);
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) defineOwn(copy, key, escapeEnvSyntax(child));
  return copy;
}

/** A snapshot has its includes merged and its environment resolved: it reads no further files. */
function sealedReader(display: SourceReader["display"]): SourceReader {
  return {
    readText: (path) => {
      throw new ClawdiffError("include", "a snapshot reads no further files", { file: display(path) });
    },
    realpath: () => null,
    exists: () => false,
    display,
  };
}

/**
 * Opens a snapshot as one side of a comparison. The config text handed to
 * the loader is the snapshot's evaluator view, so defaults and the diff run
 * exactly as for a live state; the other views are restored afterwards
 * (see snapshot-sides.ts).
 */
export function openSnapshotInput(spec: string, configPath: string, stateDir: string, text: string, reader: SourceReader): ConfigInput & { snapshot: Snapshot } {
  const data = JSON.parse(text) as Record<string, unknown>;
  const version = data["snapshotSchemaVersion"];
  if (typeof version === "number" && version > SNAPSHOT_SCHEMA_VERSION) {
    throw new ClawdiffError("usage", `snapshot schema version ${version} is newer than this clawdiff reads (${SNAPSHOT_SCHEMA_VERSION}); upgrade clawdiff`, { file: spec });
  }
  if (typeof version === "number" && version < SNAPSHOT_SCHEMA_VERSION) {
    throw new ClawdiffError("usage", `snapshot schema version ${version} holds unkeyed sha256 fingerprints, which this clawdiff no longer compares; take the snapshot again`, { file: spec });
  }
  const snapshot = assertMatchesSchema<Snapshot>(snapshotSchema, data, "snapshot", spec);
  if (snapshot.fingerprintKeyId !== fingerprintKeyId()) {
    throw new ClawdiffError(
      "usage",
      `snapshot was taken with fingerprint key ${snapshot.fingerprintKeyId}, this run uses ${fingerprintKeyId()}: set CLAWDIFF_FINGERPRINT_KEY to the key it was taken with (its fingerprints cannot be compared otherwise)`,
      { file: spec },
    );
  }
  return {
    kind: "file",
    label: spec,
    stateDir,
    configPath,
    text: JSON.stringify(escapeEnvSyntax(snapshot.views.compare)),
    reader: sealedReader(reader.display),
    snapshot,
  };
}
