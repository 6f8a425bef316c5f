import type { Comparison } from "../compare.js";
import { jsonDeepEqual } from "../shared/json-equal.js";

/**
 * When only the environment changed (the config files are the same on both
 * sides), nothing happens now: the watcher reacts to the config file, not to
 * `.env`. At its next config read the gateway loads `.env` again, but never
 * over a variable its process already holds (2026.9.6
 * dist/dotenv-qNpaL7Pa.mjs:250-269, io.read-helpers-DfFQ-qoh.mjs:93-95): a
 * variable it had keeps its old value until a restart, a new one is read.
 */
export interface EnvOnlyOutlook {
  /** Changed paths the next evaluation (the next write of the config file) will report: their variables were unset before. */
  nextEvaluation: string[];
  /** Changed paths whose new value only a restart brings: their variables were set before (or come from the process env). */
  untilRestart: string[];
  variables: { name: string; change: "added" | "changed" | "removed"; from?: string }[];
}

/** Null unless the two sides differ in the environment alone. */
export function envOnlyOutlook(comparison: Comparison): EnvOnlyOutlook | null {
  const { before, after, changes } = comparison;
  if (changes.length === 0 || !jsonDeepEqual(before.authored, after.authored) || !jsonDeepEqual(before.installRecords, after.installRecords)) return null;
  const variables = new Map<string, EnvOnlyOutlook["variables"][number]>();
  const nextEvaluation: string[] = [];
  const untilRestart: string[] = [];
  for (const change of changes) {
    const sites = [...after.envReferences.values()].filter((site) => site.segments.join(".") === change.path || site.segments.join(".").startsWith(`${change.path}.`));
    const names = [...new Set(sites.flatMap((site) => site.references.map((reference) => reference.name)))];
    let restartOnly = false;
    let explained = false;
    for (const name of names) {
      const was = before.env.lookup(name);
      const now = after.env.lookup(name);
      if (was?.value === now?.value) continue;
      const kind: EnvOnlyOutlook["variables"][number]["change"] = was === undefined ? "added" : now === undefined ? "removed" : "changed";
      variables.set(name, { name, change: kind, ...(now ? { from: now.origin } : {}) });
      explained = true;
      // Only a variable the process never had is read in later; a value it holds stays, and the process env cannot change from outside.
      if (kind !== "added" || now?.origin === "process env" || now?.origin === "--env") restartOnly = true;
    }
    // A change no variable explains (e.g. NaN, never equal to itself) is not the environment's doing.
    if (!explained) return null;
    (restartOnly ? untilRestart : nextEvaluation).push(change.path);
  }
  return { nextEvaluation, untilRestart, variables: [...variables.values()] };
}

/** The outlook in words, one line per fact. */
export function describeEnvOnly(outlook: EnvOnlyOutlook): string[] {
  const names = outlook.variables.map((variable) => `${variable.name} ${variable.change}`).join(", ");
  const lines = [`only the environment changed (${names || "values behind ${VAR}"}): the gateway does not see this now; its watcher reacts to the config file, not to .env`];
  if (outlook.nextEvaluation.length > 0) lines.push(`the next evaluation (the next write of the config file) will report ${outlook.nextEvaluation.join(", ")}: the gateway reads .env again then, and these variables were unset`);
  if (outlook.untilRestart.length > 0) lines.push(`${outlook.untilRestart.join(", ")} keep${outlook.untilRestart.length === 1 ? "s" : ""} the old value until the gateway restarts: it never lets .env override a variable its process already holds`);
  return lines;
}
