import { CAUSE_LABELS } from "../explain/cause-codes.js";
import type { Palette } from "../report/palette.js";
import type { AnalyzedEvent, AnalyzedPath, PathVerdict } from "./analyze-events.js";
import type { LogReport } from "./log-report.js";
import { reproductionLines } from "./render-reproduction.js";
import { defuseCommandLines, displaySafe } from "../shared/display-text.js";

const OUTCOME_WORDS: Record<string, string> = {
  restart: "restart",
  "hot-reload": "hot reload",
  none: "no reload (no-op plan)",
  "restart-ignored": "restart ignored (mode=hot)",
  disabled: "reload disabled (mode=off)",
  "skipped-by-writer": "skipped by writer intent",
  "invalid-config": "invalid config: reload skipped",
  "config-missing": "config file missing",
  error: "reload error",
  "signal-only": "restart signal with no logged evaluation",
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function describeVerdict(verdict: PathVerdict): string {
  if (!verdict.rule) return `${verdict.kind} (no rule: fallback)`;
  return `${verdict.kind} (rule ${verdict.rule.prefix}, ${verdict.rule.origin})`;
}

function describeWhy(item: AnalyzedPath): string {
  const explanation = item.explanation;
  if (explanation?.status === "unexplained") return "NOT EXPLAINED by the state compared";
  if (explanation) {
    const codes = explanation.causes.map((cause) => CAUSE_LABELS[cause.code]).join(", ");
    const spurious = explanation.status === "form-only" || explanation.spurious ? "spurious: " : "";
    return `${spurious}${codes || "changed"}`;
  }
  return item.hints.length > 0 ? `looks spurious: ${item.hints.map((hint) => hint.code).join(", ")}` : "";
}

function eventLines(analyzed: AnalyzedEvent, report: LogReport, palette: Palette): string[] {
  const { event } = analyzed;
  const restart = event.signal ? report.restarts[event.signal.restart] : undefined;
  const downtime = `${restart?.mode ? `, ${restart.mode}` : ""}${restart?.downtimeMs != null ? `, ready after ${seconds(restart.downtimeMs)}` : ""}`;
  const deferral = event.deferral ? `, ${event.deferral.mode === "deferring" ? `deferred until ${event.deferral.detail} complete` : event.deferral.mode}` : "";
  const signal = event.signal ? `, ${event.signal.signal} at line ${event.signal.line}${downtime}` : "";
  const outcome = event.outcome === "none" && event.noopPaths.length > 0 ? "no reload: applied as dynamic reads" : (OUTCOME_WORDS[event.outcome] ?? event.outcome);
  const colour = event.outcome === "restart" || event.outcome === "signal-only" ? palette.red.bold : event.outcome === "hot-reload" ? palette.yellow : palette.dim;
  const lines = [`#${event.index + 1} line ${event.line}${event.time ? ` ${event.time}` : ""}: ${colour(outcome)}${deferral}${signal}${event.truncated ? " (path list cut off in the log)" : ""}`];
  const width = Math.max(0, ...analyzed.paths.map((item) => item.path.length));
  for (const item of analyzed.paths) {
    const proposed = item.proposed && item.proposed.kind !== item.current.kind ? `; proposed: ${item.proposed.kind}` : "";
    const why = describeWhy(item);
    lines.push(`  ${item.path.padEnd(width)}  logged ${item.logged.padEnd(7)}  ${describeVerdict(item.current)}${proposed}${why ? `  ${why}` : ""}`);
  }
  for (const error of event.errors) lines.push(`  ${palette.yellow(error)}`);
  if (analyzed.catalogAgrees === false) {
    const said = analyzed.catalogRestartReasons.length > 0 ? `restart for ${analyzed.catalogRestartReasons.join(", ")}` : "no restart";
    lines.push(`  ${palette.yellow(`rules ${report.catalogs.current} say ${said}: the gateway ran other rules`)}`);
  }
  if (analyzed.proposedRestart === false && event.outcome === "restart") lines.push(`  ${palette.green("the proposed rules would not restart")}`);
  const reproduction = report.reproductions?.find((candidate) => candidate.event === event.index);
  if (reproduction) lines.push(...reproductionLines(reproduction, palette));
  return lines;
}

function summaryLines(report: LogReport): string[] {
  const { summary } = report;
  const lines = ["", "summary"];
  const perDay = summary.restartsPerDay.map((entry) => `${entry.day} ${entry.restarts}`).join(", ");
  lines.push(`  restarts: ${summary.restarts}${perDay ? ` (${perDay})` : ""}, ${summary.spuriousRestarts} looking spurious`);
  if (summary.downtime.measuredRestarts > 0) lines.push(`  downtime: ${seconds(summary.downtime.totalMs)} over ${summary.downtime.measuredRestarts} measured restart(s)`);
  if (summary.topRestartPaths.length > 0) lines.push(`  top restart paths: ${summary.topRestartPaths.map((entry) => `${entry.path} (${entry.restarts})`).join(", ")}`);
  const { agrees, disagrees } = summary.catalogAgreement;
  if (agrees + disagrees > 0) lines.push(`  rules ${report.catalogs.current} reproduce ${agrees} of ${agrees + disagrees} logged restart decisions`);
  if (summary.avoidedByProposed !== undefined) lines.push(`  proposed rules (${report.catalogs.proposed}) would have avoided ${summary.avoidedByProposed} restart(s)`);
  if (summary.unexplainedPaths && summary.unexplainedPaths.length > 0) lines.push(`  logged paths the state cannot explain: ${summary.unexplainedPaths.join(", ")}`);
  return lines;
}

/** The human view of a log report: one block per evaluation, then the summary. */
export function renderLogTable(data: LogReport, palette: Palette): string {
  const report = displaySafe(data);
  const { lines } = report;
  const header = [
    palette.bold(`${report.events.length} reload event(s) in ${report.input.log}: ${lines.total} lines, ${lines.reload} about reloads and restarts, ${lines.malformed} malformed (skipped)`),
    `rules ${report.catalogs.current}${report.catalogs.proposed ? `, proposed ${report.catalogs.proposed}` : ""}${report.input.state ? `; state ${report.input.before ?? "?"} → ${report.input.state}` : ""}`,
    "",
  ];
  const body = report.events.flatMap((analyzed) => [...eventLines(analyzed, report, palette), ""]);
  return defuseCommandLines(`${[...header, ...body, ...summaryLines(report).slice(body.length > 0 ? 1 : 0)].join("\n")}\n`);
}
