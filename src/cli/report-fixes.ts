import type { Comparison } from "../compare.js";
import { checkedFixes } from "../report/checked-fixes.js";
import type { DiffReport } from "../report/model.js";
import { createFixChecker } from "./check-fixes.js";
import type { PreparedRun } from "./prepare.js";

/** `diff --fixes`: the fixes for every path that forces a restart, each planned again under the run's settings. */
export function withRestartFixes(report: DiffReport, comparison: Comparison, run: PreparedRun): DiffReport {
  const check = createFixChecker(comparison, run);
  const fixes = report.changes
    .filter((change) => change.classification.current.kind === "restart")
    .map((change) => ({ path: change.path, fixes: checkedFixes(comparison, change.path, "restart", change.causes, check) }));
  return { ...report, fixes };
}
