import { REDACTED_PATTERN as REDACTED } from "../explain/secrets.js";
import { escapeControls } from "../shared/display-text.js";

/**
 * One-line, length-bounded renderings of config values for human reports.
 * Small values print inline in a JSON5-like form; larger ones collapse to a
 * summary (`[12 items: main, ops, …]`, `{mode, port, …}`) so a line never
 * explodes, and work stays bounded by the budget, not the value's size.
 */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Digits of a fingerprint people see: keyed prints cannot be searched offline, so 48 bits tell secrets apart; JSON keeps all 128. */
const SHOWN_FINGERPRINT_HEX = 12;

/** `hmac:0123456789ab`, the short form of a fingerprint for human formats. */
export function shortFingerprint(print: string): string {
  return print.startsWith("hmac:") ? print.slice(0, "hmac:".length + SHOWN_FINGERPRINT_HEX) : print;
}

/** JSON quoting escapes C0 controls; DEL, C1, line separators and bidi controls need escaping on top. */
const quoted = (text: string) => escapeControls(JSON.stringify(text));

function keyText(key: string): string {
  return IDENTIFIER.test(key) ? key : quoted(key);
}

/** The inline text of `value`, or null when it would exceed `budget` characters. */
function inline(value: unknown, budget: number): string | null {
  if (budget <= 0) return null;
  if (value === null || typeof value !== "object") {
    const text = typeof value === "string" ? quoted(value) : String(value);
    return text.length <= budget ? text : null;
  }
  const entries: [string | null, unknown][] = Array.isArray(value) ? value.map((item) => [null, item]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return `${open}${close}`;
  let text = open;
  for (const [index, [key, item]] of entries.entries()) {
    const prefix = `${index === 0 ? "" : ", "}${key === null ? "" : `${keyText(key)}: `}`;
    const rendered = inline(item, budget - text.length - prefix.length - 1);
    if (rendered === null) return null;
    text += prefix + rendered;
  }
  text += close;
  return text.length <= budget ? text : null;
}

/** What names an array element for people: its id or name, when it has one. */
function elementName(item: unknown): string | null {
  if (item === null || typeof item !== "object" || Array.isArray(item)) return null;
  const record = item as Record<string, unknown>;
  for (const key of ["id", "name", "key"]) if (typeof record[key] === "string") return record[key];
  return null;
}

function summarize(value: object, maxLength: number): string {
  if (Array.isArray(value)) {
    const count = `${value.length} item${value.length === 1 ? "" : "s"}`;
    const names: string[] = [];
    for (const item of value) {
      const name = elementName(item);
      if (name === null) break;
      names.push(escapeControls(name));
      if (names.join(", ").length > maxLength) break;
    }
    const listed = names.length === value.length ? names.join(", ") : `${names.slice(0, -1).join(", ")}, …`;
    const text = names.length > 0 ? `[${count}: ${listed}]` : `[${count}]`;
    return text.length <= maxLength ? text : `[${count}]`;
  }
  const keys = Object.keys(value);
  let text = "{";
  for (const [index, key] of keys.entries()) {
    const next = `${index === 0 ? "" : ", "}${keyText(key)}`;
    if (text.length + next.length + 4 > maxLength) return `${text}${index === 0 ? "" : ", "}…}`;
    text += next;
  }
  return `${text}}`;
}

export function abbreviateValue(value: unknown, maxLength = 40): string {
  if (value === undefined) return "(absent)";
  // Redacted secrets print unquoted in their short form, never cut further: the fingerprint is the point.
  if (typeof value === "string" && REDACTED.test(value)) return `<redacted ${shortFingerprint(value.slice("<redacted ".length, -1))}>`;
  const text = inline(value, maxLength);
  if (text !== null) return text;
  if (value !== null && typeof value === "object") return summarize(value, maxLength);
  const full = typeof value === "string" ? quoted(value) : String(value);
  return `${full.slice(0, maxLength - 1)}…`;
}

const commonPrefixLength = (a: string, b: string) => {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
};

/**
 * Both sides of a change, each within `maxLength`. Two long strings that
 * share a prefix are shown from a little before the first difference, so
 * abbreviating never hides what changed.
 */
export function abbreviatePair(before: unknown, after: unknown, maxLength = 40): [string, string] {
  if (typeof before === "string" && typeof after === "string" && !REDACTED.test(before) && !REDACTED.test(after)) {
    const quotedBefore = quoted(before);
    const quotedAfter = quoted(after);
    if (quotedBefore.length > maxLength || quotedAfter.length > maxLength) {
      const shared = commonPrefixLength(quotedBefore, quotedAfter);
      const context = Math.max(0, Math.floor(maxLength / 3));
      const start = Math.max(0, shared - context);
      if (start > 0) {
        const tail = (text: string) => `…${text.slice(start, start + maxLength - 2)}${text.length - start > maxLength - 2 ? "…" : ""}`;
        return [tail(quotedBefore), tail(quotedAfter)];
      }
    }
  }
  return [abbreviateValue(before, maxLength), abbreviateValue(after, maxLength)];
}
