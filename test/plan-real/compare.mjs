// Compares one prediction of `clawdiff plan` with what the real gateway wrote and logged.
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Dotted leaf path → JSON text; arrays are leaves, as the evaluator treats them. */
export function leaves(value, prefix = "", out = new Map()) {
  if (isObject(value) && Object.keys(value).length > 0) for (const [key, child] of Object.entries(value)) leaves(child, prefix ? `${prefix}.${key}` : key, out);
  else out.set(prefix, JSON.stringify(value));
  return out;
}

/** Leaf paths where the two files differ; a write-time stamp agrees when both carry one. */
export function fileDifferences(predicted, real) {
  const [a, b] = [leaves(predicted), leaves(real)];
  const stamp = "meta.lastTouchedAt";
  return [...new Set([...a.keys(), ...b.keys()])].filter((path) => (path === stamp ? a.has(path) !== b.has(path) : a.get(path) !== b.get(path))).sort();
}

const EVALUATING = /config change detected; evaluating reload \((.*)\)/;

/** What the gateway's reloader logged for one change: the paths it evaluated and what it did. */
export function loggedReload(messages) {
  const text = messages.join("\n");
  const evaluating = [...text.matchAll(new RegExp(EVALUATING, "g"))].flatMap((match) => match[1].split(/,\s*/));
  const outcome = /requires gateway restart/.test(text) ? "restart" : /hot reload applied/.test(text) ? "hot" : /reload skipped \(invalid config\)/.test(text) ? "invalid" : evaluating.length > 0 ? "none" : "no reload";
  return { paths: [...new Set(evaluating)].sort(), outcome };
}

/** The same two facts from a `clawdiff plan --format json` report. */
export function predictedReload(report) {
  const plan = report.plans.current;
  const outcome = plan.restartGateway ? "restart" : report.changedPaths.length === 0 ? "no reload" : plan.hotReasons.length > 0 ? "hot" : "none";
  return { paths: [...report.changedPaths].sort(), outcome };
}
