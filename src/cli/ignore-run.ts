import type { Comparison } from "../compare.js";
import { applyIgnoreFile, todayUtc } from "../ignore/apply.js";
import type { IgnoreEntryRef } from "../ignore/ignore-file.js";
import type { DiffReport } from "../report/model.js";
import { readIgnoreFile } from "../sources/ignore-source.js";

const where = (entry: IgnoreEntryRef) => (entry.line === undefined ? entry.file : `${entry.file}:${entry.line}`);

/** Reads the run's ignore file (if any) and adds `suppressed` and `ignore` to the report. */
export function applyIgnoreChoice(report: DiffReport, comparison: Comparison, choice: string | false | undefined, cwd: string, today = todayUtc()): DiffReport {
  const ignoreFile = readIgnoreFile(comparison.after.input, choice, cwd);
  return ignoreFile ? { ...report, ...applyIgnoreFile(report, ignoreFile, today) } : report;
}

/** One stderr line per expired or stale entry, so a forgotten entry is seen even in table output. */
export function ignoreWarnings(report: DiffReport): string[] {
  if (!report.ignore) return [];
  return [
    ...report.ignore.expired.map((entry) => `${where(entry)}: ignore entry '${entry.path}' expired on ${entry.until}; not applied`),
    ...report.ignore.stale.map((entry) => `${where(entry)}: ignore entry '${entry.path}' matched no change (stale)`),
  ];
}
