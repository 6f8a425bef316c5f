// Why watch and the gateway differ on an edit; a note applies only to the shape
// it explains, anything else shows as UNEXPLAINED.
import { knownGap } from "./lib/gap-notes.mjs";

const last = (evaluations) => evaluations.at(-1) ?? { paths: [], decision: "no-change" };

const NOTES = [
  {
    when: (row) => last(row.gateway).decision === "skipped-invalid" && last(row.watch).decision !== "skipped-invalid",
    why: () => "the gateway's schema refused the config; watch has no validation for this version and plans it (issue 14, \"Validation per version\")",
  },
  {
    when: (row, previous) => previous && last(previous.gateway).decision === "skipped-invalid" && row.gateway.length === 0 && row.watch.length > 0,
    why: () => "watch's baseline kept the config the gateway refused, so the revert looks like a change; the gateway compares with the last config it accepted (issue 20)",
  },
];

/** The gateway stayed silent on this edit and on every edit since one that deleted the config. */
const silentSinceDelete = (row, rows) => {
  const index = rows.indexOf(row);
  const deleted = rows.findIndex((candidate, at) => at < index && /deleted/.test(candidate.does));
  return deleted >= 0 && rows.slice(deleted + 1, index + 1).every((candidate) => candidate.gateway.length === 0);
};

export function explainWatch(row, previous, rows = []) {
  if (row.gateway.length === 0 && row.watch.length > 0 && silentSinceDelete(row, rows)) {
    return "after the config was deleted and re-created the 9.6 gateway logged `config reload retry (1/2): config file not found` and evaluated no later edit: its watcher lost the file; watch keeps watching it";
  }
  const own = NOTES.find((note) => note.when(row, previous))?.why(row, previous);
  if (own) return own;
  const context = previous ? { realDecision: last(previous.gateway).decision } : undefined;
  return knownGap(last(row.gateway), last(row.watch), context);
}
