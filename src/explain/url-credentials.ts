/** Characters that end a URL's authority: past them an `@` belongs to the path or query, not to userinfo. */
const AUTHORITY_END = new Set(["/", "?", "#", "@", " ", "\t", "\n", "\r", '"', "'", "<", ">"]);

/**
 * The userinfo spans of URLs in `text` (`scheme://user:pass@host`,
 * `https://ghp_token@github.com`), as [start, end) offsets. Scans from each
 * `://` to the end of its authority, so the work is linear in the text (a
 * regex anchored on the scheme would rescan from every letter).
 */
function userinfoSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = text.indexOf("://");
  while (from !== -1) {
    let index = from + 3;
    while (index < text.length && !AUTHORITY_END.has(text[index]!)) index += 1;
    if (text[index] === "@" && index > from + 3) spans.push([from + 3, index]);
    from = text.indexOf("://", index);
  }
  return spans;
}

export function holdsUrlCredentials(text: string): boolean {
  return text.includes("://") && userinfoSpans(text).length > 0;
}

/** `text` with each URL's userinfo replaced. */
export function replaceUrlCredentials(text: string, replace: (userinfo: string) => string): string {
  if (!text.includes("://")) return text;
  let out = "";
  let last = 0;
  for (const [start, end] of userinfoSpans(text)) {
    out += text.slice(last, start) + replace(text.slice(start, end));
    last = end;
  }
  return last === 0 ? text : out + text.slice(last);
}
