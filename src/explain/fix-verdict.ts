import type { ReloadAction } from "../plan/outcome.js";
import type { FixCheck } from "./advice.js";

/** One re-planned step of a fix: the operator's edit, the fixed write, the writer's next save, or the same change under a proposed rule. */
export interface FixStep {
  label: "your edit" | "the fixed write" | "the writer's next save" | "under the proposed rule";
  action: ReloadAction;
  restartReasons: string[];
}

/**
 * A fix with the verdict it would give for its path under the same version:
 * `works` (no step restarts for the path), `restarts-once` (the edit itself
 * restarts, then no more), `still-restarts` (the last step restarts for the
 * path: labelled, never offered as a fix), `not-checked` (information, or
 * inputs that cannot be edited).
 */
export interface CheckedFix {
  text: string;
  check: FixCheck["type"];
  steps: FixStep[];
  verdict: "works" | "restarts-once" | "still-restarts" | "not-checked";
  /** The fix settles this path, but the change still restarts for these other paths. */
  stillRestartsFor?: string[];
  note?: string;
}

const ACTION_WORDS: Record<ReloadAction, string> = {
  none: "no reload",
  "hot-reload": "hot reload",
  restart: "restart",
  "restart-ignored": "restart ignored (mode hot)",
  disabled: "reload disabled (mode off)",
  "skipped-invalid": "reload skipped (invalid config)",
};

export function describeStep(step: FixStep): string {
  const reasons = step.action === "restart" && step.restartReasons.length > 0 ? ` (${step.restartReasons.join(", ")})` : "";
  return `${step.label}: ${ACTION_WORDS[step.action]}${reasons}`;
}

const VERDICT_WORDS: Record<CheckedFix["verdict"], string> = {
  works: "checked: no restart for it",
  "restarts-once": "checked: restarts once, when you make the edit; not for it afterwards",
  "still-restarts": "STILL RESTARTS: not a fix for this restart",
  "not-checked": "",
};

/** The fix as one line: what to do, the verdict, and each re-planned step. */
export function describeFix(fix: CheckedFix): string {
  if (fix.verdict === "not-checked") return fix.note ? `${fix.text} (not checked: ${fix.note})` : fix.text;
  const others = fix.stillRestartsFor ? `, but the change still restarts for ${fix.stillRestartsFor.join(", ")}` : "";
  return `${fix.text} — ${VERDICT_WORDS[fix.verdict]}${others} [${fix.steps.map(describeStep).join("; ")}]`;
}
