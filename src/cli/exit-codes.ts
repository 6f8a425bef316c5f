import type { DiffReport } from "../report/model.js";

/** The exit-code contract scripts rely on (README, "Exit codes"). */
export const EXIT = {
  noChange: 0,
  changedNoRestart: 1,
  error: 2,
  restart: 3,
} as const;

export function exitCodeFor(report: DiffReport): number {
  if (report.summary.verdict === "no-change") return EXIT.noChange;
  return report.plans.current.wouldRestart ? EXIT.restart : EXIT.changedNoRestart;
}
