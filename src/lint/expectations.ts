import type { Verdict } from "../plan/outcome.js";
import type { DiffReport, ReportChange, ReportPlan } from "../report/model.js";
import type { ExpectedKind, FixtureExpectation, PlanExpectation } from "./fixture.js";

type Side = "current" | "proposed";

const describeRestart = (restart: boolean) => (restart ? "a restart" : "no restart");

function checkPlan(report: DiffReport, expect: PlanExpectation, side: Side, plan: ReportPlan, verdict: Verdict): string[] {
  const failures: string[] = [];
  const label = side === "proposed" ? "proposed: " : "";
  if (expect.restart !== undefined && plan.wouldRestart !== expect.restart) {
    const reasons = plan.restartReasons.length > 0 ? ` (${plan.restartReasons.join(", ")})` : "";
    failures.push(`${label}expected ${describeRestart(expect.restart)}, got ${describeRestart(plan.wouldRestart)}${reasons}`);
  }
  if (expect.verdict !== undefined && verdict !== expect.verdict) failures.push(`${label}expected verdict ${expect.verdict}, got ${verdict}`);
  for (const [path, expected] of Object.entries(expect.paths ?? {})) {
    const failure = checkPathKind(report.changes.find((change) => change.path === path), path, expected, side);
    if (failure) failures.push(`${label}${failure}`);
  }
  return failures;
}

function checkPathKind(change: ReportChange | undefined, path: string, expected: ExpectedKind, side: Side): string | null {
  if (!change) return expected === "unchanged" ? null : `expected ${path} ${expected}, but the evaluator does not see it change`;
  if (expected === "unchanged") return `expected ${path} unchanged, but it changed (${change.classification.current.kind})`;
  const classification = change.classification[side];
  if (!classification) return `expected ${path} ${expected}, but no ${side} rules were given`;
  if (classification.kind === expected) return null;
  const rule = classification.rule ? `rule ${classification.rule.prefix}` : "no rule matched";
  return `expected ${path} ${expected}, got ${classification.kind} (${rule})`;
}

function checkCauses(report: DiffReport, causes: Record<string, string[]>): string[] {
  const failures: string[] = [];
  const all = [...report.changes, ...report.formOnlyChanges];
  for (const [path, wanted] of Object.entries(causes)) {
    const found = all.filter((change) => change.path === path).flatMap((change) => change.causes.map((cause) => cause.code as string));
    if (found.length === 0) {
      failures.push(`expected causes ${wanted.join(", ")} for ${path}, but it has no change`);
      continue;
    }
    const missing = wanted.filter((code) => !found.includes(code));
    if (missing.length > 0) failures.push(`expected ${path} caused by ${missing.join(", ")}, got ${[...new Set(found)].join(", ")}`);
  }
  return failures;
}

function checkChangedPaths(report: DiffReport, expected: string[]): string[] {
  const actual = new Set(report.changedPaths);
  const missing = expected.filter((path) => !actual.has(path));
  const extra = report.changedPaths.filter((path) => !expected.includes(path));
  if (missing.length === 0 && extra.length === 0) return [];
  const parts = [missing.length > 0 ? `missing ${missing.join(", ")}` : "", extra.length > 0 ? `unexpected ${extra.join(", ")}` : ""];
  return [`changed paths differ: ${parts.filter(Boolean).join("; ")}`];
}

/** Every way `report` falls short of `expect`, one sentence each; empty when it meets them all. */
export function checkExpectations(report: DiffReport, expect: FixtureExpectation): string[] {
  const failures = checkPlan(report, expect, "current", report.plans.current, report.summary.verdict);
  if (expect.changedPaths) failures.push(...checkChangedPaths(report, expect.changedPaths));
  if (expect.causes) failures.push(...checkCauses(report, expect.causes));
  if (expect.noSpurious !== undefined) {
    const spurious = report.changes.filter((change) => change.spurious).map((change) => change.path);
    if (expect.noSpurious && spurious.length > 0) failures.push(`expected no spurious paths, got ${spurious.join(", ")}`);
    if (!expect.noSpurious && spurious.length === 0) failures.push("expected at least one spurious path, got none");
  }
  const proposedPlan = report.plans.proposed;
  if (expect.drift !== undefined || expect.proposed) {
    if (!proposedPlan) return [...failures, "expectations about proposed rules need `proposed` in the fixture"];
    if (expect.drift !== undefined && report.summary.drift !== expect.drift) {
      failures.push(`expected ${expect.drift ? "" : "no "}drift, got ${proposedPlan.outcome} under proposed vs ${report.plans.current.outcome} under current`);
    }
    if (expect.proposed) {
      const verdict: Verdict = report.changes.length === 0 ? "no-change" : proposedPlan.outcome;
      failures.push(...checkPlan(report, expect.proposed, "proposed", proposedPlan, verdict));
    }
  }
  return failures;
}
