import type { FixtureResult } from "./result.js";
import { defuseCommandLines, displaySafe } from "../shared/display-text.js";

export interface LintSummary {
  fixtures: number;
  passed: number;
  failed: number;
  errors: number;
  warnings: number;
}

export function summarizeLint(results: readonly FixtureResult[]): LintSummary {
  const count = (status: FixtureResult["status"]) => results.filter((result) => result.status === status).length;
  return {
    fixtures: results.length,
    passed: count("pass"),
    failed: count("fail"),
    errors: count("error"),
    warnings: results.reduce((total, result) => total + result.warnings.length, 0),
  };
}

const LABELS = { pass: "PASS ", fail: "FAIL ", error: "ERROR" } as const;

/** One line per fixture (its verdict, or what went wrong), indented details below, for people and CI logs. */
export function renderLintLines(data: FixtureResult): string[] {
  const result = displaySafe(data);
  const headline = result.status === "error" ? result.error : result.headline;
  return [
    `${LABELS[result.status]} ${result.name}${headline ? `: ${headline}` : ""}`,
    ...result.failures.map((failure) => `      ✗ ${failure}`),
    ...result.warnings.map((warning) => `      ! ${warning}`),
  ].map(defuseCommandLines);
}

/** `N fixtures, N failed` and, when there are any, errors and warnings. */
export function renderLintSummary(summary: LintSummary): string {
  const parts = [`${summary.fixtures} fixture${summary.fixtures === 1 ? "" : "s"}`, `${summary.failed} failed`];
  if (summary.errors > 0) parts.push(`${summary.errors} error${summary.errors === 1 ? "" : "s"}`);
  if (summary.warnings > 0) parts.push(`${summary.warnings} warning${summary.warnings === 1 ? "" : "s"}`);
  return parts.join(", ");
}
