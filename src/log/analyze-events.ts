import type { DefaultsTable } from "../config/defaults.js";
import type { Cause } from "../explain/cause-codes.js";
import { createPlanner, type Classification, type PlanContext } from "../plan/build-plan.js";
import type { DiffReport } from "../report/model.js";
import type { ReloadKind, RuleCatalog } from "../rules/catalog.js";
import type { ReloadEvent } from "./group-events.js";
import { hintsForPath, type SpuriousHint } from "./spurious-hints.js";

export interface PathVerdict {
  kind: ReloadKind;
  rule: { prefix: string; origin: string } | null;
  /** No rule matched; the catalog's fallback decided. */
  fallback: boolean;
}

/** Why a logged path is dirty according to the state directory: cause codes, or a flag that the state cannot explain it. */
export type PathExplanation =
  | { status: "explained"; causes: Cause[]; spurious: boolean; semanticChange: boolean }
  | { status: "form-only"; causes: Cause[] }
  | { status: "unexplained"; note: string };

export interface AnalyzedPath {
  path: string;
  /** What the log said about the path. */
  logged: "restart" | "hot" | "none" | "changed";
  current: PathVerdict;
  proposed?: PathVerdict;
  hints: SpuriousHint[];
  explanation?: PathExplanation;
}

export interface AnalyzedEvent {
  event: ReloadEvent;
  paths: AnalyzedPath[];
  /** The catalog's restart reasons for the logged changed paths. */
  catalogRestartReasons: string[];
  /** Whether the catalog reproduces the logged restart decision (null when the log lacks the changed paths or the outcome). */
  catalogAgrees: boolean | null;
  /** Under the proposed rules: would this evaluation still restart? */
  proposedRestart?: boolean;
  /** Every logged restart reason looks spurious (hints, or cause codes with --state). */
  spuriousRestart: boolean;
}

export interface AnalysisContext {
  catalog: RuleCatalog;
  proposed?: RuleCatalog;
  defaults: DefaultsTable | null;
  /** The report of `--before` (or the `.bak` copy) against the state directory, when given. */
  stateReport?: DiffReport;
  /** From the same comparison: what conditional rules (auth credentials) ask, as `diff` plans them (compare.ts conditionContext). */
  conditions?: Omit<PlanContext, "installRecords">;
}

const verdictOf = (classification: Classification): PathVerdict => ({
  kind: classification.kind,
  rule: classification.rule ? { prefix: classification.rule.prefix, origin: classification.rule.origin } : null,
  fallback: classification.fallback,
});

function explain(path: string, report: DiffReport): PathExplanation {
  const change = report.changes.find((candidate) => candidate.path === path);
  if (change) return { status: "explained", causes: change.causes, spurious: change.spurious, semanticChange: change.semanticChange };
  const formOnly = report.formOnlyChanges.find((candidate) => candidate.path === path);
  if (formOnly) return { status: "form-only", causes: formOnly.causes };
  return { status: "unexplained", note: "the state compared does not change this path: it changed and changed back, or the before side is not the state the gateway held" };
}

function loggedAs(event: ReloadEvent, path: string): AnalyzedPath["logged"] {
  if (event.restartReasons.includes(path)) return "restart";
  if (event.hotReasons.includes(path)) return "hot";
  if (event.noopPaths.includes(path)) return "none";
  return "changed";
}

/** The evaluated paths, then any reason the evaluation line did not list (a writer's follow-up reason, or a cut-off list). */
const loggedPaths = (event: ReloadEvent) => [...new Set([...(event.changedPaths ?? []), ...event.restartReasons, ...event.hotReasons, ...event.noopPaths])];

const RESTARTING: ReadonlySet<string> = new Set(["restart", "restart-ignored"]);

/** Explains each event's paths with the catalog for the running version, hints, and (optionally) the state directory. */
export function analyzeEvents(events: readonly ReloadEvent[], context: AnalysisContext): AnalyzedEvent[] {
  const planner = createPlanner(context.catalog);
  const proposedPlanner = context.proposed ? createPlanner(context.proposed) : null;
  return events.map((event) => {
    const pathList = loggedPaths(event);
    const planContext = context.conditions ?? {};
    const plan = planner.plan(pathList, planContext);
    const proposedPlan = proposedPlanner?.plan(pathList, planContext);
    const paths = pathList.map((path, index): AnalyzedPath => ({
      path,
      logged: loggedAs(event, path),
      current: verdictOf(plan.classifications[index]!),
      ...(proposedPlan ? { proposed: verdictOf(proposedPlan.classifications[index]!) } : {}),
      hints: hintsForPath(path, context.defaults),
      ...(context.stateReport ? { explanation: explain(path, context.stateReport) } : {}),
    }));
    const loggedRestart = RESTARTING.has(event.outcome);
    const decided = event.outcome !== "none" || event.changedPaths !== null;
    const catalogAgrees = event.changedPaths === null || !decided || event.outcome === "signal-only" || event.outcome === "disabled" ? null : loggedRestart === plan.restartGateway;
    const restartReasons = paths.filter((item) => item.logged === "restart");
    const looksSpurious = (item: AnalyzedPath) =>
      item.explanation?.status === "explained" ? item.explanation.spurious : item.explanation?.status === "form-only" || item.hints.length > 0;
    return {
      event,
      paths,
      catalogRestartReasons: plan.restartReasons,
      catalogAgrees,
      ...(proposedPlan ? { proposedRestart: proposedPlan.restartGateway } : {}),
      spuriousRestart: loggedRestart && restartReasons.length > 0 && restartReasons.every(looksSpurious),
    };
  });
}
