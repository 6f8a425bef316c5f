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

export function explainWatch(row, previous) {
  const own = NOTES.find((note) => note.when(row, previous))?.why(row, previous);
  if (own) return own;
  const context = previous ? { realDecision: last(previous.gateway).decision } : undefined;
  return row.agree.count && row.agree.reaction ? knownGap(last(row.gateway), last(row.watch), context) : undefined;
}
