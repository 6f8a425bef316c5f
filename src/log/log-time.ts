/**
 * Timestamps as gateways log them: full ISO stamps (with `Z` or an offset)
 * or a bare clock time (`HH:MM:SS`, console "pretty" style). A bare clock
 * time has no date, so it orders events within a day but cannot be counted
 * per day.
 */
export interface LogInstant {
  /** Milliseconds since the epoch when the stamp has a date; since midnight otherwise. */
  ms: number;
  hasDate: boolean;
  /** `YYYY-MM-DD` in the stamp's own offset, when it has a date. */
  day?: string;
}

const CLOCK = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?/;
const DAY_MS = 24 * 60 * 60 * 1000;

export function parseLogTime(text: string | undefined): LogInstant | null {
  if (!text) return null;
  const normalized = text.trim().replace(",", ".");
  const dated = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(normalized);
  if (dated) {
    const offset = dated[3] ? (dated[3] === "Z" ? "Z" : dated[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")) : "Z";
    const ms = Date.parse(`${dated[1]}T${dated[2]}${offset}`);
    return Number.isNaN(ms) ? null : { ms, hasDate: true, day: dated[1]! };
  }
  const clock = CLOCK.exec(normalized);
  if (!clock) return null;
  const fraction = clock[4] ? Number(`0.${clock[4]}`) * 1000 : 0;
  return { ms: ((Number(clock[1]) * 60 + Number(clock[2])) * 60 + Number(clock[3])) * 1000 + Math.round(fraction), hasDate: false };
}

/** Milliseconds from `start` to `end`; clock-only stamps wrap at midnight. Null when the two cannot be compared. */
export function elapsedMs(start: LogInstant | null, end: LogInstant | null): number | null {
  if (!start || !end || start.hasDate !== end.hasDate) return null;
  const delta = end.ms - start.ms;
  if (start.hasDate) return delta >= 0 ? delta : null;
  return delta >= 0 ? delta : delta + DAY_MS;
}
