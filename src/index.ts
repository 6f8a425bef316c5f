/** Library entry: the same pipeline the CLI runs, with typed results. */
export { compareInputs, type Comparison } from "./compare.js";
export { diffConfigPaths, type ChangedPath } from "./diff/config-paths.js";
export { createPlanner, type ReloadPlan } from "./plan/build-plan.js";
export { buildReport, type DiffReport } from "./report/model.js";
export { openConfigInput } from "./sources/config-input.js";
export { loadCatalog } from "./sources/catalog-store.js";
export type { RuleCatalog, ReloadRule } from "./rules/catalog.js";
