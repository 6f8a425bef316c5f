import { CAUSE_LABELS } from "../../explain/cause-codes.js";
import type { DiffReport, ReportChange, ReportClassification } from "../model.js";
import type { ValueOrigin } from "../../config/provenance.js";
import type { SuppressedChange } from "../../ignore/apply.js";

/**
 * Facts every non-table format shows about a report, read in one place so the
 * formats agree. The proposed-rules fields are optional: a report without
 * `--proposed` has none of them.
 */
export type ChangeKind = ReportClassification["kind"];

export const CHANGE_KINDS: readonly ChangeKind[] = ["restart", "hot", "none"];

/** Drift only means something when proposed rules were given. */
export const driftOf = (report: DiffReport): boolean | undefined => (report.plans.proposed ? report.summary.drift : undefined);

/** The ignore-file entry that accepted this change, if any. */
export function suppressionOf(report: DiffReport, change: ReportChange): SuppressedChange["entry"] | undefined {
  return report.suppressed?.find((suppressed) => suppressed.path === change.path)?.entry;
}

export function suppressionText(entry: SuppressedChange["entry"]): string {
  return `ignored by ${entry.file}${entry.line !== undefined ? `:${entry.line}` : ""} (${entry.reason})`;
}

/** The current kind, with the proposed kind when it differs: "restart → hot". */
export function kindTransition(change: ReportChange): string {
  const current = change.classification.current.kind;
  const proposed = change.classification.proposed?.kind;
  return proposed !== undefined && proposed !== current ? `${current} → ${proposed}` : current;
}

/** Plain-word cause labels, de-duplicated, in report order. */
export function causeLabels(change: { causes: ReportChange["causes"] }): string[] {
  return [...new Set(change.causes.map((cause) => CAUSE_LABELS[cause.code]))];
}

/** Which rule decided the path, in words. */
export function ruleText(classification: ReportClassification): string {
  if (classification.reason === "install-timestamp") return "install record stamp (noop)";
  if (!classification.rule) return "no rule: restart by default";
  return classification.reason === "condition-unmet" ? `${classification.rule.prefix} (condition unmet)` : classification.rule.prefix;
}

export interface ChangeLocation {
  file: string;
  line?: number;
  column?: number;
  /** "after" for values that exist after the change; "before" for removed ones. */
  side: "before" | "after";
}

/** The origin that wins the `$include` merge is the last one; prefer one with a position. */
function winningOrigin(origins: readonly ValueOrigin[]): ValueOrigin | undefined {
  const positioned = origins.filter((origin) => origin.line !== undefined);
  return positioned[positioned.length - 1] ?? origins[origins.length - 1];
}

/**
 * Where to point a reader at a change: the file and line of the value after
 * the change (through `$include`), or of the removed value before it. Stdin
 * has no file to point at.
 */
export function changeLocation(change: Pick<ReportChange, "provenance">): ChangeLocation | undefined {
  for (const side of ["after", "before"] as const) {
    const origin = winningOrigin(change.provenance[side].origins);
    if (origin && origin.file !== "<stdin>") {
      return { file: origin.file, side, ...(origin.line !== undefined ? { line: origin.line } : {}), ...(origin.column !== undefined ? { column: origin.column } : {}) };
    }
  }
  return undefined;
}

export function locationText(location: ChangeLocation | undefined): string {
  if (!location) return "";
  return `${location.file}${location.line !== undefined ? `:${location.line}` : ""}${location.column !== undefined && location.line !== undefined ? `:${location.column}` : ""}`;
}

export function changesOfKind(report: DiffReport, kind: ChangeKind): ReportChange[] {
  return report.changes.filter((change) => change.classification.current.kind === kind);
}

const KIND_WORDS: Record<ChangeKind, string> = { restart: "forces a gateway restart", hot: "hot-reloads", none: "needs no reload" };

/** What happens to one path, in one or two plain sentences (annotations, SARIF messages, JUnit failures). */
export function changeSentences(change: ReportChange): string[] {
  const current = change.classification.current;
  const proposed = change.classification.proposed;
  const removed = changeLocation(change)?.side === "before";
  return [
    `${change.path} ${KIND_WORDS[current.kind]} (rule ${ruleText(current)})${change.spurious ? "; spurious: the effective value is unchanged" : ""}${removed ? "; removed here" : ""}`,
    ...(proposed && proposed.kind !== current.kind ? [`under the proposed rules it ${KIND_WORDS[proposed.kind]} (rule ${ruleText(proposed)})`] : []),
  ];
}

/** "plugins from the before config: telegram (channel configured (channels.telegram)); not loaded: irc, slack (channel not configured)". */
export function pluginsText(plugins: NonNullable<DiffReport["plugins"]>): string {
  const loaded = plugins.decisions.filter((decision) => decision.loaded);
  const skipped = new Map<string, string[]>();
  for (const decision of plugins.decisions.filter((candidate) => !candidate.loaded)) {
    const reason = decision.reason.replace(/ \((channels|plugins)\.[^)]*\)$/, "");
    skipped.set(reason, [...(skipped.get(reason) ?? []), decision.id]);
  }
  const source = plugins.by === "config" ? "the before config" : "--plugins";
  const loadedText = loaded.length > 0 ? loaded.map((decision) => `${decision.id} (${decision.reason})`).join(", ") : "none";
  const skippedText = [...skipped].map(([reason, ids]) => `${ids.join(", ")} (${reason})`).join("; ");
  return `bundled plugins loaded per ${source}: ${loadedText}${skippedText ? `; not loaded: ${skippedText}` : ""}`;
}

/** Lines every format shows about how the run was set up: the version and its source, a newer-version warning, the plugin set. */
export function runContextLines(report: DiffReport): string[] {
  return [
    ...(report.version ? [report.version.text] : []),
    ...(report.version?.warning ? [`warning: ${report.version.warning}`] : []),
    ...(report.plugins ? [pluginsText(report.plugins)] : []),
    ...(report.validation && report.validation.issues.length > 0
      ? [`openclaw@${report.validation.openclawVersion}'s schema rejects the after config (${report.validation.table}): the gateway logs "config reload skipped (invalid config)" and keeps the running config; the kinds below apply once the config is valid`]
      : []),
  ];
}
