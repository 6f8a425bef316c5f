import type { Comparison } from "../compare.js";
import { proposeFixes, type FixProposal } from "../explain/advice.js";
import type { Cause } from "../explain/cause-codes.js";
import type { CheckedFix } from "../explain/fix-verdict.js";
import type { ReloadKind } from "../rules/catalog.js";
import { getAtSegments } from "../shared/values.js";

/** Plans a proposed fix again and judges it for a path (cli/check-fixes.ts). */
export type FixChecker = (fix: FixProposal, path: string) => CheckedFix;

/** File edits that settle the path first, then an upstream rule, then the reload mode (it has costs); one that still restarts comes last, labelled. */
const CHECK_ORDER: Record<CheckedFix["check"], number> = { edit: 0, overlay: 2, "reload-mode": 4, none: 6 };
const fixRank = (fix: CheckedFix) => (fix.verdict === "still-restarts" ? 9 : CHECK_ORDER[fix.check] + (fix.verdict === "restarts-once" ? 1 : 0));

/** The fixes for one changed path, each re-planned, best first. */
export function checkedFixes(comparison: Comparison, path: string, kind: ReloadKind, causes: readonly Cause[], checkFix: FixChecker): CheckedFix[] {
  const segments = path.split(".");
  return proposeFixes({
    path,
    segments,
    kind,
    causes,
    catalogId: comparison.current.catalog.id,
    reloadModes: comparison.current.catalog.reloadModes,
    authoredBefore: getAtSegments(comparison.before.authored, segments),
    authoredAfter: getAtSegments(comparison.after.authored, segments),
  })
    .map((fix) => checkFix(fix, path))
    .sort((a, b) => fixRank(a) - fixRank(b));
}
