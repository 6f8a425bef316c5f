// Why clawdiff and a real gateway disagree on a scenario. A note applies only when
// the observed decisions are the ones it explains; anything else shows as
// UNEXPLAINED in RESULTS.md, so a changed behaviour on either side is never
// hidden behind an old note.
import { knownGap } from "./lib/gap-notes.mjs";

const GENERIC = [
  {
    when: (record) => record.gateway.decision === "skipped-invalid" && record.clawdiff.decision !== "skipped-invalid",
    why: (record) => `the gateway's schema refused the config (${record.gateway.detail ?? "invalid config"}); clawdiff diff does not apply ${record.version}'s schema and plans it (issue 14, "Validation per version")`,
  },
  {
    when: (record, previous) => previous?.gateway.decision === "skipped-invalid" && !previous.restoredAfterRefusal && record.gateway.decision === "no-change" && record.clawdiff.decision !== "no-change",
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
  {
    versions: /^2026\.5\./,
    scenario: "trusted-proxy-token-add",
    gateway: "restart",
    clawdiff: "restart",
    why: "starting in trusted-proxy mode, 2026.5.3 wrote a generated gateway.auth.password and meta stamps into the file (the settled before side) but kept the config it had read before that write as its baseline, so this evaluation also lists gateway.auth.password and meta; clawdiff compares the settled file",
  },
  {
    versions: /^2026\.9\./,
    scenario: "agents-list-default-marker",
    gateway: "no-change",
    clawdiff: "none",
    why: "harness window: the gateway's evaluation of this edit is in its log 2.6 s after the write (hot: agents.defaults.heartbeat, agents.defaults.systemAgent, agents.entries.helper; 9.6 migrates agents.list into agents.entries and fills in agent defaults) but was not captured for this scenario; counted as a disagreement, not a clawdiff finding",
  },
  {
    versions: /^2026\.9\./,
    scenario: "agents-entries-edit",
    gateway: "hot",
    clawdiff: "none",
    why: "9.6 migrates agents.list into agents.entries (keyed by id) before it compares, so renaming an agent is agents.entries.helper.name, hot; clawdiff diffs the file's agents.list array, which the 9.6 catalog treats as no-op",
  },
  {
    versions: /^2026\.9\./,
    scenario: "channel-telegram-add",
    gateway: "none",
    clawdiff: "hot",
    why: "the gateway descends to channels.telegram (diff era) and, for a channel that is configured but disabled, plans no reload; clawdiff reports the whole channels object under the base channels rule, without the telegram plugin's reload rules (issue 14: diff era, stock install)",
  },
  {
    versions: /./,
    scenario: "env-file-only",
    gateway: "no-change",
    clawdiff: "hot",
    why: "the gateway's watcher reacts to writes of the config file (and, from 9.x, its includes), never to .env alone: nothing is evaluated, and (next scenario) a later re-save does not show the new value either; clawdiff diff resolves ${VAR} from each side's .env and reports the resolved change (issue 16: say what the next evaluation will see)",
  },
  {
    versions: /^2026\.5\./,
    scenario: "include-edit",
    gateway: "no-change",
    clawdiff: "hot",
    why: "2026.5.3's watcher watches only openclaw.json (one chokidar path), so an edit to an included file is not evaluated until the config file itself is written; clawdiff diff compares the resolved configs (clawdiff watch models this per version)",
  },
  {
    versions: /^2026\.5\./,
    scenario: "include-inline",
    gateway: "hot",
    clawdiff: "no-change",
    why: "the included-file edit of the previous scenario is only seen now, when openclaw.json is written (2026.5.3 watches only the config file); clawdiff compares this edit's two files, which resolve to the same config",
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
