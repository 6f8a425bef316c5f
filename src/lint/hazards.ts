import type { Comparison } from "../compare.js";
import type { DiffReport } from "../report/model.js";
import { unknownRootKeys, type ConfigKeys } from "../rules/config-keys.js";

/**
 * Things worth a warning even when every expectation holds: a path only the
 * restart fallback classifies, a `${VAR}` with no value in the fixture's
 * env, a top-level key the version's strict root schema would reject.
 */
export function findHazards(report: DiffReport, comparison: Comparison, configKeys: ConfigKeys | null): string[] {
  const hazards = report.changes
    .filter((change) => change.classification.current.fallback)
    .map((change) => `${change.path} matches no rule: the restart fallback decides`);
  hazards.push(...report.warnings.map((warning) => `${warning.side}: ${warning.path}: ${warning.message}`));
  if (configKeys) {
    for (const side of ["before", "after"] as const) {
      const loaded = comparison[side];
      const keys = unknownRootKeys(loaded.authored, configKeys);
      const origins = loaded.origins.originsFor(keys.map((key) => [key]));
      keys.forEach((key, index) => {
        const origin = origins[index]?.[0];
        const where = origin ? [origin.file, origin.line, origin.column].filter((part) => part !== undefined).join(":") : "";
        hazards.push(`${side}: ${where ? `${where}: ` : ""}unknown top-level key '${key}' (openclaw@${configKeys.openclawVersion} rejects the config)`);
      });
    }
  }
  return hazards;
}
