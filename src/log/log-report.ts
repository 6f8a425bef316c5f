import { TOOL_NAME, TOOL_VERSION } from "../shared/tool-info.js";
import type { AnalyzedEvent } from "./analyze-events.js";
import type { ObservedRestart } from "./group-events.js";
import { parseLogTime } from "./log-time.js";
import type { ParsedLog } from "./parse-log.js";
import type { Reproduction } from "./reproduce.js";

/**
 * The `clawdiff log` report (schemas/log-report.schema.json). Same promise
 * as the diff report: fields are only added within a schemaVersion.
 */
export const LOG_REPORT_SCHEMA_VERSION = 1;

export interface LogReportSummary {
  evaluations: number;
  outcomes: Record<string, number>;
  /** Distinct gateway restarts: evaluations that restarted (sharing a signal counts once) plus unattributed SIGUSR1 restarts. */
  restarts: number;
  restartsPerDay: { day: string; restarts: number }[];
  downtime: { totalMs: number; measuredRestarts: number };
  topRestartPaths: { path: string; restarts: number }[];
  /** Restarts whose every logged reason looks spurious (hints, or cause codes with --state). */
  spuriousRestarts: number;
  /** Restarts the catalog for the running version reproduces / contradicts. */
  catalogAgreement: { agrees: number; disagrees: number; unknown: number };
  /** With `--proposed`: restarts whose logged paths the proposed rules would not restart for. */
  avoidedByProposed?: number;
  /** With `--state`: logged paths the compared state cannot explain. */
  unexplainedPaths?: string[];
}

export interface LogReport {
  schemaVersion: typeof LOG_REPORT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  input: { log: string; state?: string; before?: string };
  catalogs: { current: string; proposed?: string };
  lines: { total: number; reload: number; other: number; malformed: number };
  malformed: { line: number; reason: string }[];
  events: AnalyzedEvent[];
  restarts: ObservedRestart[];
  /** With two states: per logged evaluation, which version, trigger and env source reproduce it. */
  reproductions?: Reproduction[];
  summary: LogReportSummary;
}

const TOP_PATHS = 10;

function restartKey(event: AnalyzedEvent): string | null {
  const { outcome, signal, index } = event.event;
  if (outcome !== "restart" && outcome !== "signal-only") return null;
  return signal ? `signal:${signal.restart}` : `event:${index}`;
}

function summarize(events: readonly AnalyzedEvent[], restarts: readonly ObservedRestart[], withProposed: boolean, withState: boolean): LogReportSummary {
  const outcomes: Record<string, number> = {};
  const perDay = new Map<string, Set<string>>();
  const restartKeys = new Set<string>();
  const pathCounts = new Map<string, number>();
  const agreement = { agrees: 0, disagrees: 0, unknown: 0 };
  let spuriousRestarts = 0;
  let avoided = 0;
  const unexplained = new Set<string>();

  for (const analyzed of events) {
    const { event } = analyzed;
    outcomes[event.outcome] = (outcomes[event.outcome] ?? 0) + 1;
    for (const path of analyzed.paths) if (path.explanation?.status === "unexplained") unexplained.add(path.path);
    const key = restartKey(analyzed);
    if (key === null) continue;
    const firstForRestart = !restartKeys.has(key);
    restartKeys.add(key);
    const day = parseLogTime(event.signal?.time ?? event.time)?.day ?? "undated";
    perDay.set(day, (perDay.get(day) ?? new Set()).add(key));
    for (const path of event.restartReasons) pathCounts.set(path, (pathCounts.get(path) ?? 0) + 1);
    if (event.outcome !== "restart") continue;
    if (analyzed.catalogAgrees === null) agreement.unknown += 1;
    else if (analyzed.catalogAgrees) agreement.agrees += 1;
    else agreement.disagrees += 1;
    if (firstForRestart && analyzed.spuriousRestart) spuriousRestarts += 1;
    if (firstForRestart && analyzed.proposedRestart === false) avoided += 1;
  }
  const measured = restarts.filter((restart) => restart.downtimeMs !== null);
  return {
    evaluations: events.filter((analyzed) => analyzed.event.changedPaths !== null).length,
    outcomes,
    restarts: restartKeys.size,
    restartsPerDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, keys]) => ({ day, restarts: keys.size })),
    downtime: { totalMs: measured.reduce((total, restart) => total + restart.downtimeMs!, 0), measuredRestarts: measured.length },
    topRestartPaths: [...pathCounts]
      .sort(([pathA, a], [pathB, b]) => b - a || pathA.localeCompare(pathB))
      .slice(0, TOP_PATHS)
      .map(([path, count]) => ({ path, restarts: count })),
    spuriousRestarts,
    catalogAgreement: agreement,
    ...(withProposed ? { avoidedByProposed: avoided } : {}),
    ...(withState ? { unexplainedPaths: [...unexplained] } : {}),
  };
}

export interface LogReportOptions {
  log: string;
  state?: string;
  before?: string;
  catalog: string;
  proposed?: string;
}

export function buildLogReport(parsed: ParsedLog, events: AnalyzedEvent[], restarts: ObservedRestart[], options: LogReportOptions, reproductions?: Reproduction[]): LogReport {
  const withState = options.state !== undefined;
  return {
    schemaVersion: LOG_REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    input: { log: options.log, ...(options.state !== undefined ? { state: options.state } : {}), ...(options.before !== undefined ? { before: options.before } : {}) },
    catalogs: { current: options.catalog, ...(options.proposed ? { proposed: options.proposed } : {}) },
    lines: { total: parsed.totalLines, reload: parsed.records.reduce((sum, record) => sum + record.lines, 0), other: parsed.otherLines, malformed: parsed.malformed.length },
    malformed: parsed.malformed,
    events,
    restarts,
    ...(reproductions ? { reproductions } : {}),
    summary: summarize(events, restarts, options.proposed !== undefined, withState),
  };
}
