import type { ReloadPlan } from "../plan/build-plan.js";
import { decideReloadAction, type Verdict } from "../plan/outcome.js";
import type { ReloadKind } from "../rules/catalog.js";
import type { IgnoreEntryRef, IgnoreFile } from "./ignore-file.js";

/** The part of a report an ignore file is judged against; the report satisfies it as it is. */
export interface IgnoreSubject {
  changes: readonly { path: string; segments: string[]; classification: { current: { kind: ReloadKind; actions: readonly string[] } } }[];
  plans: { current: { catalog: string } };
  reloadMode: { mode: string };
  /** Issues that make the gateway refuse the after-config: then nothing reloads, suppressed or not. */
  validation?: { issues: readonly unknown[] };
}

/** A change an ignore entry accepted: still in `changes`, no longer counted for the exit code. */
export interface SuppressedChange {
  path: string;
  segments: string[];
  entry: IgnoreEntryRef;
}

export interface IgnoreOutcome {
  file: string;
  /** Entries that matched no change in this run. */
  stale: IgnoreEntryRef[];
  /** Entries past their `until` date: not applied. */
  expired: IgnoreEntryRef[];
  /** The verdict over the changes no entry suppressed. */
  effectiveVerdict: Verdict;
}

/** `until` is the last day an entry applies (UTC). */
export const isExpired = (entry: IgnoreEntryRef, today: string) => entry.until !== undefined && entry.until < today;

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/**
 * What the gateway would do if only the unsuppressed changes had happened:
 * the same reload-mode decision, over the remaining classifications.
 */
export function verdictWithout(report: IgnoreSubject, suppressed: ReadonlySet<string>): Verdict {
  const remaining = report.changes.filter((change) => !suppressed.has(change.path));
  if (remaining.length === 0) return "no-change";
  const pathsOf = (kind: ReloadKind) =>
    remaining.filter((change) => change.classification.current.kind === kind).map((change) => change.path);
  const plan: ReloadPlan = {
    catalog: report.plans.current.catalog,
    changedPaths: remaining.map((change) => change.path),
    restartGateway: pathsOf("restart").length > 0,
    restartReasons: pathsOf("restart"),
    hotReasons: pathsOf("hot"),
    noopPaths: pathsOf("none"),
    actions: [...new Set(remaining.flatMap((change) => change.classification.current.actions))],
    restartChannels: [],
    classifications: [],
  };
  return decideReloadAction(plan, report.reloadMode.mode, (report.validation?.issues.length ?? 0) > 0);
}

/** Matches every unexpired entry against the report's changes; the first matching entry suppresses a change. */
export function applyIgnoreFile(report: IgnoreSubject, ignore: IgnoreFile, today: string): { suppressed: SuppressedChange[]; ignore: IgnoreOutcome } {
  const active = ignore.entries.filter((entry) => !isExpired(entry.ref, today));
  const used = new Set<IgnoreEntryRef>();
  const suppressed: SuppressedChange[] = [];
  for (const change of report.changes) {
    const entry = active.find((candidate) => candidate.pattern.matches(change.segments, change.path));
    if (!entry) continue;
    used.add(entry.ref);
    suppressed.push({ path: change.path, segments: change.segments, entry: entry.ref });
  }
  // An entry shadowed by an earlier one still counts as used when it would have matched.
  for (const entry of active) {
    if (!used.has(entry.ref) && report.changes.some((change) => entry.pattern.matches(change.segments, change.path))) used.add(entry.ref);
  }
  return {
    suppressed,
    ignore: {
      file: ignore.file,
      stale: active.filter((entry) => !used.has(entry.ref)).map((entry) => entry.ref),
      expired: ignore.entries.filter((entry) => isExpired(entry.ref, today)).map((entry) => entry.ref),
      effectiveVerdict: verdictWithout(report, new Set(suppressed.map((change) => change.path))),
    },
  };
}
