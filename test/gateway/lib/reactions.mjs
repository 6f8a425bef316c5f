// What the gateway did, read from its own log lines, and what clawdiff says, in
// one vocabulary: restart | hot | none | no-change | disabled | restart-ignored |
// skipped-invalid (| error for clawdiff).

const EVALUATING = /^config change detected; evaluating reload \((.*)\)$/;
const INVALID = /^config reload skipped \(invalid config\)/;
const DECISIONS = [
  [/^config change requires gateway restart/, "restart"],
  [/^config reload requires gateway restart; hot mode ignoring/, "restart-ignored"],
  [/^config reload disabled \(gateway\.reload\.mode=off\)/, "disabled"],
  [/^config hot reload applied/, "hot"],
  [/^config change requires channel reload/, "hot"],
  [/^config change applied \(dynamic reads/, "none"],
];

export const isReloadEntry = (entry) => /reload/.test(entry.subsystem);

/** Reload evaluations in log order: each "evaluating reload" or refusal with the decision lines after it. */
export function gatewayEvaluations(entries) {
  const evaluations = [];
  for (const entry of entries) {
    const evaluating = isReloadEntry(entry) && EVALUATING.exec(entry.message);
    if (evaluating) {
      evaluations.push({ time: entry.time, paths: evaluating[1].split(", ").filter(Boolean), decision: "none" });
      continue;
    }
    if (isReloadEntry(entry) && INVALID.test(entry.message)) {
      evaluations.push({ time: entry.time, paths: [], decision: "skipped-invalid", detail: entry.message });
      continue;
    }
    const current = evaluations.at(-1);
    if (!current || current.decided || !isReloadEntry(entry)) continue;
    const decision = DECISIONS.find(([pattern]) => pattern.test(entry.message));
    if (decision) Object.assign(current, { decision: decision[1], decided: true });
  }
  // `undecided`: an evaluation whose decision line has not been logged (yet); its decision reads "none" meanwhile.
  return evaluations.map(({ decided, ...evaluation }) => (decided || evaluation.decision === "skipped-invalid" ? evaluation : { ...evaluation, undecided: true }));
}

/** The one reaction a single edit produced: the last evaluation, or no-change when the gateway stayed silent. */
export function gatewayReaction(entries) {
  const evaluations = gatewayEvaluations(entries);
  const last = evaluations.at(-1);
  return { evaluations: evaluations.length, paths: last?.paths ?? [], decision: last?.decision ?? "no-change", detail: last?.detail };
}

/** A restart line after which the gateway goes down and comes back (not a refusal, not hot mode). */
export const announcesRestart = (entry) => isReloadEntry(entry) && /^config change requires gateway restart/.test(entry.message) && !/already waiting/.test(entry.message);

const OUTCOMES = { restart: "restart", "hot-reload": "hot", none: "none", disabled: "disabled", "restart-ignored": "restart-ignored" };

/** clawdiff's JSON report reduced to paths and decision. */
export function clawdiffReaction(report) {
  const plan = report.plans?.current ?? {};
  const paths = report.changedPaths ?? [];
  const outcome = String(plan.outcome ?? "");
  let decision = OUTCOMES[outcome] ?? outcome;
  if (/invalid|skip/.test(outcome)) decision = "skipped-invalid";
  else if (paths.length === 0 && (decision === "none" || outcome === "no-change")) decision = "no-change";
  return { paths, decision, catalog: report.catalogs?.current?.id ?? "" };
}

const sameSet = (a, b) => a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");

/** Paths agree when equal as sets; a refused config logs no paths, so only the decision counts there. */
export function agreement(gateway, clawdiff) {
  const decision = gateway.decision === clawdiff.decision;
  const paths = gateway.decision === "skipped-invalid" ? decision : sameSet(gateway.paths, clawdiff.paths);
  return { paths, decision, both: paths && decision };
}
