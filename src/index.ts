/**
 * Library entry: `diffStates`, `loadState`, `planChange` and `planReload` run the same
 * pipeline as the CLI; their results have the JSON report's types.
 */
export { diffStates, loadState, planReload, planChange, type DiffStatesOptions, type LoadedState, type PlanChangeOptions, type StateOptions } from "./api.js";
export type { PathEdit, WriteRequest } from "./writer/change.js";
export type { DiffReport, ReportChange, ReportPlan, ReportClassification, ReportInput, ReportSummary, ReportWarning, ReportWrite, ReportWriteEffect, ReportWriteOutcome } from "./report/model.js";
export type { Verdict } from "./plan/outcome.js";
export type { SuppressedChange, IgnoreOutcome } from "./ignore/apply.js";
export type { IgnoreEntryRef } from "./ignore/ignore-file.js";
export type { Cause, CauseCode } from "./explain/cause-codes.js";
export { compareInputs, type Comparison } from "./compare.js";
export { diffConfigPaths, type ChangedPath } from "./diff/config-paths.js";
export { createPlanner, type ReloadPlan } from "./plan/build-plan.js";
export { buildReport } from "./report/model.js";
export { openConfigInput } from "./sources/config-input.js";
export { loadCatalog } from "./sources/catalog-store.js";
export type { RuleCatalog, ReloadRule } from "./rules/catalog.js";
export { ClawdiffError, type ErrorKind } from "./shared/errors.js";
