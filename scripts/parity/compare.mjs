// One pair's verdict: what the real reloader computed (oracle line) against
// clawdiff's answer, field by field.

const LISTED = new Set(["changedPaths", "restartReasons", "hotReasons", "noopPaths", "restartChannels"]);

/** The real plan in clawdiff's terms: true flags as actions, Sets as sorted lists; anything else non-empty is kept to show up. */
export function normalizeReal(result) {
  const plan = result.plan ?? { restartGateway: false, restartReasons: [], hotReasons: [], noopPaths: [], restartChannels: [] };
  const unmodeled = Object.entries(plan)
    .filter(([key, value]) => !LISTED.has(key) && key !== "restartGateway" && (Array.isArray(value) ? value.length > 0 : value !== false && typeof value !== "boolean" && value !== undefined))
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return {
    changedPaths: result.changedPaths,
    restartGateway: plan.restartGateway,
    restartReasons: plan.restartReasons,
    hotReasons: plan.hotReasons,
    noopPaths: plan.noopPaths,
    actions: Object.keys(plan).filter((key) => key !== "restartGateway" && plan[key] === true).sort(),
    restartChannels: [...(plan.restartChannels ?? [])].sort(),
    unmodeled,
  };
}

export function normalizeOurs(answer) {
  return { ...answer, actions: [...answer.actions].sort(), restartChannels: [...answer.restartChannels].sort(), unmodeled: [] };
}

/** restart, hot (anything to apply) or none, as the reloader acts on a plan in hybrid mode. */
export function decision(plan) {
  if (plan.restartGateway) return "restart";
  return plan.hotReasons.length > 0 || plan.actions.length > 0 || plan.restartChannels.length > 0 ? "hot" : "none";
}

const sameList = (a, b) => a.length === b.length && a.every((item, index) => item === b[index]);
const sameSet = (a, b) => sameList([...new Set(a)].sort(), [...new Set(b)].sort());

/** Field-by-field agreement; `fields` names what differs (empty: the pair agrees). */
export function comparePlans(real, ours) {
  const fields = [];
  if (!sameSet(real.changedPaths, ours.changedPaths)) fields.push("changedPaths");
  else if (!sameList(real.changedPaths, ours.changedPaths)) fields.push("changedPaths order");
  if (decision(real) !== decision(ours)) fields.push("decision");
  for (const key of ["restartReasons", "hotReasons", "noopPaths", "actions", "restartChannels", "unmodeled"]) if (!sameList(real[key], ours[key])) fields.push(key);
  return {
    fields,
    pathsSet: sameSet(real.changedPaths, ours.changedPaths),
    pathsOrder: sameList(real.changedPaths, ours.changedPaths),
    decision: decision(real) === decision(ours),
  };
}

const hasConfigInstalls = (config) => config?.plugins !== null && typeof config?.plugins === "object" && "installs" in config.plugins;

/**
 * Why a pair cannot be compared, or null: a stub was touched, the real code
 * threw, or the pair is no reloader input for this version: where the config
 * loader strips `plugins.installs` (moving records to the install index)
 * before the reloader runs, a config holding it never reaches the reloader.
 */
export function exclusionReason(result, pair, manifest) {
  if (manifest.stripsConfigInstalls && (hasConfigInstalls(pair.before) || hasConfigInstalls(pair.after))) return "config plugins.installs: this version's config loader strips it before the reloader (stripShippedPluginInstallConfigRecords)";
  const touched = Object.keys(result.touched ?? {});
  if (touched.length > 0) return `stub touched: ${touched.sort().join(", ")}`;
  if (result.error) return `real code threw: ${result.error.slice(0, 120)}`;
  return null;
}
