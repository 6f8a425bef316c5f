import { mapStrings } from "./map-strings.js";

/**
 * Characters from data that must never reach a terminal or a CI log as
 * themselves: C0 controls (ESC, CR, LF, TAB …), DEL and C1 controls, the
 * Unicode line and paragraph separators, bidi embeddings, overrides,
 * isolates and marks (which reorder what a reader sees), and the BOM.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, "0");

/** `text` with every unsafe character written as a visible escape (`\n`, `\x1b`, `\u202e`); idempotent. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return NAMED[char] ?? (code <= 0xff ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  });
}

/** A copy of `data` with every string escaped for a text format (JSON formats escape for themselves). */
export function displaySafe<T>(data: T): T {
  return mapStrings(data, escapeControls) as T;
}

/**
 * CI runners execute a log line that starts with `::` (after leading
 * blanks) as a workflow command. Text formats never start a line so
 * themselves, but a wrapped table cell or a path at the start of a line
 * can: such a line gets a backslash that stops the runner and shows.
 */
export function defuseCommandLines(text: string): string {
  return text.replace(/^([ \t]*)::/gm, "$1\\::");
}
