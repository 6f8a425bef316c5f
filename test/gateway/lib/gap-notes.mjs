// Known reasons a real gateway's reaction differs from clawdiff's, shared by the
// scenario harness and the watch side-by-side. Each note tests the observed
// shape (paths and decisions on both sides), never just a scenario name.
// A "side" is { paths, decision }; `real` is the gateway's, `ours` is clawdiff's.

const under = (path, prefix) => path === prefix || path.startsWith(`${prefix}.`);
const strictlyUnder = (path, prefix) => path.startsWith(`${prefix}.`);
const RUNTIME_HOT_PREFIXES = ["browser.enabled"];

/** Every gateway path lies at or below one of clawdiff's, and some strictly below: the gateway descended further. */
export const gatewayDescended = (real, ours) =>
  real.paths.length > 0 &&
  real.paths.every((path) => ours.paths.some((prefix) => under(path, prefix)) || /^plugins\.entries\./.test(path)) &&
  real.paths.some((path) => ours.paths.some((prefix) => strictlyUnder(path, prefix)));

const pluginAutoEnabled = (real, ours) => real.paths.some((path) => /^plugins\.entries\./.test(path) && !ours.paths.some((prefix) => under(path, prefix)));

const NOTES = [
  {
    when: (real, ours) => gatewayDescended(real, ours) && real.decision === ours.decision,
    why: "diff era: the 9.x reloader descends into an object one side lacks (boundary paths from 2026.7.2, rule-prefix refinement from 2026.9.2) and logs its leaves; clawdiff diffs as 2026.5.x and reports the object's own path (issue 14 diff-era gap, owned by the diff-eras work)",
  },
  {
    when: (real, ours) => real.decision === "hot" && ours.decision === "restart" && real.paths.some((path) => RUNTIME_HOT_PREFIXES.some((prefix) => under(path, prefix))),
    why: "browser.enabled is hot through a reload prefix the browser plugin registers at run time, which bundled catalogs do not carry (issue 14: stock install); clawdiff also reports the whole browser object where the gateway descends (diff era), and re-enabling adds plugins.entries.browser to the gateway's runtime config",
  },
  {
    when: (real, ours) => pluginAutoEnabled(real, ours) && (real.decision === ours.decision || (real.decision === "hot" && ours.decision === "none")),
    why: "the gateway diffs its runtime config, where a model reference auto-enables the provider's plugin: plugins.entries.<provider> appears and is hot (plugin reload), so a no-op agents edit becomes a hot reload; clawdiff diffs the file, and also reports agents as one object (diff era)",
  },
  {
    when: (real, ours) => real.decision === "disabled" && ours.decision === "none" && real.paths.join() === ours.paths.join(),
    why: "the gateway checks gateway.reload.mode=off before it asks whether the plan is a no-op, so the edit that turns reload off is itself reported as disabled; clawdiff's decideReloadAction (src/plan/outcome.ts) returns none for a no-op plan first",
  },
  {
    when: (real, ours, previous) => previous?.realDecision === "disabled" && real.paths.some((path) => !ours.paths.includes(path)),
    why: "with reload off the 9.6 gateway does not move its baseline (commitReloadBaseline with runtimeApplied false): edits made while off accumulate and are evaluated together, and applied once reload is back; clawdiff compares with the last file it read",
  },
];

/** The first note that explains this shape, or undefined. `previous` is the previous edit's { realDecision }. */
export function knownGap(real, ours, previous) {
  return NOTES.find((note) => note.when(real, ours, previous))?.why;
}
