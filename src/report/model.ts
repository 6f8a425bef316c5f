import type { Comparison, PlannedOutcome } from "../compare.js";
import type { Classification } from "../plan/build-plan.js";
import type { ReloadAction } from "../plan/outcome.js";
import type { ConfigInput } from "../sources/config-input.js";
import { redactValue } from "../explain/secrets.js";
import { getAtSegments } from "../shared/values.js";
import { TOOL_NAME, TOOL_VERSION } from "../shared/tool-info.js";

/**
 * The machine-readable report (schemas/report.schema.json). Versioning
 * promise: fields are only added within a schemaVersion; renaming or
 * removing one bumps it.
 */
export const REPORT_SCHEMA_VERSION = 1;

export interface ReportInput {
  spec: string;
  kind: ConfigInput["kind"];
  configPath: string;
  stateDir: string;
}

export interface ReportCatalog {
  id: string;
  openclawVersion: string;
  requested: string;
  resolution: string;
  matching: string;
}

export interface ReportPlan {
  catalog: string;
  restartGateway: boolean;
  restartReasons: string[];
  hotReasons: string[];
  noopPaths: string[];
  actions: string[];
  restartChannels: string[];
  outcome: ReloadAction;
  wouldRestart: boolean;
}

export interface ReportClassification {
  kind: Classification["kind"];
  rule: { prefix: string; origin: string } | null;
  fallback: boolean;
  reason: Classification["reason"];
  actions: string[];
}

export interface ReportChange {
  path: string;
  segments: string[];
  before?: unknown;
  after?: unknown;
  classification: { current: ReportClassification };
}

export type Verdict = "no-change" | ReloadAction;

export interface DiffReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  inputs: { before: ReportInput; after: ReportInput };
  catalogs: { current: ReportCatalog };
  reloadMode: { mode: string; source: string };
  changedPaths: string[];
  plans: { current: ReportPlan };
  changes: ReportChange[];
  summary: { verdict: Verdict; headline: string };
}

export interface ReportOptions {
  catalogRequest: { requested: string; resolution: string };
  showSecrets?: boolean;
}

function describeInput(input: ConfigInput): ReportInput {
  return { spec: input.label, kind: input.kind, configPath: input.configPath, stateDir: input.stateDir };
}

function describePlan(outcome: PlannedOutcome): ReportPlan {
  const { plan, action } = outcome;
  return {
    catalog: plan.catalog,
    restartGateway: plan.restartGateway,
    restartReasons: plan.restartReasons,
    hotReasons: plan.hotReasons,
    noopPaths: plan.noopPaths,
    actions: plan.actions,
    restartChannels: plan.restartChannels,
    outcome: action,
    wouldRestart: action === "restart",
  };
}

function describeClassification(classification: Classification): ReportClassification {
  const { kind, rule, fallback, reason, actions } = classification;
  return { kind, rule: rule ? { prefix: rule.prefix, origin: rule.origin } : null, fallback, reason, actions };
}

export function headlineFor(verdict: Verdict, plan: ReportPlan): string {
  switch (verdict) {
    case "no-change":
      return "no change: the gateway would not react";
    case "none":
      return `no reload: ${plan.noopPaths.length} changed path(s), all read dynamically`;
    case "hot-reload":
      return `hot reload only: ${plan.hotReasons.join(", ")}`;
    case "restart":
      return plan.restartReasons.length > 0
        ? `restart would fire: ${plan.restartReasons.join(", ")}`
        : "restart would fire: gateway.reload.mode=restart restarts on any change";
    case "restart-ignored":
      return `restart required but ignored (gateway.reload.mode=hot): ${plan.restartReasons.join(", ")}`;
    case "disabled":
      return "reload disabled (gateway.reload.mode=off): the change waits for a manual restart";
  }
}

export function buildReport(comparison: Comparison, options: ReportOptions): DiffReport {
  const { before, after, changes, current, reloadMode } = comparison;
  const plan = describePlan(current);
  const verdict: Verdict = changes.length === 0 ? "no-change" : current.action;
  const showSecrets = options.showSecrets ?? false;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    inputs: { before: describeInput(before.input), after: describeInput(after.input) },
    catalogs: {
      current: {
        id: current.catalog.id,
        openclawVersion: current.catalog.openclawVersion,
        requested: options.catalogRequest.requested,
        resolution: options.catalogRequest.resolution,
        matching: current.catalog.matching,
      },
    },
    reloadMode: { mode: reloadMode.mode, source: reloadMode.source },
    changedPaths: changes.map((change) => change.path),
    plans: { current: plan },
    changes: changes.map((change, index) => {
      const beforeValue = getAtSegments(before.compare, change.segments);
      const afterValue = getAtSegments(after.compare, change.segments);
      return {
        path: change.path,
        segments: change.segments,
        ...(beforeValue === undefined ? {} : { before: redactValue(beforeValue, change.segments, showSecrets) }),
        ...(afterValue === undefined ? {} : { after: redactValue(afterValue, change.segments, showSecrets) }),
        classification: { current: describeClassification(current.plan.classifications[index]!) },
      };
    }),
    summary: { verdict, headline: headlineFor(verdict, plan) },
  };
}
