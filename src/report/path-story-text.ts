import { defuseCommandLines } from "../shared/display-text.js";
import { displaySafeStory } from "./display-safe.js";
import type { Palette } from "./palette.js";
import type { PathStory, RuleStory } from "./path-story.js";
import type { ReportSide } from "./provenance.js";
import { abbreviateValue, shortFingerprint } from "./format-value.js";
import { describeCause, describeOrigin, describeRule } from "./table.js";

const STATUS_WORDS: Record<PathStory["status"], string> = {
  changed: "changed: the reload evaluator sees this path",
  "form-only": "form only: the authored text differs, the evaluator sees the same value",
  "parent-of-changes": "not itself reported: the evaluator reports the changed paths below it",
  "inside-change": "inside a change: the evaluator reports the enclosing path as one change, and its rule decides",
  unchanged: "unchanged between the two states",
};

const SHOWN_DEFAULTS = 3;

function sideLines(label: string, side: ReportSide, width: number): string[] {
  const where = describeOrigin(side.origins);
  const lines = [`  ${label.padEnd(7)}${abbreviateValue(side.present ? side.value : undefined, Math.max(30, width - 40))}${where ? `   ${where}` : ""}`];
  for (const ref of side.envRefs ?? []) {
    lines.push(`         \${${ref.name}} ${ref.resolved ? `= ${shortFingerprint(ref.fingerprint ?? "")} from ${ref.from}` : "is unset: the literal text stays"}`);
  }
  if (side.secretRef) lines.push("         a SecretRef: resolved at runtime, compared as the object");
  const defaults = side.defaults ?? [];
  for (const entry of defaults.slice(0, SHOWN_DEFAULTS)) lines.push(`         default ${entry.path} (${entry.scope}: ${entry.source}) applies here`);
  if (defaults.length > SHOWN_DEFAULTS) lines.push(`         … and ${defaults.length - SHOWN_DEFAULTS} more defaults below this path`);
  return lines;
}

function ruleLines(title: string, story: RuleStory, palette: Palette): string[] {
  const { classification } = story;
  const lines = [palette.bold(`${title}: ${story.catalog} (${story.matching})`), `  → ${classification.kind}, ${describeRule(classification)}`];
  if (classification.actions.length > 0) lines.push(`  actions: ${classification.actions.join(", ")}`);
  for (const candidate of story.candidates) {
    lines.push(`  ${candidate.chosen ? palette.green("✓") : "·"} ${candidate.prefix} → ${candidate.kind} (${candidate.origin}, #${candidate.index}): ${candidate.why}`);
  }
  for (const miss of story.nearMisses) lines.push(palette.dim(`  ✗ ${miss.prefix} → ${miss.kind} (${miss.origin}): ${miss.why}`));
  if (story.moreNearMisses > 0) lines.push(palette.dim(`  ✗ … ${story.moreNearMisses} more rule${story.moreNearMisses === 1 ? "" : "s"} share the first segments but do not match`));
  return lines;
}

/** `clawdiff explain` for people: the story of one path, top to bottom. */
export function renderPathStory(data: PathStory, options: { palette: Palette; width: number }): string {
  const story = displaySafeStory(data);
  const { palette, width } = options;
  const kind = story.rules.current.classification.kind;
  const tags = [
    ...((story.status === "changed" || story.status === "inside-change") && kind === "restart" ? [palette.red("← forces restart")] : []),
    ...((story.status === "changed" || story.status === "inside-change") && story.spurious ? [palette.magenta("spurious")] : []),
  ];
  const lines = [palette.bold([story.path, ...tags].join("  ")), palette.dim(STATUS_WORDS[story.status])];
  if (story.changedBelow.length > 0) lines.push(`  changed below: ${story.changedBelow.join(", ")}`);
  if (story.changedAt) lines.push(`  reported as: ${story.changedAt}${story.spurious ? " (spurious)" : ""}; the causes, rules and fixes below are that change's`);
  if (story.suggestions) lines.push(palette.yellow(`  ${story.path} is in neither state, the version's defaults nor the rules; did you mean ${story.suggestions.join(", ")}?`));
  lines.push("", ...sideLines("before", story.provenance.before, width), ...sideLines("after", story.provenance.after, width));
  if (story.causes.length > 0) {
    lines.push("", palette.bold("Why it is dirty"));
    for (const cause of story.causes) lines.push(`  ${cause.code}  ${describeCause(cause)}`);
  }
  const rulesTitle = story.status === "changed" ? "Current rules" : story.changedAt ? `Current rules (deciding ${story.changedAt})` : "Current rules (if it changed)";
  lines.push("", ...ruleLines(rulesTitle, story.rules.current, palette));
  if (story.rules.proposed) lines.push("", ...ruleLines("Proposed rules", story.rules.proposed, palette));
  if (story.advice.length > 0) {
    lines.push("", palette.bold("What you can do"));
    for (const advice of story.advice) lines.push(`  - ${advice}`);
  }
  return defuseCommandLines(`${lines.join("\n")}\n`);
}
