// Why clawdiff and a real gateway disagree on a scenario. A note applies only when
// the observed decisions are the ones it explains; anything else shows as
// UNEXPLAINED in RESULTS.md, so a changed behaviour on either side is never
// hidden behind an old note.
import { knownGap } from "./lib/gap-notes.mjs";

const GENERIC = [
  {
    when: (record) => record.gateway.decision === "skipped-invalid" && record.clawdiff.decision !== "skipped-invalid",
    why: (record) => `the gateway's schema refused the config (${record.gateway.detail ?? "invalid config"}); clawdiff has no ${record.version} validation and plans it (issue 14, "Validation per version")`,
  },
  {
    when: (record, previous) => previous?.gateway.decision === "skipped-invalid" && record.gateway.decision === "no-change" && record.clawdiff.decision !== "no-change",
    why: () => "the before side is a file the gateway refused; the gateway compares with the last config it accepted, which equals this one, so it stays silent; clawdiff diff compares the two files",
  },
];

// Notes for one scenario: they apply when version, scenario and both decisions match what was observed when written.
const KNOWN = [
  {
    versions: /^2026\.9\./,
    scenario: "trusted-proxy-token-add",
    gateway: "restart",
    clawdiff: "hot",
    why: "gateway.auth.token is hot in 9.x only when the resolved auth mode is token or password on both sides; trusted-proxy fails that check, so the real planner restarts. clawdiff approximates the condition as \"mode unchanged\" (issue 14 gap). The restarted gateway then refuses to start (trusted-proxy and a shared token are mutually exclusive), a start-time check no catalog models",
  },
];

const matchesKnown = (note, record) =>
  note.versions.test(record.version) && note.scenario === record.id && note.gateway === record.gateway.decision && note.clawdiff === record.clawdiff.decision;

export function explain(record, previous) {
  const known = KNOWN.find((note) => matchesKnown(note, record));
  if (known) return known.why;
  const generic = GENERIC.find((note) => note.when(record, previous))?.why(record, previous);
  return generic ?? knownGap(record.gateway, record.clawdiff, previous ? { realDecision: previous.gateway.decision } : undefined);
}
