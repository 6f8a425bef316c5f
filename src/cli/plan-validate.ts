import { configIssues, issueLine } from "../rules/config-keys.js";
import { loadConfigKeysFor } from "../sources/config-keys-store.js";
import { ClawdiffError } from "../shared/errors.js";

/**
 * Refuses a predicted config the version's schema rejects where the state it
 * started from did not: the gateway answers such a write with "invalid
 * config" and writes nothing (schemas/config-keys/, the nearest older table).
 */
export function checkPredictedConfig(before: unknown, after: unknown, version: string): void {
  const keys = loadConfigKeysFor(version);
  if (!keys) return;
  const known = new Set(configIssues(before, keys).map(issueLine));
  const introduced = configIssues(after, keys).map(issueLine).filter((line) => !known.has(line));
  if (introduced.length > 0) {
    throw new ClawdiffError("usage", `openclaw@${keys.openclawVersion}'s config schema rejects this change: ${introduced[0]}${introduced.length > 1 ? ` (+${introduced.length - 1} more)` : ""}`);
  }
}
