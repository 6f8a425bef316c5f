import type { ReloadTrigger } from "../rules/evaluator-views.js";
import { compareVersions } from "../rules/versions.js";
import type { ReloadEvent } from "./group-events.js";

/**
 * Which setting of the gateway reproduces what it logged: for one pair of
 * states, the changed paths and decision of every (version, trigger, env
 * source) are compared with a logged evaluation. The comparisons themselves
 * are run by the caller; this module ranks them and says why each differs.
 */
export type EnvSource = "dotenv" | "process" | "none";

export const ENV_SOURCE_LABELS: Record<EnvSource, string> = {
  dotenv: "env from the state's .env",
  process: "env from the process over .env",
  none: "no env (${VAR} unresolved)",
};

/** Versions whose rules, evaluator views and defaults are the same: one search point. */
export interface VersionGroup {
  versions: string[];
  catalog: string;
  label: string;
}

export interface ReproduceSetting {
  group: VersionGroup;
  trigger: ReloadTrigger;
  env: EnvSource;
}

export type SettingOutcome =
  | { setting: ReproduceSetting; ok: true; changedPaths: string[]; restartReasons: string[]; restart: boolean }
  | { setting: ReproduceSetting; ok: false; error: string };

export interface SettingVerdict {
  setting: ReproduceSetting;
  reproduces: boolean;
  /** Logged paths this setting does not report, and paths it reports that the log does not. */
  missing: string[];
  extra: string[];
  decision: "same" | "different" | "not-logged";
  why: string;
}

export interface PathSupport {
  path: string;
  /** Settings whose changed paths hold this logged path, described compactly. */
  reportedBy: number;
  summary: string;
}

export interface Reproduction {
  event: number;
  settings: number;
  reproducing: SettingVerdict[];
  /** The reproducing settings, described compactly. */
  reproducedBy: string;
  /** The nearest settings that do not reproduce the log, best first. */
  closest: SettingVerdict[];
  /** Logged paths only some settings report, with the settings that do. */
  narrowedPaths: PathSupport[];
  /** Logged paths no setting reports. */
  unexplained: string[];
}

export interface VersionKey {
  version: string;
  catalog: string;
  /** Everything else that makes two versions evaluate differently (evaluator views, defaults). */
  key: string;
}

const shortVersion = (first: string, last: string) => {
  const [year] = first.split(".");
  return last.startsWith(`${year}.`) ? last.slice(year!.length + 1) : last;
};

function rangeLabel(first: string, last: string): string {
  return first === last ? first : `${first}–${shortVersion(first, last)}`;
}

/** Consecutive versions with the same catalog and key, oldest first. */
export function groupVersions(versions: readonly VersionKey[]): VersionGroup[] {
  const sorted = [...versions].sort((a, b) => compareVersions(a.version, b.version));
  const groups: { versions: string[]; catalog: string; key: string }[] = [];
  for (const entry of sorted) {
    const last = groups[groups.length - 1];
    if (last && last.catalog === entry.catalog && last.key === entry.key) last.versions.push(entry.version);
    else groups.push({ versions: [entry.version], catalog: entry.catalog, key: entry.key });
  }
  return groups.map(({ versions: members, catalog }) => ({ versions: members, catalog, label: rangeLabel(members[0]!, members[members.length - 1]!) }));
}

interface LoggedEvaluation {
  changedPaths: string[] | null;
  restart: boolean | null;
  restartReasons: string[];
}

function loggedEvaluation(event: ReloadEvent): LoggedEvaluation {
  const restart = event.outcome === "restart" || event.outcome === "restart-ignored" ? true : event.outcome === "hot-reload" || event.outcome === "none" ? false : null;
  return { changedPaths: event.changedPaths, restart, restartReasons: event.restartReasons };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));
const list = (paths: readonly string[]) => paths.join(", ");

function judge(outcome: SettingOutcome, logged: LoggedEvaluation): SettingVerdict {
  const { setting } = outcome;
  if (!outcome.ok) return { setting, reproduces: false, missing: [], extra: [], decision: "not-logged", why: `cannot load the states: ${outcome.error}` };
  const loggedPaths = logged.changedPaths ?? logged.restartReasons;
  const reported = logged.changedPaths ? outcome.changedPaths : outcome.restartReasons;
  const missing = loggedPaths.filter((path) => !reported.includes(path));
  const extra = reported.filter((path) => !loggedPaths.includes(path));
  const decision =
    logged.restart === null ? "not-logged" : logged.restart === outcome.restart && (!logged.restart || sameSet(logged.restartReasons, outcome.restartReasons)) ? "same" : "different";
  const reasons: string[] = [];
  if (missing.length > 0) reasons.push(`does not report ${list(missing)}`);
  if (extra.length > 0) reasons.push(`also reports ${list(extra)}`);
  if (decision === "different") reasons.push(outcome.restart ? `restarts for ${list(outcome.restartReasons)}` : "does not restart");
  const reproduces = reasons.length === 0;
  return { setting, reproduces, missing, extra, decision, why: reproduces ? "same changed paths and decision as logged" : reasons.join("; ") };
}

const distance = (verdict: SettingVerdict) => verdict.missing.length + verdict.extra.length + (verdict.decision === "different" ? 1 : 0);

/** The version ranges a set of groups spans, merged where they are neighbours in `order`. */
function rangesOf(groups: ReadonlySet<VersionGroup>, order: readonly VersionGroup[]): string {
  const runs: VersionGroup[][] = [];
  let run: VersionGroup[] = [];
  for (const group of order) {
    if (groups.has(group)) run.push(group);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs.map((members) => rangeLabel(members[0]!.versions[0]!, members[members.length - 1]!.versions.at(-1)!)).join(", ");
}

const MAX_PARTS = 4;

const joinOr = (items: readonly string[]) => items.join(" or ");

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/**
 * "no env (${VAR} unresolved), any trigger: 2026.1.29–9.6": the settings in
 * `subset`, by env source and trigger, merged where they span the same versions.
 */
export function describeSettings(subset: readonly ReproduceSetting[], order: readonly VersionGroup[], allTriggers: readonly ReloadTrigger[], allEnvs: number): string {
  const byCombination = new Map<string, { trigger: ReloadTrigger; env: EnvSource; groups: Set<VersionGroup> }>();
  for (const setting of subset) {
    const key = `${setting.env}|${setting.trigger}`;
    const entry = byCombination.get(key) ?? { trigger: setting.trigger, env: setting.env, groups: new Set<VersionGroup>() };
    entry.groups.add(setting.group);
    byCombination.set(key, entry);
  }
  // Settings spanning the same versions read as one: "no env, any trigger", "any env source, trigger write".
  const byRanges = new Map<string, Map<string, { triggers: ReloadTrigger[]; envs: EnvSource[] }>>();
  for (const [env, triggerGroups] of groupBy([...byCombination.values()], (entry) => entry.env)) {
    const byTriggerRanges = groupBy(triggerGroups, (entry) => rangesOf(entry.groups, order));
    for (const [ranges, entries] of byTriggerRanges) {
      const triggers = entries.map((entry) => entry.trigger);
      const forRanges = byRanges.get(ranges) ?? new Map<string, { triggers: ReloadTrigger[]; envs: EnvSource[] }>();
      const slot = forRanges.get(triggers.join()) ?? { triggers, envs: [] };
      slot.envs.push(env as EnvSource);
      forRanges.set(triggers.join(), slot);
      byRanges.set(ranges, forRanges);
    }
  }
  const envCount = new Set(subset.map((setting) => setting.env)).size;
  const parts = [...byRanges].flatMap(([ranges, slots]) =>
    [...slots.values()].map(({ triggers, envs }) => {
      const envLabel = envs.length > 1 && envs.length === envCount && envCount === allEnvs ? "any env source" : envs.map((env) => ENV_SOURCE_LABELS[env]).join(" or ");
      return `${envLabel}, ${triggers.length === allTriggers.length ? "any trigger" : `trigger ${joinOr(triggers)}`}: ${ranges}`;
    }),
  );
  const more = parts.length > MAX_PARTS ? `; and ${parts.length - MAX_PARTS} more` : "";
  return `${parts.slice(0, MAX_PARTS).join("; ")}${more}`;
}

const CLOSEST = 3;

/** Ranks every setting's outcome against one logged evaluation. */
export function reproduceEvent(event: ReloadEvent, outcomes: readonly SettingOutcome[], order: readonly VersionGroup[]): Reproduction {
  const triggers = [...new Set(outcomes.map((outcome) => outcome.setting.trigger))];
  const envCount = new Set(outcomes.map((outcome) => outcome.setting.env)).size;
  const logged = loggedEvaluation(event);
  const verdicts = outcomes.map((outcome) => judge(outcome, logged));
  const ranked = verdicts.filter((verdict) => !verdict.reproduces).sort((a, b) => distance(a) - distance(b));
  const loaded = outcomes.filter((outcome) => outcome.ok);
  const loggedPaths = logged.changedPaths ?? logged.restartReasons;
  const narrowedPaths: PathSupport[] = [];
  const unexplained: string[] = [];
  for (const path of loggedPaths) {
    const reporting = loaded.filter((outcome) => (logged.changedPaths ? outcome.changedPaths : outcome.restartReasons).includes(path));
    if (reporting.length === 0) unexplained.push(path);
    else if (reporting.length < loaded.length) narrowedPaths.push({ path, reportedBy: reporting.length, summary: describeSettings(reporting.map((outcome) => outcome.setting), order, triggers, envCount) });
  }
  const reproducing = verdicts.filter((verdict) => verdict.reproduces);
  return {
    event: event.index,
    settings: outcomes.length,
    reproducing,
    reproducedBy: describeSettings(
      reproducing.map((verdict) => verdict.setting),
      order,
      triggers,
      envCount,
    ),
    closest: ranked.slice(0, CLOSEST),
    narrowedPaths,
    unexplained,
  };
}
