/**
 * Finds where values sit in JSON5 text without building a second tree:
 * one forward scan that tracks only the current key path. Locations are
 * needed for a handful of changed paths, so they are computed on demand
 * instead of paying for a position on every leaf at parse time.
 */
export interface TextPosition {
  line: number;
  column: number;
}

interface Frame {
  kind: "object" | "array";
  key: string | null;
  index: number;
}

const PATH_SEPARATOR = "\u0000";
const joinPath = (segments: readonly string[]) => segments.join(PATH_SEPARATOR);

/** Positions of object members (at their key) and array items (at their value), by segment path. */
export function locateManyInText(text: string, wanted: readonly (readonly string[])[]): Map<string, TextPosition> {
  const targets = new Set(wanted.map(joinPath));
  const found = new Map<string, TextPosition>();
  if (targets.size === 0) return found;
  if (targets.has("")) found.set("", { line: 1, column: 1 });

  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  let index = 0;
  // The path of a member of the innermost container: its ancestors' keys (minus the sentinel) plus `last`.
  const pathOf = (last: string) =>
    joinPath([...stack.slice(1, -1).map((frame) => (frame.kind === "object" ? (frame.key ?? "") : String(frame.index))), last]);
  const record = (last: string, at: number) => {
    const key = pathOf(last);
    if (targets.has(key) && !found.has(key)) found.set(key, { line, column: at - lineStart + 1 });
  };
  // Frames hold the container's own position in the parent; the root frame is a sentinel.
  stack.push({ kind: "array", key: null, index: 0 });

  const skipString = (quote: string): string => {
    let value = "";
    index += 1;
    while (index < text.length && text[index] !== quote) {
      if (text[index] === "\\") {
        const next = text[index + 1] ?? "";
        value += next === "n" ? "\n" : next === "t" ? "\t" : next;
        if (next === "\n") {
          line += 1;
          lineStart = index + 2;
        }
        index += 2;
        continue;
      }
      value += text[index];
      index += 1;
    }
    index += 1;
    return value;
  };

  while (index < text.length && found.size < targets.size) {
    const char = text[index]!;
    if (char === "\n") {
      line += 1;
      index += 1;
      lineStart = index;
      continue;
    }
    if (char === "/" && text[index + 1] === "/") {
      while (index < text.length && text[index] !== "\n") index += 1;
      continue;
    }
    if (char === "/" && text[index + 1] === "*") {
      const end = text.indexOf("*/", index + 2);
      const stop = end === -1 ? text.length : end + 2;
      for (let scan = index; scan < stop; scan += 1) {
        if (text[scan] === "\n") {
          line += 1;
          lineStart = scan + 1;
        }
      }
      index = stop;
      continue;
    }
    const frame = stack[stack.length - 1]!;
    const expectsKey = frame.kind === "object" && frame.key === null;
    if (expectsKey && (char === '"' || char === "'" || /[A-Za-z_$\p{L}]/u.test(char))) {
      const start = index;
      let key: string;
      if (char === '"' || char === "'") key = skipString(char);
      else {
        const match = /^[\p{L}\p{N}_$\u200c\u200d]+/u.exec(text.slice(index, index + 256));
        key = match ? match[0] : char;
        index += key.length;
      }
      frame.key = key;
      record(key, start);
      continue;
    }
    if (char === "{" || char === "[") {
      if (frame.kind === "array" && stack.length > 1) record(String(frame.index), index);
      stack.push({ kind: char === "{" ? "object" : "array", key: null, index: 0 });
      index += 1;
      continue;
    }
    if (char === "}" || char === "]") {
      stack.pop();
      index += 1;
      continue;
    }
    if (char === ",") {
      if (frame.kind === "object") frame.key = null;
      else frame.index += 1;
      index += 1;
      continue;
    }
    if (char === ":" || char === " " || char === "\t" || char === "\r") {
      index += 1;
      continue;
    }
    // A scalar value: note array items, then skip the token.
    if (frame.kind === "array" && stack.length > 1) record(String(frame.index), index);
    if (char === '"' || char === "'") skipString(char);
    else while (index < text.length && !/[,\]}\s/]/.test(text[index]!)) index += 1;
  }
  return found;
}

export function locateInText(text: string, segments: readonly string[]): TextPosition | undefined {
  return locateManyInText(text, [segments]).get(joinPath(segments));
}

export { joinPath as positionKey };
