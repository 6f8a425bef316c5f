/**
 * Finds where values sit in JSON5 text without building a second tree:
 * one forward scan guided by a trie of the wanted paths. Containers no
 * wanted path enters are skipped by bracket matching alone (no keys read,
 * no paths built), and line numbers are counted once at the end for the
 * offsets found. Locations are needed for a handful of changed paths, so
 * they are computed on demand instead of on every leaf at parse time.
 */
export interface TextPosition {
  line: number;
  column: number;
}

interface TargetNode {
  children: Map<string, TargetNode>;
  /** The wanted path ending here, joined with PATH_SEPARATOR. */
  key: string | null;
}

interface Frame {
  isArray: boolean;
  /** The target node of this container's own path; null: nothing wanted inside. */
  node: TargetNode | null;
  /** The target node of the member being read (its key or index), set at its start. */
  member: TargetNode | null;
  expectsKey: boolean;
  index: number;
}

const PATH_SEPARATOR = "\u0000";
const joinPath = (segments: readonly string[]) => segments.join(PATH_SEPARATOR);

const QUOTE = 34;
const APOSTROPHE = 39;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
const KEY_START = /[A-Za-z_$\p{L}]/u;
const IDENTIFIER = /[\p{L}\p{N}_$\u200c\u200d]+/uy;

const isWhitespace = (code: number) => code <= 32 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
/** Where an unquoted scalar (number, true, Infinity, ...) ends. */
const endsScalar = (code: number) => code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE || code === SLASH || isWhitespace(code);

function buildTargets(wanted: readonly (readonly string[])[]): TargetNode {
  const root: TargetNode = { children: new Map(), key: null };
  for (const segments of wanted) {
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) {
        child = { children: new Map(), key: null };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.key = joinPath(segments);
  }
  return root;
}

/** Index just past the string opening at `start`; jumps quote to quote natively. */
function skipString(text: string, start: number): number {
  const quote = text[start]!;
  let from = start + 1;
  for (;;) {
    const end = text.indexOf(quote, from);
    if (end === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return end + 1;
    from = end + 1;
  }
}

/** The key a quoted string spells (the escapes keys use in practice). */
function readQuotedKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes("\\")) return raw;
  return raw.replace(/\\(.)/gs, (_, next: string) => (next === "n" ? "\n" : next === "t" ? "\t" : next === "\n" ? "" : next));
}

/** Index just past a comment starting at `index`, or `index` when none starts there. */
function skipComment(text: string, index: number): number {
  if (text.charCodeAt(index) !== SLASH) return index;
  const next = text.charCodeAt(index + 1);
  if (next === SLASH) {
    const end = text.indexOf("\n", index + 2);
    return end === -1 ? text.length : end;
  }
  if (next === STAR) {
    const end = text.indexOf("*/", index + 2);
    return end === -1 ? text.length : end + 2;
  }
  return index;
}

/** The characters that can open or close anything inside a container. */
const STRUCTURE = /["'/{}[\]]/g;

/** Index just past the container opening at `start`, skipping strings and comments; jumps between structural characters natively. */
function skipContainer(text: string, start: number): number {
  let depth = 0;
  let index = start;
  for (;;) {
    STRUCTURE.lastIndex = index;
    if (!STRUCTURE.test(text)) return text.length; // test() moves lastIndex without allocating a match
    index = STRUCTURE.lastIndex - 1;
    const code = text.charCodeAt(index);
    if (code === QUOTE || code === APOSTROPHE) {
      index = skipString(text, index);
      continue;
    }
    if (code === SLASH) {
      const after = skipComment(text, index);
      index = after !== index ? after : index + 1;
      continue;
    }
    index += 1;
    if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
    else if (--depth === 0) return index;
  }
}

/** 1-based line and column (in UTF-16 units) of each offset, counting newlines once. */
function toPositions(text: string, offsets: Map<string, number>): Map<string, TextPosition> {
  const ordered = [...offsets].sort((a, b) => a[1] - b[1]);
  const found = new Map<string, TextPosition>();
  let line = 1;
  let lineStart = 0;
  for (const [key, offset] of ordered) {
    for (let newline = text.indexOf("\n", lineStart); newline !== -1 && newline < offset; newline = text.indexOf("\n", lineStart)) {
      line += 1;
      lineStart = newline + 1;
    }
    found.set(key, { line, column: offset - lineStart + 1 });
  }
  return found;
}

/** Positions of object members (at their key) and array items (at their value), by segment path. */
export function locateManyInText(text: string, wanted: readonly (readonly string[])[]): Map<string, TextPosition> {
  const offsets = new Map<string, number>();
  if (wanted.length === 0) return new Map();
  const root = buildTargets(wanted);
  if (root.key !== null) offsets.set(root.key, 0);
  let remaining = new Set(wanted.map(joinPath)).size - offsets.size;
  const record = (node: TargetNode | null, at: number) => {
    if (node?.key != null && !offsets.has(node.key)) {
      offsets.set(node.key, at);
      remaining -= 1;
    }
  };

  // The sentinel holds the top-level value, whose path is the empty one.
  const stack: Frame[] = [{ isArray: true, node: null, member: root, expectsKey: false, index: 0 }];
  let index = 0;
  while (index < text.length && remaining > 0) {
    const code = text.charCodeAt(index);
    if (isWhitespace(code) || code === COLON) {
      index += 1;
      continue;
    }
    if (code === SLASH) {
      const after = skipComment(text, index);
      if (after !== index) {
        index = after;
        continue;
      }
    }
    const frame = stack[stack.length - 1]!;
    const inArray = frame.isArray && stack.length > 1;
    if (!frame.isArray && frame.expectsKey && (code === QUOTE || code === APOSTROPHE || KEY_START.test(text[index]!))) {
      const start = index;
      let key: string;
      if (code === QUOTE || code === APOSTROPHE) {
        index = skipString(text, index);
        key = readQuotedKey(text, start, index);
      } else {
        IDENTIFIER.lastIndex = index;
        key = IDENTIFIER.exec(text)?.[0] ?? text[index]!;
        index += key.length;
      }
      frame.expectsKey = false;
      frame.member = frame.node?.children.get(key) ?? null;
      record(frame.member, start);
      continue;
    }
    if (inArray && (code !== COMMA && code !== CLOSE_BRACKET && code !== CLOSE_BRACE)) {
      frame.member = frame.node?.children.get(String(frame.index)) ?? null;
      record(frame.member, index);
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (frame.member === null) {
        index = skipContainer(text, index); // nothing wanted inside
        continue;
      }
      stack.push({ isArray: code === OPEN_BRACKET, node: frame.member, member: null, expectsKey: code === OPEN_BRACE, index: 0 });
      index += 1;
      continue;
    }
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      stack.pop();
      index += 1;
      continue;
    }
    if (code === COMMA) {
      if (frame.isArray) frame.index += 1;
      else frame.expectsKey = true;
      frame.member = null;
      index += 1;
      continue;
    }
    // A scalar value: skip the token.
    if (code === QUOTE || code === APOSTROPHE) index = skipString(text, index);
    else while (index < text.length && !endsScalar(text.charCodeAt(index))) index += 1;
  }
  return toPositions(text, offsets);
}

export function locateInText(text: string, segments: readonly string[]): TextPosition | undefined {
  return locateManyInText(text, [segments]).get(joinPath(segments));
}

export { joinPath as positionKey };
