import type { RuleCatalog } from "../rules/catalog.js";
import { getAtSegments } from "../shared/values.js";
import { isNoopPlan, type ReloadPlan } from "./build-plan.js";

/** What the gateway would do with a plan, given its reload mode; `skipped-invalid`: the version's schema rejects the new config. */
export type ReloadAction = "none" | "hot-reload" | "restart" | "restart-ignored" | "disabled" | "skipped-invalid";

/** What a run concludes: nothing changed, or the action the gateway would take. */
export type Verdict = "no-change" | ReloadAction;

export interface ReloadMode {
  mode: string;
  /** Where the mode came from: the config value, or the version's default. */
  source: "config" | "default";
  /** The raw value when the config held one this version does not accept. */
  ignoredValue?: unknown;
}

/** `gateway.reload.mode` of the config the gateway switches to, as the version reads it. */
export function resolveReloadMode(config: unknown, catalog: RuleCatalog): ReloadMode {
  const raw = getAtSegments(config, ["gateway", "reload", "mode"]);
  if (typeof raw === "string" && catalog.reloadModes.includes(raw)) return { mode: raw, source: "config" };
  return raw === undefined
    ? { mode: catalog.defaultReloadMode, source: "default" }
    : { mode: catalog.defaultReloadMode, source: "default", ignoredValue: raw };
}

/** `invalidConfig`: the gateway validates the new config before it plans, and skips the reload when it is rejected. */
export function decideReloadAction(plan: ReloadPlan, mode: string, invalidConfig = false): ReloadAction {
  if (plan.changedPaths.length === 0) return "none";
  if (invalidConfig) return "skipped-invalid";
  if (isNoopPlan(plan)) return "none";
  if (mode === "off") return "disabled";
  if (mode === "restart") return "restart";
  if (plan.restartGateway) return mode === "hot" ? "restart-ignored" : "restart";
  return "hot-reload";
}
