import { parseLogLine, type LogLine } from "./log-line.js";
import { parseReloadMessage, type ReloadMessage } from "./reload-messages.js";

/** A reload-related message with where and when it was logged. */
export interface ReloadRecord {
  /** First physical line (1-based); `lines` counts the physical lines a wrapped message spans. */
  line: number;
  lines: number;
  time?: string;
  subsystem?: string;
  message: ReloadMessage;
  /** The path list was cut off (the log ended or another entry started before its `)`). */
  truncated?: boolean;
}

export interface MalformedLine {
  line: number;
  reason: string;
}

export interface ParsedLog {
  records: ReloadRecord[];
  totalLines: number;
  /** Lines that are valid log lines about something else. */
  otherLines: number;
  malformed: MalformedLine[];
}

// A continuation of a wrapped path list: maybe the opening parenthesis, path-ish tokens separated by commas, maybe the closing parenthesis and a suffix.
const CONTINUATION = /^\s*\(?[^\s,()[\]{}]+(?:,\s*[^\s,()[\]{}]+)*,?\s*(?:\).*)?$/;
const MAX_WRAPPED_LINES = 50;

function toRecord(first: LogLine, message: ReloadMessage, lines: number, truncated: boolean): ReloadRecord {
  return {
    line: first.line,
    lines,
    message,
    ...(first.time ? { time: first.time } : {}),
    ...(first.subsystem ? { subsystem: first.subsystem } : {}),
    ...(truncated ? { truncated } : {}),
  };
}

/**
 * Reads a gateway log into reload records. Never throws on content: lines
 * that cannot be read are counted in `malformed` and skipped; wrapped path
 * lists are re-joined from the bare lines that follow them.
 */
export function parseGatewayLog(text: string): ParsedLog {
  const physical = text.split("\n");
  if (physical.length > 0 && physical[physical.length - 1] === "") physical.pop();
  const records: ReloadRecord[] = [];
  const malformed: MalformedLine[] = [];
  let otherLines = 0;

  let index = 0;
  while (index < physical.length) {
    const parsed = parseLogLine(physical[index]!, index + 1);
    index += 1;
    if (!parsed.ok) {
      malformed.push({ line: index, reason: parsed.reason });
      continue;
    }
    const first = parsed.value;
    if (first.message.trim() === "") {
      otherLines += 1;
      continue;
    }
    let joined = first.message.trim();
    let result = parseReloadMessage(joined);
    let span = 1;
    while (result.status === "unclosed" && index < physical.length && span < MAX_WRAPPED_LINES) {
      const next = parseLogLine(physical[index]!, index + 1);
      if (!next.ok || !next.value.bare || !CONTINUATION.test(next.value.message)) break;
      // A wrap after a comma or before indentation separates paths; otherwise the terminal cut a path in two.
      const separator = /,\s*$/.test(joined) || /^\s*\(/.test(next.value.message) || /^\s/.test(next.value.message) ? " " : "";
      joined = `${joined}${separator}${next.value.message.trim()}`;
      result = parseReloadMessage(joined);
      span += 1;
      index += 1;
    }
    if (result.status === "known") records.push(toRecord(first, result.message, span, false));
    else if (result.status === "unclosed") {
      // Keep what was logged: the paths before the cut are real evidence.
      const closedText = `${joined})`;
      const salvage = parseReloadMessage(closedText);
      if (salvage.status === "known") records.push(toRecord(first, salvage.message, span, true));
      else malformed.push({ line: first.line, reason: "unterminated path list" });
    } else otherLines += span;
  }
  return { records, totalLines: physical.length, otherLines, malformed };
}
