import type { Comparison, PlannedOutcome } from "../compare.js";
import { checkedFixes, type FixChecker } from "./checked-fixes.js";
import { describeFix, type CheckedFix } from "../explain/fix-verdict.js";
import type { Cause } from "../explain/cause-codes.js";
import { createPlanner } from "../plan/build-plan.js";
import { explainMatch, type MatchExplanation } from "../rules/explain-match.js";
import { ClawdiffError } from "../shared/errors.js";
import { TOOL_NAME, TOOL_VERSION } from "../shared/tool-info.js";
import type { DiffReport, ReportClassification, ReportInput } from "./model.js";
import { suggestPaths } from "./path-suggestions.js";
import { describeSides, knownSecretsOf, type ReportSide } from "./provenance.js";

export const PATH_STORY_SCHEMA_VERSION = 1;

/** How the path stands in this comparison. */
export type PathStatus = "changed" | "form-only" | "parent-of-changes" | "inside-change" | "unchanged";

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
  /** The changed path above this one, when the evaluator reports the enclosing object (or array) as one change. */
  changedAt?: string;
  /** Paths the operator may have meant, when this one is in neither state, the defaults, nor the rules. */
  suggestions?: string[];
  spurious: boolean;
  semanticChange: boolean;
  provenance: { before: ReportSide; after: ReportSide };
  causes: Cause[];
  rules: { current: RuleStory; proposed?: RuleStory };
  /** Each fix as one line with its re-planned verdict (`fixes` holds the steps). */
  advice: string[];
  fixes: CheckedFix[];
}

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
export function buildPathStory(report: DiffReport, comparison: Comparison, path: string, checkFix: FixChecker, showSecrets = false): PathStory {
  const segments = parsePath(path);
  const own = report.changes.find((candidate) => candidate.path === path);
  const ownFormOnly = report.formOnlyChanges.find((candidate) => candidate.path === path);
  // A child of a changed object: the evaluator reports the object, so the object's change decides the child's story.
  const enclosing = own || ownFormOnly ? undefined : report.changes.find((candidate) => isBelow(path, candidate.path));
  const change = own ?? enclosing;
  const formOnly = ownFormOnly ?? (change ? undefined : report.formOnlyChanges.find((candidate) => isBelow(path, candidate.path)));
  const changedBelow = report.changedPaths.filter((changed) => isBelow(changed, path));
  const status: PathStatus = own ? "changed" : ownFormOnly ? "form-only" : enclosing || formOnly ? "inside-change" : changedBelow.length > 0 ? "parent-of-changes" : "unchanged";
  const decidedAt = change?.path ?? formOnly?.path ?? path;

  // Described afresh, values included: the report's provenance leaves values to the change itself.
  const known = knownSecretsOf(comparison.before, comparison.after);
  const provenance = {
    before: describeSides(comparison.before, [segments], showSecrets, known)[0]!,
    after: describeSides(comparison.after, [segments], showSecrets, known)[0]!,
  };
  const causes = change?.causes ?? formOnly?.causes ?? [];
  const current = ruleStory(comparison.current, decidedAt, change?.classification.current ?? hypotheticalClassification(comparison.current, path));
  const proposedOutcome = comparison.proposed;
  const proposed = proposedOutcome
    ? ruleStory(proposedOutcome, decidedAt, change?.classification.proposed ?? hypotheticalClassification(proposedOutcome, path))
    : undefined;
  const fixes = checkedFixes(comparison, decidedAt, current.classification.kind, causes, checkFix);
  const suggestions = status === "unchanged" && !provenance.before.present && !provenance.after.present ? suggestPaths(comparison, path) : [];

  return {
    schemaVersion: PATH_STORY_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    inputs: report.inputs,
    path,
    status,
    changedBelow,
    ...(decidedAt !== path ? { changedAt: decidedAt } : {}),
    ...(suggestions.length > 0 ? { suggestions } : {}),
    spurious: change?.spurious ?? formOnly !== undefined,
    semanticChange: change?.semanticChange ?? false,
    provenance,
    causes,
    rules: { current, ...(proposed ? { proposed } : {}) },
    advice: fixes.map(describeFix),
    fixes,
  };
}
