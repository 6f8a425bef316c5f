import type { DiffReport } from "../report/model.js";
import { ClawdiffError } from "../shared/errors.js";

/** The exit-code contract scripts rely on (README, "Exit codes"). */
export const EXIT = {
  noChange: 0,
  changedNoRestart: 1,
  error: 2,
  restart: 3,
  drift: 4,
} as const;

/** Results `--fail-on` can turn into failures; `any` and `never` are shorthands. */
export const FAILURE_KINDS = ["restart", "hot", "invalid", "drift", "stale-ignore"] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];
export const FAIL_ON_CHOICES = [...FAILURE_KINDS, "any", "never"] as const;

export interface ExitPolicy {
  failOn: ReadonlySet<FailureKind>;
  /** `none`: every result exits 0 (errors still exit 2). */
  exitCode: "contract" | "none";
}

/** Without `--fail-on`, every effective change fails: 1 for no restart (a skipped reload too), 3 for a restart. */
export const DEFAULT_FAIL_ON: readonly FailureKind[] = ["restart", "hot", "invalid"];
export const DEFAULT_EXIT_POLICY: ExitPolicy = { failOn: new Set(DEFAULT_FAIL_ON), exitCode: "contract" };

/** `--fail-on` values, repeatable and comma-separated; `never` cannot be combined with others. */
export function parseFailOn(values: readonly string[]): Set<FailureKind> {
  const words = values.flatMap((value) => value.split(",")).map((word) => word.trim()).filter((word) => word !== "");
  if (words.length === 0) return new Set(DEFAULT_FAIL_ON);
  const failOn = new Set<FailureKind>();
  for (const word of words) {
    if (word === "never") continue;
    if (word === "any") DEFAULT_FAIL_ON.forEach((kind) => failOn.add(kind));
    else if ((FAILURE_KINDS as readonly string[]).includes(word)) failOn.add(word as FailureKind);
    else throw new ClawdiffError("usage", `--fail-on: unknown result '${word}' (choose from ${FAIL_ON_CHOICES.join(", ")})`);
  }
  if (words.includes("never") && failOn.size > 0) throw new ClawdiffError("usage", "--fail-on never cannot be combined with other results");
  return failOn;
}

/**
 * The most severe failing result decides: drift 4, restart 3, then 1 for a
 * change that does not restart, a reload the gateway skips because the new
 * config is invalid (`invalid`: it never restarts), or a stale ignore entry.
 * Suppressed changes never count: the verdict is the one left after the ignore file.
 */
export function exitCodeFor(report: DiffReport, policy: ExitPolicy = DEFAULT_EXIT_POLICY): number {
  if (policy.exitCode === "none") return EXIT.noChange;
  const { failOn } = policy;
  const verdict = report.ignore?.effectiveVerdict ?? report.summary.verdict;
  if (failOn.has("drift") && report.summary.drift) return EXIT.drift;
  if (verdict === "restart" && failOn.has("restart")) return EXIT.restart;
  if (verdict === "skipped-invalid") return failOn.has("invalid") ? EXIT.changedNoRestart : EXIT.noChange;
  if (verdict !== "restart" && verdict !== "no-change" && failOn.has("hot")) return EXIT.changedNoRestart;
  if (failOn.has("stale-ignore") && (report.ignore?.stale.length ?? 0) > 0) return EXIT.changedNoRestart;
  return EXIT.noChange;
}

/** `clawdiff lint`: 0 when every fixture passes, 1 when one fails its expectations, 2 when one cannot be loaded. */
export const LINT_EXIT = { passed: 0, failed: 1, error: EXIT.error } as const;

export function lintExitCode(summary: { failed: number; errors: number }): number {
  if (summary.errors > 0) return LINT_EXIT.error;
  return summary.failed > 0 ? LINT_EXIT.failed : LINT_EXIT.passed;
}
