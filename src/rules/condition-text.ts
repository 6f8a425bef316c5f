import type { RuleCondition } from "./catalog.js";

/** A condition's test in plain words, e.g. "gateway.auth.mode stays unchanged". */
export function conditionTest(condition: RuleCondition): string {
  if (condition.authModeStable) {
    return `the resolved gateway auth mode stays the same and is ${condition.authModeStable.hotModes.join(" or ")} on both sides (a SecretRef credential without an explicit mode never is)`;
  }
  return `${(condition.requireUnchanged ?? []).join(", ")} stays unchanged`;
}
