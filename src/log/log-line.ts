/**
 * One physical gateway log line, reduced to what the reload parser needs:
 * when, which subsystem, and the message text. OpenClaw writes three shapes:
 * console text (`<time> [reload] message`, time optional and either an ISO
 * stamp with offset or `HH:MM:SS`), console JSON (`{"time","level",
 * "subsystem","message"}`) and the file log (tslog JSON: numeric args `"0"`
 * (bindings JSON), `"1"` (message), `_meta.date`, `time`). Journald and
 * similar collectors add their own `Mon DD HH:MM:SS host unit[pid]:` prefix.
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
const SYSLOG_PREFIX = /^[A-Z][a-z]{2}\s+\d{1,2}\s+(\d{2}:\d{2}:\d{2})\s+\S+\s+[^\s:]+:\s+/;
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

function parseJsonLine(text: string, line: number): LineParse {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return { ok: false, reason: "unparseable JSON" };
  }
  if (!record || typeof record !== "object" || Array.isArray(record)) return { ok: false, reason: "JSON line is not an object" };
  const fields = record as Record<string, unknown>;
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
export function parseLogLine(raw: string, line: number): LineParse {
  const text = raw.replace(ANSI, "").replace(/\r$/, "");
  if (CONTROL.test(text)) return { ok: false, reason: "control characters" };
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) return parseJsonLine(trimmed, line);

  let rest = text;
  let time: string | undefined;
  const syslog = SYSLOG_PREFIX.exec(rest);
  if (syslog) rest = rest.slice(syslog[0].length);
  const stamp = LEADING_TIME.exec(rest);
  if (stamp) {
    time = stamp[1];
    rest = rest.slice(stamp[0].length);
  } else if (syslog) time = syslog[1];
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
  const bare = !syslog && !stamp && !levelWord && !bracket;
  return {
    ok: true,
    value: { line, message: bare ? rest : rest.trim(), bare, ...(time ? { time } : {}), ...(subsystem ? { subsystem } : {}), ...(level ? { level } : {}) },
  };
}
