// Why clawdiff and a real gateway disagree on a scenario. A note applies only when
// the observed decisions are the ones it explains; anything else shows as
// UNEXPLAINED in RESULTS.md, so a changed behaviour on either side is never
// hidden behind an old note.

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

export function explain(record, previous) {
  return GENERIC.find((note) => note.when(record, previous))?.why(record, previous);
}
