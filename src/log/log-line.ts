import { stripCollectorPrefixes } from "./collector-prefix.js";

/**
 * One physical gateway log line, reduced to what the reload parser needs:
 * when, which subsystem, and the message text. OpenClaw writes three shapes:
 * console text (`<time> [reload] message`, time optional and either an ISO
 * stamp with offset or `HH:MM:SS`), console JSON (`{"time","level",
 * "subsystem","message"}`) and the file log (tslog JSON: numeric args `"0"`
 * (bindings JSON), `"1"` (message), `_meta.date`, `time`). Collectors add
 * their own prefix (collector-prefix.ts) or JSON envelope (docker's
 * json-file driver `{"log","stream","time"}`, `journalctl -o json`
 * `{"MESSAGE","__REALTIME_TIMESTAMP"}`) around any of these.
 */
export interface LogLine {
  /** 1-based line number in the input. */
  line: number;
  /** The timestamp exactly as logged, when there is one. */
  time?: string;
  subsystem?: string;
  level?: string;
  message: string;
  /** True when the line carried no prefix of its own (a candidate continuation of a wrapped line). */
  bare: boolean;
}

export type LineParse = { ok: true; value: LogLine } | { ok: false; reason: string };

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
const ISO_TIME = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?`;
const CLOCK_TIME = String.raw`\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?`;
const LEADING_TIME = new RegExp(String.raw`^\[?(${ISO_TIME}|${CLOCK_TIME})\]?\s+`);
const LEVEL_WORD = /^(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b:?\s+/i;
const SUBSYSTEM = /^\[([A-Za-z0-9_./-]+)\]\s*/;
// Control characters other than tab mark a line as binary noise, not a log line.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const stringField = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value : undefined);

function subsystemFromBindings(text: string | undefined): string | undefined {
  if (!text?.trim().startsWith("{")) return undefined;
  try {
    const bindings = JSON.parse(text) as unknown;
    return bindings && typeof bindings === "object" ? stringField((bindings as Record<string, unknown>)["subsystem"]) : undefined;
  } catch {
    return undefined;
  }
}

/** A collector's JSON envelope around one gateway line: docker's json-file driver, or `journalctl -o json`. */
function envelopeOf(fields: Record<string, unknown>): { inner: string; time?: string } | undefined {
  const docker = typeof fields["log"] === "string" && typeof fields["stream"] === "string" ? fields["log"] : undefined;
  const journald = typeof fields["MESSAGE"] === "string" ? fields["MESSAGE"] : undefined;
  const inner = docker ?? journald;
  if (inner === undefined) return undefined;
  const micros = stringField(fields["__REALTIME_TIMESTAMP"]);
  const time = docker !== undefined ? stringField(fields["time"]) : micros && /^\d+$/.test(micros) ? new Date(Number(micros) / 1000).toISOString() : undefined;
  return { inner: inner.replace(/\r?\n$/, ""), ...(time ? { time } : {}) };
}

function parseJsonLine(text: string, line: number, depth: number): LineParse {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return { ok: false, reason: "unparseable JSON" };
  }
  if (!record || typeof record !== "object" || Array.isArray(record)) return { ok: false, reason: "JSON line is not an object" };
  const fields = record as Record<string, unknown>;
  const envelope = depth === 0 ? envelopeOf(fields) : undefined;
  if (envelope) {
    const inner = parseLogLine(envelope.inner, line, depth + 1);
    return inner.ok && inner.value.time === undefined && envelope.time ? { ok: true, value: { ...inner.value, time: envelope.time } } : inner;
  }
  const meta = (fields["_meta"] && typeof fields["_meta"] === "object" ? fields["_meta"] : {}) as Record<string, unknown>;
  const numeric = Object.keys(fields)
    .filter((key) => /^\d+$/.test(key))
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => fields[key]);
  const bindingsSubsystem = subsystemFromBindings(typeof numeric[0] === "string" ? numeric[0] : undefined);
  const args = bindingsSubsystem !== undefined ? numeric.slice(1) : numeric;
  const fromArgs = args.filter((arg): arg is string => typeof arg === "string").join(" ");
  const message = stringField(fields["message"]) ?? stringField(fields["msg"]) ?? stringField(fromArgs);
  if (message === undefined) return { ok: false, reason: "JSON line without a message" };
  const time = stringField(fields["time"]) ?? stringField(meta["date"]) ?? stringField(fields["timestamp"]);
  const subsystem = stringField(fields["subsystem"]) ?? bindingsSubsystem ?? subsystemFromBindings(stringField(meta["name"]));
  const level = stringField(fields["level"]) ?? stringField(meta["logLevelName"]);
  return {
    ok: true,
    value: { line, message, bare: false, ...(time ? { time } : {}), ...(subsystem ? { subsystem } : {}), ...(level ? { level: level.toLowerCase() } : {}) },
  };
}

/** Parses one physical line; `ok: false` marks a malformed line the caller counts and skips. */
export function parseLogLine(raw: string, line: number, depth = 0): LineParse {
  const text = raw.replace(ANSI, "").replace(/\r$/, "");
  if (CONTROL.test(text)) return { ok: false, reason: "control characters" };
  const collector = stripCollectorPrefixes(text);
  const trimmed = collector.rest.trim();
  if (trimmed.startsWith("{")) return parseJsonLine(trimmed, line, depth);

  let rest = collector.rest;
  let time: string | undefined;
  const stamp = LEADING_TIME.exec(rest);
  if (stamp) {
    time = stamp[1];
    rest = rest.slice(stamp[0].length);
  }
  let level: string | undefined;
  const levelWord = LEVEL_WORD.exec(rest);
  if (levelWord) {
    level = levelWord[1]!.toLowerCase();
    rest = rest.slice(levelWord[0].length);
  }
  let subsystem: string | undefined;
  const bracket = SUBSYSTEM.exec(rest);
  if (bracket) {
    subsystem = bracket[1];
    rest = rest.slice(bracket[0].length);
  }
  // A collector prefix alone does not make a line the start of an entry: its wrapped continuations carry one too.
  const bare = !stamp && !levelWord && !bracket;
  time ??= collector.time;
  return {
    ok: true,
    value: { line, message: bare ? rest : rest.trim(), bare, ...(time ? { time } : {}), ...(subsystem ? { subsystem } : {}), ...(level ? { level } : {}) },
  };
}
