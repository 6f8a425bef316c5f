import { elapsedMs, parseLogTime } from "./log-time.js";
import type { ReloadRecord } from "./parse-log.js";
import type { Deferral } from "./reload-messages.js";

/**
 * What the gateway did with one evaluation, as far as its log says:
 * `none` is an evaluation with no follow-up line (the gateway logs nothing
 * for a no-op plan); `signal-only` is a SIGUSR1 restart no logged
 * evaluation asked for (e.g. a writer's own restart, or a manual kill).
 */
export type EventOutcome =
  | "restart"
  | "hot-reload"
  | "none"
  | "restart-ignored"
  | "disabled"
  | "skipped-by-writer"
  | "invalid-config"
  | "config-missing"
  | "error"
  | "signal-only";

export interface RestartSignal {
  /** Index into `restarts`: several deferred evaluations can share one restart. */
  restart: number;
  signal: string;
  line: number;
  time?: string;
}

export interface ReloadEvent {
  index: number;
  line: number;
  time?: string;
  outcome: EventOutcome;
  /** The evaluator's changed paths, from `evaluating reload (…)`; null when the log holds no such line for the event. */
  changedPaths: string[] | null;
  restartReasons: string[];
  hotReasons: string[];
  /** Paths applied as dynamic reads (2026.4+ logs them; none-kind paths). */
  noopPaths: string[];
  deferral?: Deferral;
  signal?: RestartSignal;
  /** Why the event did not apply, or errors logged while it ran. */
  errors: string[];
  /** Lines of every record that belongs to the event. */
  lines: number[];
  /** A path list was cut off in the log. */
  truncated: boolean;
}

export interface ObservedRestart {
  index: number;
  signal: string;
  line: number;
  time?: string;
  /** Events whose restart this signal carried out. */
  events: number[];
  readyLine?: number;
  readyTime?: string;
  /** Signal to "ready", when both carry comparable timestamps. */
  downtimeMs: number | null;
  ignored: boolean;
  /** How the gateway carried the restart out (`in-process restart (…)`, `full process restart (…)`), when logged. */
  mode?: string;
}

export interface GroupedLog {
  events: ReloadEvent[];
  restarts: ObservedRestart[];
}

/** SIGUSR1 until 2026.9.5; 2026.9.6 restarts on SIGUSR2 (dist/run-S_R0Bn7l.mjs:1741). */
const RESTART_SIGNALS: ReadonlySet<string> = new Set(["SIGUSR1", "SIGUSR2"]);

/** Groups reload records into evaluations and the restarts that carried them out. */
export function groupReloadEvents(records: readonly ReloadRecord[]): GroupedLog {
  const events: ReloadEvent[] = [];
  const restarts: ObservedRestart[] = [];
  let open: ReloadEvent | null = null;
  /** Restart events still waiting for their signal. */
  let awaitingSignal: ReloadEvent[] = [];
  /** The restart in progress: between its signal and the next "ready". */
  let inProgress: ObservedRestart | null = null;
  let inProgressPhases = new Set<string>();

  const startEvent = (record: ReloadRecord, outcome: EventOutcome, changedPaths: string[] | null): ReloadEvent => {
    const event: ReloadEvent = {
      index: events.length,
      line: record.line,
      ...(record.time ? { time: record.time } : {}),
      outcome,
      changedPaths,
      restartReasons: [],
      hotReasons: [],
      noopPaths: [],
      errors: [],
      lines: [],
      truncated: false,
    };
    events.push(event);
    return event;
  };
  const attach = (event: ReloadEvent, record: ReloadRecord) => {
    event.lines.push(record.line);
    if (record.truncated) event.truncated = true;
  };
  /** The evaluation a follow-up line belongs to, or an implicit one when the log starts mid-evaluation. */
  const current = (record: ReloadRecord): ReloadEvent => (open ??= startEvent(record, "none", null));

  for (const record of records) {
    const message = record.message;
    switch (message.kind) {
      case "evaluating":
        open = startEvent(record, "none", message.paths);
        attach(open, record);
        break;
      case "restart-required": {
        let event = current(record);
        if (event.outcome === "restart") event = open = startEvent(record, "none", null);
        event.outcome = "restart";
        event.restartReasons = message.paths;
        if (message.deferral) event.deferral = message.deferral;
        attach(event, record);
        awaitingSignal.push(event);
        break;
      }
      case "hot-applied":
      case "dynamic-reads":
      case "restart-ignored": {
        const event = current(record);
        if (message.kind === "hot-applied") {
          event.hotReasons = message.paths;
          if (event.outcome === "none") event.outcome = "hot-reload";
        } else if (message.kind === "dynamic-reads") event.noopPaths = message.paths;
        else {
          event.restartReasons = message.paths;
          event.outcome = "restart-ignored";
        }
        attach(event, record);
        break;
      }
      case "channel-reload-deferred": {
        const event = current(record);
        if (event.outcome === "none") event.outcome = "hot-reload";
        attach(event, record);
        break;
      }
      case "reload-disabled":
      case "writer-intent-skip": {
        const event = current(record);
        event.outcome = message.kind === "reload-disabled" ? "disabled" : "skipped-by-writer";
        if (message.kind === "writer-intent-skip") event.errors.push(`skipped by writer intent (${message.reason})`);
        attach(event, record);
        open = null;
        break;
      }
      case "invalid-config":
      case "config-missing": {
        if (message.kind === "config-missing" && !message.final) break;
        const event = startEvent(record, message.kind === "invalid-config" ? "invalid-config" : "config-missing", null);
        event.errors.push(message.kind === "invalid-config" ? `invalid config: ${message.detail}` : "config file not found");
        attach(event, record);
        // Stays open so a following recovery line (last-known-good restore) lands on it.
        open = event;
        break;
      }
      case "reload-error": {
        const event = open ?? startEvent(record, "error", null);
        event.errors.push(message.detail);
        attach(event, record);
        break;
      }
      case "duplicate-signal-skipped":
      case "restart-proceeding": {
        const event = awaitingSignal[awaitingSignal.length - 1] ?? open;
        if (event) attach(event, record);
        break;
      }
      case "signal": {
        if (!RESTART_SIGNALS.has(message.signal)) break;
        // A skipped or refused restart is over: the next signal starts another.
        const continuesRestart = inProgress !== null && inProgress.readyLine === undefined && !inProgress.ignored && !inProgressPhases.has(message.phase);
        if (!continuesRestart) {
          const carried: ReloadEvent[] = awaitingSignal.length > 0 ? awaitingSignal : [startEvent(record, "signal-only", null)];
          inProgress = { index: restarts.length, signal: message.signal, line: record.line, ...(record.time ? { time: record.time } : {}), events: carried.map((event) => event.index), downtimeMs: null, ignored: false };
          restarts.push(inProgress);
          inProgressPhases = new Set();
          for (const event of carried) {
            event.signal = { restart: inProgress.index, signal: message.signal, line: record.line, ...(record.time ? { time: record.time } : {}) };
            attach(event, record);
          }
          awaitingSignal = [];
          if (open && carried.includes(open)) open = null;
        }
        inProgressPhases.add(message.phase);
        if (message.phase === "ignored" || message.phase === "no-listener") inProgress!.ignored = true;
        break;
      }
      case "restart-mode": {
        if (inProgress && inProgress.readyLine === undefined) inProgress.mode = message.detail;
        break;
      }
      case "ready": {
        if (!inProgress || inProgress.readyLine !== undefined || inProgress.ignored) break;
        inProgress.readyLine = record.line;
        if (record.time) inProgress.readyTime = record.time;
        inProgress.downtimeMs = elapsedMs(parseLogTime(inProgress.time), parseLogTime(record.time));
        break;
      }
    }
  }
  return { events, restarts };
}
