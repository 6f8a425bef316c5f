import type { ReloadKind, ReloadRule, RuleCatalog } from "../rules/catalog.js";
import { createRuleMatcher, type RuleMatcher } from "../rules/matcher.js";
import { authModeStable } from "./auth-mode.js";
import { installTimestampPattern, type InstallRecordPaths } from "./install-records.js";

export type ClassificationReason = "rule" | "fallback" | "install-timestamp" | "condition-unmet";

/** Why one changed path got its kind under one catalog. */
export interface Classification {
  kind: ReloadKind;
  rule: { prefix: string; origin: string; index: number } | null;
  /** True when no rule matched and the catalog's fallback decided. */
  fallback: boolean;
  reason: ClassificationReason;
  actions: string[];
}

export interface ReloadPlan {
  catalog: string;
  changedPaths: string[];
  restartGateway: boolean;
  restartReasons: string[];
  hotReasons: string[];
  noopPaths: string[];
  /** Plan flags set by the hot actions, in the catalog's vocabulary order. */
  actions: string[];
  restartChannels: string[];
  classifications: Classification[];
}

export interface PlanContext {
  /** Install-record bookkeeping the gateway computes beside the path diff. */
  installRecords?: InstallRecordPaths;
  /** Whether a dotted path has the same value before and after (for conditional rules). */
  isUnchanged?: (path: string) => boolean;
  /** The runtime configs the reloader hands the planner (credential-rotation check); absent, that check fails as in the gateway. */
  previousConfig?: unknown;
  candidateConfig?: unknown;
  /** The gateway process's environment. */
  envValue?: (name: string) => string | undefined;
}

export interface Planner {
  catalog: RuleCatalog;
  matcher: RuleMatcher;
  plan(changedPaths: readonly string[], context?: PlanContext): ReloadPlan;
}

function applyCondition(rule: ReloadRule, context: PlanContext): { kind: ReloadKind; actions: string[]; met: boolean } {
  const condition = rule.condition;
  if (!condition) return { kind: rule.kind, actions: rule.actions ?? [], met: true };
  const met = condition.authModeStable
    ? authModeStable(condition.authModeStable, context.previousConfig, context.candidateConfig, context.envValue ?? (() => undefined))
    : (condition.requireUnchanged ?? []).every((path) => context.isUnchanged?.(path) ?? false);
  return met
    ? { kind: rule.kind, actions: rule.actions ?? [], met }
    : { kind: condition.otherwiseKind, actions: condition.otherwiseActions ?? [], met };
}

/** Classifies each changed path with the catalog, as the gateway's buildGatewayReloadPlan does. */
export function createPlanner(catalog: RuleCatalog): Planner {
  const matcher = createRuleMatcher(catalog.rules, catalog.matching, catalog.overlayRuleCount);
  const stampPattern = catalog.installRecordNoop ? installTimestampPattern(catalog.installRecordNoop) : null;
  const pathFlags = (catalog.pathFlags ?? []).map(({ flag, prefixes }) => ({ flag, matcher: createRuleMatcher(prefixes.map((prefix) => ({ prefix, kind: "hot", origin: flag })), "first-match") }));
  const flagOrder = [...new Set([...Object.values(catalog.actions.flags), ...pathFlags.map(({ flag }) => flag)])];

  function classify(path: string, context: PlanContext, explicitNoop: Set<string>, forced: Set<string>): Classification {
    const isStamp = explicitNoop.size > 0 ? explicitNoop.has(path) : (stampPattern?.test(path) ?? false);
    if (!forced.has(path) && isStamp) {
      return { kind: "none", rule: null, fallback: false, reason: "install-timestamp", actions: [] };
    }
    const match = matcher.match(path);
    if (!match) return { kind: catalog.fallbackKind, rule: null, fallback: true, reason: "fallback", actions: [] };
    const { kind, actions, met } = applyCondition(match.rule, context);
    return {
      kind,
      rule: { prefix: match.rule.prefix, origin: match.rule.origin, index: match.index },
      fallback: false,
      reason: met ? "rule" : "condition-unmet",
      actions: kind === "hot" ? actions : [],
    };
  }

  return {
    catalog,
    matcher,
    plan(changedPaths, context = {}) {
      const explicitNoop = new Set(context.installRecords?.timestampNoopPaths ?? []);
      const forced = new Set(context.installRecords?.wholeRecordPaths ?? []);
      const flags = new Set<string>();
      const channels = new Set<string>();
      const plan: ReloadPlan = {
        catalog: catalog.id,
        changedPaths: [...changedPaths],
        restartGateway: false,
        restartReasons: [],
        hotReasons: [],
        noopPaths: [],
        actions: [],
        restartChannels: [],
        classifications: [],
      };
      for (const path of changedPaths) {
        const classification = classify(path, context, explicitNoop, forced);
        plan.classifications.push(classification);
        if (classification.reason !== "install-timestamp") for (const { flag, matcher: flagMatcher } of pathFlags) if (flagMatcher.match(path)) flags.add(flag);
        if (classification.kind === "restart") {
          plan.restartGateway = true;
          plan.restartReasons.push(path);
        } else if (classification.kind === "none") {
          plan.noopPaths.push(path);
        } else {
          plan.hotReasons.push(path);
          for (const action of classification.actions) {
            const channelPrefix = catalog.actions.channelPrefix;
            if (channelPrefix && action.startsWith(channelPrefix)) channels.add(action.slice(channelPrefix.length));
            else {
              const flag = catalog.actions.flags[action];
              if (flag) flags.add(flag);
            }
          }
        }
      }
      for (const [flag, implied] of Object.entries(catalog.actions.implies ?? {})) {
        if (flags.has(flag)) for (const other of implied) flags.add(other);
      }
      plan.actions = flagOrder.filter((flag) => flags.has(flag));
      plan.restartChannels = [...channels];
      return plan;
    },
  };
}

/** A plan with nothing to do: the gateway returns without logging an outcome. */
export function isNoopPlan(plan: ReloadPlan): boolean {
  return !plan.restartGateway && plan.hotReasons.length === 0 && plan.actions.length === 0 && plan.restartChannels.length === 0;
}
