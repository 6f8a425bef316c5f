import { unknownRootKeys } from "../lint/config-keys.js";
import { loadConfigKeysFor } from "../sources/config-keys-store.js";
import { ClawdiffError } from "../shared/errors.js";
import type { WriteRequest } from "../writer/change.js";

/**
 * Refuses a change the version's root schema (a strict object) would reject,
 * before anything is predicted: the gateway answers such a write with
 * "invalid config" and writes nothing.
 */
export function checkConfigKeys(request: WriteRequest, version: string): void {
  const keys = loadConfigKeysFor(version);
  if (!keys) return;
  const roots =
    request.operation === "config.set"
      ? Object.fromEntries(request.edits.filter((edit) => edit.kind === "set").map((edit) => [edit.segments[0] ?? "", true]))
      : request.operation === "config.patch"
        ? request.patch
        : {};
  const unknown = unknownRootKeys(roots, keys);
  if (unknown.length > 0) {
    throw new ClawdiffError("usage", `openclaw@${keys.openclawVersion}'s config schema rejects the top-level key '${unknown[0]}' (known keys: schemas/config-keys/openclaw@${keys.openclawVersion}.json)`);
  }
}
