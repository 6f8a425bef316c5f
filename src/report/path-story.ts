import type { Comparison, PlannedOutcome } from "../compare.js";
import { proposeFixes, type FixProposal } from "../explain/advice.js";
import { describeFix, type CheckedFix } from "../explain/fix-verdict.js";
import type { Cause } from "../explain/cause-codes.js";
import { createPlanner } from "../plan/build-plan.js";
import { explainMatch, type MatchExplanation } from "../rules/explain-match.js";
import { ClawdiffError } from "../shared/errors.js";
import { getAtSegments } from "../shared/values.js";
import { TOOL_NAME, TOOL_VERSION } from "../shared/tool-info.js";
import type { DiffReport, ReportClassification, ReportInput } from "./model.js";
import { describeSides, knownSecretsOf, type ReportSide } from "./provenance.js";

export const PATH_STORY_SCHEMA_VERSION = 1;

/** How the path stands in this comparison. */
export type PathStatus = "changed" | "form-only" | "parent-of-changes" | "unchanged";

export interface RuleStory extends MatchExplanation {
  catalog: string;
  classification: ReportClassification;
}

/** `clawdiff explain`: everything known about one path (schemas/explain.schema.json). */
export interface PathStory {
  schemaVersion: typeof PATH_STORY_SCHEMA_VERSION;
  tool: { name: string; version: string };
  inputs: { before: ReportInput; after: ReportInput };
  path: string;
  status: PathStatus;
  /** Changed paths below this one, when the path itself is a parent of the evaluator's paths. */
  changedBelow: string[];
  spurious: boolean;
  semanticChange: boolean;
  provenance: { before: ReportSide; after: ReportSide };
  causes: Cause[];
  rules: { current: RuleStory; proposed?: RuleStory };
  /** Each fix as one line with its re-planned verdict (`fixes` holds the steps). */
  advice: string[];
  fixes: CheckedFix[];
}

/** File edits that settle the path first, then an upstream rule, then the reload mode (it has costs); one that still restarts comes last, labelled. */
const CHECK_ORDER: Record<CheckedFix["check"], number> = { edit: 0, overlay: 2, "reload-mode": 4, none: 6 };
const fixRank = (fix: CheckedFix) => (fix.verdict === "still-restarts" ? 9 : CHECK_ORDER[fix.check] + (fix.verdict === "restarts-once" ? 1 : 0));

const isBelow = (path: string, parent: string) => path.startsWith(`${parent}.`);

function ruleStory(outcome: PlannedOutcome, path: string, classification: ReportClassification): RuleStory {
  return { catalog: outcome.catalog.id, classification, ...explainMatch(outcome.catalog, path) };
}

/** How a path that did not change would classify if it did: what `explain` says about a quiet path. */
function hypotheticalClassification(outcome: PlannedOutcome, path: string): ReportClassification {
  const classification = createPlanner(outcome.catalog).plan([path], { isUnchanged: () => true }).classifications[0]!;
  const { kind, rule, fallback, reason, actions } = classification;
  return { kind, rule: rule ? { prefix: rule.prefix, origin: rule.origin } : null, fallback, reason, actions };
}

function parsePath(path: string): string[] {
  const segments = path.split(".");
  if (path === "" || segments.some((segment) => segment === "")) throw new ClawdiffError("usage", `'${path}' is not a config path (expected dotted segments such as gateway.auth.token)`);
  return segments;
}

/** The full story of one path, built from the report the diff produced and the comparison behind it. */
export function buildPathStory(report: DiffReport, comparison: Comparison, path: string, checkFix: (fix: FixProposal, path: string) => CheckedFix, showSecrets = false): PathStory {
  const segments = parsePath(path);
  const change = report.changes.find((candidate) => candidate.path === path);
  const formOnly = report.formOnlyChanges.find((candidate) => candidate.path === path);
  const changedBelow = report.changedPaths.filter((changed) => isBelow(changed, path));
  const status: PathStatus = change ? "changed" : formOnly ? "form-only" : changedBelow.length > 0 ? "parent-of-changes" : "unchanged";

  // Described afresh, values included: the report's provenance leaves values to the change itself.
  const known = knownSecretsOf(comparison.before, comparison.after);
  const provenance = {
    before: describeSides(comparison.before, [segments], showSecrets, known)[0]!,
    after: describeSides(comparison.after, [segments], showSecrets, known)[0]!,
  };
  const causes = change?.causes ?? formOnly?.causes ?? [];
  const current = ruleStory(comparison.current, path, change?.classification.current ?? hypotheticalClassification(comparison.current, path));
  const proposedOutcome = comparison.proposed;
  const proposed = proposedOutcome
    ? ruleStory(proposedOutcome, path, change?.classification.proposed ?? hypotheticalClassification(proposedOutcome, path))
    : undefined;

  const fixes = proposeFixes({
    path,
    segments,
    kind: current.classification.kind,
    causes,
    catalogId: comparison.current.catalog.id,
    reloadModes: comparison.current.catalog.reloadModes,
    authoredBefore: getAtSegments(comparison.before.authored, segments),
    authoredAfter: getAtSegments(comparison.after.authored, segments),
  })
    .map((fix) => checkFix(fix, path))
    .sort((a, b) => fixRank(a) - fixRank(b));

  return {
    schemaVersion: PATH_STORY_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    inputs: report.inputs,
    path,
    status,
    changedBelow,
    spurious: change?.spurious ?? formOnly !== undefined,
    semanticChange: change?.semanticChange ?? false,
    provenance,
    causes,
    rules: { current, ...(proposed ? { proposed } : {}) },
    advice: fixes.map(describeFix),
    fixes,
  };
}
