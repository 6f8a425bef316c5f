import type { Comparison, PlannedOutcome } from "../compare.js";
import type { Classification } from "../plan/build-plan.js";
import type { ReloadAction, Verdict } from "../plan/outcome.js";
import type { ConfigInput } from "../sources/config-input.js";
import type { StateFileChange } from "../diff/state-files.js";
import { describeSides, knownSecretsOf, type ReportSide } from "./provenance.js";
import type { Cause } from "../explain/cause-codes.js";
import { causesForChange, causesForFormOnly, isSpurious } from "../explain/causes.js";
import { redactDerived } from "../explain/secrets.js";
import { findFormatOnlyFiles, findRelocations } from "../explain/relocations.js";
import { envOnlyOutlook, type EnvOnlyOutlook } from "../explain/env-only.js";
import type { CheckedFix } from "../explain/fix-verdict.js";
import { TOOL_NAME, TOOL_VERSION } from "../shared/tool-info.js";
import type { IgnoreOutcome, SuppressedChange } from "../ignore/apply.js";
import { issueLine } from "../rules/config-keys.js";
import type { PluginDecision } from "../rules/plugin-activation.js";
import { describeVersionSource, type VersionSource } from "../rules/version-choice.js";

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
  /** For `git:` inputs: the resolved commit and every path read from its tree. */
  git?: ReportGitInput;
}

export interface ReportGitInput {
  repository: string;
  /** The revision as named (`HEAD`, `main~2`), or `index` / `worktree`. */
  rev: string;
  /** The full commit id; null for the index and the working tree. */
  commit: string | null;
  /** The config's path in the tree. */
  path: string;
  /** Paths in the tree the load read (config, includes, .env), in reading order. */
  pathsRead: string[];
}

/** How reports name an input: a git input by its short commit id (`abc1234`), anything else as typed. */
export function inputName(input: ReportInput): string {
  if (!input.git) return input.spec;
  const state = input.git.commit?.slice(0, 7) ?? input.git.rev;
  return input.git.path === "openclaw.json" ? state : `${state}:${input.git.path}`;
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
  /** Values as authored (`${VAR}` kept), secrets redacted; absent on the side that has none. */
  before?: unknown;
  after?: unknown;
  /** False when env resolution and defaults make both sides equal: the evaluator sees a change nobody made. */
  semanticChange: boolean;
  /** True when the effective meaning is unchanged but the evaluator still sees the path. */
  spurious: boolean;
  causes: Cause[];
  provenance: { before: ReportSide; after: ReportSide };
  classification: { current: ReportClassification; proposed?: ReportClassification };
}

/** A path whose authored form changed while the evaluator sees the same value. */
export interface ReportFormOnlyChange {
  path: string;
  segments: string[];
  before?: unknown;
  after?: unknown;
  causes: Cause[];
  provenance: { before: ReportSide; after: ReportSide };
}

export interface ReportWarning {
  side: "before" | "after";
  path: string;
  message: string;
}

function missingEnvWarnings(side: "before" | "after", loaded: Comparison["before"]): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  for (const [path, site] of loaded.envReferences) {
    for (const reference of site.references) {
      if (!reference.resolved) {
        warnings.push({ side, path, message: `\${${reference.name}} has no value: the gateway keeps the literal text and warns` });
      }
    }
  }
  return warnings;
}

export interface ReportEvaluator {
  trigger: "watcher" | "write";
  before: string;
  after: string;
  /** The first OpenClaw version these views hold for. */
  since: string;
  note?: string;
  sources: string[];
}


/** The OpenClaw version the report judges by and where it came from. */
export interface ReportVersion {
  version: string;
  source: VersionSource;
  /** "version 2026.5.3 from meta.lastTouchedVersion of the after side". */
  text: string;
  /** Set when the version is newer than every bundled catalog. */
  warning?: string;
}

/** The bundled plugins and channels whose reload rules the plan assumed loaded, and why each is or is not. */
export interface ReportPlugins {
  /** `config`: decided from the before side, as the running gateway decided at startup; `--plugins`: named. */
  by: "config" | "--plugins";
  table: string;
  loaded: string[];
  decisions: PluginDecision[];
}

/** What the version's schema rejects in the after config; any issue makes the gateway skip the reload. */
export interface ReportValidation {
  openclawVersion: string;
  table: string;
  issues: { path: string; keys?: string[]; message: string; line: string }[];
}

export interface DiffReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  inputs: { before: ReportInput; after: ReportInput };
  catalogs: { current: ReportCatalog; proposed?: ReportCatalog };
  /** Which version the run judged by, and why (absent for library calls that pass a catalog). */
  version?: ReportVersion;
  /** Absent when the rules came with their plugins (--openclaw) or the version has no bundled plugin rules. */
  plugins?: ReportPlugins;
  /** Absent when no schema table is bundled for the version. */
  validation?: ReportValidation;
  reloadMode: { mode: string; source: string };
  /** Which form of the config each side of the evaluator's diff held, and why (schemas/evaluator-views.json). */
  evaluator: ReportEvaluator;
  changedPaths: string[];
  plans: { current: ReportPlan; proposed?: ReportPlan };
  changes: ReportChange[];
  formOnlyChanges: ReportFormOnlyChange[];
  stateFiles: StateFileChange[];
  /** Files that differ only in formatting (comments, whitespace, key order, trailing commas). */
  formatOnlyFiles: string[];
  /** Things the gateway would warn about while loading (e.g. a `${VAR}` with no value). */
  warnings: ReportWarning[];
  summary: ReportSummary;
  /** With `diff --fixes`: for each restart reason, the fixes re-planned under the same version, best first. */
  fixes?: { path: string; fixes: CheckedFix[] }[];
  /** When only the environment changed: the gateway sees nothing now; what its next evaluation and a restart will see. */
  envOnly?: EnvOnlyOutlook;
  /** Changes an ignore-file entry accepted (present only when an ignore file was read); they stay in `changes`. */
  suppressed?: SuppressedChange[];
  /** The ignore file used: stale and expired entries, and the verdict without the suppressed changes. */
  ignore?: IgnoreOutcome;
  /** `clawdiff plan`: the write the after-state was predicted from, and what the writer does besides the asked-for change. */
  write?: ReportWrite;
}

export type WriteOutcomeKind = ReportClassification["kind"] | "unseen";

/** One path of a write and what the current rules do with it ("unseen": the evaluator sees no change there). */
export interface ReportWriteOutcome {
  path: string;
  kind: WriteOutcomeKind;
}

export interface ReportWriteEffect {
  code: string;
  summary: string;
  /** The dist file:line the effect was read from. */
  citation: string;
  outcomes: ReportWriteOutcome[];
}

export interface ReportWrite {
  operation: string;
  via?: string;
  /** How the change reaches the evaluator: the file watcher (another process wrote) or the gateway's own write. */
  trigger: "watcher" | "write";
  writer: { version: string; model: string };
  /** The asked-for paths. */
  intended: ReportWriteOutcome[];
  /** The asked-for change is already in the config. */
  alreadyThere: boolean;
  nothingWritten: boolean;
  files: string[];
  effects: ReportWriteEffect[];
}

export interface ReportSummary {
  verdict: Verdict;
  headline: string;
  changedPaths: number;
  spuriousPaths: number;
  restartReasons: number;
  spuriousRestartReasons: number;
  /** True when `--proposed` rules give a different verdict than the current ones. */
  drift: boolean;
  /** Paths whose kind differs between the current and proposed rules. */
  reclassifiedPaths: number;
}

export interface ReportOptions {
  catalogRequest: { requested: string; resolution: string };
  version?: { version: string; source: VersionSource; warning?: string };
  /** The schema table the after config was checked against, when one is bundled. */
  configKeys?: { openclawVersion: string; source: { file: string } } | null;
  proposedRequest?: { requested: string; resolution: string };
  showSecrets?: boolean;
  stateFiles?: StateFileChange[];
}

export function describeInput(input: ConfigInput): ReportInput {
  const described: ReportInput = { spec: input.label, kind: input.kind, configPath: input.configPath, stateDir: input.stateDir };
  if (input.git) described.git = { ...input.git, pathsRead: [...input.git.pathsRead] };
  return described;
}

export function describePlan(outcome: PlannedOutcome): ReportPlan {
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

function describeCatalog({ catalog }: PlannedOutcome, request: { requested: string; resolution: string }): ReportCatalog {
  return { id: catalog.id, openclawVersion: catalog.openclawVersion, requested: request.requested, resolution: request.resolution, matching: catalog.matching };
}

function describeClassification(classification: Classification): ReportClassification {
  const { kind, rule, fallback, reason, actions } = classification;
  return { kind, rule: rule ? { prefix: rule.prefix, origin: rule.origin } : null, fallback, reason, actions };
}

function restartHeadline(plan: ReportPlan, spurious: string[]): string {
  const reasons = plan.restartReasons;
  if (reasons.length === 0) return "restart would fire: gateway.reload.mode=restart restarts on any change";
  const count = `${reasons.length} path${reasons.length === 1 ? "" : "s"}`;
  if (spurious.length === 0) return `restart would fire for ${count}: ${reasons.join(", ")}`;
  const share = spurious.length === reasons.length ? (reasons.length === 1 ? "spurious" : reasons.length === 2 ? "both spurious" : "all spurious") : `${spurious.length} spurious`;
  return `restart would fire for ${count}, ${share}: ${reasons.join(", ")}`;
}

const OUTCOME_WORDS: Record<ReloadAction, string> = {
  none: "no reload",
  "hot-reload": "hot reload",
  restart: "restart",
  "restart-ignored": "restart ignored (mode=hot)",
  disabled: "reload disabled",
  "skipped-invalid": "reload skipped (invalid config)",
};

export function headlineFor(verdict: Verdict, plan: ReportPlan, spuriousRestarts: string[] = [], invalidLines: string[] = []): string {
  switch (verdict) {
    case "no-change":
      return "no change: the gateway would not react";
    case "none":
      return `no reload: ${plan.noopPaths.length} changed path(s), all read dynamically`;
    case "hot-reload":
      return `hot reload only: ${plan.hotReasons.join(", ")}`;
    case "restart":
      return restartHeadline(plan, spuriousRestarts);
    case "restart-ignored":
      return `restart required but ignored (gateway.reload.mode=hot): ${plan.restartReasons.join(", ")}`;
    case "disabled":
      return "reload disabled (gateway.reload.mode=off): the change waits for a manual restart";
    case "skipped-invalid":
      return `reload skipped (invalid config): ${invalidLines.join(", ")}`;
  }
}

const sideValues = (before: ReportSide, after: ReportSide) => ({
  ...(before.present ? { before: before.value } : {}),
  ...(after.present ? { after: after.value } : {}),
});

/** Provenance without the value the change already carries: a changed array is written once per side, not twice. */
const withoutValue = ({ value: _value, ...side }: ReportSide): ReportSide => side;
const leanSides = (sides: { before: ReportSide; after: ReportSide }) => ({ before: withoutValue(sides.before), after: withoutValue(sides.after) });

export function buildReport(comparison: Comparison, options: ReportOptions): DiffReport {
  const { before, after, changes, current, proposed, reloadMode } = comparison;
  const plan = describePlan(current);
  const proposedPlan = proposed ? describePlan(proposed) : undefined;
  const verdict: Verdict = changes.length === 0 ? "no-change" : current.action;
  const envOnly = envOnlyOutlook(comparison);
  const showSecrets = options.showSecrets ?? false;
  const known = knownSecretsOf(before, after);
  // Causes quote values (array identities, names): they get the value column's redaction.
  const safeCauses = (causes: Cause[]) => (showSecrets ? causes : redactDerived(causes, known));
  const sidesOf = (paths: string[][]) => ({ before: describeSides(before, paths, showSecrets, known), after: describeSides(after, paths, showSecrets, known) });

  const changeSides = sidesOf(changes.map((change) => change.segments));
  const reportChanges: ReportChange[] = changes.map((change, index) => {
    const classification = current.plan.classifications[index]!;
    const semanticChange = comparison.semanticallyChanged[index]!;
    const causes = safeCauses(causesForChange(change, semanticChange, classification, comparison, current));
    const sides = { before: changeSides.before[index]!, after: changeSides.after[index]! };
    return {
      path: change.path,
      segments: change.segments,
      ...sideValues(sides.before, sides.after),
      semanticChange,
      spurious: isSpurious(semanticChange, causes),
      causes,
      provenance: leanSides(sides),
      classification: {
        current: describeClassification(classification),
        ...(proposed ? { proposed: describeClassification(proposed.plan.classifications[index]!) } : {}),
      },
    };
  });

  const formSides = sidesOf(comparison.authoredOnly.map((change) => change.segments));
  const formOnly: ReportFormOnlyChange[] = comparison.authoredOnly.map((change, index) => {
    const sides = { before: formSides.before[index]!, after: formSides.after[index]! };
    return { path: change.path, segments: change.segments, ...sideValues(sides.before, sides.after), causes: safeCauses(causesForFormOnly(change, comparison)), provenance: leanSides(sides) };
  });
  const relocated = findRelocations(before, after);
  const relocatedSides = sidesOf(relocated.map((relocation) => relocation.segments));
  const relocations: ReportFormOnlyChange[] = relocated.map((relocation, index) => ({
    path: relocation.segments.join("."),
    segments: relocation.segments,
    causes: [
      {
        code: "INCLUDE_RELOCATED",
        summary: `moved from ${relocation.from.join(", ")} to ${relocation.to.join(", ")}; the effective value is equal`,
        meaningPreserving: true,
        evidence: { from: relocation.from, to: relocation.to },
      },
    ],
    provenance: leanSides({ before: relocatedSides.before[index]!, after: relocatedSides.after[index]! }),
  }));

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    inputs: { before: describeInput(before.input), after: describeInput(after.input) },
    catalogs: {
      current: describeCatalog(current, options.catalogRequest),
      ...(proposed ? { proposed: describeCatalog(proposed, options.proposedRequest ?? { requested: proposed.catalog.id, resolution: "file" }) } : {}),
    },
    ...(options.version ? { version: { ...options.version, text: describeVersionSource(options.version.version, options.version.source) } } : {}),
    ...(comparison.plugins ? { plugins: describePlugins(comparison.plugins) } : {}),
    ...(options.configKeys ? { validation: describeValidation(comparison, options.configKeys) } : {}),
    reloadMode: { mode: reloadMode.mode, source: reloadMode.source },
    evaluator: { ...comparison.views },
    changedPaths: changes.map((change) => change.path),
    plans: { current: plan, ...(proposedPlan ? { proposed: proposedPlan } : {}) },
    changes: reportChanges,
    formOnlyChanges: [...formOnly, ...relocations],
    stateFiles: options.stateFiles ?? [],
    formatOnlyFiles: findFormatOnlyFiles(before, after),
    warnings: [...missingEnvWarnings("before", before), ...missingEnvWarnings("after", after)],
    ...(envOnly ? { envOnly } : {}),
    summary: summarize(verdict, plan, reportChanges, proposedPlan, envOnly, comparison.configIssues.map(issueLine)),
  };
}

function describePlugins(plugins: NonNullable<Comparison["plugins"]>): ReportPlugins {
  return { by: plugins.by, table: plugins.table, loaded: plugins.decisions.filter((decision) => decision.loaded).map((decision) => decision.id), decisions: plugins.decisions };
}

function describeValidation(comparison: Comparison, keys: NonNullable<ReportOptions["configKeys"]>): ReportValidation {
  return {
    openclawVersion: keys.openclawVersion,
    table: `schemas/config-keys/openclaw@${keys.openclawVersion}.json`,
    issues: comparison.configIssues.map((issue) => ({ ...issue, line: issueLine(issue) })),
  };
}

function envOnlyHeadline(outlook: EnvOnlyOutlook, planned: string): string {
  const now = "not seen now: only the environment changed";
  return outlook.nextEvaluation.length > 0 ? `${now}; the next write of the config file brings: ${planned}` : `${now}; the new values take effect only when the gateway restarts`;
}

function summarize(
  verdict: Verdict,
  plan: ReportPlan,
  changes: ReportChange[],
  proposedPlan: ReportPlan | undefined,
  envOnly: EnvOnlyOutlook | null,
  invalidLines: string[],
): ReportSummary {
  const restartReasons = new Set(plan.restartReasons);
  const spuriousRestarts = changes.filter((change) => change.spurious && restartReasons.has(change.path));
  const drift = proposedPlan !== undefined && changes.length > 0 && proposedPlan.outcome !== plan.outcome;
  const planned = headlineFor(verdict, plan, spuriousRestarts.map((change) => change.path), invalidLines);
  const headline = envOnly ? envOnlyHeadline(envOnly, planned) : planned;
  return {
    verdict,
    headline: drift ? `${headline}; proposed rules: ${OUTCOME_WORDS[proposedPlan.outcome]}` : headline,
    changedPaths: changes.length,
    spuriousPaths: changes.filter((change) => change.spurious).length,
    restartReasons: plan.restartReasons.length,
    spuriousRestartReasons: spuriousRestarts.length,
    drift,
    reclassifiedPaths: changes.filter((change) => change.classification.proposed && change.classification.proposed.kind !== change.classification.current.kind).length,
  };
}
